"""Browser tests of the site frame (#2): language switch, skip link, header search, axe and
valid HTML on the 404 page, form errors and the accessibility statement."""

import pytest

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e

# Pages whose language switch is followed both ways. Axe and the Nu checker on every page
# type, at every width, are in test_design.py.
PAGES = [
    ("/de/", "/en/"),
    ("/de/ueber-das-netzwerk/", "/en/about-the-network/"),
    ("/de/aktuelles/", "/en/news/"),
    ("/de/aktuelles/zweites-netzwerktreffen/", "/en/news/second-network-meeting/"),
]


def test_root_redirects_to_german(page):
    page.goto("/")
    assert page.url.endswith("/de/")
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.parametrize("de_path,en_path", PAGES)
def test_language_switch_keeps_the_same_page(page, e2e_server, de_path, en_path):
    page.goto(de_path)
    with page.expect_navigation():
        page.locator("nav.lang-switch").get_by_role("link", name="English").click()
    assert page.url == e2e_server.url + en_path
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.locator("nav.lang-switch").get_by_role("link", name="Deutsch").click()
    assert page.url == e2e_server.url + de_path
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.parametrize("path", ["/de/", "/en/news/"])
def test_skip_link_is_first_and_moves_focus_to_main(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({cls: document.activeElement.className, text: document.activeElement.textContent})"
    )
    assert focused["cls"] == "skip-link"
    # The skip link is visible while focused (WCAG 2.4.7), not only present for screen readers.
    assert page.locator("a.skip-link").is_visible()
    box = page.locator("a.skip-link").bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1 and box["y"] >= 0
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    # The next Tab continues inside the main content, not in the header.
    page.keyboard.press("Tab")
    inside_main = page.evaluate(
        "() => document.getElementById('main').contains(document.activeElement)"
    )
    assert inside_main


def test_search_form_works_from_the_header(page):
    page.goto("/de/")
    page.locator("form[role=search]").first.get_by_role("combobox", name="Suche").fill("Netzwerk")
    with page.expect_navigation():
        page.locator("form[role=search]").first.locator("button[type=submit]").click()
    assert "/de/suche/?q=Netzwerk" in page.url
    assert page.locator("main").get_by_role("link").count() > 0


def test_not_found_and_form_errors_are_accessible(page):
    response = page.goto("/de/gibt-es-nicht/")
    assert response.status == 404
    assert_accessible(page)
    page.goto("/de/barrierefreiheit/barriere-melden/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator(".error").count() > 0
    assert_accessible(page)


def test_not_found_pages_are_valid_html(page):
    # Every page type's HTML (and axe at two widths) is checked in test_design.py; the
    # accessibility statement in the test below.
    documents = {}
    response = page.context.request.get("/de/gibt-es-nicht/")
    documents["404 de"] = response.text()
    response = page.context.request.get("/en/does-not-exist/")
    documents["404 en"] = response.text()
    assert_valid_html(documents)


@pytest.mark.parametrize(
    "path,where,thanks",
    [
        ("/de/barrierefreiheit/", "Wo ist die Barriere?", "Vielen Dank."),
        ("/en/accessibility/", "Where is the barrier?", "Thank you."),
    ],
)
def test_statement_embeds_the_barrier_form_accessible_and_valid(page, path, where, thanks):
    page.goto(path)
    form = page.locator("main section.barrier-report form")
    assert form.get_by_label(where).is_visible()
    assert_accessible(page)
    assert_valid_html({path: served_html(page, path)})
    form.get_by_label(where).fill("Startseite")
    form.locator("textarea").fill("Kontrast der Suchschaltfläche zu gering.")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert thanks in page.locator("main").inner_text()
    assert_accessible(page)
