"""Messages sent through the site are logged by metadata only: never their content."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MessageLog(models.Model):
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    sender_email = models.EmailField(_("sender"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("case page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    member = models.ForeignKey(
        "network.Member",
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message log entry")
        verbose_name_plural = _("message log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.sender_email}"

    @property
    def recipient(self):
        return self.page or self.member
