"""Faults: /healthz/ reports each dependency and answers 503 when one is down; with the
database refusing connections pages are a localised 503 that needs no database; a CSRF
failure is a localised page, not Django's English technical one."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from tests.outbox_support import free_port

pytestmark = pytest.mark.django_db


def test_healthz_reports_every_dependency(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "task_queue": "ok",
    }


def test_healthz_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "home.caching.backend.ResilientRedisCache",  # production's backend
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_healthz_is_503_when_no_worker_takes_the_mail_queue(client, settings):
    from django_tasks_db.models import DBTaskResult

    from home.outbox import queue_mail

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    queue_mail(to=["a@example.org"], subject="S", body="B")
    assert client.get("/healthz/").json()["task_queue"] == "ok"  # just queued
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=20))
    response = client.get("/healthz/")
    assert response.status_code == 503 and response.json()["task_queue"] == "stalled"


def test_csrf_failure_page_is_german_on_the_german_site(db):
    user = get_user_model().objects.create_user("e", "e@example.org", "x-Long-pass-42")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)  # signed in: Django's CSRF protection applies
    response = client.post("/de/barrierefreiheit/barriere-melden/", {})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="de">' in html and "Formular" in html
    assert "CSRF verification failed" not in html
