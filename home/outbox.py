"""The one way the site sends mail: ``queue_mail(...)``.

Contract shared by every feature app (events, network, newsletter, forms). Today the mail is
sent after the surrounding transaction commits; the durable outbox (stored first, sent by the
django-tasks worker with retries, a visible failed state and de-duplication by ``dedupe_key``)
replaces the body of this function without changing its signature.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction


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
    """Send a plain-text mail once the current transaction has committed.

    ``attachments`` are ``(filename, content, mimetype)`` triples; ``dedupe_key`` names the event a
    mail is about (e.g. ``"cancel:<registration id>"``) so that one event sends one mail.
    """
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
        headers=headers,
        attachments=attachments,
    )
    transaction.on_commit(message.send)
