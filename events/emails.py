"""Emails to registrants, written in the language they registered in, with the event's
.ics attached to confirmations."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .ical import event_calendar


def _send(registration, template, subject, attach_ics=False):
    from .views import cancel_url

    with translation.override(registration.language):
        page = registration.page_for_language()
        context = {
            "registration": registration,
            "event": page,
            "event_url": page.get_full_url(),
            "cancel_url": cancel_url(registration),
            "site_name": _("Civic Participation Network Saxony"),
        }
        message = EmailMessage(
            subject=f"{subject} {page.title}",
            body=render_to_string(f"events/email/{template}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        if attach_ics:
            message.attach(f"{page.slug}.ics", event_calendar(page).to_ical(), "text/calendar")
    message.send()


def send_confirmation(registration):
    with translation.override(registration.language):
        if registration.status == registration.Status.WAITING:
            subject = _("Waiting list:")
        else:
            subject = _("Registration confirmed:")
    # A place on the waiting list is no appointment: no calendar file until a place is free.
    attach_ics = registration.status != registration.Status.WAITING
    _send(registration, "confirmation", subject, attach_ics=attach_ics)


def send_promotion(registration):
    with translation.override(registration.language):
        subject = _("A place has become free for you:")
    _send(registration, "promotion", subject, attach_ics=True)


def send_cancellation(registration):
    with translation.override(registration.language):
        subject = _("Registration cancelled:")
    _send(registration, "cancellation", subject)
