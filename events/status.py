"""The original (default-language) event decides whether an event is cancelled, in every language."""

from django.conf import settings


def cancelled_keys(events):
    """translation_keys of `events` whose original (default language) is cancelled: one query,
    so listings and feeds in every language follow the original at once."""
    events = list(events)
    if not events:
        return set()
    # The events' own model: this module is imported by the models and by events.ical.
    model = type(events[0])
    return set(
        model.objects.filter(
            translation_key__in={event.translation_key for event in events},
            locale__language_code=settings.LANGUAGE_CODE,
            is_cancelled=True,
        ).values_list("translation_key", flat=True)
    )
