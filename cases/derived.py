"""Small values derived from the published cases (facet options, year lists, counts),
cached under the site-wide page-cache generation (home/caching).

Why: they cost a query each on every uncached listing request but only change when content
is published, unpublished, moved or a snippet changes - exactly when the generation is
bumped. Keys name the index page and the chosen filter values (cases/filters.py); view
restrictions are cached per generation too (home/caching/privacy.py), so the generation covers them.
"""

from home.caching import cached_per_generation


def cached(name, parts, build):
    """`build()` once per generation and `parts` (strings or numbers)."""
    return cached_per_generation(f"cases:{name}", parts, build)


def cached_count(queryset, key):
    """`queryset.count()`, cached per generation and `key` (what selects the rows)."""
    return cached("count", key, queryset.count)


class Counted:
    """A queryset with a known length, for Django's Paginator: it counts with `count()`
    and slices with `[a:b]`, so the expensive COUNT can come from the cache."""

    ordered = True  # the Paginator warns about unordered lists; the queryset is ordered

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, item):
        return self.queryset[item]
