"""schema.org Event as JSON-LD (rendered with home.jsonld: escaped so that no text in it
can close the script element). On-site venues come with a `PostalAddress` read from the
venue's address lines, the organiser with a URL (this website when none is entered), the
lead image as the 1200×630 JPEG the share cards use."""

import re

from wagtail.images.models import SourceImageIOError

from cases.choices import Format
from home.jsonld import jsonld_script
from home.site_url import absolute_url

from .formatting import local

ATTENDANCE = {
    Format.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
# "01067 Dresden", also "D-01067 Dresden": a German postcode and the town.
POSTCODE_AND_TOWN = re.compile(r"^(?:D-)?(\d{5})\s+(.+)$")
IMAGE_SPEC = "fill-1200x630|format-jpeg"  # the share image's rendition (page_meta)


def postal_address(text):
    """A schema.org PostalAddress from an address typed as lines ("Ammonstraße 74\\n01067
    Dresden") or on one line with commas; what is not a postcode line is the street."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    address = {"@type": "PostalAddress"}
    for index in range(len(lines) - 1, -1, -1):
        match = POSTCODE_AND_TOWN.match(lines[index])
        if match:
            address["postalCode"], address["addressLocality"] = match.groups()
            street = lines[:index]
            address["addressCountry"] = "DE"
            break
    else:
        street = lines
    if street:
        address["streetAddress"] = ", ".join(street)
    return address


def image_url(event):
    if event.image is None:
        return None
    try:
        return absolute_url(event.image.get_rendition(IMAGE_SPEC).url)
    except SourceImageIOError:  # a lost original file must not break the page
        return None


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
    image = image_url(event)
    if image:
        data["image"] = [image]
    locations = []
    if event.format != Format.ONLINE:
        place = {"@type": "Place", "name": event.venue_name or event.title}
        if event.venue_address:
            place["address"] = postal_address(event.venue_address)
        locations.append(place)
    if event.format != Format.ON_SITE:
        locations.append({"@type": "VirtualLocation", "url": url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organiser:
        data["organizer"] = {
            "@type": "Organization",
            "name": event.organiser,
            "url": event.organiser_url or absolute_url(f"/{event.locale.language_code}/"),
        }
    return data


def event_jsonld(event, request=None):
    return jsonld_script(event_data(event, request))
