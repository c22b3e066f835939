"""Settings of a real background worker started by a test (tests/integration/test_newsletter_worker.py):
the test settings with the database queue and mails written to files."""

from netzwerk.settings.test import *  # noqa: F401,F403
from netzwerk.settings.test import env

TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
NEWSLETTER_BATCH_SIZE = int(env("NEWSLETTER_BATCH_SIZE", "50"))
NEWSLETTER_BATCH_PAUSE = float(env("NEWSLETTER_BATCH_PAUSE", "1"))
