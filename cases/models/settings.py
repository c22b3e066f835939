"""Site setting of the knowledge base: where the participation scale is explained."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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

    panels = [FieldPanel("participation_levels_page")]

    class Meta:
        verbose_name = _("knowledge base settings")
