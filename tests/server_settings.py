"""Settings of the gunicorn site tests start (tests/servers.py `gunicorn_site`): the test
settings with one cache all workers share (files, like Redis would be) and mails as files."""

from netzwerk.settings.test import *  # noqa: F401,F403
from netzwerk.settings.test import env

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("SERVER_CACHE_DIR"),
        "KEY_FUNCTION": "home.caching.release.make_key",
    }
}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
