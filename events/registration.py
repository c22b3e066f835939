"""The registration service: every rule about places, the waiting list and cancelling.

The event page (counts, places left), the views (register, cancel) and the mails (cancel
links) all come here; none of them calls another. A change of state is saved first, in one
transaction that locks the event row, and its mails are queued to go out once that
transaction has committed (home.outbox.queue_mail).
"""

import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from . import emails
from .models.registration import EventRegistration

CANCEL_SALT = "events.registration.cancel"
Status = EventRegistration.Status


def counts(event):
    """{"confirmed": n, "waiting": n} of the event registrations belong to."""
    return event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
    )


def confirmed_per_event(events):
    """{translation_key: confirmed} for these events (any language; registrations belong to
    the original in the default language): one query, whatever the number of events."""
    keys = {event.translation_key for event in events}
    if not keys:
        return {}
    rows = (
        EventRegistration.objects.filter(
            status=Status.CONFIRMED,
            event__translation_key__in=keys,
            event__locale__language_code=settings.LANGUAGE_CODE,
        )
        .values_list("event__translation_key")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


def places_left(event, capacity):
    if capacity is None:
        return None
    return max(capacity - counts(event)["confirmed"], 0)


def _lock(event):
    """Lock the event row so two people cannot take the last place at once."""
    type(event).objects.select_for_update().filter(pk=event.pk).first()


def register(page, data, language):
    """Register `data` (name, email, organisation, needs) for the event of `page` as
    confirmed or waiting and queue the confirmation. Returns the registration, or None when
    this email is already registered for the event."""
    event = page.registration_event
    try:
        with transaction.atomic():
            _lock(event)
            existing = EventRegistration.objects.filter(event=event, email=data["email"]).first()
            if existing and existing.status != Status.CANCELLED:
                emails.send_already_registered(existing, cancel_url(existing))
                return None
            registration = existing or EventRegistration(event=event)
            for name in ("name", "email", "organisation", "needs"):
                setattr(registration, name, data[name])
            registration.consent_at = timezone.now()
            registration.language = language or "de"
            registration.status = _next_status(event)
            if existing:
                registration.cancel_token = uuid.uuid4()  # old cancel links stop working
                registration.created_at = timezone.now()
            registration.save()
            emails.send_confirmation(registration, cancel_url(registration))
            return registration
    except IntegrityError:  # the same email registered concurrently
        return None


def _next_status(event):
    if event.capacity is None:
        return Status.CONFIRMED
    confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
    return Status.CONFIRMED if confirmed < event.capacity else Status.WAITING


def cancel(registration):
    """Cancel and, if a confirmed place became free, promote the first person waiting; the
    cancellation and the promotion mail are queued. Returns the promoted registration."""
    with transaction.atomic():
        _lock(registration.event)
        # Read the state again under the lock: of concurrent clicks on one link only the
        # first cancels (and promotes); the others find it cancelled already.
        registration.refresh_from_db(fields=["status"])
        if registration.status == Status.CANCELLED:
            return None
        was_confirmed = registration.status == Status.CONFIRMED
        registration.status = Status.CANCELLED
        registration.save(update_fields=["status"])
        emails.send_cancellation(registration, cancel_url(registration))
        promoted = _promote(registration.event) if was_confirmed else None
        if promoted:
            emails.send_promotion(promoted, cancel_url(promoted))
        return promoted


def _promote(event):
    if event.capacity is not None:
        confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
        if confirmed >= event.capacity:
            return None
    waiting = event.registrations.filter(status=Status.WAITING).order_by("created_at", "pk").first()
    if waiting:
        waiting.status = Status.CONFIRMED
        waiting.save(update_fields=["status"])
    return waiting


# --- cancel links ------------------------------------------------------------------------
def cancel_token(registration):
    return signing.dumps(str(registration.cancel_token), salt=CANCEL_SALT)


def cancel_url(registration):
    page = registration.page_for_language()
    query = urlencode({"token": cancel_token(registration)})
    return f"{page.get_full_url()}{page.reverse_subpage('cancel')}?{query}"


def registration_for_token(page, token):
    """The registration a signed cancel token names, or (None, status) with the HTTP status
    to answer: 400 for a forged or broken token, 404 for one that names nothing here."""
    try:
        value = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None, 400
    if not _is_uuid(value):
        return None, 404
    registration = (
        EventRegistration.objects.filter(cancel_token=value, event=page.registration_event)
        .select_related("event")
        .first()
    )
    return registration, (200 if registration else 404)


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
