"""The look of every page type, as readers get it (#12): each page type at 390, 768 and 1366 px
in both languages (`make screenshots` keeps full-page screenshots of them in
test-results/screenshots/ for people to look at), and at each width: no horizontal scroll, a mobile header of at most 120 px, fact
boxes whose labels and values never overlap; axe and the Nu HTML checker on each page; the
menu button opens and closes by keyboard, with and without JavaScript."""

import pytest

from tests.e2e.helpers import assert_accessible, assert_valid_html, served_html

pytestmark = pytest.mark.e2e

import os  # noqa: E402

from tests.e2e.conftest import RESULTS_DIR  # noqa: E402

# Full-page screenshots are for people to look at (`make screenshots`); the checks below do
# not need them, and taking 114 of them is a good part of this file's time.
SHOTS = RESULTS_DIR / "screenshots" if os.environ.get("SCREENSHOTS") == "1" else None
WIDTHS = [390, 768, 1366]
PAGE_TYPES = [
    ("home", "/de/", "/en/"),
    ("standard", "/de/ueber-das-netzwerk/", "/en/about-the-network/"),
    ("imprint", "/de/impressum/", "/en/imprint/"),
    ("easy-language", "/de/leichte-sprache/", "/en/easy-language/"),
    ("sign-language", "/de/gebaerdensprache/", "/en/sign-language/"),
    (
        "barrier-form",
        "/de/barrierefreiheit/barriere-melden/",
        "/en/accessibility/report-a-barrier/",
    ),
    ("news-index", "/de/aktuelles/", "/en/news/"),
    ("news", "/de/aktuelles/erstes-netzwerktreffen/", "/en/news/first-network-meeting/"),
    ("case-index", "/de/verfahren/", "/en/cases/"),
    (
        "case",
        "/de/verfahren/buergerrat-innenstadt-pirna/",
        "/en/cases/citizens-assembly-pirna-centre/",
    ),
    (
        "method-index",
        "/de/methoden/?purpose=decide&people=40",
        "/en/methods/?purpose=decide&people=40",
    ),
    ("method", "/de/methoden/planungszelle/", "/en/methods/planning-cell/"),
    ("funding-index", "/de/foerderung/", "/en/funding/"),
    ("funding", "/de/foerderung/frl-buergerbeteiligung/", "/en/funding/frl-citizen-participation/"),
    ("event-index", "/de/veranstaltungen/", "/en/events/"),
    (
        "event",
        "/de/veranstaltungen/praxiswerkstatt-buergerrat/",
        "/en/events/practice-workshop-citizens-assembly/",
    ),
    (
        "event-past",
        "/de/veranstaltungen/erstes-netzwerktreffen-2022/",
        "/en/events/first-network-meeting-2022/",
    ),
    ("survey", "/de/umfrage/", "/en/survey/"),
    ("search", "/de/suche/?q=Beteiligung", "/en/search/?q=participation"),
]
PAGES = [
    (f"{lang}-{label}", path)
    for label, de, en in PAGE_TYPES
    for lang, path in (("de", de), ("en", en))
]

OVERLAPS = """() => {
    const boxes = [...document.querySelectorAll("dl.facts > dt, dl.facts > dd")]
        .filter(e => e.offsetParent !== null)
        .map(e => ({text: e.textContent.trim().slice(0, 40), r: e.getBoundingClientRect()}));
    const hits = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r, b = boxes[j].r;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            hits.push(boxes[i].text + " / " + boxes[j].text);
    }
    // Content wider than its own box spills over its neighbour even when boxes do not touch.
    for (const e of document.querySelectorAll("dl.facts > dt, dl.facts > dd"))
        if (e.scrollWidth > e.clientWidth + 1) hits.push("overflows: " + e.textContent.trim().slice(0, 40));
    return hits;
}"""


