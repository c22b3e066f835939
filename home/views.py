"""Machine endpoints (health check, robots.txt) and the error pages that must work without
the database (503 while it is down, CSRF failure)."""

import datetime
import sys

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .caching import health as cache_health
from .site_url import absolute_url


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache():
    ok, detail = cache_health()  # one round trip, bounded by the socket timeouts
    if not ok:
        raise RuntimeError(detail)
    return "ok"


QUEUE_STALL = datetime.timedelta(minutes=15)


def _task_queue():
    """ "stalled" when a due task has waited longer than QUEUE_STALL: no worker is running."""
    from django.db.models import Q
    from django_tasks import task_backends
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["background"], DatabaseBackend):
        return "ok"  # in-process backend: no queue to watch
    late = timezone.now() - QUEUE_STALL
    waiting = DBTaskResult.objects.filter(status="READY").filter(
        Q(run_after__lt=late) | Q(run_after__year=9999, enqueued_at__lt=late)
    )
    if waiting.exists():
        raise RuntimeError("stalled")
    return "ok"


CHECKS = {"database": _database, "cache": _cache, "task_queue": _task_queue}


@never_cache
@require_GET
def healthz(request):
    """Each dependency's state; 503 as soon as one is down (load balancers take it out)."""
    result = {}
    for name, check in CHECKS.items():
        try:
            result[name] = check()
        except Exception as error:  # any failure of a dependency is a finding, not a 500
            result[name] = "stalled" if str(error) == "stalled" else "unavailable"
    healthy = all(value == "ok" for value in result.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **result}, status=200 if healthy else 503
    )


def server_error(request):
    """handler500: while the database is unreachable a localised 503 "maintenance" page that
    needs no database (no menus, no settings), else the plain 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the site's language instead of Django's English technical page."""
    return HttpResponse(loader.render_to_string("403_csrf.html", request=None), status=403)


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
