"""The demo database of a test run, built once and copied wherever a test needs it.

Every pytest worker and every browser-test server (tests/e2e/conftest.py) wants the same
thing: a migrated database with the demo content. `migrate` + `load_demo_content` cost about
70 s of CPU each, and a run with two workers needed four of them. So the first process that
asks builds a template (under a file lock shared by the workers of this run), the media files
the demo uploaded beside it, and everyone else gets a copy: a file copy on SQLite, `CREATE
DATABASE … TEMPLATE` on PostgreSQL. A copy is then `migrate`d once more, which applies nothing
and points the Wagtail Site at the copy's SITE_URL (home/site_url.py, after every migrate).

The template lives only as long as the run: the SQLite file in the run's temporary directory,
the PostgreSQL database `<test database>_demo` dropped and rebuilt by the next run.
"""

import atexit
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.tooling import ROOT


def shared_dir(tmp_path_factory, worker_id):
    """The temporary directory all workers of this run share."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@contextmanager
def _locked(directory):
    with open(directory / "demo-db.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def manage(env, *args, input=None, timeout=900):
    """`manage.py <args>` in a subprocess with `env`; raises with its output when it fails.

    `manage(env, "shell", "-c", code)` runs `code` in a `manage.py shell` kept running for
    `env` (see `_Shell`): starting Django costs ~4 s of CPU, and the browser tests ask the
    server's database dozens of questions."""
    if args[:2] == ("shell", "-c") and len(args) == 3 and input is None:
        return _Shell.for_env(env).run(args[2], timeout)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


# Runs inside `manage.py shell -c`, so its globals are the shell's (models imported). Each
# snippet starts as a fresh `manage.py shell -c` would: new namespace, default language, no
# process-local cache entries, no stale connection. Replies are marked lines on stdout.
_SHELL_LOOP = r"""
import contextlib, io, json, sys, traceback
from django import db
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation
_channel, _namespace = sys.stdout, dict(globals())
for _line in sys.stdin:
    db.close_old_connections()
    translation.deactivate()
    ContentType.objects.clear_cache()
    for _cache in caches.all(initialized_only=True):
        if isinstance(_cache, LocMemCache):
            _cache.clear()
    _out = io.StringIO()
    try:
        with contextlib.redirect_stdout(_out):
            exec(json.loads(_line), dict(_namespace))
        _reply = {"ok": True, "stdout": _out.getvalue()}
    except BaseException:
        _reply = {"ok": False, "stdout": _out.getvalue(), "error": traceback.format_exc()}
    _channel.write("@@reply " + json.dumps(_reply) + "\n")
    _channel.flush()
"""


class _Shell:
    """One long-running `manage.py shell` per environment, fed code line by line."""

    _running = {}

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", _SHELL_LOOP],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    @classmethod
    def for_env(cls, env):
        key = tuple(sorted(env.items()))
        shell = cls._running.get(key)
        if shell is None or shell.process.poll() is not None:
            shell = cls._running[key] = cls(env)
        return shell

    @classmethod
    def stop(cls, env):
        """End the shell of `env` (before its database is dropped)."""
        shell = cls._running.pop(tuple(sorted(env.items())), None)
        if shell is not None:
            shell.process.stdin.close()
            try:
                shell.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                shell.process.kill()
                shell.process.wait()

    def run(self, code, timeout):
        args = ["manage.py", "shell", "-c", code]
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"manage.py shell ended before answering:\n{code}")
            if line.startswith("@@reply "):
                reply = json.loads(line[len("@@reply ") :])
                if not reply["ok"]:
                    raise RuntimeError(
                        f"manage.py shell -c failed:\n{code}\n{reply['stdout'][-3000:]}\n"
                        f"{reply['error'][-3000:]}"
                    )
                return subprocess.CompletedProcess(args, 0, reply["stdout"], "")
        raise subprocess.TimeoutExpired(args, timeout)


def stop_shell(env):
    """End the running shell of `env`, if any (before its database is dropped)."""
    _Shell.stop(env)


atexit.register(lambda: [_Shell.stop(dict(key)) for key in list(_Shell._running)])


def admin_connection(url):
    import dj_database_url
    import psycopg

    p = dj_database_url.parse(url)
    return psycopg.connect(
        host=p.get("HOST") or None,
        port=p.get("PORT") or None,
        user=p.get("USER") or None,
        password=p.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def _with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


class DemoTemplate:
    """The run's template: `copy_to(...)` gives a consumer its own database and media."""

    def __init__(self, directory, database_url):
        self.directory = Path(directory)
        self.database_url = database_url
        self.media = self.directory / "demo-media"
        self.postgres = database_url.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            base = urlsplit(database_url).path.strip("/")
            self.name = f"test_{base}_demo"
        else:
            self.name = str(self.directory / "demo.sqlite3")

    def _build(self):
        env = dict(os.environ)
        env.pop("REDIS_URL", None)  # the builder must not fill a shared cache
        env.pop("PYTEST_XDIST_WORKER", None)
        env.update(
            DJANGO_SETTINGS_MODULE="netzwerk.settings.test",
            MEDIA_ROOT=str(self.media),
            PYTHONUNBUFFERED="1",
        )
        if self.postgres:
            with admin_connection(self.database_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{self.name}"')
            env["DATABASE_URL"] = _with_database(self.database_url, self.name)
        else:
            env["DATABASE_URL"] = f"sqlite:///{self.name}"
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content")

    def ensure(self):
        """Build the template unless another worker of this run already did."""
        built = self.directory / "demo-db.built"
        with _locked(self.directory):
            if not built.exists():
                self._build()
                built.write_text(self.name)

    def copy_to(self, target, media_root):
        """`target`: a SQLite file path or a PostgreSQL database name (replaced if present)."""
        self.ensure()
        with _locked(self.directory):  # PostgreSQL copies one database from a template at a time
            if self.postgres:
                with admin_connection(self.database_url) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
                    conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{self.name}"')
            else:
                shutil.copyfile(self.name, target)
        if self.media.exists():
            shutil.copytree(self.media, media_root, dirs_exist_ok=True)


def database_url():
    """What the settings read: DATABASE_URL, SQLite when unset."""
    return os.environ.get("DATABASE_URL", "").strip() or "sqlite://"
