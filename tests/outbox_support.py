"""Test support for the mail outbox: a real SMTP server on a local port (aiosmtpd) that a test
starts and stops, the database task queue switched on, and the real django-tasks-db worker."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpSink:
    """An SMTP server on a fixed port that can be stopped (SMTP down) and started again."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    yield sink
    sink.stop()


@pytest.fixture
def mail_queue(settings, smtp_sink):
    """The production wiring: the database queue for mail, SMTP to the sink's port."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_sink.port
    settings.EMAIL_TIMEOUT = 5
    settings.OUTBOX_RETRY_DELAYS = [600, 3600]
    return smtp_sink


def run_worker():
    """One batch run of the real worker (`manage.py db_worker --backend background --batch`).

    The worker recycles database connections between tasks; inside a test's transaction that
    would drop the test's data, so only that call is disabled."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(db_worker, "close_old_connections", lambda: None)
        call_command(
            "db_worker",
            "--backend=background",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval=0",
            verbosity=0,
        )
