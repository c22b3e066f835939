"""Calendar files as real clients read them: ical.js (Thunderbird, run with node), vobject
(Radicale) and icalendar agree on summer and winter times around both DST switches; the feed
answers 304 to clients that poll it; translations follow the original's status."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vobject
from django.conf import settings
from icalendar import Calendar
from wagtail.models import Locale

from events.formatting import EVENT_TZ
from events.models import EventPage, EventRegistration
from tests.integration.test_events import form_data, index, make_event

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)
UTC = datetime.UTC

# (local start in Berlin, the same instant in UTC)
TIMES = {
    "sommer": (datetime.datetime(2030, 7, 10, 10), "2030-07-10T08:00:00Z"),
    "winter": (datetime.datetime(2030, 1, 15, 10), "2030-01-15T09:00:00Z"),
    # the day summer time starts (last Sunday in March, 02:00 -> 03:00) and ends (October)
    "umstellung-maerz": (datetime.datetime(2030, 3, 31, 10), "2030-03-31T08:00:00Z"),
    "vor-umstellung": (datetime.datetime(2030, 3, 31, 1, 30), "2030-03-31T00:30:00Z"),
    "umstellung-oktober": (datetime.datetime(2030, 10, 27, 10), "2030-10-27T09:00:00Z"),
    "vor-oktober": (datetime.datetime(2030, 10, 26, 23, 30), "2030-10-26T21:30:00Z"),
}


def timed_event(slug):
    local_start, _utc = TIMES[slug]
    start = local_start.replace(tzinfo=EVENT_TZ)
    return make_event(slug, start=start, end=start + datetime.timedelta(hours=2))


def iso(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def starts_by_icalendar(content):
    cal = Calendar.from_ical(content)
    return {str(e["SUMMARY"]): iso(e.decoded("DTSTART")) for e in cal.walk("VEVENT")}


def starts_by_vobject(content):
    parsed = vobject.readOne(content.decode())
    return {e.summary.value: iso(e.dtstart.value) for e in parsed.vevent_list}


def starts_by_icaljs(content):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "ical.js").exists():
        pytest.skip("node and npm ci (ical.js) are needed for the Thunderbird parser")
    result = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "ical_starts.mjs")],
        input=content,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return {e["summary"]: e["start"].replace(".000Z", "Z") for e in json.loads(result.stdout)}


@pytest.mark.parametrize("parser", [starts_by_icalendar, starts_by_vobject, starts_by_icaljs])
def test_every_parser_reads_summer_and_winter_times_alike(client, parser):
    events = {slug: timed_event(slug) for slug in TIMES}
    expected = {events[slug].title: utc for slug, (_local, utc) in TIMES.items()}
    # One event's own .ics file ...
    single = client.get(events["sommer"].url + "ics/")
    assert parser(single.content) == {events["sommer"].title: "2030-07-10T08:00:00Z"}
    # ... and the feed with all of them.
    feed = client.get(index().url + index().reverse_subpage("feed"))
    starts = parser(feed.content)
    assert {title: starts[title] for title in expected} == expected


def test_vtimezone_has_yearly_rules_not_rdate_lists(client):
    content = client.get(timed_event("sommer").url + "ics/").content.decode()
    assert "RDATE" not in content
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in content
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in content


def test_feed_answers_304_to_clients_that_poll_it(client):
    timed_event("sommer")
    url = index().url + index().reverse_subpage("feed")
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # Served from the page cache now: still 304.
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # A change (another event published) gives a new answer.
    timed_event("winter")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_english_pages_and_feed_follow_the_cancelled_german_original(client):
    german = EventPage.objects.get(slug="praxiswerkstatt-buergerrat")
    english = german.get_translation(Locale.objects.get(language_code="en"))
    german.is_cancelled = True
    german.save_revision().publish()
    # Publishing the original copies its synchronised facts into the translation
    # (home/translation_sync.py) ...
    assert EventPage.objects.get(pk=english.pk).is_cancelled
    # ... and a translation whose stored row is still stale (saved before that copy existed)
    # follows the original anyway (events/status.py).
    EventPage.objects.filter(pk=english.pk).update(is_cancelled=False)
    english = EventPage.objects.get(pk=english.pk)

    page = client.get(english.url).content.decode()
    assert "This event has been cancelled." in page
    feed = Calendar.from_ical(
        client.get(index("en").url + index("en").reverse_subpage("feed")).content
    )
    status = {str(e["SUMMARY"]): str(e["STATUS"]) for e in feed.walk("VEVENT")}
    assert status[english.title] == "CANCELLED"
    before = EventRegistration.objects.filter(event=german).count()
    response = client.post(
        english.url + english.reverse_subpage("register"), form_data(email="late@example.org")
    )
    assert "closed" in response.content.decode()
    assert EventRegistration.objects.filter(event=german).count() == before
