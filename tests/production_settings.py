"""What the production settings amount to, read in a fresh process once per environment.

Several tests need production's settings (`check --deploy`, middleware order, logging, CDN
purge): they depend on the environment at import time, so they must be loaded in a process of
their own. Starting Django costs ~4 s of CPU; one probe answers every question at once and is
remembered per environment for the rest of the run."""

import functools
import json
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.servers import server_env
from tests.tooling import ROOT

PUBLIC_HOST = "netzwerk.example.org"

_PROBE = r"""
import io, json, django
django.setup()
from django.conf import settings as s
from django.core.management import call_command
output = io.StringIO()
try:
    call_command("check", deploy=True, fail_level="WARNING", stdout=output, stderr=output)
    deploy_check_passed = True
except Exception as error:  # SystemCheckError lists every problem
    deploy_check_passed = False
    output.write(str(error))
print(json.dumps({
    "deploy_check_passed": deploy_check_passed,
    "deploy_check_output": output.getvalue(),
    "DEBUG": s.DEBUG,
    "MIDDLEWARE": s.MIDDLEWARE,
    "log_formatter": s.LOGGING["handlers"]["console"]["formatter"],
    "staticfiles_backend": s.STORAGES["staticfiles"]["BACKEND"],
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "AXES_ENABLED": s.AXES_ENABLED,
    "frontend_cache_installed": "wagtail.contrib.frontend_cache" in s.INSTALLED_APPS,
    "WAGTAILFRONTENDCACHE": getattr(s, "WAGTAILFRONTENDCACHE", None),
}))
"""


@functools.cache
def production_settings(**environment):
    """The probe's answers for production settings plus `environment` (e.g. LOG_FORMAT)."""
    database = Path(tempfile.mkdtemp(prefix="production-settings-")) / "db.sqlite3"
    env = server_env(
        DJANGO_SETTINGS_MODULE="netzwerk.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=PUBLIC_HOST,
        SITE_URL=f"https://{PUBLIC_HOST}",
        DATABASE_URL=f"sqlite:///{database}",
        **environment,
    )
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])
