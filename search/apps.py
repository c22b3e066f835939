import threading

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def synonyms_changed(sender, **kwargs):
    from home.caching import bump_generation

    bump_generation("search synonyms changed")


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        # Cached synonym lists (and cached suggestions) follow the editors' changes at once.
        for signal in (post_save, post_delete):
            signal.connect(synonyms_changed, sender="search.SynonymGroup")
        # Load the compound dictionary (~1 s, longer the very first time) in the background,
        # so the first German search of a new worker does not wait for it.
        from . import compounds

        threading.Thread(target=compounds.lexicon, name="compound-lexicon", daemon=True).start()
