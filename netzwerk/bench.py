"""The benchmark's floor: the cheapest answer the framework gives through the full middleware
stack (no database, no template). Routed only when BENCH_FLOOR is on (`make bench`)."""

from django.http import HttpResponse


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")
