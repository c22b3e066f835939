"""Remember where Wagtail's page routing leads, keyed by the page-cache generation.

Why: routing a URL costs a query for the Site, one for the active Locale, the home page's
specific row and, per path segment, the child page plus its specific row — seven queries for
a case page before its own content. The answer only changes when pages are published, moved,
deleted or sites change, and every such change bumps the generation (home/caching). So we
store (the specific page with its `route_select_related` rows, segments consumed by the page
tree, Site) per host + language + path — unpickling the page is cheaper than querying and
compiling its wide SQL — and on the next request let the page's own `route()` handle the
remaining segments (routable sub-URLs such as `calendar/`). StreamValues pickle by their raw
data (Wagtail supports this).

Wagtail caches the route and the Site on the request (`_wagtail_route_for_request`,
`_wagtail_site`); we only fill those caches before `wagtail.views.serve` runs.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import generations


def _key(request, path):
    # get_host() checks ALLOWED_HOSTS: unknown Host headers never create entries.
    parts = [request.get_host(), request.get_port(), translation.get_language(), path]
    return generations.key("route", parts)


def _components(path):
    return [component for component in path.split("/") if component]


def _load(content_type_id, page_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    # Page types may name foreign keys their template always shows.
    related = getattr(model, "route_select_related", ())
    return model.objects.select_related(*related).filter(pk=page_id).first()


def _from_cache(request, path, entry):
    page, consumed, site = entry
    request._wagtail_site = site
    try:
        request._wagtail_route_for_request = page.route(request, _components(path)[consumed:])
    except Http404:
        request._wagtail_route_for_request = None


def seed_route(request, path):
    try:
        key = _key(request, path)
    except Exception:  # DisallowedHost and friends: leave it to Wagtail
        return
    entry = cache.get(key)
    if entry is not None:
        _from_cache(request, path, entry)
        return
    result = Page.route_for_request(request, path)
    site = Site.find_for_request(request)
    if result is None or site is None:
        return
    page = result[0]
    consumed = page.depth - site.root_page.depth
    # A fresh copy (with its related rows), pickled before anything renders it.
    page = _load(page.content_type_id, page.pk)
    if page is not None:
        cache.set(key, (page, consumed, site), generations.DERIVED_TIMEOUT)


class RouteCacheMiddleware:
    """Seeds Wagtail's per-request route cache for page URLs (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_route_for_request"):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            seed_route(request, path)
        return None
