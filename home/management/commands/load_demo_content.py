"""Load the demo content: German pages with English translations. Idempotent."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app contributes a `demo` module with a `load()` function, run in this order.
DEMO_MODULES = ["home.demo", "cases.demo", "events.demo"]


class Command(BaseCommand):
    help = "Load German/English demo content. Safe to run again: existing pages are kept."

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            try:
                module = import_module(name)
            except ModuleNotFoundError as error:
                if error.name != name:
                    raise
                continue
            with transaction.atomic():
                module.load()
            self.stdout.write(f"Loaded {name}")
        # Translations published from revisions taken before their children existed write a
        # stale `numchild` back to the parent; treebeard would then compute a taken path for the
        # next child (IntegrityError when an editor adds a page). Recount the tree.
        from wagtail.models import Page

        Page.fix_tree()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
