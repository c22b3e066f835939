"""Browser tests of the knowledge base (#3): axe and valid HTML on every page type in both
languages, and the filter form and method finder used like a visitor would."""

import pytest

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e

# Besides the page types test_design.py walks (axe at two widths and the Nu checker there).
PAGES = [
    "/de/verfahren/?region=stadt-dresden&year=abc",
    "/de/verfahren/codebuch/",
    "/en/cases/codebook/",
    "/de/methoden/",
    "/en/methods/",
    "/de/methoden/?purpose=ideas&purpose=plan&people=25&format=on-site&level=co-create&budget=medium",
    "/en/methods/?format=online&level=co-create&people=20&budget=low",
    "/de/methoden/buergerrat/",
    "/en/methods/world-cafe/",
    "/en/funding/cosmopolitan-saxony/",
    "/de/beteiligungsstufen/",
    "/en/participation-levels/",
]


@pytest.mark.parametrize("path", PAGES)
def test_knowledge_base_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_knowledge_base_pages_are_valid_html(page):
    page.goto("/de/")
    assert_valid_html({path: served_html(page, path) for path in PAGES})


def test_filter_form_and_removing_a_filter(page):
    page.goto("/de/verfahren/")
    page.get_by_label("Region").select_option("stadt-leipzig")
    with page.expect_navigation():
        page.get_by_role("button", name="Verfahren anzeigen").click()
    assert "region=stadt-leipzig" in page.url
    assert page.locator("#results-heading").inner_text() == "1 Verfahren"
    with page.expect_navigation():
        page.get_by_role(
            "link", name="Filter entfernen: Region: Leipzig (Kreisfreie Stadt)"
        ).click()
    assert "region=" not in page.url
    assert page.locator("#results-heading").inner_text().endswith("Verfahren")


def test_method_finder_by_keyboard_and_mouse(page):
    page.goto("/en/methods/")
    page.get_by_label("Gather opinions").check()
    page.get_by_label("How many people should take part?").fill("10")
    page.get_by_label("What budget is available?").select_option("low")
    with page.expect_navigation():
        page.get_by_role("button", name="Find methods").click()
    results = page.locator("ol.finder-results > li")
    assert results.count() > 0
    assert "Meets 3 of 3 criteria" in results.first.inner_text()
    assert_accessible(page)
