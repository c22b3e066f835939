"""The newsletter's mails: the confirmation request and an issue (to a subscriber or as a
test to an editor). All go through home.outbox.queue_mail."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from home.outbox import queue_mail

from .links import confirm_url, preferences_url, unsubscribe_url


def send_confirmation(subscriber):
    with translation.override(subscriber.language):
        body = render_to_string(
            "newsletter/email/confirm.txt", {"confirm_url": confirm_url(subscriber)}
        )
        queue_mail(
            to=[subscriber.email],
            subject=_("Please confirm your newsletter subscription"),
            body=body,
            dedupe_key=f"newsletter-confirm:{subscriber.pk}:{subscriber.confirm_nonce}",
        )


def issue_text(issue):
    """The issue as plain text: the blocks rendered, tags stripped, blank lines tidied."""
    html = "".join(str(block) for block in issue.body)
    lines = [line.strip() for line in strip_tags(html).splitlines()]
    text, blank = [], False
    for line in lines:
        if line or not blank:
            text.append(line)
        blank = not line
    return "\n".join(text).strip()


def issue_mail(issue, subscriber):
    """(subject, body, headers) of `issue` for `subscriber`, with one-click unsubscribe."""
    unsubscribe = unsubscribe_url(subscriber)
    with translation.override(subscriber.language):
        body = render_to_string(
            "newsletter/email/issue.txt",
            {
                "issue": issue,
                "text": issue_text(issue),
                "web_url": issue.get_full_url(),
                "unsubscribe_url": unsubscribe,
                "preferences_url": preferences_url(subscriber),
            },
        )
    headers = {
        # RFC 8058: mail clients unsubscribe with one POST to this URL, no page in between.
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return issue.title, body, headers


def send_issue_to(issue, subscriber, dedupe_key=None):
    subject, body, headers = issue_mail(issue, subscriber)
    queue_mail(
        to=[subscriber.email], subject=subject, body=body, headers=headers, dedupe_key=dedupe_key
    )


def send_test(issue, email):
    """A test to the editor: the same mail, links pointing nowhere harmful."""
    from .models import Subscriber

    stand_in = Subscriber(email=email, language=issue.locale.language_code)
    subject, body, headers = issue_mail(issue, stand_in)
    queue_mail(to=[email], subject=f"[Test] {subject}", body=body)
