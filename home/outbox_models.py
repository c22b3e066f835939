"""The stored outgoing mail behind ``home.outbox.queue_mail`` (one row per mail)."""

import base64

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    created_at = models.DateTimeField(_("queued at"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("body"))
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    # [{"filename", "mimetype", "content" (base64)}]: JSON keeps the row readable in the admin.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    # One row per event a mail is about (e.g. "cancel:<id>"): a unique key, so concurrent
    # duplicates fail at the database instead of racing past a check.
    dedupe_key = models.CharField(
        _("de-duplication key"), max_length=200, null=True, blank=True, unique=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    def cache_scopes(self):
        """No public page shows outgoing mail: saving one leaves cached pages alone."""
        return ()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @staticmethod
    def encode_attachments(attachments):
        return [
            {
                "filename": filename,
                "mimetype": mimetype,
                "content": base64.b64encode(
                    content.encode() if isinstance(content, str) else content
                ).decode("ascii"),
            }
            for filename, content, mimetype in attachments or []
        ]

    def as_message(self):
        message = EmailMessage(
            subject=self.subject,
            body=self.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=self.to,
            reply_to=self.reply_to or None,
            headers=self.headers or None,
        )
        for item in self.attachments:
            message.attach(item["filename"], base64.b64decode(item["content"]), item["mimetype"])
        return message
