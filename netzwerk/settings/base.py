"""Settings shared by every environment. All configuration comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    """Read an environment variable; a variable that is set but empty counts as unset."""
    value = os.environ.get(name, "")
    return value if value.strip() else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def public_base_url(value):
    """SITE_URL checked and normalised to `scheme://host[:port]`.

    Wagtail's Site record stores only host and port and derives the scheme from the port
    (443 is https, anything else http), so https on another port cannot be represented."""
    from urllib.parse import urlsplit

    from django.core.exceptions import ImproperlyConfigured

    parts = urlsplit(value.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in {"http", "https"} or not parts.hostname or port == -1:
        raise ImproperlyConfigured(f"SITE_URL must look like https://host[:port], not {value!r}")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"SITE_URL is a base URL without a path: {value!r}")
    default_port = 443 if parts.scheme == "https" else 80
    port = port or default_port
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(f"SITE_URL: https needs port 443, http another: {value!r}")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + ("" if port == default_port else f":{port}")


SECRET_KEY = env("SECRET_KEY")
DEBUG = False
# The public base URL: the source of every absolute URL the site writes (mails, .ics, CSV/JSON
# exports, JSON-LD, sitemap, API, canonical/OpenGraph links). `migrate` and load_demo_content
# keep Wagtail's Site record in step (home/site_url.py). Production requires it.
SITE_URL = public_base_url(env("SITE_URL", "http://127.0.0.1:8000"))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "cases",
    "events",
    "network",
    "search",
    "images",
    "feeds",
    "insights",
    "newsletter",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales (same app label)
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    # CDN purge on publish; without WAGTAILFRONTENDCACHE (below) it purges nothing.
    "wagtail.contrib.frontend_cache",
]

MIDDLEWARE = [
    "home.proxies.ForwardedHeadersMiddleware",  # first: X-Forwarded-* only from our proxies
    "django.middleware.security.SecurityMiddleware",
    # Headers go on every response, so their middleware sits right after SecurityMiddleware.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag (and Last-Modified where a view sets it) with 304 answers, outside gzip and the page
    # cache so that cached answers (the calendar feed polled by every subscriber) get them too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Compress HTML, JSON and iCalendar answers (whitenoise serves static files precompressed,
    # so it sits outside). Django's GZipMiddleware pads responses with random bytes against
    # BREACH; it is outside the page cache, which stores plain bytes.
    "django.middleware.gzip.GZipMiddleware",
    # Anonymous full-page cache (home/caching): answers before session/locale/auth middleware.
    "home.caching.pages.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netzwerk.api.ApiAwareLocaleMiddleware",  # LocaleMiddleware, API 404s stay JSON
    "django.middleware.common.CommonMiddleware",
    "home.public_forms.PublicFormCsrfMiddleware",  # anonymous public forms need no cookie
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Remembers where page URLs route to (home/caching/routes.py): saves ~4–7 queries per page.
    "home.caching.routes.RouteCacheMiddleware",
    # After AuthenticationMiddleware: turns login lockouts into 429 pages.
    "axes.middleware.AxesMiddleware",
    # Every admin view of a personal-data model (choosers included) needs its view permission.
    "home.personal_data_guard.PersonalDataAdminGuard",
    # Guest editors see no other people's drafts where Wagtail has no hook (home/page_visibility.py).
    "home.page_visibility.GuestAdminGuard",
]

ROOT_URLCONF = "netzwerk.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "netzwerk.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        # Persistent connections are checked before reuse: a database restart costs no request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several admin users at once (the edit view pings its editing session while another
    # request publishes): a transaction takes the write lock when it begins, and waits for it,
    # instead of failing with "database is locked" when a read turns into a write.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
# Every key carries the release (home/caching/release.py): a deploy starts with an empty cache.
RELEASE_ID = env("RELEASE_ID")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend that answers "not cached" while Redis is away
            # (home/caching/backend.py); the timeouts bound each call (seconds).
            "BACKEND": "home.caching.backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "netzwerk",
            "KEY_FUNCTION": "home.caching.release.make_key",
            "OPTIONS": {
                "socket_connect_timeout": float(env("CACHE_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(env("CACHE_TIMEOUT", "0.25")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_FUNCTION": "home.caching.release.make_key",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
CACHE_RETRY_SECONDS = float(env("CACHE_RETRY_SECONDS", "5"))  # after a Redis failure

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German is the default, English the second language.
LANGUAGE_CODE = "de"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates in European style (netzwerk/formats/en); German uses Django's own formats.
FORMAT_MODULE_PATH = ["netzwerk.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible object storage for media when configured (django-storages reads AWS_* vars).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

WAGTAIL_SITE_NAME = "Netzwerk Bürgerbeteiligung Sachsen"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", SITE_URL)  # admin links in mails
# mp4, webm and vtt: self-hosted videos with captions (home.blocks.VideoBlock).
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
    "zip",
    "mp4",
    "webm",
    "vtt",
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Every image carries credit and licence (images/models.py).
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp", "gif": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail 8.0's autosave (milliseconds; 0: off) is off: it posts the edit form in the background
# and nothing stops it when the editor sends the form. On a slow server it created a new page
# under the editor's submission ("slug already in use", the case never reached review) and
# sent a reviewer's decision a second time (the approved case stayed unpublished).
# home/wagtail_hooks.py refuses background saves that carry a decision, should it be switched on.
WAGTAIL_AUTOSAVE_INTERVAL = int(env("WAGTAIL_AUTOSAVE_INTERVAL", "0"))
# No third party in the admin either: avatars are never fetched from Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILAPI_BASE_URL = SITE_URL  # the API's detail_url
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILSEARCH_HITS_MAX_AGE = 30

# German and English analysers for Elasticsearch (used by search.backends.elasticsearch).
SEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "german_stop": {"type": "stop", "stopwords": "_german_"},
                "german_stemmer": {"type": "stemmer", "language": "light_german"},
                "english_stop": {"type": "stop", "stopwords": "_english_"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
                "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
            },
            "analyzer": {
                "german_text": {
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_stop",
                        "german_normalization",
                        "german_stemmer",
                    ],
                },
                "english_text": {
                    "tokenizer": "standard",
                    "filter": [
                        "english_possessive_stemmer",
                        "lowercase",
                        "english_stop",
                        "english_stemmer",
                    ],
                },
            },
        }
    }
}

# Search: Wagtail's database backend (PostgreSQL full text or SQLite FTS), or Elasticsearch 9.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",  # Elasticsearch 9 + per-locale analysers
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX", "netzwerk_"),
            "TIMEOUT": 10,
            "INDEX_SETTINGS": SEARCH_INDEX_SETTINGS,
            # German compound dictionary as a file on the Elasticsearch server (relative to its
            # config directory; `manage.py export_compound_words`); unset: inline word list.
            "DECOMPOUND_WORDS_PATH": env("ELASTICSEARCH_DECOMPOUND_WORDS_PATH", ""),
        }
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Per-locale stemming: each page is indexed and queried with its language's configuration.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.postgres",
            "SEARCH_CONFIG": "german",
            "LANGUAGE_CONFIGS": {"de": "german", "en": "english"},
        }
    }
else:
    # SQLite FTS5: no stemming.
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "10"))  # seconds: a hanging SMTP server frees the worker

# Background tasks (django-tasks). "default" is what Wagtail's own tasks use (search index
# updates on save): they stay in the request, as without a TASKS setting, so publishing needs no
# worker. "background" is the durable queue in the database (django-tasks-db) for work that must
# survive restarts and SMTP outages (home/outbox.py, newsletters), run by
# `manage.py db_worker --backend background` (a process of its own in production).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# Seconds between delivery attempts of a mail; after the last one it is "failed" (admin).
OUTBOX_RETRY_DELAYS = [int(s) for s in env_list("OUTBOX_RETRY_DELAYS", "60,300,1800,7200,21600")]
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "netzwerk@example.org")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "home.views.csrf_failure"  # localised, no technical English page

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

# Serve static files through whitenoise straight from the finders when not collected
# (development and tests); production serves the collected, hashed files.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", False)

# Reverse proxies in front of the app (home/proxies.py): how many, and the addresses they
# connect from. 0 (default): X-Forwarded-* headers are ignored. AXES_PROXY_COUNT is the old name.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", env("AXES_PROXY_COUNT", "0")))
TRUSTED_PROXY_IPS = env_list("TRUSTED_PROXY_IPS", "127.0.0.1,::1")
# Public forms (home/public_forms.py): submissions per form and client address in each window
# (count, seconds) — 150 colleagues behind one town-hall NAT still register — the least time a
# person needs to fill a form, how long a shown form stays valid, the longest free text.
PUBLIC_FORM_RATE_LIMITS = [(200, 600), (1000, 86400)]
PUBLIC_FORM_MIN_SECONDS = int(env("PUBLIC_FORM_MIN_SECONDS", "2"))
PUBLIC_FORM_MAX_AGE = 86400
PUBLIC_FORM_MAX_LENGTH = 2000

# --- Security hardening (roles & security, issue #6) -------------------------------------
# django-axes: throttle failed logins (admin login included) per username + IP address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out user/IP may try again after 15 minutes
# Per account and address, and per account across addresses: 12 tries from 12 addresses lock
# the account too (for AXES_COOLOFF_TIME only, so a lock-out cannot be kept up for long).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_RESET_ON_SUCCESS = True
# The client address the way every other throttle sees it (home/proxies.py).
AXES_CLIENT_IP_CALLABLE = "home.proxies.client_ip"
AXES_VERBOSE = False

# django-csp 4: the public site runs no inline script and loads nothing from third parties.
# The Wagtail admin (and its page previews) uses inline scripts, so it is left out; it is only
# reachable after login and still gets the frame, nosniff and referrer headers.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Browser features the site never uses are switched off.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Uploads: documents from an allow-list (WAGTAILDOCS_EXTENSIONS above), at most 20 MB, always
# served as downloads (never rendered inline in the site's origin); images are limited above.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Page cache and production logging (performance, issue #7) ---------------------------
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "300"))  # seconds in our cache
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "60"))  # browsers: short, we can't purge them
# Shared caches (CDN): raise this only together with WAGTAILFRONTENDCACHE purging below.
PAGE_CACHE_S_MAXAGE = int(env("PAGE_CACHE_S_MAXAGE", str(PAGE_CACHE_MAX_AGE)))
# Static files: whitenoise serves the hashed names from CompressedManifestStaticFilesStorage
# as immutable for 10 years and anything unhashed for 60 s (its defaults, kept on purpose).
# Optional CDN purge on publish (wagtail.contrib.frontend_cache), only when configured.
if env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
            "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
        }
    }
elif env("FRONTEND_CACHE_HTTP_URL"):  # Varnish/nginx-style HTTP PURGE
    WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_HTTP_URL"),
        }
    }
# `make bench` only: route /bench/floor/, the trivial view every result is compared with,
# and serve MEDIA_ROOT (image renditions) as the web server or S3 does in production, so the
# first-load transfer and Lighthouse see the pages with their images.
BENCH_FLOOR = env_bool("BENCH_FLOOR", False)
SERVE_MEDIA = BENCH_FLOOR
# Structured logs: LOG_FORMAT=json writes one JSON object per line (for log shippers).
if env("LOG_FORMAT", "plain") == "json":
    LOGGING["formatters"]["json"] = {"()": "netzwerk.jsonlog.JsonFormatter"}
    LOGGING["handlers"]["console"]["formatter"] = "json"

# The API (/api/v2/) writes decimal fields (funding amounts, coordinates) as JSON numbers.
REST_FRAMEWORK = {"COERCE_DECIMAL_TO_STRING": False}

# The network's personal data (advice requests, reporters, message log) is deleted this many
# days after closing / publication by `manage.py purge_network_data` (run daily).
NETWORK_RETENTION_DAYS = int(env("NETWORK_RETENTION_DAYS", "180"))

# Reviewing (home/review.py): approving a case whose completeness (share of the recommended
# fields filled in, in percent) is below this asks the reviewer for an explicit confirmation.
APPROVAL_MIN_COMPLETENESS = int(env("APPROVAL_MIN_COMPLETENESS", "50"))
