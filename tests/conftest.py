"""Shared fixtures. The test database is a copy of the run's demo database (tests/demo_db.py),
so every test sees the real German/English site; tests roll back their own changes."""

import os

import pytest
from django.utils import translation

from tests.demo_db import DemoTemplate, database_url, shared_dir
from tests.tooling import fold_skip_location

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    fold_skip_location(outcome.get_result())  # one summary line for missing browser tools


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, worker_id):
    """The run's migrated database with the demo content (tests/demo_db.py)."""
    return DemoTemplate(shared_dir(tmp_path_factory, worker_id), database_url())


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, demo_template, worker_id
):
    """The test database is this worker's copy of the demo template, prepared before
    pytest-django sets it up (it keeps it: `django_db_keepdb`)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    test = db.setdefault("TEST", {})
    if demo_template.postgres:
        target = test.get("NAME") or f"test_{db['NAME']}"  # with the worker's suffix
    else:
        target = str(demo_template.directory / f"test_{worker_id}.sqlite3")
    test["NAME"] = target
    demo_template.copy_to(target, settings.MEDIA_ROOT)


@pytest.fixture(scope="session")
def django_db_keepdb():
    return True  # a fresh copy per run: migrate only points the Site at the test host


@pytest.fixture(scope="session")
def django_db_createdb():
    return False


@pytest.fixture(autouse=True)
def _postgres_only(request):
    """`@pytest.mark.postgres(reason=...)`: the test needs PostgreSQL; skipped elsewhere."""
    marker = request.node.get_closest_marker("postgres")
    if marker is None:
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        reason = marker.kwargs.get("reason") or "needs PostgreSQL"
        pytest.skip(f"{reason} (run with DATABASE_URL=postgres://...)")


@pytest.fixture(autouse=True)
def reset_language():
    translation.activate("de")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def site(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_de(site):
    return site.root_page.specific


@pytest.fixture
def home_en(home_de):
    from wagtail.models import Locale

    return home_de.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def is_postgres():
    from django.db import connection

    return connection.vendor == "postgresql"
