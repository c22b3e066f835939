"""Derived values of the event index (archive years, counts, the ids on a page), cached.

They change when content is published (the page-cache generation is part of the key, as in
home.caching.cached_per_generation) and when the clock moves an event from "upcoming" to
"past". So every value is stored with the moment it stops being true: the end of the next
upcoming event (None when no event is upcoming).
"""

from django.core.cache import cache
from django.db.models import Case, Count, Min, Value, When
from django.db.models.functions import ExtractYear

from home.caching import DERIVED_TIMEOUT, SITE, generation_key

from .formatting import EVENT_TZ


def cached_until(name, parts, now, build, scopes=(SITE,)):
    """`build()` returns a dict with an "until" entry; rebuilt once `now` reaches it."""
    key = generation_key(f"events:{name}", parts, scopes)
    value = cache.get(key)
    if value is None or (value["until"] is not None and now >= value["until"]):
        value = build()
        cache.set(key, value, DERIVED_TIMEOUT)
    return value


def count_events(events, now):
    """Archive years in Berlin time [(year, count)], newest first, the number of all events
    and when the next upcoming event ends: one grouped query."""
    rows = (
        events.annotate(
            year=ExtractYear("start", tzinfo=EVENT_TZ),
            is_past=Case(When(end__lt=now, then=Value(True)), default=Value(False)),
        )
        .values("is_past", "year")
        .annotate(count=Count("pk"), next_end=Min("end"))
        .order_by("-year")
    )
    years, total, until = [], 0, None
    for row in rows:
        total += row["count"]
        if row["is_past"]:
            years.append((row["year"], row["count"]))
        elif until is None or row["next_end"] < until:
            until = row["next_end"]
    return {"years": years, "total": total, "until": until}
