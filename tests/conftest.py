"""Shared fixtures. The test database gets the demo content once per session, so every
test sees the real German/English site; tests roll back their own changes."""

import os

import pytest
from django.core.management import call_command
from django.utils import translation

from tests.tooling import fold_skip_location

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    fold_skip_location(outcome.get_result())  # one summary line for missing browser tools


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


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
