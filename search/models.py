"""Editor-maintained search synonyms (Settings → Search synonyms)."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

SEPARATORS = re.compile(r"[,;\n/]+")


def parse_terms(text):
    """ "Senioren, ältere Menschen\nSeniorinnen" → ("Senioren", "ältere Menschen", "Seniorinnen")."""
    terms = (" ".join(term.split()) for term in SEPARATORS.split(text or ""))
    return tuple(dict.fromkeys(term for term in terms if term))


class SynonymGroup(models.Model):
    """Words or phrases that mean the same in one language: a query for one finds the others."""

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words or phrases with the same meaning, separated by commas or one per line, "
            "e.g. “Senioren, Seniorinnen, ältere Menschen”."
        ),
    )

    panels = [FieldPanel("language"), FieldPanel("terms")]

    class Meta:
        ordering = ["language", "terms"]
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return parse_terms(self.terms)
