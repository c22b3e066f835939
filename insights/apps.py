from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """The network at a glance: the map of Saxony, "Beteiligung in Zahlen" and published
    survey results. Everything is drawn on the server as SVG: no tiles, no scripts."""

    name = "insights"
    verbose_name = _("Insights")
