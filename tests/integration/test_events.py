"""Events (#4) through Django's test client on the real database with demo content: the index,
event pages, iCalendar export and feed, JSON-LD, registration with waiting list, cancellation,
purge, admin export and the survey — in German and English."""

import datetime
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from icalendar import Calendar
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page

from events.formatting import EVENT_TZ
from events.models import EventIndexPage, EventPage, EventRegistration, SurveyPage
from home.public_forms import start_token

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


# --- helpers ------------------------------------------------------------------------------------


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """Mails leave once the request's transaction commits (home.outbox.queue_mail). Each test
    runs inside a transaction that never commits, so run those callbacks after every POST,
    as the committed request would."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def index(language="de"):
    return EventIndexPage.objects.get(locale__language_code=language)


def make_event(slug, days=10, hours=2, language="de", publish=True, **fields):
    """An event starting `days` from now (negative: in the past) at 10:00 Berlin time."""
    day = timezone.localdate(timezone=EVENT_TZ) + datetime.timedelta(days=days)
    start = datetime.datetime.combine(day, datetime.time(10), EVENT_TZ)
    defaults = {
        "title": f"Testveranstaltung {slug}",
        "event_type": "workshop",
        "format": "on-site",
        "venue_name": "Rathaus Pirna",
        "venue_address": "Am Markt 1\n01796 Pirna",
        "organiser": "Netzwerk",
        "start": start,
        "end": start + datetime.timedelta(hours=hours),
    }
    defaults.update(fields)
    page = EventPage(slug=slug, **defaults)
    index(language).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return EventPage.objects.get(pk=page.pk)


def form_data(**overrides):
    data = {
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "organisation": "Stadt Pirna",
        "needs": "Rollstuhlgerechter Zugang",
        "consent": "on",
        "form_started": start_token(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def started():
    return {"form_started": start_token()}


def _answer(response):
    """The page's main text, without the per-render start time of forms."""
    return re.sub(r'name="form_started" value="[^"]*"', "", response.content.decode())


def register(client, event, **overrides):
    return client.post(event.url + event.reverse_subpage("register"), form_data(**overrides))


def cancel_link(message):
    match = re.search(r"(http\S+/abmelden/\?token=\S+)", message.body)
    assert match, message.body
    return match.group(1)


def jsonld(response):
    """The page's one schema.org Event (the breadcrumbs carry a BreadcrumbList of their own)."""
    blocks = [json.loads(block) for block in JSONLD.findall(response.content.decode())]
    events = [block for block in blocks if block.get("@type") == "Event"]
    assert len(events) == 1
    return events[0]


def parse_ics(content):
    cal = Calendar.from_ical(content)
    return cal, [c for c in cal.walk("VEVENT")]


# --- index --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url,upcoming,past,feed",
    [
        (
            "/de/veranstaltungen/",
            "Kommende Veranstaltungen",
            "Vergangene Veranstaltungen",
            "/de/veranstaltungen/kalender/",
        ),
        ("/en/events/", "Upcoming events", "Past events", "/en/events/calendar/"),
    ],
)
def test_index_lists_upcoming_first_then_archive_by_year(client, url, upcoming, past, feed):
    later = make_event("spaeter", days=40, language="de" if "/de/" in url else "en")
    sooner = make_event("bald", days=5, language="de" if "/de/" in url else "en")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index(upcoming) < html.index(past)
    # Soonest first among upcoming events, then the past ones (latest first) under their year.
    assert html.index(sooner.title) < html.index(later.title) < html.index(past)
    assert re.search(r"<h3>2022</h3>", html)
    assert html.index("2. Netzwerk" if "/de/" in url else "2nd network") < html.index(
        "1. Netzwerk" if "/de/" in url else "1st network"
    )
    assert f'<link rel="alternate" type="text/calendar" href="{feed}"' in html


