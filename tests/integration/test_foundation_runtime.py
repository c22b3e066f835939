"""Runtime behaviour that needs a process of its own: production settings, a server whose
database is down. These run the real code in subprocesses; nothing is mocked."""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import get, gunicorn, server_env

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_", "SITE_URL")
        )
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env.update(extra)
    return env


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing,extra",
    [
        ("SECRET_KEY", {"ALLOWED_HOSTS": "netzwerk.example.org", "SITE_URL": "https://a.b"}),
        ("SECRET_KEY", {"ALLOWED_HOSTS": "a.b", "SECRET_KEY": "short", "SITE_URL": "https://a.b"}),
        ("ALLOWED_HOSTS", {"SECRET_KEY": secrets.token_urlsafe(50), "SITE_URL": "https://a.b"}),
        ("SITE_URL", {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "a.b"}),
        (
            "SITE_URL",
            {"SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "a.b", "SITE_URL": "a.b"},
        ),
    ],
)
def test_production_refuses_to_start_without_secrets(tmp_path, missing, extra):
    env = _env(tmp_path, DJANGO_SETTINGS_MODULE="netzwerk.settings.production", **extra)
    result = _manage(env, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def _get(url):
    """(status, body) of a GET; HTTP errors are answers too."""
    status, _headers, body = get(url)
    return status, body


@pytest.fixture(scope="module")
def server_without_database(tmp_path_factory):
    """The production WSGI server (gunicorn, netzwerk/gunicorn.conf.py) with a DATABASE_URL
    nobody answers on."""
    tmp_path = tmp_path_factory.mktemp("nodb")
    with socket.socket() as sock:  # a port that is certainly closed: bound, never listening
        sock.bind(("127.0.0.1", 0))
        dead_port = sock.getsockname()[1]
        env = server_env(DATABASE_URL=f"postgres://postgres@127.0.0.1:{dead_port}/nowhere")
        with gunicorn(env, tmp_path / "gunicorn.log", workers=1) as url:
            yield url


def test_healthz_is_503_when_the_database_is_down(server_without_database):
    status, body = _get(f"{server_without_database}/healthz/")
    assert status == 503
    report = json.loads(body)  # each dependency reported (issue 14): the database is down
    assert report["status"] == "error" and report["database"] == "unavailable"


def test_pages_answer_the_localised_503_page_while_the_database_is_down(server_without_database):
    # A database outage is maintenance, not a bug: 503 with a page that needs no database.
    status, body = _get(f"{server_without_database}/de/")
    assert status == 503
    assert '<html lang="de">' in body and "Wartung" in body
    status, body = _get(f"{server_without_database}/en/")
    assert status == 503
    assert '<html lang="en">' in body and "Maintenance" in body
