"""A newsletter send survives a worker killed halfway: after a restart every subscriber has
exactly one mail. Real processes: the django-tasks-db worker (`manage.py db_worker`) against
the test database, killed with SIGKILL, mails written by Django's file backend."""

import email
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from email import policy
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from home.outbox_models import OutboxMail
from newsletter.models import Delivery, NewsletterIssuePage, Subscriber
from newsletter.sending import start

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 24


def worker(env, *extra):
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend=background",
            "--no-startup-delay",
            "--no-reload",
            "--interval=0.1",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def mails_in(directory):
    recipients = Counter()
    for path in Path(directory).iterdir():
        # The file backend writes each message followed by a line of dashes.
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                message = email.message_from_bytes(chunk, policy=policy.default)
                recipients[message["To"]] += 1
    return recipients


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killed_worker_halfway_then_restarted_sends_every_mail_exactly_once(settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share with the test (PostgreSQL)")
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "EMAIL_FILE_PATH": str(tmp_path),
        "NEWSLETTER_BATCH_SIZE": "3",
        "NEWSLETTER_BATCH_PAUSE": "0.4",
        "REDIS_URL": "",
    }
    issue = NewsletterIssuePage.objects.live().get(locale__language_code="de")
    emails = [f"leser{i:02d}@example.org" for i in range(SUBSCRIBERS)]
    for address in emails:
        Subscriber.objects.create(email=address, language="de", interests=["news"]).confirm()
    start(issue)

    def queued():
        return Delivery.objects.filter(issue=issue, status=Delivery.Status.QUEUED).count()

    first = worker(env)
    try:
        assert wait_for(lambda: queued() >= 9), "the worker sent nothing"
    finally:
        first.send_signal(signal.SIGKILL)  # no clean shutdown: a crash
        first.wait()
    halfway = queued()
    assert 0 < halfway < SUBSCRIBERS

    call_command("newsletter_resume", verbosity=0)
    second = worker(env, "--batch")  # runs until the queue is empty, then exits
    try:
        second.wait(timeout=180)
    finally:
        if second.poll() is None:
            second.kill()
    assert queued() == SUBSCRIBERS
    assert (
        OutboxMail.objects.filter(subject=issue.title, status=OutboxMail.Status.SENT).count()
        == SUBSCRIBERS
    )
    received = mails_in(tmp_path)
    assert received == Counter({address: 1 for address in emails})
