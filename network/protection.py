"""The network's view of the shared public-form protection (home.public_forms): honeypot,
signed start time, per-IP rate limit. The network's views judge a POST before validating the
form, so that a too-fast or expired form is shown again with what was typed; this adapter
gives them that one verdict. No cookie is needed: home.public_forms.PublicFormCsrfMiddleware
accepts anonymous POSTs that carry a valid start time."""

import time

from django.conf import settings

from home.public_forms import (
    BOT,
    HONEYPOT_FIELD,
    LIMITED,
    OK,
    STARTED_FIELD,
    rate_limited,
    start_token,
    started_at,
)

STAMP_FIELD = STARTED_FIELD
TOO_FAST = "too-fast"

__all__ = ["BOT", "HONEYPOT_FIELD", "LIMITED", "OK", "STAMP_FIELD", "TOO_FAST", "screen", "stamp"]


def stamp(path=None, now=None):
    """The start time for a form shown now (`path` is accepted for callers' clarity)."""
    return start_token(now)


def screen(request, scope):
    """LIMITED (429), BOT (answer as if it worked, store nothing), TOO_FAST (a missing,
    expired or too recent start time: show the form again) or OK."""
    if rate_limited(request, f"network:{scope}"):
        return LIMITED
    if request.POST.get(HONEYPOT_FIELD, "").strip():
        return BOT
    started = started_at(request.POST.get(STARTED_FIELD))
    if started is None or time.time() - started < getattr(settings, "PUBLIC_FORM_MIN_SECONDS", 2):
        return TOO_FAST
    return OK