def test_index_filters_by_type_and_format(client):
    make_event("online-treffen", event_type="network_meeting", format="online", venue_name="")
    response = client.get("/de/veranstaltungen/", {"type": "workshop"})
    html = response.content.decode()
    assert "Praxiswerkstatt" in html and "Kommune gemeinsam gestalten" in html
    assert "Testveranstaltung online-treffen" not in html
    assert "2. Netzwerktreffen" not in html
    response = client.get("/de/veranstaltungen/", {"format": "online", "type": "network_meeting"})
    html = response.content.decode()
    assert "Testveranstaltung online-treffen" in html and "Praxiswerkstatt" not in html
    assert '<option value="online" selected>' in html


@pytest.mark.parametrize("value", ["on-site", "on_site"])  # on_site: links from before 0003
def test_index_format_filter_uses_the_knowledge_base_values(client, value):
    make_event("hybrid-treffen", format="hybrid")
    html = client.get("/de/veranstaltungen/", {"format": value}).content.decode()
    assert '<option value="on-site" selected>Vor Ort</option>' in html
    assert "Praxiswerkstatt" in html and "Testveranstaltung hybrid-treffen" not in html
    assert "nicht erkannt" not in html
    hybrid = client.get("/en/events/", {"format": "hybrid"}).content.decode()
    assert '<option value="hybrid" selected>Hybrid</option>' in hybrid
    assert "Practice workshop" not in hybrid


def test_event_format_labels_and_attendance_modes(client):
    """Each Format value is labelled, placed and mapped to schema.org's attendance mode."""
    expected = {
        "on-site": ("Vor Ort", "OfflineEventAttendanceMode", ["Place"]),
        "online": ("Online", "OnlineEventAttendanceMode", ["VirtualLocation"]),
        "hybrid": ("Hybrid", "MixedEventAttendanceMode", ["Place", "VirtualLocation"]),
    }
    for value, (label, mode, locations) in expected.items():
        event = make_event(f"format-{value}", format=value, online_info="Videokonferenz")
        response = client.get(event.url)
        data = jsonld(response)
        assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
        places = data["location"] if isinstance(data["location"], list) else [data["location"]]
        assert [p["@type"] for p in places] == locations
        html = response.content.decode()
        assert f'<span class="badge">{label}</span>' in html
        assert ("Online: Videokonferenz" in html) == (value != "on-site")
        assert ("Rathaus Pirna" in html.split("<main")[1]) == (value != "online")
        _cal, (vevent,) = parse_ics(client.get(event.url + "ics/").content)
        assert ("Online" in str(vevent["LOCATION"])) == (value != "on-site")


def test_format_migration_converts_fields_revisions_and_translation_sources():
    """events/0003 in both directions on the demo events (inside the test's transaction)."""
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision
    from wagtail_localize.models import TranslationSource

    migration = importlib.import_module(
        "events.migrations.0003_format_values_of_the_knowledge_base"
    )
    content_type = ContentType.objects.get_for_model(EventPage)

    def stored():
        return (
            set(EventPage.objects.values_list("format", flat=True)),
            {r.content["format"] for r in Revision.objects.filter(content_type=content_type)},
            {
                json.loads(s.content_json)["format"]
                for s in TranslationSource.objects.filter(specific_content_type=content_type)
            },
        )

    assert stored() == ({"on-site", "online"},) * 3
    migration.backwards(apps, None)
    assert stored() == ({"on_site", "online"},) * 3
    migration.forwards(apps, None)
    assert stored() == ({"on-site", "online"},) * 3


def test_index_year_archive(client):
    html = client.get("/en/events/", {"year": "2022"}).content.decode()
    assert "Archive 2022" in html
    assert "1st network meeting" in html and "Practice workshop" not in html


