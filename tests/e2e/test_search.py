"""Search in a real browser: keyboard type-ahead (WAI-ARIA combobox) and accessibility."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e


def type_and_wait_for_suggestions(page, box, text):
    """Type like a person and wait for the answer to the whole text: under load, earlier
    keystrokes get answers of their own, and the keys pressed next must meet the last one."""
    wanted = "q=" + quote(text)
    with page.expect_response(lambda response: response.url.endswith(wanted)):
        box.press_sequentially(text, delay=30)


def test_type_ahead_with_the_keyboard(page, e2e_server):
    page.goto("/de/suche/")
    box = page.locator("#search-page-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.click()
    type_and_wait_for_suggestions(page, box, "Netzwerktr")
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_contain_text("Netzwerktreffen")
    expect(page.get_by_role("status").filter(has_text="Vorschläge verfügbar")).to_have_count(1)

    box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    target = first.get_attribute("data-url")
    assert target.startswith("/de/")

    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))


def test_escape_closes_the_suggestions_and_enter_submits_the_form(page, e2e_server):
    page.goto("/de/suche/")
    box = page.locator("#search-page-q")
    box.press_sequentially("Netzwerk", delay=30)
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/de/suche/\?q=Netzwerk"))
    expect(page.locator(".search-count")).to_contain_text("für „Netzwerk“")


def test_results_page_is_accessible_and_valid(page, e2e_server):
    page.goto("/de/suche/?q=Netzwerk")
    expect(page.locator(".search-result").first).to_be_visible()
    assert_accessible(page)
    empty = "/en/search/?q=Xylophonwettbewerb"
    documents = {
        "results": served_html(page),
        "filtered": served_html(page, "/de/suche/?q=Netzwerk&type=home.newspage"),
        "empty": served_html(page, empty),
    }
    page.goto(empty)
    assert_accessible(page)
    assert_valid_html(documents)


def test_header_type_ahead_on_every_page_with_the_keyboard(page, e2e_server):
    """The header box is the same combobox on every page: keyboard only, ARIA state checked,
    title plus type label, and opening the popup moves nothing on the page."""
    page.goto("/de/methoden/")
    box = page.locator("#site-search-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    heading = page.locator("main h1").first
    before = heading.bounding_box()

    box.focus()
    type_and_wait_for_suggestions(page, box, "Bürgerr")
    listbox = page.locator("#site-search-q-suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", "site-search-q-suggestions")
    options = listbox.get_by_role("option")
    method = options.filter(has_text="Methode").first
    expect(method).to_contain_text("Bürgerrat")
    assert heading.bounding_box() == before  # the popup overlays the page: no layout shift
    status = page.locator("#site-search-q ~ [role=status]")
    expect(status).to_contain_text("Vorschläge verfügbar")

    box.press("ArrowDown")
    first = options.first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("ArrowUp")  # wraps to the last option
    expect(options.last).to_have_attribute("aria-selected", "true")
    expect(first).to_have_attribute("aria-selected", "false")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))

    box.press("ArrowDown")  # reopens with the same suggestions
    expect(box).to_have_attribute("aria-expanded", "true")
    target = options.first.get_attribute("data-url")
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))


def test_header_search_works_without_the_script(new_page, e2e_server):
    page = new_page(java_script_enabled=False, locale="en-GB")
    page.goto("/en/")
    box = page.locator("#site-search-q")
    expect(box).not_to_have_attribute("role", "combobox")
    box.fill("citizens assembly")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/en/search/\?q=citizens\+assembly"))
    expect(page.locator(".search-result-list")).to_contain_text("Citizens' assembly")
