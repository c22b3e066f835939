"""A participation method (the method library; its index is in .indexes)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage

from ..api import term_fields
from ..blocks import StepBlock
from ..choices import (
    Duration,
    Effort,
    Facilitation,
    Format,
    ParticipationLevel,
    ProjectPhase,
    Purpose,
    Recruitment,
)
from ..fields import ChoiceListField, labels
from .forms import LocaleFilteredPageForm
from .utils import localize_all, synchronised

SIMPLE_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]


class MethodPage(BasePage):
    """A participation method with the facts the method finder matches against."""

    participants_min = models.PositiveIntegerField(_("minimum participants"), null=True, blank=True)
    participants_max = models.PositiveIntegerField(
        _("maximum participants"),
        null=True,
        blank=True,
        help_text=_("Leave empty when there is no upper limit."),
    )
    duration = models.CharField(
        _("duration"),
        max_length=20,
        choices=Duration.choices,
        blank=True,
        help_text=_("From the first to the last meeting of the participants."),
    )
    duration_text = models.CharField(
        _("duration in words"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “3 rounds of 20–30 minutes”."),
    )
    preparation_effort = models.CharField(
        _("preparation effort"), max_length=10, choices=Effort.choices, blank=True
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Effort.choices, blank=True)
    levels = ChoiceListField(
        _("participation levels"),
        choices_class="cases.choices.ParticipationLevel",
        help_text=_("The levels of participation the method can reach."),
    )
    formats = ChoiceListField(_("formats"), choices_class="cases.choices.Format")
    phases = ChoiceListField(
        _("suitable project phases"), choices_class="cases.choices.ProjectPhase"
    )
    purposes = ChoiceListField(_("purposes"), choices_class="cases.choices.Purpose")
    selection = ChoiceListField(
        _("participant selection"),
        choices_class="cases.choices.Recruitment",
        help_text=_("How participants are usually selected."),
    )
    target_groups = ParentalManyToManyField(
        "cases.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="methods",
        help_text=_("Groups the method is especially good at reaching."),
    )
    suitable_for_conflicts = models.BooleanField(_("suitable for conflicts"), default=False)
    facilitation = models.CharField(
        _("need for facilitation"), max_length=20, choices=Facilitation.choices, blank=True
    )
    description = RichTextField(_("short description"), blank=True, features=SIMPLE_RICH_TEXT)
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("steps"))
    organisation = RichTextField(
        _("organisation and materials"), blank=True, features=SIMPLE_RICH_TEXT
    )
    use_when = RichTextField(_("use when"), blank=True, features=SIMPLE_RICH_TEXT)
    avoid_when = RichTextField(_("avoid when"), blank=True, features=SIMPLE_RICH_TEXT)
    strengths = RichTextField(_("strengths"), blank=True, features=SIMPLE_RICH_TEXT)
    weaknesses = RichTextField(_("weaknesses"), blank=True, features=SIMPLE_RICH_TEXT)
    variants = RichTextField(
        _("variants"),
        blank=True,
        features=SIMPLE_RICH_TEXT,
        help_text=_("E.g. a digital form of the method."),
    )
    related_methods = ParentalManyToManyField(
        "self", verbose_name=_("related methods"), blank=True, symmetrical=False, related_name="+"
    )

    facts_panels = [
        FieldRowPanel(
            [FieldPanel("participants_min"), FieldPanel("participants_max")],
            heading=_("Participants"),
        ),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("duration_text")], heading=_("Duration")),
        FieldRowPanel(
            [FieldPanel("preparation_effort"), FieldPanel("cost")], heading=_("Effort and cost")
        ),
        FieldPanel("levels"),
        FieldPanel("formats"),
        FieldPanel("phases"),
        FieldPanel("purposes"),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("selection"),
        FieldRowPanel([FieldPanel("suitable_for_conflicts"), FieldPanel("facilitation")]),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        FieldPanel("steps"),
        FieldPanel("organisation"),
        MultiFieldPanel(
            [FieldPanel("use_when"), FieldPanel("avoid_when")], heading=_("When to use")
        ),
        MultiFieldPanel(
            [FieldPanel("strengths"), FieldPanel("weaknesses")],
            heading=_("Strengths and weaknesses"),
        ),
        FieldPanel("variants"),
        FieldPanel("related_methods", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(facts_panels, heading=_("Facts")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = LocaleFilteredPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("duration_text"),
        index.SearchField("use_when"),
        index.SearchField("strengths"),
        index.SearchField("variants"),
        index.AutocompleteField("title"),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.FilterField("duration"),
        index.FilterField("cost"),
        index.FilterField("suitable_for_conflicts"),
    ]
    # Facts are identical in every language; texts are translated.
    override_translatable_fields = synchronised(
        "participants_min",
        "participants_max",
        "duration",
        "preparation_effort",
        "cost",
        "levels",
        "formats",
        "phases",
        "purposes",
        "selection",
        "target_groups",
        "suitable_for_conflicts",
        "facilitation",
        "related_methods",
    )

    parent_page_types = ["cases.MethodIndexPage"]
    subpage_types = []

    api_fields = (
        BasePage.api_fields
        + [
            APIField(name)
            for name in [
                "participants_min",
                "participants_max",
                "duration",
                "duration_text",
                "preparation_effort",
                "cost",
                "suitable_for_conflicts",
                "facilitation",
                "description",
                "steps",
                "organisation",
                "use_when",
                "avoid_when",
                "strengths",
                "weaknesses",
                "variants",
                "levels",
                "formats",
                "phases",
                "purposes",
                "selection",
            ]
        ]
        + [
            APIField(name, serializer=field)
            for name, field in term_fields("target_groups", "related_methods").items()
        ]
    )

    class Meta:
        verbose_name = _("method page")
        verbose_name_plural = _("method pages")

    # Labels for templates and the finder.
    def level_labels(self):
        return labels(self.levels, ParticipationLevel)

    def format_labels(self):
        return labels(self.formats, Format)

    def phase_labels(self):
        return labels(self.phases, ProjectPhase)

    def purpose_labels(self):
        return labels(self.purposes, Purpose)

    def selection_labels(self):
        return labels(self.selection, Recruitment)

    def participants_text(self):
        low, high = self.participants_min, self.participants_max
        if low and high:
            return f"{low}–{high}"
        if low:
            return _("from %(n)s") % {"n": low}
        if high:
            return _("up to %(n)s") % {"n": high}
        return ""

    def localized_target_groups(self):
        return localize_all(self.target_groups.all(), self.locale_id)

    def localized_related_methods(self):
        """Related methods in both directions (a link set on either page counts), fetched
        in one query."""
        links = MethodPage.related_methods.through.objects
        related = MethodPage.objects.defer_streamfields().filter(
            models.Q(pk__in=links.filter(from_methodpage=self).values("to_methodpage_id"))
            | models.Q(
                pk__in=links.filter(to_methodpage__translation_key=self.translation_key).values(
                    "from_methodpage_id"
                )
            )
        )
        related = localize_all(related, self.locale_id)
        return sorted(
            (m for m in related if m.live and m.translation_key != self.translation_key),
            key=lambda m: m.title,
        )

    def used_in_cases(self):
        """Published Saxon cases that used this method (in this page's language)."""
        from .cases import CasePage

        return (
            CasePage.objects.live()
            .public()
            .filter(locale=self.locale)
            .filter(
                pk__in=CasePage.methods.through.objects.filter(
                    methodpage__translation_key=self.translation_key
                ).values("casepage_id")
            )
            .select_related("region")
            .only(*CasePage.LISTING_FIELDS)
            .order_by("-start_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cases"] = self.used_in_cases()[:20]
        # The index is the parent: its URL is this URL without the last segment (no query).
        url = self.get_url(request) or ""
        context["index_url"] = url[: url.rstrip("/").rfind("/") + 1]
        return context
