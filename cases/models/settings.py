"""Site settings of the knowledge base: where the participation scale is explained, and
the licence and portal identity of the open data (cases/licences.py, cases/dataset.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..choices import OpenDataLicence


@register_setting(icon="list-ol")
class KnowledgeBaseSettings(BaseSiteSetting):
    participation_levels_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page explaining the participation levels"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Every display of a participation level links to this page."),
    )
    open_data_licence = models.CharField(
        _("licence of the open data"),
        max_length=20,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.DL_DE_BY_2_0,
        help_text=_(
            "Stated in the CSV and JSON exports, the codebook and the dataset description "
            "(schema.org and DCAT-AP.de)."
        ),
    )
    open_data_contributor_id = models.URLField(
        _("DCAT-AP.de contributor ID"),
        blank=True,
        help_text=_(
            "The URI GovData assigned to this data provider "
            "(http://dcat-ap.de/def/contributors/…). Empty: left out of the DCAT record."
        ),
    )

    panels = [
        FieldPanel("participation_levels_page"),
        MultiFieldPanel(
            [FieldPanel("open_data_licence"), FieldPanel("open_data_contributor_id")],
            heading=_("Open data"),
        ),
    ]

    class Meta:
        verbose_name = _("knowledge base settings")
