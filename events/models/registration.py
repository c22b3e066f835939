"""A registration for an event (personal data: Ministry editors only)."""

import uuid

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

# Cache scopes (home/caching): the event listing shows places left of every event, an event
# page those of its own event; a registration changes nothing else.
REGISTRATIONS = "registrations"


def event_scope(event_id):
    return f"{REGISTRATIONS}:{event_id}"


class EventRegistration(models.Model):
    """A person registered for an event. Personal data is deleted by `purge_registrations`
    a configurable number of days after the event."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation or municipality"), max_length=200, blank=True)
    needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    cancel_token = models.UUIDField(
        _("cancel token"), default=uuid.uuid4, unique=True, editable=False
    )
    language = models.CharField(_("language"), max_length=10, default="de", editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="unique_registration_per_email"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} – {self.event.title}"

    def cache_scopes(self):
        return (REGISTRATIONS, event_scope(self.event_id))

    def page_for_language(self):
        """The event page in the registrant's language (for links in emails)."""
        with translation.override(self.language):
            from wagtail.models import Locale

            locale = Locale.objects.filter(language_code=self.language).first()
            page = self.event.get_translation_or_none(locale) if locale else None
            return (page or self.event).specific
