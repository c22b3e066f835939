"""The anonymous full-page cache: middleware, Cache-Control, what may be stored.

See the package docstring (home/caching/__init__.py) for the whole design.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_path

from . import generations

logger = logging.getLogger(__name__)

# Longest query string we key on; anything longer is rendered but never stored.
MAX_QUERY_STRING = 512


def _setting(name, default):
    return getattr(settings, name, default)


def enabled():
    return _setting("PAGE_CACHE_ENABLED", True)


def page_cache_key(request):
    """Key of the cached response: site generation + host + language + full URL."""
    generation = generations.site()
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


def depends_on(request, *scopes):
    """The page being rendered shows data of these narrower generation scopes too (e.g.
    "registrations:<event id>"): a bump of one of them makes its cached copy stale."""
    if request is not None:
        request._page_cache_scopes = getattr(request, "_page_cache_scopes", set()) | set(scopes)
        generations.current(*scopes)  # the values before the page reads its data


class PageCacheMiddleware:
    """Serve and store anonymous page responses; see the package docstring."""

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
        with generations.request_scope():
            return self._respond(request)

    def _respond(self, request):
        key = None
        if self._may_use_cache(request):
            try:
                key = page_cache_key(request)
            except Exception:  # DisallowedHost and friends: let the normal stack answer
                key = None
        if key is not None:
            cached = cache.get(key)
            # An entry remembers the narrower generations it was built under.
            if cached is not None and generations.current(*cached[3]) == cached[3]:
                status, headers, content, _scopes = cached
                response = HttpResponse(content, status=status, headers=headers)
                response["X-Cache"] = "HIT"
                return response
        response = self.get_response(request)
        page = getattr(request, "_page_cache_page", None)
        if page is not None:
            finalize_page_response(page, request, response)
        if key is not None and self._storable(request, response):
            headers = {k: v for k, v in response.items() if k.lower() != "x-cache"}
            scopes = generations.current(*sorted(getattr(request, "_page_cache_scopes", ())))
            cache.set(
                key,
                (response.status_code, headers, response.content, scopes),
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
