"""Retention of newsletter subscribers (personal data): unconfirmed requests are deleted
after NEWSLETTER_UNCONFIRMED_DAYS (7), unsubscribed addresses after
NEWSLETTER_UNSUBSCRIBED_DAYS (30). Run daily."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from newsletter.models import Subscriber


def purge(now=None):
    now = now or timezone.now()
    unconfirmed = now - timedelta(days=getattr(settings, "NEWSLETTER_UNCONFIRMED_DAYS", 7))
    unsubscribed = now - timedelta(days=getattr(settings, "NEWSLETTER_UNSUBSCRIBED_DAYS", 30))
    deleted, _ = Subscriber.objects.filter(
        Q(status=Subscriber.Status.PENDING, requested_at__lt=unconfirmed)
        | Q(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=unsubscribed)
    ).delete()
    return deleted


class Command(BaseCommand):
    help = "Delete unconfirmed and unsubscribed newsletter addresses past their retention."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {purge()} rows.")
