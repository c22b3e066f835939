"""Browser-test infrastructure: a real server with demo content, Debian's Chromium, axe-core.

HOW TO WRITE A BROWSER TEST (for every engineer)
------------------------------------------------
Put it in ``tests/e2e/test_<you>.py``::

    import pytest
    from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

    pytestmark = pytest.mark.e2e          # every test in tests/e2e/ is also auto-marked


    def test_event_page(page, e2e_server):
        page.goto("/de/veranstaltungen/")   # relative URLs resolve against the live server
        page.get_by_role("link", name="Anmelden").click()
        assert_accessible(page)              # axe-core: fails on serious/critical violations
        assert_valid_html(served_html(page))  # Nu Html Checker on the server's HTML (not the DOM)

Fixtures (all in this file):

``e2e_server`` (session)  the running site. Attributes: ``url`` ("http://127.0.0.1:<port>"),
    ``env`` (environment dict for subprocesses on the same DB), ``mail_dir`` (Path),
    ``log_path`` (server log), and ``manage(*args, input=None)`` -> CompletedProcess, which runs
    ``manage.py <args>`` against the server's database, e.g.
    ``e2e_server.manage("shell", "-c", "from django.contrib.auth.models import User; ...")``.
    The server runs ``netzwerk.settings.test`` with its OWN database, a copy of the run's demo
    database (tests/demo_db.py): a PostgreSQL database ``nw_e2e_<pid>`` when DATABASE_URL is
    PostgreSQL, dropped afterwards; otherwise a temporary SQLite file. The database is shared by all e2e
    tests of one pytest worker and is NOT reset between tests: create uniquely named data.
``e2e_env`` (session)  same as ``e2e_server.env``.
``e2e_mail_dir`` (session)  directory where the server's file-based email backend writes
    mails; ``read_mails(e2e_mail_dir)`` (helpers) returns them as ``email.message.Message``.
``browser`` (session)  Playwright Chromium from /usr/bin/chromium (never a downloaded browser).
    Missing Chromium or npm test tools: skipped with one reason naming what to install
    (tests/tooling.py); with REQUIRE_BROWSER=1 they fail.
``page`` (function)  a fresh browser context + page per test (no shared cookies), with
    ``base_url`` set to the server, so ``page.goto("/de/")`` works. On failure a screenshot and
    the HTML land in ``test-results/``; with E2E_TRACE=1 also a Playwright trace.
``new_page`` (function)  factory for further isolated pages (e.g. editor + anonymous user):
    ``other = new_page()``.

Helpers (``tests/e2e/helpers.py``): ``assert_accessible(page, exclude=())``,
``assert_valid_html(doc_or_docs)`` (a string, a list of strings or a dict name -> html; validate
many documents in ONE call, the JVM start costs ~1-2 s; also usable in integration tests on
``response.text``), ``served_html(page, url=None)`` (raw server HTML with the page's cookies),
``create_user(e2e_env, "name", "password", groups=["Ministry editors"], superuser=False)``,
``login(page, username, password, next_url="/admin/")`` (Wagtail admin login form),
``read_mails(e2e_mail_dir)`` / ``mail_body(message)``, ``manage(e2e_env, *args)``.
Run only browser tests: ``.venv/bin/python -m pytest tests/e2e -m e2e``; skip them: ``-m "not e2e"``.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.demo_db import admin_connection, manage, stop_shell
from tests.tooling import CHROMIUM, ROOT, require

RESULTS_DIR = ROOT / "test-results"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.e2e)
            # With `pytest -n 2 --dist loadgroup` the tests of one file stay on one worker
            # (they share its server's data); the files spread over both workers, each
            # starting its own server once: the browser tests are half the suite's time.
            item.add_marker(pytest.mark.xdist_group(f"e2e-{Path(str(item.fspath)).stem}"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Remember the outcome on the item so the `page` fixture knows whether to keep artefacts.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Postgres:
    """A throw-away database next to the one DATABASE_URL names."""

    def __init__(self, url):
        self.admin_url = url
        self.name = f"nw_e2e_{os.getpid()}"
        self.url = urlunsplit(urlsplit(url)._replace(path=f"/{self.name}"))

    def drop(self):
        with admin_connection(self.admin_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class E2EServer:
    def __init__(self, url, env, mail_dir, log_path):
        self.url = url
        self.env = env
        self.mail_dir = mail_dir
        self.log_path = log_path

    def manage(self, *args, input=None, timeout=120):
        """Run a management command against the server's database; raises on failure."""
        return manage(self.env, *args, input=input, timeout=timeout)


