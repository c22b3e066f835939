from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class NetworkSettings(BaseSiteSetting):
    """The network office: where advice requests, join requests and reports are announced."""

    office_email = models.EmailField(
        _("network office email"),
        default="netzwerk@example.org",
        help_text=_("Receives advice requests, membership requests and reported procedures."),
    )

    panels = [FieldPanel("office_email")]

    class Meta:
        verbose_name = _("network settings")
