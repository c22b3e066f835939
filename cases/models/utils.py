"""Helpers for relations that wagtail-localize synchronises rather than translates.

Cases and methods keep many-to-many links (topics, target groups, methods) identical in all
languages, so a translated page may point at the German term. For display we swap each
object for its translation in the active language, found by `translation_key` in one query.
"""

from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:  # pragma: no cover - locales come from a migration
        return Locale.get_default()


def localize_all(objects, locale=None, lookup=None):
    """Return `objects` in the given (default: active) locale, keeping their order and
    dropping duplicates. `locale` is a Locale or its id (a page's `locale_id` saves the
    Locale query). `lookup` is an optional prebuilt {translation_key: object} map."""
    objects = list(objects)
    if not objects:
        return []
    locale_id = getattr(locale or active_locale(), "pk", locale)
    if lookup is None:
        model = type(objects[0])
        keys = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
        lookup = {}
        if keys:
            queryset = model.objects.filter(translation_key__in=keys, locale_id=locale_id)
            if hasattr(queryset, "live"):
                queryset = queryset.live()
            lookup = {obj.translation_key: obj for obj in queryset}
    result, seen = [], set()
    for obj in objects:
        if obj.locale_id != locale_id:
            obj = lookup.get(obj.translation_key, obj)
        if obj.translation_key not in seen:
            seen.add(obj.translation_key)
            result.append(obj)
    return result


def synchronised(*names):
    """wagtail-localize overrides: these fields are copied to translations, never translated."""
    return [SynchronizedField(name, overridable=False) for name in names]
