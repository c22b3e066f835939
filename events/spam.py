"""Deprecated: the old spam helpers, kept for callers not yet moved to home.public_forms
(the shared protection of every public form: use PublicFormMixin + check_submission)."""

from home.public_forms import HONEYPOT_FIELD, rate_limited, too_many_requests

__all__ = ["honeypot_filled", "rate_limited", "too_many_requests"]


def honeypot_filled(request):
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())
