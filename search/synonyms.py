"""Synonym groups per language, as the query builder needs them (cached per generation)."""

from home.caching import cached_per_generation

from .models import SynonymGroup, parse_terms


def groups(language):
    """[(term, …)] of `language`, lower-cased; kept until published content changes (saving a
    group bumps the generation, see search.apps)."""

    def load():
        rows = SynonymGroup.objects.filter(language=language).values_list("terms", flat=True)
        found = [tuple(term.lower() for term in parse_terms(text)) for text in rows]
        return [group for group in found if len(group) > 1]

    return cached_per_generation("search:synonyms", [language or ""], load)