@pytest.mark.parametrize(
    "query",
    [
        "type=nonsense",
        "format=%3Cscript%3E",
        "year=abc",
        "year=1999",
        "type=work%00shop",
        "format=%ED%A0%80",  # a lone surrogate, not valid UTF-8
        "format=onsite",
        "format=On-site",
        "format=csv",
        "page=999999",
        "page=-1",
        "page=" + "x" * 3000,
    ],
)
def test_index_bad_filter_values_are_ignored_with_a_note(client, query):
    response = client.get("/de/veranstaltungen/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("<main")[1]
    if not query.startswith("page"):
        assert "nicht erkannt und ignoriert" in html
    assert "Praxiswerkstatt" in html or "Netzwerktreffen" in html


def test_index_moves_an_event_to_the_archive_once_it_has_ended(client, settings, monkeypatch):
    """The index caches its counts and page ids (events/listing.py): the clock passing an
    event's end must move it to the archive although nothing was published."""
    settings.PAGE_CACHE_ENABLED = False  # the page cache may serve minutes-old HTML on purpose
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    ending = make_event("endet-bald", start=now + hour, end=now + 2 * hour)
    later = make_event("spaeter", days=5)
    html = client.get("/de/veranstaltungen/").content.decode()
    assert html.index(ending.title) < html.index(later.title) < html.index("Vergangene")
    monkeypatch.setattr(timezone, "now", lambda: now + 3 * hour)
    html = client.get("/de/veranstaltungen/").content.decode()
    assert html.index(later.title) < html.index("Vergangene") < html.index(ending.title)
    year = ending.start.astimezone(EVENT_TZ).year
    assert ending.title in client.get(f"/de/veranstaltungen/?year={year}").content.decode()


def test_index_query_count_does_not_grow_with_events(client, django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(2):
        make_event(f"n-plus-eins-{i}", days=3 + i)
    cache.clear()  # both requests cold (a publish warms Wagtail's site root paths)
    with CaptureQueriesContext(connection) as few:
        assert client.get("/de/veranstaltungen/").status_code == 200
    for i in range(2, 10):
        make_event(f"n-plus-eins-{i}", days=3 + i)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/de/veranstaltungen/")
    assert response.content.decode().count("Testveranstaltung n-plus-eins") == 10  # page of 10


# --- event page ---------------------------------------------------------------------------------


def test_event_page_shows_dates_in_german_and_english(client):
    de = client.get("/de/veranstaltungen/zweites-netzwerktreffen-2022/").content.decode()
    assert "Donnerstag, 8. Dezember 2022, 13:00–17:00 Uhr" in de
    assert "Prof. Oliver Decker" in de and "Programm" in de
    en = client.get("/en/events/second-network-meeting-2022/").content.decode()
    assert "Thursday, 8 December 2022, 13:00–17:00" in en
    assert "Uhr" not in en.split("<main")[1]
    assert "Programme" in en and "Documentation" in en
    workshop = client.get("/de/veranstaltungen/kommune-gemeinsam-gestalten/").content.decode()
    assert "Dienstag, 15. November 2022<" in workshop  # all-day: no times
    assert "Diese Veranstaltung hat stattgefunden." in workshop  # past event


def test_event_page_shows_venue_and_registration_state(client):
    html = client.get("/de/veranstaltungen/praxiswerkstatt-buergerrat/").content.decode()
    assert "Stadtforum Dresden" in html and "Ammonstraße 74" in html
    assert "3 Plätze frei" in html
    assert 'href="/de/veranstaltungen/praxiswerkstatt-buergerrat/anmelden/"' in html
    assert "Dokumentation" not in html  # documentation only after the event


def test_json_ld_event(client):
    data = jsonld(client.get("/de/veranstaltungen/zweites-netzwerktreffen-2022/"))
    assert data["@type"] == "Event" and data["@context"] == "https://schema.org"
    assert data["name"] == "2. Netzwerktreffen Bürgerbeteiligung"
    assert data["startDate"] == "2022-12-08T13:00:00+01:00"
    assert data["endDate"] == "2022-12-08T17:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["organizer"]["name"].startswith("Erfahrungs- und Beratungsnetzwerk")
    assert data["organizer"]["url"] == "http://testserver/de/"  # none entered: this site
    onsite = jsonld(client.get("/en/events/practice-workshop-citizens-assembly/"))
    assert onsite["location"]["@type"] == "Place"
    assert onsite["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Ammonstraße 74",
        "postalCode": "01067",
        "addressLocality": "Dresden",
        "addressCountry": "DE",
    }
    assert onsite["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert onsite["organizer"]["url"] == "http://testserver/en/"


def test_json_ld_event_names_organiser_url_and_image(client):
    from wagtail.images import get_image_model

    image = get_image_model().objects.order_by("pk").first()
    event = make_event(
        "mit-bild",
        format="hybrid",
        venue_address="Schloßstraße 1, D-01067 Dresden",
        organiser="Jugendring Vogtland",
        organiser_url="https://jugendring.example.org/",
        image=image,
        image_alt="Ein Bild",
    )
    data = jsonld(client.get(event.url))
    place, virtual = data["location"]
    assert place["address"]["streetAddress"] == "Schloßstraße 1"
    assert place["address"]["postalCode"] == "01067"
    assert virtual["@type"] == "VirtualLocation"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Jugendring Vogtland",
        "url": "https://jugendring.example.org/",
    }
    (image_url,) = data["image"]
    assert image_url.startswith("http://testserver/") and image_url.endswith(".jpg")
    rendition = image.get_rendition("fill-1200x630|format-jpeg")
    assert image_url.endswith(rendition.url)
    assert "image" not in jsonld(client.get(make_event("ohne-bild").url))


def test_json_ld_cannot_be_broken_out_of(client):
    event = make_event("boese", title='Böse </script><script>alert("x")</script> & Co')
    response = client.get(event.url)
    assert '<script>alert("x")' not in response.content.decode()
    assert jsonld(response)["name"] == 'Böse </script><script>alert("x")</script> & Co'


# --- iCalendar ----------------------------------------------------------------------------------


def test_event_ics_is_valid_and_linked(client):
    # A past event no longer invites to add it to a calendar; its .ics still answers.
    page = client.get("/de/veranstaltungen/zweites-netzwerktreffen-2022/").content.decode()
    assert 'href="/de/veranstaltungen/zweites-netzwerktreffen-2022/ics/"' not in page
    response = client.get("/de/veranstaltungen/zweites-netzwerktreffen-2022/ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert ".ics" in response["Content-Disposition"]
    cal, events = parse_ics(response.content)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    assert len(events) == 1
    event = events[0]
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(2022, 12, 8, 13, 0, tzinfo=EVENT_TZ)
    assert str(start.tzinfo) == "Europe/Berlin"
    assert event.decoded("DTEND") == datetime.datetime(2022, 12, 8, 17, 0, tzinfo=EVENT_TZ)
    assert event.decoded("DTSTAMP").tzinfo is not None
    assert str(event["SUMMARY"]) == "2. Netzwerktreffen Bürgerbeteiligung"
    assert str(event["URL"]).endswith("/de/veranstaltungen/zweites-netzwerktreffen-2022/")
    assert "Online" in str(event["LOCATION"])
    assert cal.walk("VTIMEZONE"), "time zone definition included"
    # Lines are folded at 75 octets (RFC 5545 §3.1).
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    # Stable UID: the same on every request and for the English translation.
    again = parse_ics(client.get("/de/veranstaltungen/zweites-netzwerktreffen-2022/ics/").content)[
        1
    ][0]
    english = parse_ics(client.get("/en/events/second-network-meeting-2022/ics/").content)[1][0]
    assert str(event["UID"]) == str(again["UID"]) == str(english["UID"])
    assert str(english["SUMMARY"]) == "2nd network meeting on citizen participation"


def test_all_day_ics_uses_dates_and_location_is_escaped(client):
    _cal, events = parse_ics(
        client.get("/de/veranstaltungen/kommune-gemeinsam-gestalten/ics/").content
    )
    event = events[0]
    assert event.decoded("DTSTART") == datetime.date(2022, 11, 15)
    assert event.decoded("DTEND") == datetime.date(2022, 11, 16)  # exclusive end
    assert "VALUE=DATE" in event.to_ical().decode()
    onsite = parse_ics(client.get("/de/veranstaltungen/praxiswerkstatt-buergerrat/ics/").content)[
        1
    ][0]
    assert str(onsite["LOCATION"]) == "Stadtforum Dresden, Ammonstraße 74, 01067 Dresden"
    assert (
        b"LOCATION:Stadtforum Dresden\\, Ammonstra"
        in client.get("/de/veranstaltungen/praxiswerkstatt-buergerrat/ics/").content
    )


def test_ics_for_unpublished_or_unknown_event_is_404(client):
    draft = make_event("entwurf", publish=False)
    assert client.get(f"/de/veranstaltungen/{draft.slug}/ics/").status_code == 404
    live = make_event("zurueckgezogen")
    assert client.get(live.url + "ics/").status_code == 200
    live.unpublish()
    assert client.get(f"/de/veranstaltungen/{live.slug}/ics/").status_code == 404
    assert client.get("/de/veranstaltungen/gibt-es-nicht/ics/").status_code == 404
    assert (
        client.get("/de/veranstaltungen/zweites-netzwerktreffen-2022/ics.ics/").status_code == 404
    )


@pytest.mark.parametrize(
    "language,url", [("de", "/de/veranstaltungen/kalender/"), ("en", "/en/events/calendar/")]
)
def test_feed_has_upcoming_events_of_its_language(client, language, url):
    make_event("feed-test", days=3, language=language, title=f"Feed {language}")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    _cal, events = parse_ics(response.content)
    titles = [str(e["SUMMARY"]) for e in events]
    assert f"Feed {language}" in titles
    assert len(titles) == 3
    expected = "Praxiswerkstatt" if language == "de" else "Practice workshop"
    assert any(t.startswith(expected) for t in titles)
    assert not any("2022" in str(e["DTSTART"].dt.year) for e in events)
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == sorted(starts)


# --- registration -------------------------------------------------------------------------------


def test_registration_confirms_and_mails_with_ics(client):
    event = make_event("anmeldung", registration_mode="form", capacity=5)
    form = client.get(event.url + event.reverse_subpage("register")).content.decode()
    assert 'name="form_started"' in form and 'name="website"' in form
    assert 'href="/de/datenschutz/"' in form  # consent links to the privacy notice
    response = register(client, event)
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Anmeldung" in response.content.decode()
    registration = EventRegistration.objects.get(event=event)
    assert registration.status == "confirmed" and registration.consent_at is not None
    assert registration.needs == "Rollstuhlgerechter Zugang"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["erika@example.org"]
    assert "Anmeldung bestätigt" in message.subject and event.title in message.subject
    assert "Rathaus Pirna" in message.body and "Uhr" in message.body
    assert "/abmelden/?token=" in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert str(parse_ics(content)[1][0]["SUMMARY"]) == event.title


def test_english_registration_gets_english_mail_and_counts_on_the_german_original(client):
    german = EventPage.objects.get(slug="praxiswerkstatt-buergerrat")
    response = client.post(
        "/en/events/practice-workshop-citizens-assembly/register/",
        form_data(email="jo@example.org"),
    )
    assert "Thank you for registering" in response.content.decode()
    registration = EventRegistration.objects.get(email="jo@example.org")
    assert registration.event_id == german.pk and registration.language == "en"
    message = mail.outbox[0]
    assert message.subject.startswith("Registration confirmed")
    assert "/en/events/practice-workshop-citizens-assembly/cancel/?token=" in message.body
    assert "Hello Erika Mustermann" in message.body


def test_waiting_list_and_promotion_on_cancel(client):
    event = make_event("warteliste", registration_mode="form", capacity=1)
    register(client, event, email="first@example.org", name="Erste")
    response = register(client, event, email="second@example.org", name="Zweite")
    assert "Vielen Dank für Ihre Anmeldung" in response.content.decode()
    assert EventRegistration.objects.get(email="second@example.org").status == "waiting"
    assert "Warteliste" in mail.outbox[1].subject
    assert "Sie stehen auf der Warteliste" in mail.outbox[1].body
    # The registration form now says it is fully booked.
    assert (
        "ausgebucht" in client.get(event.url + event.reverse_subpage("register")).content.decode()
    )

    link = cancel_link(mail.outbox[0])
    confirm = client.get(link)
    assert confirm.status_code == 200 and "Erste" in confirm.content.decode()
    assert (
        EventRegistration.objects.get(email="first@example.org").status == "confirmed"
    )  # GET only asks
    token = parse_qs(urlparse(link).query)["token"][0]
    done = client.post(urlparse(link).path, {"token": token})
    assert "wurde storniert" in done.content.decode()
    assert EventRegistration.objects.get(email="first@example.org").status == "cancelled"
    assert EventRegistration.objects.get(email="second@example.org").status == "confirmed"
    promoted = [m for m in mail.outbox if m.to == ["second@example.org"]][-1]
    assert "frei geworden" in promoted.subject and promoted.attachments
    # The same link again: already cancelled, nothing changes.
    again = client.post(urlparse(link).path, {"token": token})
    assert "bereits storniert" in again.content.decode()
    assert EventRegistration.objects.filter(status="confirmed").filter(event=event).count() == 1


@pytest.mark.parametrize("token", ["", "abc", "x" * 500, "%00", "a:b:c"])
def test_tampered_cancel_tokens_are_rejected(client, token):
    event = make_event("manipuliert", registration_mode="form")
    register(client, event)
    good = parse_qs(urlparse(cancel_link(mail.outbox[0])).query)["token"][0]
    response = client.post(
        event.url + event.reverse_subpage("cancel"), {"token": token or good[:-2] + "xx"}
    )
    assert response.status_code == 400
    assert "nicht gültig" in response.content.decode()
    assert EventRegistration.objects.get(event=event).status == "confirmed"
    # Not even valid UTF-8 in the query string: still a clear 400, no 500.
    assert (
        client.get(event.url + event.reverse_subpage("cancel") + "?token=%ED%A0%80").status_code
        == 400
    )


def test_cancel_token_of_another_event_is_rejected(client):
    one = make_event("eins", registration_mode="form")
    two = make_event("zwei", registration_mode="form")
    register(client, one)
    token = parse_qs(urlparse(cancel_link(mail.outbox[0])).query)["token"][0]
    assert client.post(two.url + two.reverse_subpage("cancel"), {"token": token}).status_code == 404
    assert EventRegistration.objects.get(event=one).status == "confirmed"


def test_duplicate_registration_is_not_stored_twice(client):
    event = make_event("doppelt", registration_mode="form")
    first = register(client, event)
    response = register(client, event, email="  ERIKA@example.org ")
    # The answer is the same as for a new registration: it does not tell a stranger that
    # this address is registered. Only the address's owner learns it, by mail.
    assert _answer(response) == _answer(first)
    assert EventRegistration.objects.filter(event=event).count() == 1
    assert len(mail.outbox) == 2 and "bereits angemeldet" in mail.outbox[1].subject
    assert "/abmelden/?token=" in mail.outbox[1].body
    register(client, event, email="erika@example.org")  # and once is enough: no mail bombing
    assert len(mail.outbox) == 2


def test_cancelled_person_may_register_again(client):
    event = make_event("nochmal", registration_mode="form")
    register(client, event)
    registration = EventRegistration.objects.get(event=event)
    registration.status = "cancelled"
    registration.save()
    register(client, event)
    assert EventRegistration.objects.get(event=event).status == "confirmed"


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"email": "keine-adresse"}, "gültige E-Mail"),
        ({"consent": None}, "Datenschutzhinweis"),
        ({"name": "N" * 201}, "höchstens 200 Zeichen"),
        ({"needs": "B" * 1001}, "höchstens 1000 Zeichen"),
        ({"name": ""}, "Dieses Feld muss ausgefüllt werden"),
        ({"name": "Null\x00Byte"}, "Nullzeichen"),
    ],
)
def test_invalid_registration_keeps_input_and_explains(client, overrides, message):
    event = make_event("ungueltig", registration_mode="form")
    response = register(client, event, organisation="Gemeinde Kurort Rathen", **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Gemeinde Kurort Rathen"' in html  # the form keeps what was typed
    assert not EventRegistration.objects.filter(event=event).exists()
    assert not mail.outbox


def test_registration_closed_after_deadline_and_after_event(client):
    late = make_event(
        "frist",
        registration_mode="form",
        registration_deadline=timezone.now() - datetime.timedelta(hours=1),
    )
    response = register(client, late)
    assert "Anmeldefrist ist abgelaufen" in response.content.decode()
    over = make_event("vorbei", days=-3, registration_mode="form")
    response = client.get(over.url + over.reverse_subpage("register"))
    assert "Veranstaltung ist vorbei" in response.content.decode()
    register(client, over)
    assert not EventRegistration.objects.filter(event__in=[late, over]).exists()
    past = client.get(over.url).content.decode()
    link = 'href="{}{}"'
    assert "Diese Veranstaltung hat stattgefunden." in past
    assert link.format(over.url, over.reverse_subpage("register")) not in past
    upcoming = make_event("bald", days=3, registration_mode="form")  # the link as it appears
    upcoming_html = client.get(upcoming.url).content.decode()
    assert link.format(upcoming.url, upcoming.reverse_subpage("register")) in upcoming_html


def test_no_registration_route_without_on_site_registration(client):
    external = make_event(
        "extern", registration_mode="external", registration_url="https://example.org/anmelden"
    )
    assert client.get(external.url + external.reverse_subpage("register")).status_code == 404
    assert 'href="https://example.org/anmelden"' in client.get(external.url).content.decode()
    none = make_event("ohne")
    assert client.post(none.url + none.reverse_subpage("register"), form_data()).status_code == 404


def test_honeypot_stores_nothing(client):
    event = make_event("honig", registration_mode="form")
    response = client.post(
        event.url + event.reverse_subpage("register"),
        {**form_data(), "website": "http://spam.example"},
    )
    assert response.status_code == 200
    assert not EventRegistration.objects.filter(event=event).exists()
    assert not mail.outbox


def test_registration_is_rate_limited(client, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [(3, 600)]
    event = make_event("drossel", registration_mode="form")
    for i in range(3):
        assert register(client, event, email=f"p{i}@example.org").status_code == 200
    response = register(client, event, email="p9@example.org")
    assert response.status_code == 429
    assert "zu viele" in response.content.decode().lower()
    assert EventRegistration.objects.filter(event=event).count() == 3


def test_registration_needs_no_cookie_but_refuses_forged_posts(db):
    event = make_event("csrf", registration_mode="form")
    client = Client(enforce_csrf_checks=True)
    form = client.get(event.url + event.reverse_subpage("register"))
    assert not form.cookies and "csrfmiddlewaretoken" not in form.content.decode()
    # Without the start time of a form this site showed, or from another site: refused.
    assert (
        client.post(
            event.url + event.reverse_subpage("register"), form_data(form_started=None)
        ).status_code
        == 403
    )
    forged = client.post(
        event.url + event.reverse_subpage("register"),
        form_data(),
        HTTP_ORIGIN="https://evil.example",
    )
    assert forged.status_code == 403
    assert not EventRegistration.objects.filter(event=event).exists()
    assert (
        client.post(event.url + event.reverse_subpage("register"), form_data()).status_code == 200
    )
    assert EventRegistration.objects.filter(event=event).count() == 1


# --- purge --------------------------------------------------------------------------------------


def test_purge_deletes_personal_data_after_retention(client, settings):
    old = make_event("alt", days=-100, registration_mode="form")
    recent = make_event("neu", days=-10, registration_mode="form")
    upcoming = make_event("kommend", days=10, registration_mode="form")
    for event in (old, recent, upcoming):
        EventRegistration.objects.create(
            event=event, name="P", email=f"{event.slug}@example.org", consent_at=timezone.now()
        )
    call_command("purge_registrations", verbosity=0)
    assert set(EventRegistration.objects.values_list("event__slug", flat=True)) >= {
        "neu",
        "kommend",
    }
    assert not EventRegistration.objects.filter(event=old).exists()
    call_command("purge_registrations", verbosity=0)  # safe to run again
    call_command("purge_registrations", "--days", "5", verbosity=0)
    assert not EventRegistration.objects.filter(event=recent).exists()
    assert EventRegistration.objects.filter(event=upcoming).exists()
    settings.REGISTRATION_RETENTION_DAYS = 0
    call_command("purge_registrations", verbosity=0)
    assert EventRegistration.objects.filter(event=upcoming).exists()


# --- admin --------------------------------------------------------------------------------------


def test_admin_counts_list_and_csv_export(client):
    event = make_event("admin", registration_mode="form", capacity=1)
    register(client, event, email="a@example.org", name="Anna")
    register(client, event, email="b@example.org", name="Bert")
    admin = get_user_model().objects.create_superuser(
        "chef", "chef@example.org", "a-Long-test-pass-42"
    )
    client.force_login(admin)
    edit = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert re.search(r"1 (bestätigt|confirmed), 1 (auf der Warteliste|on the waiting list)", edit)
    assert f"/admin/snippets/events/eventregistration/?event={event.pk}" in edit
    listing = client.get("/admin/snippets/events/eventregistration/", {"event": event.pk})
    assert listing.status_code == 200 and "Anna" in listing.content.decode()
    export = client.get(
        "/admin/snippets/events/eventregistration/", {"event": event.pk, "export": "csv"}
    )
    assert export.status_code == 200
    csv_text = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "a@example.org" in csv_text and "b@example.org" in csv_text


def test_registrations_hidden_without_permission(client):
    user = get_user_model().objects.create_user("gast", "gast@example.org", "a-Long-test-pass-42")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/snippets/events/eventregistration/")
    assert response.status_code in (302, 403)
    user.user_permissions.add(Permission.objects.get(codename="view_eventregistration"))
    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    assert client.get("/admin/snippets/events/eventregistration/").status_code == 200


# --- survey -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url,thanks",
    [
        ("/de/umfrage/", "Vielen Dank für Ihre Antworten"),
        ("/en/survey/", "Thank you for your answers"),
    ],
)
def test_survey_stores_submissions(client, url, thanks):
    page = client.get(url)
    assert page.status_code == 200 and 'name="form_started"' in page.content.decode()
    survey = SurveyPage.objects.get(url_path__endswith=url.split("/")[2] + "/")
    first = survey.form_fields.order_by("sort_order").first()  # the required radio question
    answer = first.choices.splitlines()[0]
    response = client.post(url, {first.clean_name: answer, "website": "", **started()})
    assert thanks in response.content.decode()
    submission = FormSubmission.objects.filter(page=survey).latest("submit_time")
    assert submission.form_data[first.clean_name] == answer


def test_survey_missing_answer_keeps_input(client):
    before = FormSubmission.objects.count()  # the demo content has answers of its own
    response = client.post(
        "/de/umfrage/", {"was_brauchen_sie_vom_netzwerk": "Mehr Austausch", **started()}
    )
    html = response.content.decode()
    assert "Mehr Austausch" in html and "muss ausgefüllt werden" in html
    assert FormSubmission.objects.count() == before


def test_survey_honeypot_and_rate_limit(client, settings):
    question = "planen_sie_sich_am_netzwerk_zu_beteiligen"
    before = FormSubmission.objects.count()  # the demo content has answers of its own
    client.post("/de/umfrage/", {question: "Nein", "website": "spam", **started()})
    assert FormSubmission.objects.count() == before
    settings.PUBLIC_FORM_RATE_LIMITS = [(2, 600)]
    statuses = [
        client.post("/de/umfrage/", {question: "Nein", **started()}).status_code for _ in range(3)
    ]
    assert statuses[-1] == 429
    assert FormSubmission.objects.count() == before + 1  # the honeypot POST counted too


# --- demo content -------------------------------------------------------------------------------


def test_demo_content_is_complete_and_idempotent(db):
    from events import demo

    de = Locale.objects.get(language_code="de")
    events = EventPage.objects.filter(locale=de)
    assert events.count() == 5
    first = events.get(slug="erstes-netzwerktreffen-2022")
    assert (
        first.start.astimezone(EVENT_TZ).date() == datetime.date(2022, 5, 4)
        and first.format == "online"
    )
    workshop = events.get(slug="kommune-gemeinsam-gestalten")
    assert workshop.all_day and workshop.registration_mode == "form"
    assert sum(1 for e in events if not e.is_past) == 2
    assert events.get(slug="praxiswerkstatt-buergerrat").capacity
    assert all(e.documentation for e in events if e.is_past)
    assert EventIndexPage.objects.get(locale=de).show_in_menus
    before = Page.objects.count()
    demo.load()
    assert Page.objects.count() == before
