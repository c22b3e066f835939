"""Anonymous full-page cache with one site-wide "generation" counter.

Why a generation instead of purging single URLs: a published case also changes the case
listing, the home page, filtered listings and the other language's pages. Instead of computing
that set, every cache key contains the current generation and any publish, unpublish, move,
delete, snippet or setting change bumps it, so all cached pages are stale at once (old entries
simply age out). Edits are rare, reads are many: that trade is cheap.

How a page gets cached:
1. Wagtail's `before_serve_page` hook (`remember_served_page`) records which page a request
   serves; this covers every page type, routable pages and form pages included.
2. `PageCacheMiddleware` (right after whitenoise) then calls `finalize_page_response`, which
   sets `Cache-Control` once for every page: `private, no-cache` for editors, previews, POSTs
   and pages that carry a CSRF token or set a cookie; `public, max-age, s-maxage` otherwise.
   Public 200 responses whose query parameters the page vouches for are stored, and later
   anonymous GETs (no session cookie) are answered from the cache before the session,
   locale and auth middleware run.

The generation lives in the shared cache (Redis) when there is one. With the per-process
local-memory cache (no REDIS_URL) every gunicorn worker has its own cache, so the generation
is a file's modification time instead: a bump in one worker is seen by all of them.
"""

import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Longest query string we key on; anything longer is rendered but never stored.
MAX_QUERY_STRING = 512


def _setting(name, default):
    return getattr(settings, name, default)


def enabled():
    return _setting("PAGE_CACHE_ENABLED", True)


def _uses_local_memory():
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    # `cache` is a proxy: ask for the backend itself.
    return isinstance(caches["default"], LocMemCache)


def _generation_file():
    """One file per project checkout and database, shared by the processes that share it.

    An in-memory SQLite database (the test database on SQLite) belongs to one process: every
    pytest-xdist worker has its own under the same NAME, so the process id is part of the
    identity - otherwise a publish in one worker made the other worker's cache stale mid-test."""
    from django.db import connection

    ident = f"{settings.BASE_DIR}|{connection.settings_dict.get('NAME')}"
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        ident += f"|pid={os.getpid()}"
    digest = hashlib.sha1(ident.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"netzwerk-pagecache-{digest}"


def current_generation():
    if _uses_local_memory():
        try:
            return str(os.stat(_generation_file()).st_mtime_ns)
        except FileNotFoundError:
            return "0"
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return str(generation)


DERIVED_TIMEOUT = 60 * 60  # the generation in the key makes stale entries unreachable


def cached_per_generation(name, parts, build, timeout=DERIVED_TIMEOUT):
    """`build()` once per page-cache generation and `parts` (strings or numbers).

    For small values derived from published content (facet options, counts, URLs, language
    links): they only change when the generation is bumped."""
    return cache.get_or_set(generation_key(name, parts), build, timeout)


def generation_key(name, parts):
    """Cache key of a value derived from published content: stale after every bump."""
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"{name}:{current_generation()}:{digest}"


def bump_generation(reason=""):
    """Make every cached page (and header/footer fragment) stale."""
    if _uses_local_memory():
        path = _generation_file()
        path.touch(exist_ok=True)
        now = time.time_ns()
        # Guarantee a new value even when two bumps fall into the same clock tick.
        previous = os.stat(path).st_mtime_ns
        os.utime(path, ns=(now, max(now, previous + 1)))
    else:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # key missing (first bump or evicted): any new value will do
            cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    logger.debug("page cache generation bumped (%s)", reason)


def page_cache_key(request, generation=None):
    """Key of the cached response: generation + site (host) + language + full URL."""
    if generation is None:
        generation = current_generation()
    host = request.get_host()
    language = get_language_from_path(request.path_info) or "-"
    url = request.get_full_path()
    digest = hashlib.sha256(f"{host}|{url}".encode()).hexdigest()
    return f"pagecache:{generation}:{language}:{digest}"


def _query_is_vouched(request, page):
    """True when every GET parameter is one the page declares as cacheable.

    Keying by the full URL is correct for any parameter, but unknown parameters (tracking
    tags, random cache busters) would only fill the cache with copies.
    """
    if not request.GET:
        return True
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return False
    allowed = getattr(page, "cache_query_params", ())
    return all(name in allowed for name in request.GET)


def remember_served_page(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: the middleware finalises responses of served pages only."""
    request._page_cache_page = page


def finalize_page_response(page, request, response):
    """Set Cache-Control once for a served page and mark public responses as storable."""
    if not enabled():
        return response
    user = getattr(request, "user", None)
    private = (
        request.method not in ("GET", "HEAD")
        or getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
        or (user is not None and user.is_authenticated)
        # A form on the page asked for a CSRF token: the token must not be shared.
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or getattr(response, "cookies", None)
    )
    if private:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
    if response.status_code != 200 or response.has_header("Cache-Control"):
        return response
    max_age = _setting("PAGE_CACHE_MAX_AGE", 60)
    patch_cache_control(
        response, public=True, max_age=max_age, s_maxage=_setting("PAGE_CACHE_S_MAXAGE", max_age)
    )
    # Editors have a session cookie; a shared cache must keep their responses apart.
    patch_vary_headers(response, ("Cookie",))
    if request.method == "GET" and _query_is_vouched(request, page):
        request._page_cache_storable = True
    return response


class PageCacheMiddleware:
    """Serve and store anonymous page responses; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def _may_use_cache(self, request):
        return (
            enabled()
            and request.method == "GET"
            and not getattr(request, "is_dummy", False)  # Wagtail preview requests
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    def __call__(self, request):
        key = None
        if self._may_use_cache(request):
            try:
                key = page_cache_key(request)
            except Exception:  # DisallowedHost and friends: let the normal stack answer
                key = None
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                status, headers, content = cached
                response = HttpResponse(content, status=status, headers=headers)
                response["X-Cache"] = "HIT"
                return response
        response = self.get_response(request)
        page = getattr(request, "_page_cache_page", None)
        if page is not None:
            finalize_page_response(page, request, response)
        if key is not None and self._storable(request, response):
            headers = {k: v for k, v in response.items() if k.lower() != "x-cache"}
            cache.set(
                key,
                (response.status_code, headers, response.content),
                timeout=_setting("PAGE_CACHE_TIMEOUT", 300),
            )
            response["X-Cache"] = "MISS"
        elif response.cookies and not response.has_header("Cache-Control"):
            # e.g. form pages outside BasePage: an answer that sets a cookie is never shared.
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response

    @staticmethod
    def _storable(request, response):
        return (
            getattr(request, "_page_cache_storable", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
