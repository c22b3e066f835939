"""Date and time display of events in German or English style, always in Europe/Berlin time.

German:  "Donnerstag, 8. Dezember 2022, 13:00–17:00 Uhr"
English: "Thursday, 8 December 2022, 13:00–17:00"
"""

from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

EVENT_TZ = ZoneInfo("Europe/Berlin")

# Django's format strings; month and weekday names come from the active language.
DATE_FORMATS = {"de": "l, j. F Y", "en": "l, j F Y"}
TIME_FORMAT = "H:i"
TIME_SUFFIX = {"de": " Uhr", "en": ""}


def local(value):
    return timezone.localtime(value, EVENT_TZ)


def _language():
    code = (translation.get_language() or "de").split("-")[0]
    return code if code in DATE_FORMATS else "en"


def format_event_date(start, end=None, all_day=False):
    """Human-readable date (and time) range of an event in the active language."""
    lang = _language()
    day, suffix = DATE_FORMATS[lang], TIME_SUFFIX[lang]
    start = local(start)
    end = local(end) if end else None
    start_day = date_format(start, day)
    if all_day:
        if end is None or end.date() == start.date():
            return start_day
        return f"{start_day} – {date_format(end, day)}"
    start_time = date_format(start, TIME_FORMAT)
    if end is None:
        return f"{start_day}, {start_time}{suffix}"
    end_time = date_format(end, TIME_FORMAT)
    if end.date() == start.date():
        return f"{start_day}, {start_time}–{end_time}{suffix}"
    return f"{start_day}, {start_time}{suffix} – {date_format(end, day)}, {end_time}{suffix}"
