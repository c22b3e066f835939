"""Newsletter: subscribers (personal data, Ministry editors only), the subscribe page and
issues written as pages, and one delivery row per issue and recipient."""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField

from home.blocks import BodyBlock
from home.models import BasePage

from .admin_forms import IssueForm
from .choices import Interest, all_interests
from .panels import SendPanel

# The consent text subscribers agree to; a new wording gets a new version, and every
# subscriber keeps the version they agreed to.
CONSENT_VERSION = "2026-12-01"
CONSENT_TEXT = _(
    "I would like to receive the newsletter of the Civic Participation Network Saxony by email. "
    "I can unsubscribe at any time with the link in every newsletter."
)


def new_nonce():
    return secrets.token_urlsafe(16)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    interests = models.JSONField(_("interests"), default=list)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # Identifies the subscriber in unsubscribe and preference links (signed, never shown).
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # One-time part of the confirmation link: cleared once used, so a replay is refused.
    confirm_nonce = models.CharField(max_length=40, blank=True, default=new_nonce, editable=False)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    consent_proof = models.CharField(
        _("consent proof"),
        max_length=64,
        blank=True,
        help_text=_(
            "SHA-256 over address, consent text version, request and confirmation time and "
            "the one-time link: shows that this address confirmed, without storing an IP address."
        ),
    )

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-requested_at"]

    def __str__(self):
        return self.email

    def interest_labels(self):
        labels = dict(Interest.choices)
        return ", ".join(str(labels[i]) for i in self.interests if i in labels)

    def confirm(self):
        now = timezone.now()
        proof = "|".join(
            [
                self.email,
                CONSENT_VERSION,
                self.requested_at.isoformat(),
                now.isoformat(),
                self.confirm_nonce,
            ]
        )
        self.status = self.Status.CONFIRMED
        self.confirmed_at = now
        self.consent_version = CONSENT_VERSION
        self.consent_proof = hashlib.sha256(proof.encode()).hexdigest()
        self.confirm_nonce = ""
        self.unsubscribed_at = None
        self.save()

    def unsubscribe(self):
        if self.status != self.Status.UNSUBSCRIBED:
            self.status = self.Status.UNSUBSCRIBED
            self.unsubscribed_at = timezone.now()
            self.confirm_nonce = ""
            self.save(update_fields=["status", "unsubscribed_at", "confirm_nonce"])


class NewsletterPage(BasePage):
    """The subscribe page (/de/newsletter/); issues are its children."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter page")

    # Served by newsletter.views.subscribe (wagtail_hooks.serve_newsletter_page).


class NewsletterIssuePage(BasePage):
    """One issue: written and previewed like any page, then sent from the admin to the
    confirmed subscribers of the issue's language."""

    body = StreamField(BodyBlock(), verbose_name=_("body"))
    interests = models.JSONField(
        _("interests served"),
        default=all_interests,
        help_text=_(
            "Only confirmed subscribers of the issue's language who chose at least one of these "
            "topics receive it."
        ),
    )
    sending_started_at = models.DateTimeField(_("sending started"), null=True, editable=False)
    # Who an issue went to and when it was sent stay internal.
    api_fields = BasePage.api_fields + [APIField("body")]

    content_panels = BasePage.content_panels + [
        SendPanel(heading=_("Sending")),
        FieldPanel("interests"),
        FieldPanel("body"),
    ]
    base_form_class = IssueForm
    parent_page_types = ["newsletter.NewsletterPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")
        permissions = [("send_newsletterissuepage", _("Can send newsletter issues"))]


class Delivery(models.Model):
    """One issue to one subscriber. The row is the idempotency key of the send: it goes
    from pending to queued in the same transaction that puts the mail into the outbox, so
    a crash anywhere leaves every recipient either untouched (sent on resume) or queued once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        QUEUED = "queued", _("handed to the mail outbox")

    issue = models.ForeignKey(
        NewsletterIssuePage, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsletter_delivery_todo")]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
