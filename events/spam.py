"""Spam protection without third parties: a honeypot field and a cache-based rate limit."""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

HONEYPOT_FIELD = "website"


def honeypot_filled(request):
    """Humans never see the honeypot field; anything typed into it comes from a bot."""
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is trivially forged unless a trusted proxy sets it.
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(request, scope):
    """Count POSTs per client and scope in a fixed window; True once over the limit.
    Limits come from EVENTS_RATE_LIMIT = (requests, seconds), default 10 per 10 minutes."""
    limit, window = getattr(settings, "EVENTS_RATE_LIMIT", (10, 600))
    key = f"events:rl:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def too_many_requests(request, page):
    response = TemplateResponse(
        request, "events/too_many_requests.html", {"page": page}, status=429
    )
    response["Retry-After"] = str(getattr(settings, "EVENTS_RATE_LIMIT", (10, 600))[1])
    return response