def _wait_until_up(url, process, log_path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/healthz/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    log = Path(log_path).read_text(errors="replace")[-4000:]
    raise RuntimeError(f"The e2e server did not come up at {url}. Log:\n{log}")


@pytest.fixture(scope="session")
def e2e_server(tmp_path_factory, demo_template):
    workdir = tmp_path_factory.mktemp("e2e")
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    media_dir = workdir / "media"
    media_dir.mkdir()

    env = dict(os.environ)
    env.pop("REDIS_URL", None)  # own in-process cache: workers must not share cache keys
    postgres = None
    if demo_template.postgres:
        postgres = _Postgres(demo_template.database_url)
        demo_template.copy_to(postgres.name, media_dir)
        env["DATABASE_URL"] = postgres.url
    else:
        demo_template.copy_to(workdir / "e2e.sqlite3", media_dir)
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'e2e.sqlite3'}"

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "netzwerk.settings.test",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "MEDIA_ROOT": str(media_dir),
            "SITE_URL": url,  # every absolute link (mails, feeds, API) points at this server
            "WAGTAILADMIN_BASE_URL": url,
            "PYTHONUNBUFFERED": "1",
        }
    )
    process = None
    log_path = workdir / "server.log"
    try:
        # Applies nothing; the Site follows SITE_URL. In the shell the tests ask questions
        # through later (tests/demo_db.py), so Django starts once for both.
        manage(
            env,
            "shell",
            "-c",
            "from django.core.management import call_command; "
            "call_command('migrate', interactive=False, verbosity=0)",
        )
        with open(log_path, "w") as log:
            process = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        _wait_until_up(url, process, log_path)
        yield E2EServer(url, env, mail_dir, log_path)
    finally:
        stop_shell(env)
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if postgres is not None:
            postgres.drop()


@pytest.fixture(scope="session")
def e2e_env(e2e_server):
    return e2e_server.env


@pytest.fixture(scope="session")
def e2e_mail_dir(e2e_server):
    return e2e_server.mail_dir


@pytest.fixture(scope="session")
def browser():
    require("chromium", "npm")  # nearly every browser test runs axe-core
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


def _artefact_name(request):
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)[-150:]


@pytest.fixture
def new_page(browser, e2e_server, request):
    """Factory for isolated pages (own context: own cookies); all are closed after the test."""
    contexts = []
    trace = os.environ.get("E2E_TRACE") == "1"

    def make(**context_options):
        # bypass_csp: the site's Content-Security-Policy forbids injected scripts, which is
        # how axe-core gets into the page. Tests of the CSP itself can pass bypass_csp=False.
        options = {
            "base_url": e2e_server.url,
            "locale": "de-DE",
            "bypass_csp": True,
            **context_options,
        }
        context = browser.new_context(**options)
        # 20 s: on two loaded cores (CI runs two suites side by side) an admin publish can take
        # longer than 10 s to answer.
        context.set_default_timeout(20_000)
        if trace:
            context.tracing.start(screenshots=True, snapshots=True)
        contexts.append(context)
        return context.new_page()

    yield make

    report = getattr(request.node, "rep_call", None)
    failed = report is not None and report.failed
    for index, context in enumerate(contexts):
        name = f"{_artefact_name(request)}-{index}"
        if failed:
            RESULTS_DIR.mkdir(exist_ok=True)
            for pg in context.pages:
                try:
                    pg.screenshot(path=str(RESULTS_DIR / f"{name}.png"), full_page=True)
                    (RESULTS_DIR / f"{name}.html").write_text(pg.content())
                except Exception:  # a crashed page must not hide the real failure
                    pass
        if trace:
            context.tracing.stop(path=str(RESULTS_DIR / f"{name}.zip") if failed else None)
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def pytest_sessionfinish(session, exitstatus):
    # Keep test-results/ only when something was written into it.
    if RESULTS_DIR.exists() and not any(RESULTS_DIR.iterdir()):
        shutil.rmtree(RESULTS_DIR, ignore_errors=True)
