"""Browser tests of the site frame (#2): language switch, skip link, axe, valid HTML."""

import pytest

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e


def test_home_is_served_and_accessible(page):
    page.goto("/")
    assert page.url.endswith("/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page)
    assert_valid_html(served_html(page))
