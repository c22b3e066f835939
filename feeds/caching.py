"""Feeds are rendered once per page-cache generation (home/caching): any publish bumps it,
so a new item appears at once while readers polling every few minutes cost no queries."""

import copy

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

from home.caching import generation_key

FEED_TIMEOUT = 60 * 60


class CachedFeedMixin:
    cache_name = ""

    def __call__(self, request, *args, **kwargs):
        key = generation_key(
            f"feeds:{self.cache_name}", [request.get_host(), translation.get_language()]
        )
        cached = cache.get(key)
        if cached is None:
            # A copy per request: the feed's hooks read the request from the instance.
            feed = copy.copy(self)
            response = super(CachedFeedMixin, feed).__call__(request, *args, **kwargs)
            cached = (response.content, response["Content-Type"])
            # Upcoming events drop out when they end: the hour bounds how long one lingers.
            cache.set(key, cached, FEED_TIMEOUT)
        body, content_type = cached
        return HttpResponse(body, content_type=content_type)
