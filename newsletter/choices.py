"""What subscribers can choose to hear about, and what an issue serves."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Interest(models.TextChoices):
    EVENTS = "events", _("Events")
    CASES = "cases", _("New cases")
    FUNDING = "funding", _("Funding calls")
    NEWS = "news", _("News")


def all_interests():
    """An issue's default: it serves every interest."""
    return list(Interest.values)
