"""API (/api/v2/) fields of the knowledge base's links to terms, with the same stable ids
as the open-data exports (cases/export.py): a region by its slug, topics, target groups and
methods by their translation key, each with its name in the page's language."""

from django.utils import translation
from rest_framework.fields import Field


class RegionField(Field):
    """The case's region, named in the case's language (the API runs in the default one)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        if page.region is None:
            return None
        with translation.override(page.locale.language_code):
            return {"id": page.region.slug, "name": str(page.region)}


class OrganisationField(Field):
    def to_representation(self, organisation):
        return {"name": organisation.name}


class TermsField(Field):
    """A list of terms or method pages; `source` names the page's method that returns them
    in the page's language (e.g. `localized_topics`)."""

    def to_representation(self, terms):
        return [
            {"id": str(term.translation_key), "name": getattr(term, "name", None) or term.title}
            for term in terms
        ]


def term_fields(*names):
    """APIField kwargs for `names`: each served from `localized_<name>`."""
    return {name: TermsField(source=f"localized_{name}", read_only=True) for name in names}
