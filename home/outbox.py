"""The one way the site sends mail: ``queue_mail(...)``.

Contract shared by every feature app (events, network, newsletter, forms). A mail is an outbox
row first (``OutboxMail``, in the caller's transaction, so it exists exactly when the user's action
does); the ``deliver_mail`` background task sends it. SMTP being down never fails the user's
action: the task records the error and tries again later (``OUTBOX_RETRY_DELAYS``), and after
the last attempt the row is "failed", visible to Ministry editors, who can send it again.

Which backend runs the task is the ``TASKS["background"]`` setting: django-tasks-db in
production and ``make demo`` (worker: ``manage.py db_worker --backend background``), the
immediate backend in tests that are not about the outbox.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .outbox_models import OutboxMail

logger = logging.getLogger(__name__)

BACKGROUND = "background"  # the TASKS alias for work that must survive a restart


def queue_mail(
    *,
    to: list[str],
    subject: str,
    body: str,
    reply_to: list[str] | None = None,
    headers: dict[str, str] | None = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
    dedupe_key: str | None = None,
) -> None:
    """Store a plain-text mail and have the background worker send it.

    ``attachments`` are ``(filename, content, mimetype)`` triples; ``dedupe_key`` names the event a
    mail is about (e.g. ``"cancel:<registration id>"``) so that one event sends one mail, however
    often (or concurrently) it is queued.
    """
    try:
        # A savepoint: a duplicate key must not break the caller's transaction.
        with transaction.atomic():
            mail = OutboxMail.objects.create(
                to=list(to),
                subject=" ".join(subject.split()),  # no header folding tricks
                body=body,
                reply_to=list(reply_to or []),
                headers=dict(headers or {}),
                attachments=OutboxMail.encode_attachments(attachments),
                dedupe_key=dedupe_key or None,
            )
    except IntegrityError:
        if dedupe_key and OutboxMail.objects.filter(dedupe_key=dedupe_key).exists():
            return  # this event's mail is already queued (or sent)
        raise
    _enqueue(mail.pk)


def _enqueue(mail_id, run_after=None):
    delivery = deliver_mail if run_after is None else deliver_mail.using(run_after=run_after)
    if delivery.get_backend().supports_defer:
        # The database queue: the task row commits (or rolls back) together with the mail.
        delivery.enqueue(mail_id)
    else:
        # An in-process backend: send only once the mail (and the user's action) is committed.
        transaction.on_commit(lambda: delivery.enqueue(mail_id))


def retry_delays():
    return list(getattr(settings, "OUTBOX_RETRY_DELAYS", [60, 300, 1800, 7200, 21600]))


@task(backend=BACKGROUND)
def deliver_mail(mail_id: int) -> str:
    """Send one stored mail. Safe to run more than once: only a pending mail is claimed."""
    claimed = OutboxMail.objects.filter(pk=mail_id, status=OutboxMail.Status.PENDING).update(
        status=OutboxMail.Status.SENDING
    )
    if not claimed:
        return "skipped"  # sent already, being sent by another worker, or given up
    mail = OutboxMail.objects.get(pk=mail_id)
    attempts = mail.attempts + 1
    try:
        mail.as_message().send()
    except Exception as error:  # SMTP errors, refused connections, timeouts, DNS, ...
        delays = retry_delays()
        gives_up = attempts > len(delays)
        OutboxMail.objects.filter(pk=mail_id).update(
            status=OutboxMail.Status.FAILED if gives_up else OutboxMail.Status.PENDING,
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        logger.warning("mail %s: attempt %s failed (%s)", mail_id, attempts, error)
        if not gives_up and deliver_mail.get_backend().supports_defer:
            _enqueue(mail_id, run_after=timezone.now() + timedelta(seconds=delays[attempts - 1]))
        return "failed" if gives_up else "retrying"
    OutboxMail.objects.filter(pk=mail_id).update(
        status=OutboxMail.Status.SENT, attempts=attempts, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def send_again(mails):
    """Editors' "send again": failed (or stuck) mails go back to the queue, now."""
    ids = [
        mail.pk
        for mail in mails
        # "sending" left behind by a worker that died mid-send: the editor decides.
        if mail.status != OutboxMail.Status.SENT
    ]
    OutboxMail.objects.filter(pk__in=ids).exclude(status=OutboxMail.Status.SENT).update(
        status=OutboxMail.Status.PENDING, attempts=0
    )
    for mail_id in ids:
        _enqueue(mail_id)
    return len(ids)
