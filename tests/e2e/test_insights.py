"""Browser tests of the map, "Beteiligung in Zahlen" and the survey results: axe and valid
HTML in both languages, and the map used with the keyboard only."""

import pytest

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e

# Besides the page types test_design.py walks (axe at two widths and the Nu checker there).
PAGES = [
    "/de/verfahren/?level=consult",
    "/de/beteiligung-in-zahlen/",
    "/en/participation-in-numbers/",
    "/de/beteiligung-in-zahlen/?level=co-create",
    "/de/umfrage-ergebnisse/",
    "/en/survey-results/",
]


@pytest.mark.parametrize("path", PAGES)
def test_insight_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_insight_pages_are_valid_html(page):
    page.goto("/de/")
    assert_valid_html({path: served_html(page, path) for path in PAGES})


def test_map_districts_are_reached_and_followed_by_keyboard(page):
    page.goto("/de/verfahren/")
    districts = page.locator("a.district")
    assert districts.count() == 13
    first = districts.first
    label = first.get_attribute("aria-label")
    count = int(label.rsplit(": ", 1)[1].split()[0])
    first.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    # The focused district is visibly outlined (thicker stroke than its neighbours).
    width = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"
    )
    assert float(width.rstrip("px")) >= 3
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") != label
    page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "region=" in page.url
    heading = page.locator("#results-heading").inner_text()
    assert heading.startswith(f"{count} ")


def test_map_table_alternative_opens_by_keyboard(page):
    page.goto("/en/cases/")
    summary = page.get_by_text("Show the map as a table")
    summary.focus()
    page.keyboard.press("Enter")
    table = page.get_by_role("table", name="Cases by district")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 13
