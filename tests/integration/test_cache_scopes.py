"""Targeted invalidation and the release in every key (home/caching), through the real
middleware stack with the demo content: a registration refreshes the places left on the
event page and the event listing at once, while cached case pages stay cached; a new release
identifier makes every page a MISS."""

import datetime

import pytest
from django.utils import timezone

from cases.models import CasePage, MethodIndexPage
from events.formatting import EVENT_TZ
from events.models import EventIndexPage, EventPage
from tests.integration.test_events import started

pytestmark = pytest.mark.django_db


def make_event(capacity=5):
    day = timezone.localdate(timezone=EVENT_TZ) + datetime.timedelta(days=20)
    start = datetime.datetime.combine(day, datetime.time(10), EVENT_TZ)
    page = EventPage(
        title="Netzwerktreffen mit Anmeldung",
        slug="netzwerktreffen-mit-anmeldung",
        event_type="network_meeting",
        format="on-site",
        venue_name="Rathaus Pirna",
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_mode="form",
        capacity=capacity,
    )
    EventIndexPage.objects.get(locale__language_code="de").add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def prime(client, urls):
    for url in urls:
        get(client, url)
        assert get(client, url)["X-Cache"] == "HIT", url


def register(client, event, email, django_capture_on_commit_callbacks):
    # The shared public-form protection wants the signed start time of the form.
    data = {"name": "Erika Muster", "email": email, "consent": "on", **started()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + event.reverse_subpage("register"), data)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()


def test_registration_refreshes_places_left_but_case_pages_stay_cached(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    listing = EventIndexPage.objects.get(locale__language_code="de").url
    cases = [page.url for page in CasePage.objects.live().filter(locale__language_code="de")[:3]]
    prime(client, [event.url, listing, *cases, "/de/"])
    assert "5 Plätze frei." in get(client, event.url).content.decode()
    assert "5 Plätze frei." in get(client, listing).content.decode()

    register(client, event, "erika@example.org", django_capture_on_commit_callbacks)

    page = get(client, event.url)
    assert page["X-Cache"] == "MISS" and "4 Plätze frei." in page.content.decode()
    index = get(client, listing)
    assert index["X-Cache"] == "MISS" and "4 Plätze frei." in index.content.decode()
    for url in [*cases, "/de/"]:
        assert get(client, url)["X-Cache"] == "HIT", f"{url} was invalidated by a registration"
    # The fresh copies are cached again until the next registration.
    assert get(client, event.url)["X-Cache"] == "HIT"
    assert get(client, listing)["X-Cache"] == "HIT"


def test_registration_for_one_event_keeps_another_event_page_cached(
    client, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    other = EventPage.objects.live().filter(locale__language_code="de").exclude(pk=event.pk)[0]
    prime(client, [event.url, other.url])
    register(client, event, "paul@example.org", django_capture_on_commit_callbacks)
    assert get(client, other.url)["X-Cache"] == "HIT"
    assert get(client, event.url)["X-Cache"] == "MISS"


def test_english_page_shows_the_places_left_of_the_german_original(
    client, django_capture_on_commit_callbacks
):
    """Registrations belong to the German original: its English page depends on it too."""
    from wagtail.models import Locale

    event = make_event(capacity=2)
    english = event.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    english = EventPage.objects.get(pk=english.pk)
    prime(client, [english.url])
    register(client, event, "anna@example.org", django_capture_on_commit_callbacks)
    response = get(client, english.url)
    assert response["X-Cache"] == "MISS" and "1 place left." in response.content.decode()


def test_publish_still_refreshes_everything(client, home_de):
    case = CasePage.objects.live().filter(locale=home_de.locale).first()
    prime(client, [case.url, "/de/"])
    case.title = "Ein frisch veröffentlichter Titel"
    case.save_revision().publish()
    assert "Ein frisch veröffentlichter Titel" in get(client, case.url).content.decode()
    assert get(client, "/de/")["X-Cache"] == "MISS"


def test_a_new_release_makes_every_page_a_miss(client, settings):
    event = EventPage.objects.live().filter(locale__language_code="de").first()
    case = CasePage.objects.live().filter(locale__language_code="de").first()
    indexes = [EventIndexPage.objects.get(locale__language_code="de").url]
    indexes.append(MethodIndexPage.objects.get(locale__language_code="de").url)
    urls = ["/de/", "/en/", case.url, event.url, *indexes]
    settings.RELEASE_ID = "release-1"
    prime(client, urls)
    settings.RELEASE_ID = "release-2"
    for url in urls:
        assert get(client, url)["X-Cache"] == "MISS", url
    settings.RELEASE_ID = "release-1"  # the old entries are still there for the old release
    assert all(get(client, url)["X-Cache"] == "HIT" for url in urls)


def test_release_fingerprint_follows_code_and_static_manifest(tmp_path):
    from home.caching.release import _fingerprint

    fingerprint = _fingerprint.__wrapped__  # uncached: the files change in between

    (tmp_path / "app.py").write_text("A = 1\n")
    static = tmp_path / "static_root"
    static.mkdir()
    first = fingerprint(str(tmp_path), str(static))
    (tmp_path / "app.py").write_text("A = 2\n")
    second = fingerprint(str(tmp_path), str(static))
    (static / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.1.css"}}')
    third = fingerprint(str(tmp_path), str(static))
    assert len({first, second, third}) == 3
