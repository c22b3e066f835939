"""Delete the network's personal data after its retention period. Run it daily (cron or a
systemd timer): `python manage.py purge_network_data`.

- advice requests: name, email, phone, description and notes, N days after closing;
- reported procedures: the reporter's contact, N days after the case was published;
- message log: entries older than N days;
- members: registrations never confirmed, or rejected, N days after registering.

N is `NETWORK_RETENTION_DAYS` (default 180) unless `--days` is given."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from network.choices import AdviceStatus, MemberStatus, ReportStatus
from network.models import AdviceRequest, Member, MessageLog, ProcedureReport


class Command(BaseCommand):
    help = "Delete personal data of the network after the retention period (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="retention period in days")

    def handle(self, *args, days=None, **options):
        if days is None:
            days = getattr(settings, "NETWORK_RETENTION_DAYS", 180)
        cutoff = timezone.now() - timedelta(days=max(days, 0))
        with transaction.atomic():
            advice = AdviceRequest.objects.filter(
                status=AdviceStatus.CLOSED, closed_at__lte=cutoff, purged_at__isnull=True
            )
            advice_count = 0
            for request in advice:
                request.purge_personal_data()
                advice_count += 1
            reports = ProcedureReport.objects.filter(
                status=ReportStatus.PUBLISHED, published_at__lte=cutoff, purged_at__isnull=True
            )
            report_count = 0
            for report in reports:
                report.purge_personal_data()
                report_count += 1
            messages = MessageLog.objects.filter(created_at__lte=cutoff).delete()[1]
            members = Member.objects.filter(
                status__in=[MemberStatus.UNCONFIRMED, MemberStatus.REJECTED],
                created_at__lte=cutoff,
            ).delete()[1]
        self.stdout.write(
            f"Purged {advice_count} advice requests, {report_count} reporters, "
            f"{messages.get('network.MessageLog', 0)} message log entries, "
            f"{members.get('network.Member', 0)} unconfirmed or rejected members "
            f"(older than {days} days)."
        )
