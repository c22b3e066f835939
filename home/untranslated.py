"""Untranslated pages tell the truth (issue 13).

Until a German page is translated, wagtail-localize keeps an *alias* of it in the English tree:
the same German text at an English URL. Such a page is never presented as English: its content
carries the original's `lang`, it is not advertised as `hreflang="en"` and not listed in the
sitemap, and English listings, search and feeds leave it out. This module is the one place that
says what an untranslated alias is; every listing filters through `without_untranslated_aliases`.
(Aliases within one language tree, which Wagtail allows, are ordinary pages.)
"""

from django.db.models import F, Q

# An alias whose original lives in another language tree.
UNTRANSLATED_ALIAS = Q(alias_of__isnull=False) & ~Q(alias_of__locale=F("locale"))


def without_untranslated_aliases(queryset):
    """`queryset` of pages without aliases of pages in another language."""
    return queryset.exclude(UNTRANSLATED_ALIAS)


def untranslated_aliases(queryset):
    return queryset.filter(UNTRANSLATED_ALIAS)
