"""Registration and cancellation pages of an EventPage (routed by the page, see its routes).
The rules live in events.registration; these views only read the request and render."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation

from home.public_forms import BOT, LIMITED, check_submission, no_shared_cache, too_many_requests

from . import registration as service
from .forms import RegistrationForm


def _render(request, page, template, status=200, **context):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, f"events/{template}", context, status=status)


def register(request, page):
    if not page.takes_registrations:
        raise Http404
    if not page.registration_open:
        return _render(request, page, "registration_form.html", closed=True)
    if request.method != "POST":
        return no_shared_cache(
            _render(request, page, "registration_form.html", form=RegistrationForm())
        )

    form = RegistrationForm(request.POST)
    verdict = check_submission(request, form, f"register:{page.registration_event.pk}")
    if verdict == LIMITED:
        return too_many_requests(request, page)
    if verdict == BOT:
        # Looks like success to a bot; nothing is stored and no mail is sent.
        return _render(request, page, "registration_done.html")
    if not form.is_valid():
        return no_shared_cache(_render(request, page, "registration_form.html", form=form))
    # The same answer whether or not the address was registered already: the mail tells the
    # address's owner (and only them) their status.
    service.register(page, form.cleaned_data, translation.get_language())
    return _render(request, page, "registration_done.html")


def cancel(request, page):
    token = (request.POST if request.method == "POST" else request.GET).get("token", "")
    registration, status = service.registration_for_token(page, token)
    if registration is None:
        return _render(request, page, "cancel.html", status=status, invalid=True)
    if registration.status == registration.Status.CANCELLED:
        return _render(request, page, "cancel.html", already=True)
    if request.method != "POST":
        # A GET only asks: mail scanners that follow links must not cancel anything.
        return _render(request, page, "cancel.html", registration=registration, token=token)
    service.cancel(registration)
    return _render(request, page, "cancel.html", done=True)
