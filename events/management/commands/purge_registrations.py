"""Delete personal data of event registrations a number of days after the event.

Safe to run daily (e.g. from cron): it only deletes what is old enough, and a second run
finds nothing left to delete."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from events.models import EventRegistration


class Command(BaseCommand):
    help = "Delete event registrations N days after their event ended (default: REGISTRATION_RETENTION_DAYS or 90)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Days to keep after the event.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = getattr(settings, "REGISTRATION_RETENTION_DAYS", 90)
        if days < 0:
            raise CommandError("--days must not be negative.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = EventRegistration.objects.filter(event__end__lt=cutoff)
        if dry_run:
            self.stdout.write(
                f"Would delete {old.count()} registration(s) of events that ended before {cutoff:%Y-%m-%d}."
            )
            return
        deleted, _ = old.delete()
        self.stdout.write(
            f"Deleted {deleted} registration(s) of events that ended before {cutoff:%Y-%m-%d}."
        )
