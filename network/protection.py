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


def stamp(now=None):
    """Value of the hidden STAMP_FIELD: when the form was shown, signed."""
    return signing.dumps(int(now if now is not None else time.time()), salt=STAMP_SALT)


def _form_age(request):
    try:
        shown = signing.loads(
            request.POST.get(STAMP_FIELD, ""), salt=STAMP_SALT, max_age=MAX_FORM_AGE
        )
        return time.time() - int(shown)
    except (signing.BadSignature, TypeError, ValueError):
        return None


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
