"""Admin: the search synonyms as a snippet under Settings."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    add_to_settings_menu = True
    menu_order = 900
    list_display = ["__str__", "language"]
    list_filter = ["language"]


register_snippet(SynonymGroupViewSet)
