"""Page types: "Beteiligung in Zahlen" (statistics of the cases) and published survey
results. Both are children of the home page, one per language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from cases.filters import FILTER_KEYS
from events.models import SurveyFormField
from home.models import BasePage

from .survey import CHOICE_TYPES

SIMPLE_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class StatisticsPage(BasePage):
    """Charts and tables of the published cases, honouring the case index's filters."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Filtered views are page-cached by full URL like the case listing (home/caching).
    cache_query_params = frozenset({*FILTER_KEYS, "sort"})

    class Meta:
        verbose_name = _("statistics page")

    def case_index(self):
        from cases.models import CaseIndexPage

        return CaseIndexPage.objects.live().filter(locale_id=self.locale_id).first()

    def get_context(self, request, *args, **kwargs):
        from cases.filters import CaseFilters

        from .charts import bar_layout
        from .stats import charts

        context = super().get_context(request, *args, **kwargs)
        index = self.case_index()
        if index is None:
            return context
        filters = CaseFilters(index, request.GET)
        stats = charts(filters, index.get_url(request))
        context.update(
            filters=filters,
            stats=stats,
            layouts=[(chart, bar_layout(chart.rows, chart.total)) for chart in stats["charts"]],
            index_url=index.get_url(request),
            own_url=self.get_url(request),
        )
        return context


class SurveyQuestion(SurveyFormField):
    """A survey question as editors pick it: labelled with its survey and question."""

    class Meta:
        proxy = True
        verbose_name = _("survey question")

    def __str__(self):
        return f"{self.page.title}: {self.label}"


class PublishedQuestion(Orderable):
    page = ParentalKey("SurveyResultsPage", on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(
        SurveyQuestion,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"field_type__in": CHOICE_TYPES},
        help_text=_("Only choice questions can be published; free-text answers never are."),
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("published question")
        verbose_name_plural = _("published questions")


class SurveyResultsPage(BasePage):
    """Aggregated answers to the survey questions editors chose to publish."""

    survey = models.ForeignKey(
        "events.SurveyPage",
        verbose_name=_("survey"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [
        FieldPanel("survey"),
        FieldPanel("intro"),
        InlinePanel("questions", heading=_("Published questions"), label=_("question")),
    ]
    api_fields = BasePage.api_fields + [APIField("survey"), APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("survey results page")

    def clean(self):
        super().clean()
        if self.survey_id is None:
            return
        allowed = set(
            SurveyFormField.objects.filter(
                page__translation_key=self.survey.translation_key
            ).values_list("pk", flat=True)
        )
        for item in self.questions.all():
            if item.question_id not in allowed:
                raise ValidationError({"survey": _("Publish only questions of the chosen survey.")})

    def get_context(self, request, *args, **kwargs):
        from .survey import aggregate

        context = super().get_context(request, *args, **kwargs)
        survey = self.survey.specific if self.survey_id else None
        if survey is not None:
            shown = survey.get_translation_or_none(self.locale) or survey
            questions = [item.question for item in self.questions.select_related("question")]
            context["results"] = aggregate(survey, questions, shown)
            context["survey_page"] = shown if shown.live else None
        return context
