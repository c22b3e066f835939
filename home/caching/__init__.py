"""Caching, the whole design in one screen.

1. Page cache (pages.py). `PageCacheMiddleware`, right after whitenoise, answers anonymous
   GETs (no session cookie) from the cache before session, locale and auth middleware run.
   A served Wagtail page gets its Cache-Control once (`finalize_page_response`): private
   for editors, previews, POSTs and answers with a CSRF token or a cookie; public with
   max-age/s-maxage otherwise, and stored when the page vouches for its GET parameters
   (`cache_query_params`). Key: release + site generation + host + language + full URL.
2. Generations (generations.py) instead of lists of URLs to purge. A scope's counter is in
   every key built from it; a bump makes all those entries unreachable. `SITE` is bumped by
   anything published (invalidation.py: publish, unpublish, move, delete, settings,
   snippets, images, view restrictions), because a page shows up in listings, the home page
   and the other language. Where it is cheap to be exact a model names narrower scopes
   (`cache_scopes()`): a registration bumps "registrations" (the event listing's places
   left) and "registrations:<event>"; a page that shows such data calls
   `depends_on(request, scope)`, its cached copy remembers the scope's value and is stale
   after a bump, while every other page stays cached. Each scope is read once per request;
   bumps happen at once and again on commit.
3. Small derived values (`cached_per_generation`: facet options, counts, teasers, menus,
   routes) are cached under the same generations, so nothing else needs invalidating.
4. Release (release.py): the KEY_FUNCTION puts RELEASE_ID (or a fingerprint of code,
   templates and the static manifest) in every key: a deploy starts with an empty cache.
5. Outages (backend.py): with Redis stopped or frozen every call answers "not cached"
   within the socket timeouts, Redis is retried every CACHE_RETRY_SECONDS (logged once per
   try) and used again when it answers; `health()` reports it for /healthz/.
6. Two caches copy Wagtail internals, each kept for its measured gain (benchmarks/results.md)
   and guarded by tests of the copied behaviour (tests/integration/test_cache_wagtail.py):
   routes.py (where a URL routes to, seeded into Wagtail's per-request route cache) and
   privacy.py (the restricted sections behind `.public()`).
7. CDN: responses say `s-maxage` (PAGE_CACHE_S_MAXAGE, default = max-age, 60 s). Wagtail's
   frontend_cache purges a published page's URLs; listings and other pages that a publish
   changes follow within s-maxage (Wagtail's backends have no purge-all), so keep s-maxage
   short unless the CDN purges everything on publish.
"""

from .backend import health
from .generations import DERIVED_TIMEOUT, SITE, bump
from .generations import cached as cached_per_generation
from .generations import key as generation_key
from .generations import site as current_generation
from .pages import depends_on
from .release import release_id


def bump_generation(reason=""):
    """Make everything cached under the site generation stale."""
    bump(SITE, reason=reason)


__all__ = [
    "DERIVED_TIMEOUT",
    "SITE",
    "bump",
    "bump_generation",
    "cached_per_generation",
    "current_generation",
    "depends_on",
    "generation_key",
    "health",
    "release_id",
]
