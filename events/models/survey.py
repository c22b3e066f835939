"""The network survey, a Wagtail form page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.search import index

from home.form_notifications import NotifyingFormMixin
from home.models import BasePage, TranslatableFormField
from home.public_forms import ProtectedFormPageMixin


class SurveyFormField(TranslatableFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")


class SurveyPage(ProtectedFormPageMixin, NotifyingFormMixin, AbstractEmailForm, BasePage):
    """The network survey: editors compose the questions; answers are stored as Wagtail
    form submissions (listed and exported in the admin); emails only when an address is set."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True)
    # The mail settings (addresses, subject) stay out of the API.
    api_fields = BasePage.api_fields + [APIField("intro"), APIField("thank_you_text")]

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("teaser"),
        FieldPanel("intro"),
        "form_fields",
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Email"),
        ),
    ]
    promote_panels = BasePage.promote_panels
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("survey")
