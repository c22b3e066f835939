"""Funding programmes: FundingIndexPage and FundingProgrammePage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage
from home.untranslated import without_untranslated_aliases

from .utils import synchronised

SIMPLE_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]


def today():
    return timezone.localdate()


class FundingIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.FundingProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("funding index page")

    def programmes(self):
        """Open programmes first (soonest deadline first, rolling ones after), then closed."""
        programmes = (
            without_untranslated_aliases(
                FundingProgrammePage.objects.child_of(self).live().public()
            )
            .defer_streamfields()
            .order_by("title")
        )
        return sorted(programmes, key=FundingProgrammePage.listing_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = self.programmes()
        return context


class FundingProgrammePage(BasePage):
    funder = models.CharField(_("funder"), max_length=255, help_text=_("Who provides the money."))
    eligible_applicants = RichTextField(_("who may apply"), features=SIMPLE_RICH_TEXT)
    amount_min = models.DecimalField(
        _("minimum amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    amount_max = models.DecimalField(
        _("maximum amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_rate = models.PositiveSmallIntegerField(
        _("maximum funding rate (%)"),
        null=True,
        blank=True,
        help_text=_("Share of eligible costs covered."),
    )
    rolling = models.BooleanField(
        _("rolling applications"),
        default=False,
        help_text=_("Applications are possible at any time."),
    )
    deadline = models.DateField(_("application deadline"), null=True, blank=True)
    application_url = models.URLField(_("application link"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("Mark demo content and unconfirmed details as an example."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("funder"),
        FieldPanel("eligible_applicants"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
                FieldPanel("funding_rate"),
            ],
            heading=_("Amount"),
        ),
        MultiFieldPanel([FieldPanel("rolling"), FieldPanel("deadline")], heading=_("Deadline")),
        FieldPanel("application_url"),
        FieldPanel("contact"),
        FieldPanel("body"),
        FieldPanel("is_example"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("funder"),
        index.SearchField("eligible_applicants"),
        index.SearchField("body"),
        index.FilterField("deadline"),
    ]
    override_translatable_fields = synchronised(
        "amount_min",
        "amount_max",
        "funding_rate",
        "rolling",
        "deadline",
        "is_example",
    )

    parent_page_types = ["cases.FundingIndexPage"]
    subpage_types = []

    api_fields = BasePage.api_fields + [
        APIField(name)
        for name in [
            "funder",
            "eligible_applicants",
            "amount_min",
            "amount_max",
            "funding_rate",
            "rolling",
            "deadline",
            "application_url",
            "contact",
            "body",
            "is_example",
        ]
    ]

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")

    def clean(self):
        super().clean()
        if self.amount_min and self.amount_max and self.amount_min > self.amount_max:
            raise ValidationError({"amount_max": _("The maximum must not be below the minimum.")})
        if self.validates_for_publishing and not self.rolling and not self.deadline:
            raise ValidationError(
                {"deadline": _("Give a deadline or mark the programme as rolling.")}
            )

    def listing_order(self):
        """Open programmes first, soonest deadline first and rolling ones after them;
        then closed programmes, most recently closed first."""
        if self.is_open:
            return (
                0,
                self.rolling,
                self.deadline.toordinal() if self.deadline and not self.rolling else 0,
            )
        return (1, 0, -self.deadline.toordinal() if self.deadline else 0)

    @property
    def is_open(self):
        return self.rolling or (self.deadline is not None and self.deadline >= today())

    @property
    def days_left(self):
        """Days until the deadline (0 = today), None when rolling or closed."""
        if self.rolling or self.deadline is None or not self.is_open:
            return None
        return (self.deadline - today()).days
