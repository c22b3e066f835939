"""Unit tests build the few objects they need with factories (tests/factories.py) and assert
nothing about the demo content that the shared test database (tests/demo_db.py) holds."""

import pytest


@pytest.fixture
def home_de(db):
    from tests.factories import home_page

    return home_page("de")


@pytest.fixture
def home_en(home_de):
    from tests.factories import translation_of

    return translation_of(home_de, "en")
