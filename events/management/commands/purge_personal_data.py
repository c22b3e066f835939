"""Lives in events because it also clears the audit-log labels of deleted registrations.

Delete personal data past its retention time; run it daily (cron, systemd timer).

- event registrations N days after their event (``purge_registrations``), and the names that
  Wagtail's audit log keeps as labels of their log entries;
- form submissions (survey answers, barrier reports): FORM_SUBMISSION_RETENTION_DAYS (365);
- outgoing mails, which hold addresses and names: OUTBOX_RETENTION_DAYS (30) after queueing;
  finished queue entries likewise;
- login logs and failed-login records (django-axes): LOGIN_LOG_RETENTION_DAYS (30).

Safe to repeat: a second run finds nothing left."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone


def _days(name, default):
    return datetime.timedelta(days=getattr(settings, name, default))


class Command(BaseCommand):
    help = "Delete personal data past its retention time (registrations, audit-log labels, form submissions, outgoing mail, login logs)."

    def handle(self, *args, **options):
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog
        from django_tasks_db.models import DBTaskResult
        from wagtail.contrib.forms.models import FormSubmission
        from wagtail.models import ModelLogEntry

        from events.models import EventRegistration
        from home.outbox_models import OutboxMail

        now = timezone.now()
        call_command("purge_registrations", stdout=self.stdout)
        # Audit-log entries of registrations that no longer exist keep the name as label.
        registration_type = ContentType.objects.get_for_model(EventRegistration)
        existing = {str(pk) for pk in EventRegistration.objects.values_list("pk", flat=True)}
        labels = (
            ModelLogEntry.objects.filter(content_type=registration_type)
            .exclude(object_id__in=existing)
            .exclude(label="–")
            .update(label="–", data={})
        )
        counts = {
            "audit-log labels": labels,
            "form submissions": FormSubmission.objects.filter(
                submit_time__lt=now - _days("FORM_SUBMISSION_RETENTION_DAYS", 365)
            ).delete()[0],
            "outgoing mails": OutboxMail.objects.filter(
                created_at__lt=now - _days("OUTBOX_RETENTION_DAYS", 30)
            ).delete()[0],
            "finished tasks": DBTaskResult.objects.filter(
                finished_at__lt=now - _days("OUTBOX_RETENTION_DAYS", 30)
            ).delete()[0],
        }
        login_cutoff = now - _days("LOGIN_LOG_RETENTION_DAYS", 30)
        counts["login logs"] = (
            AccessLog.objects.filter(attempt_time__lt=login_cutoff).delete()[0]
            + AccessFailureLog.objects.filter(attempt_time__lt=login_cutoff).delete()[0]
            + AccessAttempt.objects.filter(attempt_time__lt=login_cutoff).delete()[0]
        )
        for what, count in counts.items():
            self.stdout.write(f"Deleted {count} {what}.")
