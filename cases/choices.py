"""Enumerations of the knowledge base. One participation scale is used everywhere: cases,
methods, the method finder, the open-data export and the page that explains the scale."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipationLevel(models.TextChoices):
    INFORM = "inform", _("Information")
    CONSULT = "consult", _("Consultation")
    CO_CREATE = "co-create", _("Co-creation")
    CO_DECIDE = "co-decide", _("Co-decision")


class Format(models.TextChoices):
    ON_SITE = "on-site", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


class Effort(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Recruitment(models.TextChoices):
    OPEN = "open", _("Open to everyone")
    TARGETED = "targeted", _("Targeted selection")
    RANDOM = "random", _("Random selection")


class RegionKind(models.TextChoices):
    DISTRICT = "district", _("District")
    CITY = "city", _("Independent city")


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    DISTRICT = "district", _("District administration")
    STATE = "state", _("State authority")
    ASSOCIATION = "association", _("Association")
    INITIATIVE = "initiative", _("Citizens' initiative")
    FOUNDATION = "foundation", _("Foundation")
    COMPANY = "company", _("Company or agency")
    RESEARCH = "research", _("Research or education")
    OTHER = "other", _("Other")


class Purpose(models.TextChoices):
    INFORM = "inform", _("Inform")
    GATHER_OPINIONS = "opinions", _("Gather opinions")
    DEVELOP_IDEAS = "ideas", _("Develop ideas")
    PLAN_TOGETHER = "plan", _("Plan together")
    RESOLVE_CONFLICT = "conflict", _("Resolve a conflict")
    DECIDE = "decide", _("Decide")


class ProjectPhase(models.TextChoices):
    AGENDA = "agenda", _("Setting the agenda")
    PLANNING = "planning", _("Planning")
    DECISION = "decision", _("Decision")
    IMPLEMENTATION = "implementation", _("Implementation")
    EVALUATION = "evaluation", _("Evaluation")


class Duration(models.TextChoices):
    """How long a method takes, from the participants' first to last meeting."""

    HOURS = "hours", _("A few hours")
    DAY = "day", _("One day")
    DAYS = "days", _("Several days")
    WEEKS = "weeks", _("Several weeks")
    MONTHS = "months", _("Months or longer")


class Facilitation(models.TextChoices):
    NONE = "none", _("Not needed")
    HELPFUL = "helpful", _("Helpful")
    PROFESSIONAL = "professional", _("Professional facilitation required")


DURATION_ORDER = [choice.value for choice in Duration]
EFFORT_ORDER = [choice.value for choice in Effort]
LEVEL_ORDER = [choice.value for choice in ParticipationLevel]


class OpenDataLicence(models.TextChoices):
    """Licences of the open data (cases/licences.py has their URIs)."""

    DL_DE_BY_2_0 = "dl-de/by-2-0", _("Data licence Germany – attribution – version 2.0")
    CC_BY_4_0 = "cc-by-4.0", _("Creative Commons Attribution 4.0 International")
