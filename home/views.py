"""Machine endpoints: health check and robots.txt."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .caching import health as cache_health
from .site_url import absolute_url


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    cache_ok, cache_detail = cache_health()  # the site still serves pages without it
    status = {"status": "ok" if cache_ok else "degraded", "database": "ok", "cache": cache_detail}
    return JsonResponse(status, status=200 if cache_ok else 503)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /de/suche/",
        "Disallow: /en/search/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
