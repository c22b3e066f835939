"""One protection for every public form (registration, survey, barrier report, and the forms of
the network and newsletter apps), without third parties and without cookies:

- a honeypot field that people never see (filled in: a bot; it is told "thank you", nothing is
  stored);
- a signed start time in a hidden field: a form sent faster than ``PUBLIC_FORM_MIN_SECONDS``
  or with a missing/expired/forged start time is shown again with what was typed and a
  request to send it again (never silently dropped);
- a rate limit per form and real client IP (``home.proxies.client_ip``: behind
  ``TRUSTED_PROXY_COUNT`` proxies), generous enough for 150 colleagues behind one town-hall NAT
  (``PUBLIC_FORM_RATE_LIMITS``);
- length limits on every text field (``PUBLIC_FORM_MAX_LENGTH`` where a field has none).

Use it in two places: the form (``PublicFormMixin`` first in the bases, or ``protect_form_class``
for generated forms such as Wagtail's form pages) and the view (``check_submission``), e.g.::

    verdict = check_submission(request, form, scope=f"advice:{page.pk}")
    if verdict == LIMITED:
        return too_many_requests(request, page)
    if verdict == BOT:
        return thank_you_page          # looks like success; store nothing
    if not form.is_valid():            # includes the start-time check
        return form_page_again

Templates render ``{% include "includes/public_form_fields.html" %}`` inside the form: the
honeypot, the start time and a CSRF token for logged-in users only, so anonymous visitors get
no cookie. ``PublicFormCsrfMiddleware`` accepts their POSTs when they carry a valid start time and
come from this site (Origin) — a public form has no signed-in victim whose identity a forged
request could use.
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.validators import MaxLengthValidator
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .proxies import client_ip

HONEYPOT_FIELD = "website"
STARTED_FIELD = "form_started"
_SALT = "home.public_forms.started"
OK, BOT, LIMITED = "ok", "bot", "limited"


def _setting(name, default):
    return getattr(settings, name, default)


# --- start time ---------------------------------------------------------------------------------
def start_token(now=None):
    """The signed time a form was shown (seconds since the epoch)."""
    return signing.dumps(int(now if now is not None else time.time()), salt=_SALT)


def started_at(token):
    """The time a valid token was issued, or None (missing, forged, expired)."""
    try:
        started = signing.loads(token or "", salt=_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(started, int) or time.time() - started > _setting(
        "PUBLIC_FORM_MAX_AGE", 86400
    ):
        return None
    return started


class PublicFormMixin:
    """Checks the start time and limits every text field's length. The honeypot and the start
    time are not form fields: includes/public_form_fields.html renders them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default_limit = _setting("PUBLIC_FORM_MAX_LENGTH", 2000)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                if not field.max_length or field.max_length > default_limit:
                    field.max_length = default_limit
                    field.validators.append(MaxLengthValidator(default_limit))
                field.widget.attrs["maxlength"] = field.max_length

    @property
    def is_bot(self):
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())

    def clean(self):
        cleaned = super().clean()
        started = started_at(self.data.get(STARTED_FIELD))
        if started is None:
            raise forms.ValidationError(
                _("This form has expired. Please check your entries and send it again."),
                code="expired",
            )
        if time.time() - started < _setting("PUBLIC_FORM_MIN_SECONDS", 2):
            raise forms.ValidationError(
                _("That was very fast. Please check your entries and send the form again."),
                code="too_fast",
            )
        return cleaned


def protect_form_class(form_class):
    """The same protection for a generated form class (Wagtail's form pages)."""
    return type(f"Protected{form_class.__name__}", (PublicFormMixin, form_class), {})


# --- typed-in text in mails to typed-in addresses ------------------------------------------
_LINK = re.compile(r"(://|www\.|@|\b[\w-]+\.(?:[a-z]{2,}|xn--[\w-]+)(?:/|\b))", re.IGNORECASE)


def validate_no_links(value):
    """For names and the like that the site mails back: no web or mail addresses."""
    if _LINK.search(value or ""):
        raise forms.ValidationError(
            _("Please enter this without web or email addresses."), code="link"
        )


def text_for_mail(value, limit=60):
    """User-typed text the site puts into a mail to a typed-in address: one short line and
    never a link, so the site cannot be made to deliver someone else's message."""
    text = " ".join(str(value or "").split())
    if _LINK.search(text):
        return ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- rate limit ---------------------------------------------------------------------------------
def rate_limited(request, scope):
    """Count submissions per scope (form) and client address in each configured window."""
    ip = client_ip(request)
    over = False
    for limit, window in _setting("PUBLIC_FORM_RATE_LIMITS", [(200, 600), (1000, 86400)]):
        key = f"public-forms:{scope}:{ip}:{window}"
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
            count = 1
        over = over or count > limit
    return over


def check_submission(request, form, scope):
    """LIMITED (answer 429), BOT (pretend success, keep nothing) or OK (validate the form)."""
    if rate_limited(request, scope):
        return LIMITED
    if getattr(form, "is_bot", False):
        return BOT
    return OK


def too_many_requests(request, page=None):
    window = max(w for _limit, w in _setting("PUBLIC_FORM_RATE_LIMITS", [(200, 600)]))
    response = TemplateResponse(
        request, "includes/too_many_requests.html", {"page": page}, status=429
    )
    response["Retry-After"] = str(min(window, 3600))
    return response


def no_shared_cache(response):
    """A form answer carries a per-visit start time: never put it in a shared cache."""
    response["Cache-Control"] = "private, no-cache, no-store"
    return response


# --- CSRF for anonymous visitors ----------------------------------------------------------------
class PublicFormCsrfMiddleware:
    """Before CsrfViewMiddleware: anonymous POSTs of our public forms need no CSRF cookie.

    Accepted when there is no session (nobody is signed in), the POST carries a valid start time
    (it comes from a form this site rendered) and the browser's Origin, when sent, is this site.
    Everything else (the admin, signed-in users) keeps Django's CSRF protection."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(("/admin/", "/django-admin/"))
            and self._same_origin(request)
            and started_at(request.POST.get(STARTED_FIELD)) is not None
        ):
            request.csrf_processing_done = True
        return self.get_response(request)

    @staticmethod
    def _same_origin(request):
        origin = request.META.get("HTTP_ORIGIN")
        if origin is None:
            return True
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: Django answers 400 later
            return False
        return url_has_allowed_host_and_scheme(
            origin + "/", allowed_hosts={host}, require_https=request.is_secure()
        )


# --- Wagtail form pages -------------------------------------------------------------------------
class ProtectedFormPageMixin:
    """For AbstractEmailForm pages (survey, barrier report): the protection above and
    spreadsheet-safe exports of the submissions (home/exports.py). Put it first in the bases;
    the notification mail (through the outbox) is home.form_notifications'."""

    def get_submissions_list_view_class(self):
        from .exports import safe_submissions_list_view

        return safe_submissions_list_view()

    def get_form_class(self):
        return protect_form_class(super().get_form_class())

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            verdict = check_submission(request, form, f"form-page:{self.pk}")
            if verdict == LIMITED:
                return too_many_requests(request, self)
            if verdict == BOT:
                return no_shared_cache(self.render_landing_page(request))
        return no_shared_cache(super().serve(request, *args, **kwargs))
