"""Search in a real browser: keyboard type-ahead (WAI-ARIA combobox) and accessibility."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e


def test_type_ahead_with_the_keyboard(page, e2e_server):
    page.goto("/de/suche/")
    box = page.locator("#search-page-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.click()
    box.press_sequentially("Netzwerktr", delay=30)
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
