"""Reported procedures ("Verfahren melden"): the reporter's contact lives here, apart from the
draft case page it created, so nothing personal is ever on the page."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from ..choices import ReportStatus


class ProcedureReport(models.Model):
    case = models.ForeignKey(
        "cases.CasePage",
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    reporter_name = models.CharField(_("name"), max_length=200)
    reporter_email = models.EmailField(_("email"))
    reporter_phone = models.CharField(_("phone"), max_length=50, blank=True)
    answers = models.JSONField(_("answers as reported"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, default="de")
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.SUBMITTED
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    purged_at = models.DateTimeField(_("personal data deleted at"), null=True, blank=True)

    panels = [
        FieldPanel("case", read_only=True),
        FieldPanel("title", read_only=True),
        FieldPanel("answers", read_only=True),
        MultiFieldPanel(
            [
                FieldPanel("reporter_name", read_only=True),
                FieldPanel("reporter_email", read_only=True),
                FieldPanel("reporter_phone", read_only=True),
            ],
            heading=_("Reporter (not on the page)"),
        ),
        FieldPanel("status", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("published_at", read_only=True),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("reported procedure")
        verbose_name_plural = _("reported procedures")

    def __str__(self):
        return self.title

    def purge_personal_data(self):
        self.reporter_name = ""
        self.reporter_email = ""
        self.reporter_phone = ""
        self.purged_at = timezone.now()
        self.save()