@pytest.mark.parametrize("name,path", PAGES, ids=[name for name, _ in PAGES])
def test_page_type_at_every_width(new_page, name, path):
    # Loaded once and resized: the layout is CSS only (no script reads the width), so a
    # resized page is laid out as one loaded at that width.
    page = new_page(viewport={"width": WIDTHS[0], "height": 844})
    response = page.goto(path)
    assert response.ok, f"{path} answered {response.status}"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844 if width < 800 else 900})
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        scroll = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        assert scroll[0] <= scroll[1], f"{path} scrolls sideways at {width} px: {scroll}"
        if width < 800:
            header = page.locator(".site-header").bounding_box()["height"]
            assert header <= 120, f"header is {header} px high at {width} px"
        assert page.evaluate(OVERLAPS) == [], f"fact box overlaps on {path} at {width} px"
        footer = page.locator(".site-footer").bounding_box()
        body = page.evaluate("() => document.documentElement.scrollHeight")
        assert abs(footer["y"] + footer["height"] - body) < 2, "footer sits at the bottom"
    assert_accessible(page)
    page.set_viewport_size({"width": WIDTHS[0], "height": 844})
    assert_accessible(page)


def test_pages_are_valid_html(page):
    assert_valid_html({path: served_html(page, path) for _, path in PAGES})


@pytest.mark.parametrize(
    "path", ["/de/verfahren/buergerrat-innenstadt-pirna/", "/en/methods/planning-cell/"]
)
def test_fact_boxes_never_overlap_from_320_to_1920(new_page, path):
    page = new_page(viewport={"width": 320, "height": 800})
    page.goto(path)
    for width in range(320, 1921, 40):
        page.set_viewport_size({"width": width, "height": 800})
        assert page.evaluate(OVERLAPS) == [], f"overlap at {width} px"
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), width


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_menu_button_opens_and_closes_by_keyboard(new_page, javascript):
    page = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=javascript)
    page.goto("/de/verfahren/")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    assert not nav.is_visible(), "the menu starts closed on phones"
    button = page.locator("summary.menu-button")
    assert button.bounding_box()["height"] >= 44, "touch target"
    button.focus()
    page.keyboard.press("Enter")
    assert nav.is_visible()
    assert page.locator("details.menu").get_attribute("open") is not None
    nav.get_by_role("link", name="Methoden").focus()  # reachable by keyboard when open
    button.focus()
    page.keyboard.press("Space")
    assert not nav.is_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= 120


def test_desktop_shows_the_menu_without_a_button(new_page):
    page = new_page(viewport={"width": 1366, "height": 900})
    page.goto("/de/")
    assert page.get_by_role("navigation", name="Hauptnavigation").is_visible()
    assert not page.locator("summary.menu-button").is_visible()


def test_filters_collapse_on_phones_and_count_active_filters(new_page):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto("/de/verfahren/?status=completed&mode=on-site")
    summary = page.locator("details.filters > summary")
    assert summary.is_visible() and "2 aktiv" in summary.inner_text()
    assert not page.get_by_label("Region").is_visible()
    summary.click()
    assert page.get_by_label("Region").is_visible()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/de/verfahren/")
    assert page.get_by_label("Region").is_visible() and not summary.is_visible()


def test_breadcrumbs_below_home_with_jsonld(page):
    import json

    page.goto("/de/verfahren/buergerrat-innenstadt-pirna/")
    crumbs = page.get_by_role("navigation", name="Sie sind hier")
    assert crumbs.get_by_role("link").all_inner_texts()[:2] == [
        "Startseite",
        "Beteiligungsverfahren",
    ]
    data = json.loads(page.locator('script[type="application/ld+json"]').first.text_content())
    assert data["@type"] == "BreadcrumbList"
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3]
    page.goto("/de/")
    assert page.get_by_role("navigation", name="Sie sind hier").count() == 0


def test_failed_submit_moves_focus_to_the_error_summary(page):
    page.goto("/de/barrierefreiheit/barriere-melden/")
    note = page.locator(".required-note")
    assert note.bounding_box()["y"] < page.locator("form .field").first.bounding_box()["y"]
    with page.expect_navigation():
        page.get_by_role("button", name="Meldung senden").click()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.id === 'error-summary'"
    )
    links = page.locator("#error-summary a")
    assert links.count() >= 1
    target = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_function(f"() => location.hash === '{target}'")
    assert page.locator(target).is_visible()
    assert_accessible(page)
