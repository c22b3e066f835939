"""Read-only Wagtail API (v2) at /api/v2/: never a 500 for odd parameters, JSON for every
error (also 404s, which must not be redirected to /de/…), and no restricted page — nor an
alias of one in another language's tree."""

from django.db import DatabaseError
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from home.caching.privacy import exclude_guarded

MAX_OFFSET = 2**31 - 1  # beyond any real listing; larger numbers overflow the database


class SafePagesAPIViewSet(PagesAPIViewSet):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.items():
            if "\x00" in name or "\x00" in value:
                raise BadRequestError(f"{name[:50]!r}: NUL characters are not allowed")
        offset = request.GET.get("offset", "0")
        if offset.strip().isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")

    def get_base_queryset(self):
        return exclude_guarded(super().get_base_queryset())

    def handle_exception(self, exc):
        if isinstance(exc, (DatabaseError, ValueError, OverflowError, TypeError)):
            # A parameter the database or a parser cannot take: the client's error, not ours.
            exc = BadRequestError("invalid parameter")
        return super().handle_exception(exc)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SafePagesAPIViewSet)


def api_not_found(request, *args, **kwargs):
    return JsonResponse({"message": "not found"}, status=404)


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s to /de/… for the API
    (an API client wants the JSON 404, not the German HTML page)."""

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
