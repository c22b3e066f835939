"""`.public()` without a query per listing: the restricted sections, cached per generation.

Wagtail's `PageQuerySet.public()` reads every PageViewRestriction each time it builds a
queryset — one query per listing on every page. The restricted paths only change when a
restriction is added or removed (signals in home/cache_signals.py bump the page-cache
generation) or a restricted page moves (a move bumps it too), so we keep them per generation
and build the same `path__startswith` condition Wagtail builds.
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .cache import current_generation

TIMEOUT = 60 * 60  # the generation in the key makes stale entries unreachable


def restricted_paths():
    key = f"privacy:paths:{current_generation()}"
    paths = cache.get(key)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(key, paths, TIMEOUT)
    return paths


class PrivacyCachedPageQuerySet(PageQuerySet):
    def private_q(self):
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)  # the section page and its descendants
        return q if q else Q(pk__in=[])  # like Wagtail: match nothing without restrictions


PrivacyCachedPageManager = PageManager.from_queryset(PrivacyCachedPageQuerySet)
