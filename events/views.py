"""Registration and cancellation for EventPage (routed by the page, see EventPage routes)."""

import uuid
from urllib.parse import urlencode

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone, translation

from .emails import send_cancellation, send_confirmation, send_promotion
from .forms import RegistrationForm
from .models import EventPage, EventRegistration
from .spam import honeypot_filled, rate_limited, too_many_requests

CANCEL_SALT = "events.registration.cancel"


def cancel_token(registration):
    return signing.dumps(str(registration.cancel_token), salt=CANCEL_SALT)


def cancel_url(registration):
    page = registration.page_for_language()
    query = urlencode({"token": cancel_token(registration)})
    return f"{page.get_full_url()}{page.reverse_subpage('cancel')}?{query}"


def _render(request, page, template, status=200, **context):
    context = {"page": page, "self": page, **context}
    return TemplateResponse(request, f"events/{template}", context, status=status)


def register(request, page):
    if not page.takes_registrations:
        raise Http404
    if not page.registration_open:
        return _render(request, page, "registration_form.html", closed=True)
    if request.method != "POST":
        return _render(request, page, "registration_form.html", form=RegistrationForm())

    if rate_limited(request, f"register:{page.registration_event.pk}"):
        return too_many_requests(request, page)
    form = RegistrationForm(request.POST)
    if honeypot_filled(request):
        # Looks like success to a bot; nothing is stored and no mail is sent.
        return _render(request, page, "registration_done.html", status_value="confirmed")
    if not form.is_valid():
        return _render(request, page, "registration_form.html", form=form)

    registration, created = save_registration(page, form)
    if registration is None:
        return _render(request, page, "registration_done.html", duplicate=True)
    send_confirmation(registration)
    return _render(
        request,
        page,
        "registration_done.html",
        registration=registration,
        status_value=registration.status,
    )


def save_registration(page, form):
    """Create the registration as confirmed or waiting. Returns (registration, created), or
    (None, False) when this email is already registered for the event."""
    event = page.registration_event
    try:
        with transaction.atomic():
            # Lock the event row so two people cannot take the last place at once.
            EventPage.objects.select_for_update().filter(pk=event.pk).first()
            existing = EventRegistration.objects.filter(
                event=event, email=form.cleaned_data["email"]
            ).first()
            if existing and existing.status != EventRegistration.Status.CANCELLED:
                return None, False
            registration = existing or EventRegistration(event=event)
            for name in ("name", "email", "organisation", "needs"):
                setattr(registration, name, form.cleaned_data[name])
            registration.consent_at = timezone.now()
            registration.language = translation.get_language() or "de"
            registration.status = next_status(event)
            if existing:
                registration.cancel_token = uuid.uuid4()  # old cancel links stop working
                registration.created_at = timezone.now()
            registration.save()
            return registration, existing is None
    except IntegrityError:  # the same email registered concurrently
        return None, False


def next_status(event):
    if event.capacity is None:
        return EventRegistration.Status.CONFIRMED
    confirmed = event.registrations.filter(status=EventRegistration.Status.CONFIRMED).count()
    if confirmed < event.capacity:
        return EventRegistration.Status.CONFIRMED
    return EventRegistration.Status.WAITING


def cancel(request, page):
    token = (request.POST if request.method == "POST" else request.GET).get("token", "")
    try:
        value = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return _render(request, page, "cancel.html", status=400, invalid=True)
    registration = (
        EventRegistration.objects.filter(cancel_token=value, event=page.registration_event)
        .select_related("event")
        .first()
        if _is_uuid(value)
        else None
    )
    if registration is None:
        return _render(request, page, "cancel.html", status=404, invalid=True)
    if registration.status == EventRegistration.Status.CANCELLED:
        return _render(request, page, "cancel.html", already=True)
    if request.method != "POST":
        # A GET only asks: mail scanners that follow links must not cancel anything.
        return _render(request, page, "cancel.html", registration=registration, token=token)
    promoted = cancel_registration(registration)
    send_cancellation(registration)
    if promoted:
        send_promotion(promoted)
    return _render(request, page, "cancel.html", done=True)


def cancel_registration(registration):
    """Cancel and, if a confirmed place became free, promote the first person waiting."""
    with transaction.atomic():
        EventPage.objects.select_for_update().filter(pk=registration.event_id).first()
        was_confirmed = registration.status == EventRegistration.Status.CONFIRMED
        registration.status = EventRegistration.Status.CANCELLED
        registration.save(update_fields=["status"])
        if not was_confirmed:
            return None
        event = registration.event
        if event.capacity is not None:
            confirmed = event.registrations.filter(
                status=EventRegistration.Status.CONFIRMED
            ).count()
            if confirmed >= event.capacity:
                return None
        waiting = (
            event.registrations.filter(status=EventRegistration.Status.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if waiting:
            waiting.status = EventRegistration.Status.CONFIRMED
            waiting.save(update_fields=["status"])
        return waiting


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
