"""Resume newsletter sends that a crash interrupted: enqueues every issue that still has
pending recipients. Safe to run any time (run it after restarting the worker)."""

from django.core.management.base import BaseCommand

from newsletter.sending import resume


class Command(BaseCommand):
    help = "Enqueue the remaining recipients of interrupted newsletter sends."

    def handle(self, *args, **options):
        self.stdout.write(f"Resumed {resume()} issue(s).")
