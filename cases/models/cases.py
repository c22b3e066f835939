"""Participation procedures: CaseIndexPage (filters, open data, codebook) and CasePage."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, DocumentListBlock
from home.caching import cached_per_generation
from home.models import BasePage

from ..api import OrganisationField, RegionField, term_fields
from ..blocks import CaseImageBlock
from ..choices import Format, ParticipationLevel, Recruitment, Status
from ..indexing import localized_term_names
from .forms import LocaleFilteredPageForm
from .panels import CompletenessPanel
from .utils import localize_all, synchronised

SIMPLE_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]

reference_number_validator = RegexValidator(
    r"^\d{4}-\d{5}$", _("Use the form YYYY-nnnnn, e.g. 2024-00017.")
)


class CasePage(BasePage):
    """A participation procedure, with the fact box Saxon readers know from the state's
    project pages: Wer, Was, Wo, Wann, Für wen, Wie, Fördersäule/Fördersumme."""

    # Fact box
    reference_number = models.CharField(
        _("reference number"),
        max_length=10,
        blank=True,
        validators=[reference_number_validator],
        help_text=_(
            "Form YYYY-nnnnn. Left empty, the next free number of the start year is assigned."
        ),
    )
    organisation = models.ForeignKey(
        "cases.Organisation",
        verbose_name=_("organisation (who)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    subject = models.CharField(
        _("subject (what)"), max_length=255, help_text=_("One line: what the procedure was about.")
    )
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    region = models.ForeignKey(
        "cases.Region",
        verbose_name=_("region"),
        null=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty while the procedure is ongoing.")
    )
    target_groups = ParentalManyToManyField(
        "cases.TargetGroup",
        verbose_name=_("target groups (for whom)"),
        blank=True,
        related_name="cases",
    )
    methods = ParentalManyToManyField(
        "cases.MethodPage", verbose_name=_("methods (how)"), blank=True, related_name="cases"
    )
    topics = ParentalManyToManyField(
        "cases.Topic", verbose_name=_("topics"), blank=True, related_name="cases"
    )
    funding_programme = models.ForeignKey(
        "cases.FundingProgrammePage",
        verbose_name=_("funding programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    funding_strand = models.CharField(
        _("funding strand"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Part A: municipal projects”."),
    )
    funding_amount = models.DecimalField(
        _("funding amount (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    participation_level = models.CharField(
        _("participation level"),
        max_length=20,
        choices=ParticipationLevel.choices,
        help_text=_("The highest level participants actually reached."),
    )
    level_justification = models.TextField(
        _("justification of the level"),
        max_length=600,
        help_text=_(
            "Briefly: why this level? E.g. “The council committed itself to adopt the result.”"
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.COMPLETED
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    participant_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    recruitment = models.CharField(
        _("recruitment"), max_length=20, choices=Recruitment.choices, blank=True
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    participation_url = models.URLField(
        _("online participation"),
        blank=True,
        help_text=_("Link to the live consultation, e.g. on the Beteiligungsportal Sachsen."),
    )

    # Body sections
    context = RichTextField(_("context and goals"), blank=True, features=SIMPLE_RICH_TEXT)
    process = RichTextField(_("process"), blank=True, features=SIMPLE_RICH_TEXT)
    results = RichTextField(_("results"), blank=True, features=SIMPLE_RICH_TEXT)
    outcome = RichTextField(
        _("what happened with the results"),
        blank=True,
        features=SIMPLE_RICH_TEXT,
        help_text=_("Decisions taken and follow-up."),
    )
    lessons = RichTextField(_("lessons learned"), blank=True, features=SIMPLE_RICH_TEXT)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("further content"))
    images = StreamField([("image", CaseImageBlock())], blank=True, verbose_name=_("images"))
    documents = StreamField(
        [("documents", DocumentListBlock())], blank=True, verbose_name=_("documents")
    )
    contact_name = models.CharField(_("contact person or office"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("Fictional demo case: shown with a “Example” badge."),
    )
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Highlight on the case overview.")
    )

    facts_panels = [
        HelpPanel(
            content=_("The fact box: who, what, where, when, for whom, how, and the funding.")
        ),
        FieldPanel("subject"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("region")], heading=_("Where")),
        FieldRowPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("status")],
            heading=_("When"),
        ),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("methods", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("participation_level"), FieldPanel("level_justification")],
            heading=_("Participation level"),
        ),
        FieldRowPanel(
            [FieldPanel("format"), FieldPanel("participant_count"), FieldPanel("recruitment")]
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_programme"),
                FieldPanel("funding_strand"),
                FieldPanel("funding_amount"),
            ],
            heading=_("Funding"),
        ),
        FieldPanel("reference_number"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Coordinates")),
        FieldPanel("participation_url"),
    ]
    content_panels = BasePage.content_panels + [
        CompletenessPanel(heading=_("Completeness")),
        FieldPanel("context"),
        FieldPanel("process"),
        FieldPanel("results"),
        FieldPanel("outcome"),
        FieldPanel("lessons"),
        FieldPanel("images"),
        FieldPanel("documents"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact"),
        ),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("is_example"),
        FieldPanel("featured", permission="cases.feature_casepage"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(facts_panels, heading=_("Facts")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(settings_panels, heading=_("Settings")),
        ]
    )
    base_form_class = LocaleFilteredPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("subject"),
        # Place and taxonomy terms weigh like the title (boost 2): "Landkreis Görlitz".
        index.SearchField("municipality", boost=2),
        index.SearchField("level_justification"),
        index.SearchField("context"),
        index.SearchField("process"),
        index.SearchField("results"),
        index.SearchField("outcome"),
        index.SearchField("lessons"),
        index.SearchField("reference_number"),
        index.AutocompleteField("title"),
        index.AutocompleteField("municipality"),
        index.SearchField("search_region_name", boost=2),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        # Topics, target groups and methods in the case's own language (see search_term_names).
        index.SearchField("search_term_names", boost=2),
        index.FilterField("region"),
        index.FilterField("participation_level"),
        index.FilterField("status"),
        index.FilterField("format"),
        index.FilterField("start_date"),
        index.FilterField("is_example"),
        index.FilterField("featured"),
    ]
    # Dates, numbers, choices and relations are the same in every language.
    override_translatable_fields = synchronised(
        "reference_number",
        "organisation",
        "region",
        "start_date",
        "end_date",
        "target_groups",
        "methods",
        "topics",
        "funding_programme",
        "funding_amount",
        "participation_level",
        "status",
        "format",
        "participant_count",
        "recruitment",
        "latitude",
        "longitude",
        "is_example",
        "featured",
        "municipality",
        "contact_name",
        "contact_phone",
    )

    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    # What short case lists show (title, link, badge, region, year): `.only()` keeps the rows
    # the database sorts narrow instead of dragging every rich-text section along.
    LISTING_FIELDS = (
        "title",
        "slug",
        "url_path",
        "path",
        "depth",
        "locale_id",
        "translation_key",
        "live",
        "content_type_id",
        "is_example",
        "start_date",
        "region",
    )

    # Recommended (not required) fields, reported by the completeness indicator.
    RECOMMENDED = [
        ("teaser", _("teaser")),
        ("organisation", _("organisation (who)")),
        ("municipality", _("municipality")),
        ("start_date", _("start")),
        ("target_groups", _("target groups (for whom)")),
        ("methods", _("methods (how)")),
        ("topics", _("topics")),
        ("participant_count", _("number of participants")),
        ("recruitment", _("recruitment")),
        ("context", _("context and goals")),
        ("process", _("process")),
        ("results", _("results")),
        ("outcome", _("what happened with the results")),
        ("lessons", _("lessons learned")),
        ("images", _("images")),
        ("contact_email", _("contact email")),
    ]

    api_fields = (
        BasePage.api_fields
        + [
            APIField(name)
            for name in [
                "reference_number",
                "subject",
                "municipality",
                "start_date",
                "end_date",
                "funding_strand",
                "funding_amount",
                "participation_level",
                "level_justification",
                "status",
                "format",
                "participant_count",
                "recruitment",
                "latitude",
                "longitude",
                "participation_url",
                "context",
                "process",
                "results",
                "outcome",
                "lessons",
                "body",
                "contact_name",
                "is_example",
                "funding_programme",
                "images",
                "documents",
            ]
        ]
        + [
            APIField("organisation", serializer=OrganisationField(read_only=True)),
            APIField("region", serializer=RegionField()),
            *(
                APIField(name, serializer=serializer)
                for name, serializer in term_fields("topics", "target_groups", "methods").items()
            ),
        ]
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["start_date"], name="cases_case_start_idx"),
            # The few featured cases, newest first, without scanning every case.
            models.Index(
                fields=["-start_date"],
                condition=models.Q(featured=True),
                name="cases_case_featured_idx",
            ),
        ]
        # Only Ministry editors decide what the overview highlights (granted in a migration).
        permissions = [("feature_casepage", _("Can mark cases as featured"))]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end must not be before the start.")
        if self.reference_number:
            clash = CasePage.objects.filter(reference_number=self.reference_number).exclude(
                translation_key=self.translation_key
            )
            if clash.exists():
                errors["reference_number"] = _("Another case already has this reference number.")
        # Publishing needs the justification (an empty one is refused as a required field);
        # a first draft may hold only a title.
        justification = self.level_justification or ""
        if self.validates_for_publishing and justification and not justification.strip():
            errors["level_justification"] = _(
                "Explain briefly why the procedure reached this level."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.reference_number:
            self.reference_number = self.next_reference_number()
        super().save(*args, **kwargs)

    def next_reference_number(self):
        year = (self.start_date or timezone.localdate()).year
        highest = CasePage.objects.filter(reference_number__startswith=f"{year}-").aggregate(
            Max("reference_number")
        )["reference_number__max"]
        number = int(highest.split("-")[1]) + 1 if highest else 1
        return f"{year}-{number:05d}"

    # Completeness indicator (admin listing and edit view)
    def missing_fields(self):
        missing = []
        for name, label in self.RECOMMENDED:
            value = getattr(self, name)
            if hasattr(value, "all"):  # many-to-many
                empty = not value.all()
            else:
                empty = value in (None, "", []) or (hasattr(value, "__len__") and len(value) == 0)
            if empty:
                missing.append(label)
        return missing

    def completeness(self):
        missing = self.missing_fields()
        total = len(self.RECOMMENDED)
        return {"percent": round(100 * (total - len(missing)) / total), "missing": missing}

    @classmethod
    def get_indexed_objects(cls):
        # search_term_names reads these relations (modelsearch prefetches only RelatedFields).
        return (
            super()
            .get_indexed_objects()
            .select_related("region", "locale")
            .prefetch_related("topics", "target_groups", "methods")
        )

    def search_region_name(self):
        """Indexed: the region's name and kind in this case's language ("Görlitz Landkreis")."""
        if self.region is None:
            return ""
        with translation.override(self.locale.language_code):
            return f"{self.region.name} {self.region.get_kind_display()}"

    def search_term_names(self):
        """Indexed: the names of the linked topics, target groups and methods in this case's
        language (the links may point at the German terms of a translated case)."""
        return localized_term_names(
            self, {"topics": "name", "target_groups": "name", "methods": "title"}
        )

    # Display helpers
    @property
    def is_ongoing(self):
        return self.end_date is None and self.status != Status.COMPLETED

    def _topics(self):
        """The page's topics, fetched once (fact box and related cases both need them)."""
        if not hasattr(self, "_topics_cache"):
            self._topics_cache = list(self.topics.all())
        return self._topics_cache

    def localized_topics(self):
        return localize_all(self._topics(), self.locale_id)

    def localized_target_groups(self):
        return localize_all(self.target_groups.all(), self.locale_id)

    def localized_methods(self):
        return [m for m in localize_all(self.methods.all(), self.locale_id) if m.live]

    def related_cases(self, limit=3):
        """Other published cases of the same language sharing a topic or the region."""
        topic_keys = [t.translation_key for t in self._topics()]
        same_topic = CasePage.topics.through.objects.filter(
            topic__translation_key__in=topic_keys
        ).values("casepage_id")
        return (
            CasePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(models.Q(pk__in=same_topic) | models.Q(region_id=self.region_id))
            .exclude(translation_key=self.translation_key)
            .select_related("region")
            .only(*CasePage.LISTING_FIELDS)
            .order_by("-start_date", "title")[:limit]
        )

    # Loaded with the page when it is served from the route cache (home/caching/routes.py).
    route_select_related = ("organisation", "region", "funding_programme")

    def _display_relations(self):
        funding = self.funding_programme
        if funding is not None and funding.locale_id != self.locale_id:
            funding = funding.localized  # a synchronised link may point at the German page
        return {
            "target_groups": self.localized_target_groups(),
            "methods": self.localized_methods(),
            "topics": self.localized_topics(),
            "funding_programme": funding,
            "related_cases": list(self.related_cases()),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The index is the parent: its URL is this URL without the last segment (no query).
        url = self.get_url(request) or ""
        context["index_url"] = url[: url.rstrip("/").rfind("/") + 1]
        if getattr(request, "is_preview", False):  # unsaved links of the edited revision
            relations = self._display_relations()
        else:
            # Linked terms, methods and related cases change only by a publish or a snippet
            # edit; both bump the generation. Four queries saved on every case page.
            relations = cached_per_generation("case:relations", [self.pk], self._display_relations)
        context["relations"] = relations
        context["funding_programme"] = relations["funding_programme"]
        context["related_cases"] = relations["related_cases"]
        return context
