"""Create synthetic content for `make bench`: N cases (and events, if the events app
provides a generator). Tops up: running it again with the same N creates nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand, CommandError

from cases import bench


class Command(BaseCommand):
    help = "Create N synthetic cases (with regions, topics, target groups and methods) and optionally events."

    def add_arguments(self, parser):
        parser.add_argument(
            "--cases", type=int, default=1000, help="Number of bench cases to have (default 1000)."
        )
        parser.add_argument(
            "--events", type=int, default=0, help="Number of bench events to have (default 0)."
        )
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="Skip adding the cases to the search index.",
        )

    def handle(self, *args, cases, events, no_search_index, **options):
        if cases < 0 or events < 0:
            raise CommandError("Counts must not be negative.")
        created = bench.generate(cases=cases, search_index=not no_search_index, stdout=self.stdout)
        self.stdout.write(f"Created {created} bench cases.")
        if events:
            try:
                events_bench = import_module("events.bench")
            except ModuleNotFoundError:
                self.stdout.write("The events app has no bench generator; no events created.")
            else:
                self.stdout.write(f"Created {events_bench.generate(events=events)} bench events.")
        self.stdout.write(self.style.SUCCESS("Bench content is ready."))
