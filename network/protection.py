"""Protection of the network's public forms: a honeypot, a minimum time between showing and
sending a form (a signed stamp in the form, so no cookie is needed), and a per-IP rate limit
generous enough for a town hall behind one NAT address.

The shared public-form protection module replaces this one once it exists; views call only
`screen()` and `stamp()`, so the swap is local to this file."""

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

HONEYPOT_FIELD = "contact_fax"
STAMP_FIELD = "form_stamp"
STAMP_SALT = "network.form-stamp"
MAX_FORM_AGE = 24 * 3600  # a form left open over night still works

OK, BOT, TOO_FAST, LIMITED = "ok", "bot", "too-fast", "limited"


def stamp(path, now=None):
    """Value of the hidden STAMP_FIELD: when and where (URL path) the form was shown, signed."""
    shown = int(now if now is not None else time.time())
    return signing.dumps({"t": shown, "p": path}, salt=STAMP_SALT)


def _stamp_value(request):
    try:
        value = signing.loads(
            request.POST.get(STAMP_FIELD, ""), salt=STAMP_SALT, max_age=MAX_FORM_AGE
        )
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(value, dict) or value.get("p") != request.path:
        return None
    return value


def _form_age(request):
    value = _stamp_value(request)
    if value is None or not isinstance(value.get("t"), int):
        return None
    return time.time() - value["t"]


class StampedFormCsrfMiddleware:
    """Public forms set no cookie before use (issue #16), so they cannot use Django's CSRF
    cookie. Their signed stamp names the path it was issued for; a POST carrying a valid stamp
    for its own path skips the cookie check. The stamp is only issued by the network's public
    form pages (never the admin), whose POSTs act on no account, so a cross-site POST gains
    nothing a visitor could not do directly. Goes right before CsrfViewMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and not request.path.startswith("/admin/")
            and STAMP_FIELD in request.POST
            and _stamp_value(request) is not None
        ):
            request._dont_enforce_csrf_checks = True
        return self.get_response(request)


def client_ip(request):
    # REMOTE_ADDR only: X-Forwarded-For is forged trivially unless a trusted proxy sets it.
    return request.META.get("REMOTE_ADDR", "unknown")


def _over_limit(request, scope):
    limit, window = getattr(settings, "NETWORK_RATE_LIMIT", (60, 600))
    key = f"network:rl:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def screen(request, scope):
    """Judge a POST: OK, BOT (honeypot: answer as if it worked, store nothing), TOO_FAST or
    an expired/missing stamp (show the form again with what was typed) or LIMITED (429)."""
    if _over_limit(request, scope):
        return LIMITED
    if request.POST.get(HONEYPOT_FIELD, "").strip():
        return BOT
    age = _form_age(request)
    if age is None or age < getattr(settings, "NETWORK_FORM_MIN_SECONDS", 2):
        return TOO_FAST
    return OK
