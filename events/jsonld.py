"""schema.org Event as JSON-LD. Rendered as data (`application/ld+json`), escaped like
Django's json_script so that no text in it can close the script element."""

import json

from django.utils.html import mark_safe

from cases.choices import Format

from .formatting import local

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

ATTENDANCE = {
    Format.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_data(event, request=None):
    url = event.get_full_url(request)
    if event.all_day:
        start, end = local(event.start).date().isoformat(), local(event.end).date().isoformat()
    else:
        start, end = local(event.start).isoformat(), local(event.end).isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": start,
        "endDate": end,
        "eventAttendanceMode": ATTENDANCE.get(event.format, ATTENDANCE[Format.ON_SITE]),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else "https://schema.org/EventScheduled",
        "url": url,
        "inLanguage": event.locale.language_code,
    }
    if event.teaser or event.intro:
        data["description"] = event.teaser or event.intro
    locations = []
    if event.format != Format.ONLINE:
        place = {"@type": "Place", "name": event.venue_name or event.title}
        if event.venue_address:
            place["address"] = event.address_one_line
        locations.append(place)
    if event.format != Format.ON_SITE:
        locations.append({"@type": "VirtualLocation", "url": url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser}
    return data


def event_jsonld(event, request=None):
    text = json.dumps(event_data(event, request), ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
