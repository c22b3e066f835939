"""Real server processes for tests that need them: gunicorn with the production configuration
(netzwerk/gunicorn.conf.py) and nginx in front of it (deploy/nginx/, rendered by
scripts/nginx_conf.py as `make serve` does). Nothing is mocked; each helper is a context
manager that stops its process again."""

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.demo_db import admin_connection
from tests.outbox_support import free_port
from tests.tooling import ROOT

GUNICORN_CONF = ROOT / "netzwerk" / "gunicorn.conf.py"


def server_env(**extra):
    """The environment without this test process's database, cache and settings choices."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("DJANGO_", "DATABASE_", "SECRET_KEY", "ALLOWED_HOSTS", "REDIS_", "SITE_URL", "PYTEST")
        )
    }
    env.update(DJANGO_SETTINGS_MODULE="netzwerk.settings.test", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


def get(url, timeout=5, headers=None):
    """(status, headers, body) of a GET; HTTP errors are answers too."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def _wait_until_up(url, process, log_path, timeout=90):
    deadline = time.monotonic() + timeout  # gunicorn boots in ~2 s, far slower under load
    while True:
        try:
            get(f"{url}/robots.txt", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline or process.poll() is not None:
                log = Path(log_path).read_text(errors="replace")[-4000:]
                raise RuntimeError(f"{url} did not come up. Log:\n{log}") from None
            time.sleep(0.2)


def _stop(process):
    os.killpg(process.pid, signal.SIGINT)  # quick shutdown for gunicorn and nginx alike
    try:
        process.wait(timeout=1)
    except subprocess.TimeoutExpired:  # gunicorn's master lingers; a booting worker ignores INT
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def _running(command, env, log_path, url):
    with open(log_path, "w") as log:
        # A session of its own: stopping it stops every worker too.
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_up(url, process, log_path)
        yield process
    finally:
        _stop(process)


@contextmanager
def gunicorn(env, log_path, workers=2, port=None):
    """gunicorn with netzwerk/gunicorn.conf.py (sync workers) on `port` (default: a free one);
    yields its URL."""
    address = f"127.0.0.1:{port or free_port()}"
    env = {**env, "GUNICORN_BIND": address, "WEB_CONCURRENCY": str(workers)}
    command = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "netzwerk.wsgi"]
    url = f"http://{address}"
    with _running(command, env, log_path, url):
        yield url


def nginx_binary():
    """Debian's nginx (package nginx-light or nginx); /usr/sbin is not on every user's PATH."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if os.access(found, os.X_OK) else None


def require_nginx():
    """Skip unless nginx is installed; CI (CI or REQUIRE_BROWSER=1) fails instead."""
    if nginx_binary():
        return
    reason = "nginx is not installed (apt-get install nginx-light)"
    if os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
        pytest.fail(f"CI needs {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def nginx(upstream_url, directory, static_root):
    """nginx from deploy/nginx/ in front of `upstream_url`, unprivileged, in `directory`
    (pid, temp files; its log is directory/nginx.log); yields its URL."""
    directory = Path(directory)
    listen = f"127.0.0.1:{free_port()}"
    upstream = upstream_url.removeprefix("http://")
    subprocess.run(
        [sys.executable, "scripts/nginx_conf.py", str(directory), "--listen", listen]
        + ["--upstream", upstream, "--static-root", str(static_root)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    command = [nginx_binary(), "-p", str(directory), "-c", str(directory / "nginx.conf")]
    url = f"http://{listen}"
    with _running(command, dict(os.environ), directory / "nginx.log", url):
        yield url


# The gunicorn access log shows what reached the app (tests/integration/test_slow_clients.py).
ACCESS_FORMAT = "%(r)s xff=%({x-forwarded-for}i)s proto=%({x-forwarded-proto}i)s"


class Site:
    def __init__(self, url, mail_dir, access_log, database_url):
        self.url = url
        self.mail_dir = mail_dir
        self.access_log = access_log
        self.database_url = database_url  # None on SQLite
        self.workers = SITE_WORKERS

    def database(self):
        """An autocommit connection to the site's PostgreSQL database."""
        return psycopg.connect(self.database_url, autocommit=True)


SITE_WORKERS = 3


@pytest.fixture(scope="session")
def gunicorn_site(tmp_path_factory, demo_template):
    """The demo site served like production: gunicorn with netzwerk/gunicorn.conf.py
    (SITE_WORKERS sync workers) on a copy of the run's demo database (a PostgreSQL database
    of its own, dropped afterwards, or an SQLite file), one page cache shared by the workers,
    mails as files in `mail_dir`. Tests using it share it: mark them
    `pytest.mark.xdist_group("gunicorn_site")` so one pytest worker starts it once."""
    tmp = tmp_path_factory.mktemp("site")
    mail_dir, media = tmp / "mail", tmp / "media"
    mail_dir.mkdir()
    port = free_port()
    if demo_template.postgres:
        name = f"nw_site_{os.getpid()}"
        demo_template.copy_to(name, media)
        database_url = urlunsplit(urlsplit(demo_template.database_url)._replace(path=f"/{name}"))
    else:
        demo_template.copy_to(tmp / "site.sqlite3", media)
        database_url = None
    env = server_env(
        DJANGO_SETTINGS_MODULE="tests.server_settings",
        DATABASE_URL=database_url or f"sqlite:///{tmp / 'site.sqlite3'}",
        SERVER_CACHE_DIR=str(tmp / "cache"),
        EMAIL_FILE_PATH=str(mail_dir),
        MEDIA_ROOT=str(media),
        SITE_URL=f"http://127.0.0.1:{port}",
        GUNICORN_ACCESSLOG=str(tmp / "access.log"),
        GUNICORN_CMD_ARGS=f"--access-logformat '{ACCESS_FORMAT}'",
    )
    try:
        with gunicorn(env, tmp / "gunicorn.log", workers=SITE_WORKERS, port=port) as url:
            yield Site(url, mail_dir, tmp / "access.log", database_url)
    finally:
        if database_url:
            with admin_connection(database_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
