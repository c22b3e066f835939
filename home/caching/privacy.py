"""Page privacy without queries on the common path: the restricted sections, cached per
generation.

Wagtail's `PageQuerySet.public()` reads every PageViewRestriction each time it builds a
queryset (one query per listing), and serving a page reads its ancestors and their
restrictions (two queries per page), although almost no page is restricted. Restrictions only
change when one is added or removed (signals in home/caching/invalidation.py bump the page-cache
generation) or pages are moved, published or aliased (those bump it too), so we keep the
restricted paths per generation: `public()` builds the same `path__startswith` condition
Wagtail builds, and a page outside every restricted section skips the restriction queries.
"""

from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .generations import cached


def _cached(name, build):
    return cached(f"privacy:{name}", [], build)


def restricted_paths():
    """Paths of the pages carrying a restriction (what `public()` excludes, as in Wagtail)."""
    return _cached(
        "paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def _guarded_paths():
    """Restricted pages plus every alias of one (Wagtail applies a source page's restrictions
    to its aliases, e.g. untranslated pages of the English tree)."""
    from wagtail.models import Page

    ids = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    while True:  # aliases of aliases
        more = set(Page.objects.filter(alias_of_id__in=ids).values_list("pk", flat=True)) - ids
        if not more:
            break
        ids |= more
    return sorted(set(Page.objects.filter(pk__in=ids).values_list("path", flat=True)))


def may_have_view_restrictions(page):
    """False when neither the page nor an ancestor is (an alias of) a restricted page."""
    return any(page.path.startswith(path) for path in _cached("guarded", _guarded_paths))


def guarded_q():
    """Restricted sections and every alias of one, with their descendants."""
    q = Q()
    for path in _cached("guarded", _guarded_paths):
        q |= Q(path__startswith=path)
    return q


def exclude_guarded(queryset):
    """Wagtail's own `public()` (e.g. the API's) keeps aliases of restricted pages, which
    show the restricted page's title and teaser in another language's tree: drop them too."""
    q = guarded_q()
    return queryset.exclude(q) if q else queryset


class PrivacyCachedPageQuerySet(PageQuerySet):
    def private_q(self):
        # Restricted sections and their aliases in every tree (Wagtail's public() misses these).
        q = guarded_q()
        return q if q else Q(pk__in=[])  # like Wagtail: match nothing without restrictions


PrivacyCachedPageManager = PageManager.from_queryset(PrivacyCachedPageQuerySet)
