"""Members of the network. A member organisation IS a `cases.Organisation` (the "Wer" of the
cases): the member row adds its profile (what it can share) and its private contact, and is
linked to the organisation when a Ministry editor approves it. Individuals have no
organisation. Guest editors belong to an organisation (EditorProfile), so they are members
with an account once their organisation has a profile."""

import uuid

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..admin_forms import MemberAdminForm
from ..choices import MemberKind, MemberStatus


class MemberQuerySet(models.QuerySet):
    def listed(self):
        """Members the public may see: approved, and they chose to be listed."""
        return self.filter(status=MemberStatus.APPROVED, listed=True)


class Member(ClusterableModel):
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("Organisation name, or the person's name for individuals."),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=20, choices=MemberKind.choices)
    organisation = models.OneToOneField(
        "cases.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="member",
        help_text=_(
            "The organisation its cases point to. Left empty, approving creates it from the "
            "name, kind, region and website."
        ),
    )
    region = models.ForeignKey(
        "cases.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    website = models.URLField(_("website"), blank=True)
    about = models.TextField(
        _("about"), max_length=1000, blank=True, help_text=_("Public: a few sentences.")
    )
    methods = ParentalManyToManyField(
        "cases.MethodPage", verbose_name=_("methods used"), blank=True, related_name="members"
    )
    topics = ParentalManyToManyField(
        "cases.Topic", verbose_name=_("topics"), blank=True, related_name="members"
    )
    open_to_exchange = models.BooleanField(_("open to exchanging experience"), default=False)
    listed = models.BooleanField(
        _("listed in the public directory"),
        default=True,
        help_text=_("The member agreed to appear in the public member directory."),
    )

    # Private: never shown publicly, never exported.
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.UNCONFIRMED
    )
    language = models.CharField(_("language"), max_length=10, default="de")
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("email confirmed at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # Rotated on use: an opt-in link works once.
    confirmation_nonce = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = MemberQuerySet.as_manager()

    base_form_class = MemberAdminForm

    panels = [
        FieldRowPanel([FieldPanel("status"), FieldPanel("listed")], heading=_("Membership")),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("organisation"),
        FieldPanel("editor_accounts"),
        FieldPanel("website"),
        FieldPanel("about"),
        FieldPanel("methods", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("open_to_exchange"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Private contact (never published)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("created_at", read_only=True),
                FieldPanel("confirmed_at", read_only=True),
                FieldPanel("approved_at", read_only=True),
            ],
            heading=_("History"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        indexes = [models.Index(fields=["status", "listed", "name"], name="network_member_listed")]

    def __str__(self):
        return self.name

    @property
    def is_individual(self):
        return self.kind == MemberKind.INDIVIDUAL

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        if self.status == MemberStatus.APPROVED:
            if self.approved_at is None:
                self.approved_at = timezone.now()
                self._just_approved = True  # network.signals sends the welcome mail
            if self.organisation_id is None and not self.is_individual:
                self.organisation = self._create_organisation()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:100] or "mitglied"
        slug, number = base, 2
        while Member.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def _create_organisation(self):
        from cases.models import Organisation

        return Organisation.objects.create(
            name=self.name, kind=self.kind, region=self.region, website=self.website
        )

    def public_name(self):
        return self.organisation.name if self.organisation_id else self.name
