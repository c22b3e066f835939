"""Sending an issue in the background (django-tasks, the "background" queue).

Per-recipient idempotency lives here, not in the outbox's dedupe key alone: `start()`
writes one `Delivery` row per confirmed subscriber of the issue's language; each
`send_batch` task claims up to NEWSLETTER_BATCH_SIZE pending rows (row locks, skipping
rows another worker holds), queues their mails with home.outbox.queue_mail and marks them
queued - all in one transaction. A crash rolls the batch back; `resume()` (run by sending
again or by `manage.py newsletter_resume`) enqueues the rest. The outbox's dedupe key
`newsletter:<issue>:<subscriber>` is the second lock on the door: one key, one mail.
"""

import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from home.outbox import BACKGROUND

from .mails import send_issue_to
from .models import Delivery, NewsletterIssuePage, Subscriber


def batch_size():
    return int(getattr(settings, "NEWSLETTER_BATCH_SIZE", 50))


def batch_pause():
    """Seconds between batches: spreads the load on the SMTP relay."""
    return float(getattr(settings, "NEWSLETTER_BATCH_PAUSE", 1.0))


def recipients(issue):
    """Confirmed subscribers of the issue's language who chose one of the issue's interests.

    Interests are a JSON list on both sides; the match is made here (SQLite has no JSON
    containment lookup), the result is a queryset like any other."""
    served = set(issue.interests or [])
    candidates = Subscriber.objects.filter(
        status=Subscriber.Status.CONFIRMED, language=issue.locale.language_code
    )
    matching = [
        pk
        for pk, interests in candidates.values_list("pk", "interests").iterator()
        if served.intersection(interests or [])
    ]
    return candidates.filter(pk__in=matching)


def start(issue):
    """Create the delivery rows (once per recipient, also when called again) and enqueue."""
    with transaction.atomic():
        if issue.sending_started_at is None:
            NewsletterIssuePage.objects.filter(pk=issue.pk).update(
                sending_started_at=timezone.now()
            )
        Delivery.objects.bulk_create(
            [Delivery(issue_id=issue.pk, subscriber=s) for s in recipients(issue)],
            ignore_conflicts=True,
            batch_size=500,
        )
        _enqueue(issue.pk)


def _enqueue(issue_id):
    if send_batch.get_backend().supports_defer:
        send_batch.enqueue(issue_id)  # the task row commits with the caller's transaction
    else:
        transaction.on_commit(lambda: send_batch.enqueue(issue_id))


@task(backend=BACKGROUND)
def send_batch(issue_id: int) -> int:
    issue = NewsletterIssuePage.objects.filter(pk=issue_id).first()
    if issue is None:
        return 0
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(issue_id=issue_id, status=Delivery.Status.PENDING)
            .select_related("subscriber")
            .order_by("pk")[: batch_size()]
        )
        now = timezone.now()
        for row in rows:
            if row.subscriber.status == Subscriber.Status.CONFIRMED:  # may have left meanwhile
                send_issue_to(
                    issue, row.subscriber, dedupe_key=f"newsletter:{issue_id}:{row.subscriber_id}"
                )
            row.status, row.queued_at = Delivery.Status.QUEUED, now
        Delivery.objects.bulk_update(rows, ["status", "queued_at"])
    if rows and Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.PENDING).exists():
        time.sleep(batch_pause())
        with transaction.atomic():
            _enqueue(issue_id)
    return len(rows)


def resume():
    """Enqueue every issue that still has pending recipients (after a crash)."""
    issue_ids = (
        Delivery.objects.filter(status=Delivery.Status.PENDING)
        .values_list("issue_id", flat=True)
        .distinct()
    )
    for issue_id in list(issue_ids):
        with transaction.atomic():
            _enqueue(issue_id)
    return len(issue_ids)
