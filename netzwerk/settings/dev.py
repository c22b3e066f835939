"""Local development and `make demo`: console email, an explicit development-only key.

DEBUG is on for `manage.py runserver` unless DEBUG=0; `make demo` passes DEBUG=0 (the site as
readers see it, with the real 404/500 pages) unless you run `DEBUG=1 make demo`."""

from .base import *  # noqa: F401,F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
# Development only: production refuses to start without a real SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Static files straight from the source folders (whitenoise), unhashed: no collectstatic
# needed, with DEBUG on or off (the manifest storage of production would need it).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True  # uploaded images and documents from MEDIA_ROOT, also with DEBUG off
