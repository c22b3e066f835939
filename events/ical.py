"""iCalendar (RFC 5545) export of events with the `icalendar` library, which takes care of
escaping and line folding. The VTIMEZONE is ours (``berlin_timezone``): the one icalendar
derives from zoneinfo lists every transition as multi-value RDATE lines, which ical.js
(Thunderbird) and vobject (Radicale) misread — summer events came out an hour early."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .formatting import local
from .status import cancelled_keys

PRODID = "-//Netzwerk Buergerbeteiligung Sachsen//Events//DE"


def berlin_timezone():
    """Europe/Berlin as the two yearly rules of EU summer time (since 1996: last Sunday in
    March 02:00 → CEST, last Sunday in October 03:00 → CET), the form Outlook, Apple Calendar
    and Thunderbird write themselves. Events are current, so older rules are not needed."""
    tz = Timezone()
    tz.add("tzid", "Europe/Berlin")
    for component, start, offset_from, offset_to, name, month in (
        (TimezoneDaylight, datetime.datetime(1996, 3, 31, 2), 1, 2, "CEST", 3),
        (TimezoneStandard, datetime.datetime(1996, 10, 27, 3), 2, 1, "CET", 10),
    ):
        part = component()
        part.add("tzname", name)
        part.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
        part.add("tzoffsetto", datetime.timedelta(hours=offset_to))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def uid_for(event):
    """Stable across edits, languages and hosts: every translation of an event shares it."""
    domain = getattr(settings, "EVENTS_UID_DOMAIN", "netzwerk-buergerbeteiligung.sachsen.de")
    return f"event-{event.translation_key}@{domain}"


def new_calendar(name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", "Europe/Berlin")
    return cal


def vevent(event, request=None, cancelled=None):
    item = Event()
    item.add("uid", uid_for(event))
    stamp = event.last_published_at or event.latest_revision_created_at or timezone.now()
    item.add("dtstamp", stamp.astimezone(datetime.UTC))
    item.add("last-modified", stamp.astimezone(datetime.UTC))
    item.add("summary", event.title)
    if event.all_day:
        # All-day events are DATE values; DTEND is exclusive (the day after the last day).
        item.add("dtstart", local(event.start).date())
        item.add("dtend", local(event.end).date() + datetime.timedelta(days=1))
    else:
        item.add("dtstart", local(event.start))
        item.add("dtend", local(event.end))
    url = event.get_full_url(request)
    if url:
        item.add("url", url)
    if event.location_text:
        item.add("location", event.location_text)
    description = [event.teaser or event.intro]
    if event.organiser:
        description.append(_("Organiser: %(organiser)s") % {"organiser": event.organiser})
    if url:
        description.append(url)
    item.add("description", "\n\n".join(part for part in description if part))
    if cancelled is None:
        cancelled = event.cancelled  # the original's state (events/models/event.py)
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


def event_calendar(event, request=None):
    cal = new_calendar()
    cal.add_component(berlin_timezone())
    cal.add_component(vevent(event, request))
    return cal


def feed_calendar(events, request, index_page):
    cal = new_calendar(name=f"{index_page.title} – {settings.WAGTAIL_SITE_NAME}")
    # Subscribed calendars (webcal://) poll the feed: tell them how often (RFC 7986).
    cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    cal.add_component(berlin_timezone())
    cancelled = cancelled_keys(events)
    for event in events:
        cal.add_component(vevent(event, request, cancelled=event.translation_key in cancelled))
    return cal


FEED_TIMEOUT = 60 * 60


def cached_feed(request, index_page, upcoming):
    """The feed's bytes and their Last-Modified time, rendered once per page-cache generation
    (any publish bumps it) and host: serialising hundreds of events costs far more than their
    query. The set of upcoming events also changes when one ends, so the entry expires at the
    earliest end."""
    from home.caching import generation_key

    key = generation_key(
        "events:feed", [index_page.pk, request.get_host(), translation.get_language()]
    )
    cached = cache.get(key)
    if cached is None:
        events = list(upcoming())
        body = feed_calendar(events, request, index_page).to_ical()
        ends = [event.end for event in events]
        timeout = FEED_TIMEOUT
        if ends:
            seconds = (min(ends) - timezone.now()).total_seconds()
            timeout = max(1, min(FEED_TIMEOUT, int(seconds) + 1))
        # The feed changed when it was rendered (a publish, an event ending): clients that
        # poll send If-Modified-Since / If-None-Match and get 304 until then.
        cached = (body, timezone.now())
        cache.set(key, cached, timeout)
    return cached


def calendar_response(cal, filename, inline=False, last_modified=None):
    """ETag and 304 answers come from ConditionalGetMiddleware (also for page-cache hits)."""
    body = cal if isinstance(cal, bytes) else cal.to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    return response
