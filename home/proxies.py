"""Who is the client? Behind reverse proxies only the proxies' own headers count.

``TRUSTED_PROXY_COUNT`` reverse proxies (nginx, a load balancer) stand in front of the app;
``TRUSTED_PROXY_IPS`` are the addresses the app sees them connect from. Requests from anywhere
else lose their X-Forwarded-* headers before Django reads them (``SECURE_PROXY_SSL_HEADER``,
the client address of rate limits and login throttling), so a client cannot claim HTTPS or
pick a fresh "IP address" per request.
"""

import ipaddress

from django.conf import settings

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


def _networks():
    return [
        ipaddress.ip_network(item, strict=False)
        for item in getattr(settings, "TRUSTED_PROXY_IPS", ["127.0.0.1", "::1"])
    ]


def from_trusted_proxy(request):
    if not getattr(settings, "TRUSTED_PROXY_COUNT", 0):
        return False
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(peer in network for network in _networks())


class ForwardedHeadersMiddleware:
    """First in the stack: drop X-Forwarded-* unless a trusted proxy sent the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not from_trusted_proxy(request):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


def client_ip(request, *args):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address
    the outermost of them saw (X-Forwarded-For counted from the right: entries further left
    were written by the client). Also django-axes' AXES_CLIENT_IP_CALLABLE."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies and from_trusted_proxy(request):
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if hops:
            remote = hops[-min(proxies, len(hops))]
    try:
        return str(ipaddress.ip_address(remote))
    except ValueError:
        return "unknown"
