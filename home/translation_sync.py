"""Facts that are the same in every language follow the German page at once.

wagtail-localize copies a page's synchronised fields (dates, venue, capacity, status, deadlines,
figures: `override_translatable_fields` on each model, plus its defaults for dates, numbers and
choices) only when someone syncs the translation. Until then a cancelled or moved German event
kept its old data in English, and both calendars shared one UID with contradicting entries.

So when a page in the default language is published, its synchronised fields are copied into
every real translation (aliases Wagtail updates itself): into the stored row that the public
site, the .ics and the feeds read, and into a pending draft revision, so that publishing the
draft later does not bring the old facts back. Translated text is never touched and nothing
is published on the translator's behalf.
"""

from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.fields import copy_synchronised_fields


def synchronise_translations(page):
    """Copy `page`'s synchronised fields into its translations; returns the updated pages."""
    page = page.specific
    if not page.locale.is_default:
        return []
    updated = []
    translations = page.get_translations().filter(alias_of__isnull=True).specific()
    for translation in translations:
        if type(translation) is not type(page):
            continue
        copy_synchronised_fields(page, translation)
        translation.save(clean=False)
        if translation.has_unpublished_changes and translation.latest_revision_id:
            revision = translation.latest_revision
            draft = revision.as_object()
            copy_synchronised_fields(page, draft)
            revision.content = draft.serializable_data()
            revision.save(update_fields=["content"])
        updated.append(translation)
    return updated


def _published(sender, instance, **kwargs):
    if isinstance(instance, Page):
        synchronise_translations(instance)


def connect():
    page_published.connect(_published, dispatch_uid="home_synchronise_translations")
