"""Test settings: fast hashing, in-memory email, no DEBUG."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env, public_base_url

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The e2e server passes a file-based backend through the environment; the test client keeps locmem.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
# The test client's host; the e2e server passes its own address.
SITE_URL = public_base_url(env("SITE_URL", "http://testserver"))
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", SITE_URL)
WAGTAILAPI_BASE_URL = SITE_URL
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Login throttling is off by default so tests may use client.login(); the security tests
# switch it on where they exercise it.
AXES_ENABLED = False
# Quiet test output: wagtail logs every page created by the demo content at INFO.
LOGGING["root"]["level"] = env("LOG_LEVEL", "WARNING")  # noqa: F405
# Mail is delivered at commit by the in-process backend; tests/integration/test_outbox.py runs
# the database queue and its real worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# Tests post forms right after rendering them; test_public_forms.py sets a real minimum.
PUBLIC_FORM_MIN_SECONDS = 0

# pytest-xdist workers share the Redis server but not a Redis database: the tests empty the
# cache (FLUSHDB) and count on their own page-cache generation, so worker N uses REDIS_URL's
# database number + N (CI: db 14 and 15 for two workers).
_worker = env("PYTEST_XDIST_WORKER")  # "gw0", "gw1", ... (set before the settings load)
if REDIS_URL and _worker:  # noqa: F405
    from urllib.parse import urlsplit, urlunsplit

    _parts = urlsplit(REDIS_URL)  # noqa: F405
    _db = int(_parts.path.strip("/") or 0) + int(_worker.removeprefix("gw"))
    if _db > 15:
        raise ImproperlyConfigured(
            f"REDIS_URL's database + pytest worker {_worker} = {_db}: choose a lower number"
        )
    CACHES["default"]["LOCATION"] = urlunsplit(_parts._replace(path=f"/{_db}"))  # noqa: F405
