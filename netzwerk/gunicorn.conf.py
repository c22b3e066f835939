"""gunicorn settings: `gunicorn -c netzwerk/gunicorn.conf.py netzwerk.wsgi`.

Every value can be overridden from the environment (gunicorn also reads GUNICORN_CMD_ARGS).
Sync workers are right for this site: requests are short, CPU-bound template rendering with
one database round trip at a time; scale out with more workers or more app servers.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", "").strip() or f"127.0.0.1:{_int('PORT', 8000)}"
# The usual 2 × cores + 1; WEB_CONCURRENCY is the de-facto standard override.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak can never take a server down.
max_requests = _int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = 500
# Load the app before forking: faster worker start, shared memory pages.
preload_app = True
# Logs to stdout/stderr; Django's LOGGING (LOG_FORMAT=json) formats the application's.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Trust X-Forwarded-* only from the local reverse proxy unless told otherwise.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
