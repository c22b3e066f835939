"""Sub-routes of routable pages speak the page's language (home/routing.py): German segments
in the German tree, English ones in the English tree, and the English segments of before
answer below German pages with a 301 to the German one, query string kept."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from django.utils import translation

from cases.models import CaseIndexPage
from events.models import EventIndexPage, EventPage

from .test_events import form_data, make_event

pytestmark = pytest.mark.django_db

WORKSHOP_DE = "/de/veranstaltungen/praxiswerkstatt-buergerrat/"
WORKSHOP_EN = "/en/events/practice-workshop-citizens-assembly/"

# (German page, old English segment, German segment, English page, what the route shows)
ROUTES = [
    ("/de/verfahren/", "codebook/", "codebuch/", "/en/cases/", "<code>region</code>"),
    ("/de/veranstaltungen/", "calendar/", "kalender/", "/en/events/", "BEGIN:VCALENDAR"),
    (WORKSHOP_DE, "register/", "anmelden/", WORKSHOP_EN, 'name="email"'),
]


@pytest.mark.parametrize("page,old,new,english,shows", ROUTES)
def test_german_sub_route_answers_at_its_german_segment(client, page, old, new, english, shows):
    response = client.get(page + new)
    assert response.status_code == 200
    assert shows in response.content.decode()


@pytest.mark.parametrize("page,old,new,english,shows", ROUTES)
def test_old_english_segment_below_a_german_page_redirects_permanently(
    client, page, old, new, english, shows
):
    response = client.get(page + old)
    assert response.status_code == 301
    assert response["Location"] == page + new
    with_query = client.get(page + old + "?a=1&b=%C3%BC&b=2")
    assert with_query.status_code == 301
    assert with_query["Location"] == page + new + "?a=1&b=%C3%BC&b=2"


@pytest.mark.parametrize("page,old,new,english,shows", ROUTES)
def test_english_pages_keep_their_english_segments(client, page, old, new, english, shows):
    response = client.get(english + old)
    assert response.status_code == 200
    assert shows in response.content.decode()
    assert client.get(english + new).status_code == 404  # no German segments in /en/


def test_cancel_link_in_the_mail_uses_the_german_segment_and_the_old_one_redirects(
    client, django_capture_on_commit_callbacks
):
    event = make_event("abmelde-weg", registration_mode="form")
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves on commit
        client.post(event.url + "anmelden/", form_data())
    link = re.search(r"(http\S+\?token=\S+)", mail.outbox[0].body).group(1)
    path = urlparse(link).path
    assert path == event.url + "abmelden/"
    token = parse_qs(urlparse(link).query)["token"][0]
    asks = client.get(path, {"token": token})
    assert asks.status_code == 200 and "Anmeldung stornieren" in asks.content.decode()
    old = client.get(event.url + "cancel/", {"token": token})
    assert old.status_code == 301
    assert old["Location"] == f"{path}?{urlparse(link).query}"


def test_reverse_subpage_follows_the_page_language_not_the_active_one():
    german = CaseIndexPage.objects.get(locale__language_code="de")
    english = CaseIndexPage.objects.get(locale__language_code="en")
    events_de = EventIndexPage.objects.get(locale__language_code="de")
    event_de = EventPage.objects.get(url_path__endswith="/praxiswerkstatt-buergerrat/")
    for active in ("de", "en"):
        with translation.override(active):
            assert german.reverse_subpage("codebook") == "codebuch/"
            assert english.reverse_subpage("codebook") == "codebook/"
            assert events_de.reverse_subpage("feed") == "kalender/"
            assert event_de.reverse_subpage("register") == "anmelden/"
            assert event_de.reverse_subpage("cancel") == "abmelden/"
            assert event_de.reverse_subpage("ics") == "ics/"  # a file format, not a word
    assert german.reverse_subpage("codebook", language="en") == "codebook/"


@pytest.mark.parametrize(
    "url,other",
    [
        ("/de/verfahren/codebuch/", "/en/cases/codebook/"),
        ("/en/cases/codebook/", "/de/verfahren/codebuch/"),
        (WORKSHOP_DE + "anmelden/", WORKSHOP_EN + "register/"),
        (WORKSHOP_EN + "register/", WORKSHOP_DE + "anmelden/"),
    ],
)
def test_language_switcher_and_hreflang_point_to_the_matching_sub_route(client, url, other):
    html = client.get(url + "?page=2").content.decode()
    code = other.split("/")[1]
    assert f'<a href="{other}?page=2" hreflang="{code}"' in html
    assert f'hreflang="{code}" href="http://testserver{other}?page=2"' in html
