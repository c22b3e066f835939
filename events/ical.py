"""iCalendar (RFC 5545) export of events with the `icalendar` library, which takes care of
escaping, line folding and VTIMEZONE components."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .formatting import local

PRODID = "-//Netzwerk Buergerbeteiligung Sachsen//Events//DE"


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


def vevent(event, request=None):
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
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


def event_calendar(event, request=None):
    cal = new_calendar()
    cal.add_component(vevent(event, request))
    cal.add_missing_timezones()
    return cal


def feed_calendar(events, request, index_page):
    cal = new_calendar(name=f"{index_page.title} – {settings.WAGTAIL_SITE_NAME}")
    # Subscribed calendars (webcal://) poll the feed: tell them how often (RFC 7986).
    cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    for event in events:
        cal.add_component(vevent(event, request))
    cal.add_missing_timezones()
    return cal


FEED_TIMEOUT = 60 * 60


def cached_feed(request, index_page, upcoming):
    """The feed's bytes, rendered once per page-cache generation (any publish bumps it) and
    host: serialising hundreds of events costs far more than their query. The set of
    upcoming events also changes when one ends, so the entry expires at the earliest end."""
    from home.caching import generation_key

    key = generation_key(
        "events:feed", [index_page.pk, request.get_host(), translation.get_language()]
    )
    body = cache.get(key)
    if body is None:
        events = list(upcoming())
        body = feed_calendar(events, request, index_page).to_ical()
        ends = [event.end for event in events]
        timeout = FEED_TIMEOUT
        if ends:
            seconds = (min(ends) - timezone.now()).total_seconds()
            timeout = max(1, min(FEED_TIMEOUT, int(seconds) + 1))
        cache.set(key, body, timeout)
    return body


def calendar_response(cal, filename, inline=False):
    body = cal if isinstance(cal, bytes) else cal.to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
