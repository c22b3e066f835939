"""Production setup: gunicorn configuration, whitenoise with hashed and compressed static
files, structured logging, settings that refuse to run without secrets."""

import json
import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from tests.production_settings import production_settings

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "netzwerk" / "gunicorn.conf.py"


def production_env(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="netzwerk.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1:8123",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    env.update(extra)
    return env


def run_python(code, env):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_gunicorn_config_is_valid_and_loads_the_production_app(tmp_path):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [str(gunicorn), "-c", str(GUNICORN_CONF), "--check-config", "netzwerk.wsgi"],
        cwd=ROOT,
        env=production_env(tmp_path, WEB_CONCURRENCY="3", PORT="8123"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_gunicorn_config_reads_the_environment(monkeypatch):
    import runpy

    monkeypatch.setenv("WEB_CONCURRENCY", "7")
    monkeypatch.setenv("PORT", "8765")
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    config = runpy.run_path(str(GUNICORN_CONF))
    assert config["workers"] == 7
    assert config["bind"] == "127.0.0.1:8765"
    assert config["preload_app"] is True
    assert config["max_requests"] > 0


def test_production_settings_load_with_page_cache_and_json_logging():
    loaded = production_settings(LOG_FORMAT="json")
    assert loaded["DEBUG"] is False
    assert loaded["log_formatter"] == "json"
    assert (
        loaded["staticfiles_backend"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    mw = loaded["MIDDLEWARE"]
    # The page cache answers after whitenoise and before sessions, locale and auth.
    assert mw.index("whitenoise.middleware.WhiteNoiseMiddleware") < mw.index(
        "home.caching.pages.PageCacheMiddleware"
    )
    assert mw.index("home.caching.pages.PageCacheMiddleware") < mw.index(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )


def test_json_formatter_writes_one_object_per_line():
    from netzwerk.jsonlog import JsonFormatter

    record = logging.makeLogRecord(
        {
            "name": "netzwerk.test",
            "levelname": "WARNING",
            "msg": "Größe %s",
            "args": (3,),
            "path": "/de/",
        }
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    payload = json.loads(line)
    assert payload["message"] == "Größe 3"
    assert payload["level"] == "WARNING"
    assert payload["logger"] == "netzwerk.test"
    assert payload["path"] == "/de/"
    assert payload["time"].endswith("+00:00")


@pytest.mark.django_db
def test_whitenoise_serves_hashed_compressed_static_with_long_max_age(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    # Only the project's own files (static/): public pages link nothing else, and hashing and
    # compressing the Wagtail admin's thousands of files would triple this test's time.
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    call_command("collectstatic", interactive=False, verbosity=0)

    client = Client()  # a new handler loads whitenoise over the collected files
    html = client.get("/de/").content.decode()
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert match, "pages link the hashed stylesheet"
    hashed = match.group(1)

    response = client.get(hashed, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert "immutable" in response["Cache-Control"]
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age >= 365 * 24 * 3600
    assert response["Content-Encoding"] in {"gzip", "br"}
    assert "Accept-Encoding" in response["Vary"]
    response.close()

    plain = client.get("/static/css/site.css")
    assert plain.status_code == 200
    assert "immutable" not in plain["Cache-Control"]
    plain.close()


def test_cdn_purge_is_configured_only_from_the_environment():
    # The app is always installed (INSTALLED_APPS is one literal list); it purges nothing
    # until the environment names a CDN.
    plain = production_settings(LOG_FORMAT="json")
    assert plain["frontend_cache_installed"] is True
    assert plain["WAGTAILFRONTENDCACHE"] is None

    purge = production_settings(FRONTEND_CACHE_HTTP_URL="http://127.0.0.1:6081")
    assert purge["frontend_cache_installed"] is True
    assert purge["WAGTAILFRONTENDCACHE"]["http"]["LOCATION"] == "http://127.0.0.1:6081"
