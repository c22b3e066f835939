from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from .caching import invalidation

        invalidation.connect()  # page cache invalidation (home/caching)
        from . import (
            signals,  # noqa: F401  role grants for new sections (home/permissions.py)
            translation_sync,
        )

        translation_sync.connect()  # language-independent facts follow the German page
