"""Advice requests ("Beratung anfragen"): stored first, then worked by Ministry editors."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..choices import AdviceStatus, AdviceTopic, PreferredContact


class AdviceRequest(models.Model):
    topic = models.CharField(_("topic"), max_length=20, choices=AdviceTopic.choices)
    organisation_name = models.CharField(_("municipality or organisation"), max_length=200)
    region = models.ForeignKey(
        "cases.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), max_length=3000)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    preferred_contact = models.CharField(
        _("preferred contact"), max_length=20, choices=PreferredContact.choices
    )
    language = models.CharField(_("language"), max_length=10, default="de")
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    status = models.CharField(
        _("status"), max_length=20, choices=AdviceStatus.choices, default=AdviceStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"groups__name": "Ministry editors"},
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only visible to Ministry editors.")
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    purged_at = models.DateTimeField(_("personal data deleted at"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("status"), FieldPanel("assignee")], heading=_("Processing")),
        FieldPanel("internal_notes"),
        MultiFieldPanel(
            [
                FieldPanel("topic", read_only=True),
                FieldPanel("organisation_name", read_only=True),
                FieldPanel("region", read_only=True),
                FieldPanel("description", read_only=True),
            ],
            heading=_("Request"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("preferred_contact", read_only=True),
                FieldPanel("created_at", read_only=True),
            ],
            heading=_("Requester"),
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("advice request")
        verbose_name_plural = _("advice requests")

    def __str__(self):
        return f"{self.get_topic_display()}: {self.organisation_name}"

    def save(self, *args, **kwargs):
        # The retention period runs from closing; reopening stops the clock.
        if self.status == AdviceStatus.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != AdviceStatus.CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)

    def purge_personal_data(self):
        self.name = ""
        self.email = ""
        self.phone = ""
        self.description = ""
        self.internal_notes = ""
        self.purged_at = timezone.now()
        self.save()
