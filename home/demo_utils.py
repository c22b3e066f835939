"""Helpers for idempotent demo content in German with English translations.

Pages are created in German and translated with wagtail-localize's own machinery: each
German string gets a StringTranslation, then the Translation is saved, exactly as if an
editor had translated it in the admin. Existing pages are left untouched, so running the
loader again changes nothing.
"""

import re

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

PARAGRAPH = re.compile(r"<(p|li|h[2-6])>(.*?)</\1>", re.S)


def locale(code):
    return Locale.objects.get(language_code=code)


def collect_pairs(de_value, en_value, pairs=None):
    """Walk German and English values of the same shape and pair up their strings."""
    pairs = {} if pairs is None else pairs
    if isinstance(de_value, dict) and isinstance(en_value, dict):
        for key, value in de_value.items():
            if key in en_value:
                collect_pairs(value, en_value[key], pairs)
    elif isinstance(de_value, list | tuple) and isinstance(en_value, list | tuple):
        for de_item, en_item in zip(de_value, en_value, strict=False):
            collect_pairs(de_item, en_item, pairs)
    elif isinstance(de_value, str) and isinstance(en_value, str):
        de_parts = [m.group(2) for m in PARAGRAPH.finditer(de_value)]
        en_parts = [m.group(2) for m in PARAGRAPH.finditer(en_value)]
        if de_parts and len(de_parts) == len(en_parts):
            pairs.update(zip(de_parts, en_parts, strict=True))
        pairs[de_value] = en_value
    return pairs


def child_page(parent, model, slug, **fields):
    """Return the child of `parent` with `slug`, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def translate(instance, pairs, language="en"):
    """Translate a page or translatable snippet into `language` using the German→English
    `pairs`; strings without a pair fall back to German. Returns the translation."""
    target_locale = locale(language)
    existing = instance.get_translation_or_none(target_locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return existing
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        english = pairs.get(segment.string.data)
        if english is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={
                "data": english,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(target_locale)
    # Save a draft and publish it now, from the database. With publish=True wagtail-localize
    # publishes on commit, from the page object it held in memory: harmless in the admin (one
    # request, one transaction), but the loader runs in one transaction per app, so that wrote
    # the page's numchild of that moment back over children added since (a broken tree) and
    # published the old revision over any published later in the same transaction.
    translation.save_target(publish=False)
    instance.get_translation(target_locale).get_latest_revision().publish()
    return instance.get_translation(target_locale).specific


def page_with_translation(parent, model, slug, de, en, en_slug=None):
    """Create (or find) a German page under `parent` from field dict `de` and make sure an
    English translation exists, built from the matching strings in `en`."""
    page = child_page(parent, model, slug, **de)
    pairs = collect_pairs(de, en)
    if en_slug:
        pairs[slug] = en_slug
    translation = translate(page, pairs)
    if en_slug and translation.slug != en_slug:
        translation.slug = en_slug
        translation.save_revision().publish()
    return page
