"""Enumerations of the network: advice topics and states, member kinds and states."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AdviceTopic(models.TextChoices):
    FUNDING = "funding", _("Funding application")
    METHOD = "method", _("Choosing a method")
    PROCESS = "process", _("Designing a process")
    EVALUATION = "evaluation", _("Evaluation")
    OTHER = "other", _("Other")


class AdviceStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in-progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class PreferredContact(models.TextChoices):
    EMAIL = "email", _("By email")
    PHONE = "phone", _("By phone")
    MEETING = "meeting", _("In a (video) meeting")


class MemberKind(models.TextChoices):
    """Who may join: the organisation kinds the cases know, plus individuals."""

    MUNICIPALITY = "municipality", _("Municipality")
    DISTRICT = "district", _("District administration")
    ASSOCIATION = "association", _("Association")
    INITIATIVE = "initiative", _("Citizens' initiative")
    FOUNDATION = "foundation", _("Foundation")
    RESEARCH = "research", _("Research or education")
    OTHER = "other", _("Other organisation")
    INDIVIDUAL = "individual", _("Individual")


class MemberStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Email address not yet confirmed")
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted (draft case in moderation)")
    PUBLISHED = "published", _("Published")
