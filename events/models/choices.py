"""The fixed choices of events."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    OTHER = "other", _("Other event")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    FORM = "form", _("Registration form on this website")
    EXTERNAL = "external", _("External registration link")
