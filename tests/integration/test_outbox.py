"""The mail outbox (home/outbox.py) with its production parts: the django-tasks-db queue, the real
worker and a real SMTP server that the tests stop (SMTP down) and start again."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.outbox import queue_mail
from home.outbox_models import OutboxMail
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests import outbox_support
from tests.outbox_support import run_worker

smtp_sink = outbox_support.smtp_sink  # fixtures
mail_queue = outbox_support.mail_queue


def make_user(username, group_name):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="a-Long-test-pass-42"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def queue_example(**extra):
    with transaction.atomic():  # the user's action: the mail commits with it
        queue_mail(
            to=["erika@example.org"],
            subject="Anmeldung bestätigt: Bürgerrat",
            body="Guten Tag Erika,\nSie sind angemeldet.",
            attachments=[("termin.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
            **extra,
        )


def make_retries_due():
    """The time between attempts passes."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_mail_is_stored_first_and_sent_by_the_worker(db, mail_queue):
    mail_queue.start()
    queue_example()
    mail = OutboxMail.objects.get()
    assert mail.status == "pending" and not mail_queue.messages  # nothing sent in the request
    run_worker()
    ((recipients, message),) = mail_queue.messages
    assert recipients == ["erika@example.org"]
    assert message["Subject"] == "Anmeldung bestätigt: Bürgerrat"
    assert "Sie sind angemeldet." in message.get_body(("plain",)).get_content()
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "termin.ics"
    assert attachment.get_content_type() == "text/calendar"
    mail.refresh_from_db()
    assert mail.status == "sent" and mail.sent_at is not None and mail.attempts == 1


def test_smtp_down_then_recovered_delivers_exactly_once(db, mail_queue):
    queue_example()  # SMTP is down: the sink is not started
    run_worker()
    mail = OutboxMail.objects.get()
    assert mail.status == "pending" and mail.attempts == 1
    assert "Connection refused" in mail.last_error or "Errno" in mail.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now() + timedelta(seconds=500)  # the first delay: 600 s
    run_worker()  # not due yet: nothing happens
    assert OutboxMail.objects.get().attempts == 1

    mail_queue.start()  # SMTP is back
    make_retries_due()
    run_worker()
    assert len(mail_queue.messages) == 1
    mail.refresh_from_db()
    assert mail.status == "sent" and mail.attempts == 2 and mail.last_error == ""
    make_retries_due()
    run_worker()
    assert len(mail_queue.messages) == 1  # exactly once


def test_failed_after_the_last_attempt_and_sent_again_by_a_ministry_editor(client, db, mail_queue):
    queue_example()
    for _attempt in range(3):  # first try + the two configured retries
        make_retries_due()
        run_worker()
    mail = OutboxMail.objects.get()
    assert mail.status == "failed" and mail.attempts == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()  # given up

    client.force_login(make_user("ministry", MINISTRY_EDITORS))
    listing = client.get("/admin/snippets/home/outboxmail/?status=failed")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "Anmeldung bestätigt: Bürgerrat" in page and "erika@example.org" in page
    url = f"/admin/bulk/home/outboxmail/send_again/?next=/admin/&id={mail.pk}"
    assert client.get(url).status_code == 200  # the confirmation page
    mail_queue.start()
    assert client.post(url).status_code == 302
    run_worker()
    assert len(mail_queue.messages) == 1
    assert OutboxMail.objects.get().status == "sent"


def test_guest_editors_see_no_outgoing_mail(client, db, mail_queue):
    queue_example()
    mail = OutboxMail.objects.get()
    client.force_login(make_user("guest", GUEST_EDITORS))
    for url in (
        "/admin/snippets/home/outboxmail/",
        f"/admin/snippets/home/outboxmail/inspect/{mail.pk}/",
        f"/admin/snippets/home/outboxmail/edit/{mail.pk}/",
        f"/admin/bulk/home/outboxmail/send_again/?next=/admin/&id={mail.pk}",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"erika@example.org" not in response.content


def test_one_dedupe_key_is_one_mail(db, mail_queue):
    mail_queue.start()
    for _click in range(5):
        queue_example(dedupe_key="cancel:42")
    run_worker()
    assert OutboxMail.objects.count() == 1 and len(mail_queue.messages) == 1
    queue_example(dedupe_key="cancel:42")  # even after it was sent
    run_worker()
    assert len(mail_queue.messages) == 1


def test_a_rolled_back_action_leaves_no_mail(db, mail_queue):
    mail_queue.start()
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_mail(to=["x@example.org"], subject="S", body="B")
        raise RuntimeError("the user's action failed")
    run_worker()
    assert not OutboxMail.objects.exists() and not mail_queue.messages


# --- the registrations' mails -------------------------------------------------------------------


def test_registration_while_smtp_is_down_gets_its_mail_once_smtp_is_back(client, db, mail_queue):
    from events.models import EventRegistration
    from tests.integration.test_events import form_data, make_event

    event = make_event("smtp-ausfall", registration_mode="form", capacity=5)
    response = client.post(
        event.url + event.reverse_subpage("register"), form_data()
    )  # SMTP is down
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Anmeldung" in response.content.decode()
    registration = EventRegistration.objects.get(event=event)
    run_worker()
    assert OutboxMail.objects.get().status == "pending"

    mail_queue.start()
    make_retries_due()
    run_worker()
    run_worker()
    ((recipients, message),) = mail_queue.messages
    assert recipients == ["erika@example.org"]
    assert "Anmeldung bestätigt" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    assert f"{event.url}{event.reverse_subpage('cancel')}?token=" in text
    (ics,) = list(message.iter_attachments())
    assert ics.get_content_type() == "text/calendar"
    assert registration.status == "confirmed"


def test_five_clicks_on_one_cancel_link_send_one_mail_and_promote_once(client, db, mail_queue):
    import re
    from urllib.parse import parse_qs, urlparse

    from events.models import EventRegistration
    from tests.integration.test_events import form_data, make_event

    mail_queue.start()
    event = make_event("fuenf-klicks", registration_mode="form", capacity=1)
    client.post(event.url + event.reverse_subpage("register"), form_data(email="first@example.org"))
    client.post(
        event.url + event.reverse_subpage("register"), form_data(email="second@example.org")
    )
    client.post(event.url + event.reverse_subpage("register"), form_data(email="third@example.org"))
    run_worker()
    first_mail = mail_queue.messages[0][1].get_body(("plain",)).get_content()
    link = re.search(r"(http\S+/abmelden/\?token=\S+)", first_mail).group(1)
    token = parse_qs(urlparse(link).query)["token"][0]
    for _click in range(5):
        assert client.post(link.split("?")[0], {"token": token}).status_code == 200
    run_worker()
    subjects = [message["Subject"] for _to, message in mail_queue.messages[3:]]
    assert len(subjects) == 2, subjects  # one cancellation, one promotion
    statuses = dict(EventRegistration.objects.filter(event=event).values_list("email", "status"))
    assert statuses == {
        "first@example.org": "cancelled",
        "second@example.org": "confirmed",
        "third@example.org": "waiting",
    }
