"""Language-independent facts follow the German page as soon as it is published (issue 13):
the English event page, its .ics and the English calendar feed show the moved and cancelled
event at once; a pending English draft keeps its translated text but gets the new facts."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale

from cases.models import CasePage, FundingProgrammePage
from events.models import EventPage


def english():
    return Locale.objects.get(language_code="en")


def upcoming_german_event():
    return (
        EventPage.objects.live()
        .filter(locale__language_code="de", end__gt=timezone.now(), is_cancelled=False)
        .order_by("start")
        .first()
    )


def vevents(response):
    assert response.status_code == 200
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


@pytest.mark.django_db
def test_moving_and_cancelling_the_german_event_changes_english_page_ics_and_feed(client):
    event = upcoming_german_event()
    translation = event.get_translation(english()).specific
    english_title = translation.title
    new_start = event.start + datetime.timedelta(days=9, hours=2)
    new_end = event.end + datetime.timedelta(days=9, hours=2)

    event.start, event.end = new_start, new_end
    event.is_cancelled = True
    event.venue_name = "Neues Rathaus, Festsaal"
    event.capacity = 17
    event.save_revision().publish()

    translation = EventPage.objects.get(pk=translation.pk)
    assert (translation.start, translation.end) == (new_start, new_end)
    assert translation.is_cancelled and translation.capacity == 17
    assert translation.venue_name == "Neues Rathaus, Festsaal"
    assert translation.title == english_title  # translated text stays

    html = client.get(translation.url).content.decode()
    assert "Neues Rathaus, Festsaal" in html
    (ics,) = vevents(client.get(translation.url + "ics/"))
    assert ics.decoded("dtstart") == new_start
    assert str(ics.get("status")) == "CANCELLED"
    (german_ics,) = vevents(client.get(event.url + "ics/"))
    assert str(german_ics["uid"]) == str(ics["uid"])  # one UID, one set of facts

    feed = vevents(client.get("/en/events/calendar/"))
    entry = next(e for e in feed if str(e["uid"]) == str(ics["uid"]))
    assert entry.decoded("dtstart") == new_start and str(entry.get("status")) == "CANCELLED"


@pytest.mark.django_db
def test_pending_english_draft_gets_the_new_facts_but_keeps_its_text(client):
    event = upcoming_german_event()
    translation = event.get_translation(english()).specific
    translation.title = "Draft title of the translator"
    translation.save_revision()

    event.capacity = 3
    event.save_revision().publish()

    translation = EventPage.objects.get(pk=translation.pk)
    draft = translation.get_latest_revision_as_object()
    assert draft.capacity == 3 and draft.title == "Draft title of the translator"
    assert translation.capacity == 3


@pytest.mark.django_db
def test_case_figures_and_funding_deadline_follow_the_german_page():
    case = CasePage.objects.live().filter(locale__language_code="de").first()
    case.participant_count = 4321
    case.save_revision().publish()
    assert CasePage.objects.get(pk=case.get_translation(english()).pk).participant_count == 4321

    programme = FundingProgrammePage.objects.live().filter(locale__language_code="de").first()
    programme.rolling, programme.deadline = False, datetime.date(2031, 3, 31)
    programme.save_revision().publish()
    english_programme = FundingProgrammePage.objects.get(pk=programme.get_translation(english()).pk)
    assert english_programme.deadline == datetime.date(2031, 3, 31)
