"""Emails to registrants, written in the language they registered in, with the event's
.ics attached to confirmations. Queued through home.outbox (sent once the registration's
transaction has committed); the registration service decides when, these functions what."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from home.outbox import queue_mail
from home.public_forms import text_for_mail

from .ical import event_calendar


def _send(registration, template, subject, cancel_url, attach_ics=False):
    # One mail per kind and registration; a new registration (new token) is a new event.
    dedupe_key = f"events:{template}:{registration.pk}:{registration.cancel_token}"
    with translation.override(registration.language):
        page = registration.page_for_language()
        context = {
            "registration": registration,
            # Typed in by whoever filled the form, sent to the typed-in address: short, no links.
            "greeting_name": text_for_mail(registration.name),
            "event": page,
            "event_url": page.get_full_url(),
            "cancel_url": cancel_url,
            "site_name": _("Civic Participation Network Saxony"),
        }
        attachments = None
        if attach_ics:
            ics = event_calendar(page).to_ical()
            attachments = [(f"{page.slug}.ics", ics, "text/calendar")]
        queue_mail(
            to=[registration.email],
            subject=f"{subject} {page.title}",
            body=render_to_string(f"events/email/{template}.txt", context),
            attachments=attachments,
            dedupe_key=dedupe_key,
        )


def send_confirmation(registration, cancel_url):
    with translation.override(registration.language):
        if registration.status == registration.Status.WAITING:
            subject = _("Waiting list:")
        else:
            subject = _("Registration confirmed:")
    # A place on the waiting list is no appointment: no calendar file until a place is free.
    attach_ics = registration.status != registration.Status.WAITING
    _send(registration, "confirmation", subject, cancel_url, attach_ics=attach_ics)


def send_promotion(registration, cancel_url):
    with translation.override(registration.language):
        subject = _("A place has become free for you:")
    _send(registration, "promotion", subject, cancel_url, attach_ics=True)


def send_cancellation(registration, cancel_url):
    with translation.override(registration.language):
        subject = _("Registration cancelled:")
    _send(registration, "cancellation", subject, cancel_url)


def send_already_registered(registration, cancel_url):
    """Someone registered this address again: its owner (only) learns the status."""
    with translation.override(registration.language):
        subject = _("You are already registered:")
    _send(registration, "already_registered", subject, cancel_url)
