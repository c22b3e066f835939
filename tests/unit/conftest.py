"""Unit tests build the few objects they need with factories (tests/factories.py) instead of
loading the whole demo site: that loader is for the integration tests."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The empty test database, without the demo content of tests/conftest.py."""


@pytest.fixture
def home_de(db):
    from tests.factories import home_page

    return home_page("de")


@pytest.fixture
def home_en(home_de):
    from tests.factories import translation_of

    return translation_of(home_de, "en")
