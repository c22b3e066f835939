"""Translation completeness: the German catalogue has no gaps, German pages show no English UI."""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from home.public_forms import start_token

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "de" / "LC_MESSAGES" / "django.po"

pytestmark = pytest.mark.django_db


def test_german_catalogue_has_no_empty_or_fuzzy_entries():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    assert i18n.missing() == []


def test_compiled_catalogue_is_up_to_date():
    """The committed .mo matches the .po (compiled without GNU gettext by scripts/i18n.py)."""
    mo = polib.mofile(str(PO.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    for entry in polib.pofile(str(PO)):
        if entry.obsolete or not entry.translated():
            continue
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{entry.msgid!r} is not in the .mo: run make messages"


def test_i18n_check_command_passes():
    result = subprocess.run(
        [sys.executable, "scripts/i18n.py", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def english_ui_strings():
    """msgids whose German translation differs: seeing one on a German page is a gap."""
    strings = set()
    for entry in polib.pofile(str(PO)):
        if entry.obsolete or entry.msgid_plural or "%(" in entry.msgid or "{" in entry.msgid:
            continue
        if entry.msgstr and entry.msgstr != entry.msgid and len(entry.msgid) > 2:
            strings.add(entry.msgid.strip())
    return strings


class VisibleText(HTMLParser):
    """Text nodes and user-visible attributes, except inside elements marked with another
    language (the language switcher legitimately says "English")."""

    ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "aria-description"}
    # Single English words ("Information", "Evaluation") are often German words too; they only
    # count as untranslated UI inside these elements, never in editorial text.
    CHROME = {
        "header",
        "nav",
        "footer",
        "label",
        "button",
        "legend",
        "th",
        "dt",
        "caption",
        "summary",
        "option",
        "title",
    }
    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }

    def __init__(self):
        super().__init__()
        self.stack = []
        self.texts = []
        self.chrome_texts = []  # text of UI elements (navigation, labels, buttons, ...)
        self.skip = 0

    def _foreign(self):
        return any(lang and not lang.startswith("de") for _, lang in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in self.VOID:
            self.stack.append((tag, a.get("lang")))
        if tag in {"script", "style"}:
            self.skip += 1
        if not self._foreign() and not (a.get("lang") or "de").startswith("en"):
            for name in self.ATTRIBUTES & a.keys():
                self.texts.append(a[name])
                self.chrome_texts.append(a[name])
            if tag == "input" and a.get("type") in {"submit", "button"} and a.get("value"):
                self.chrome_texts.append(a["value"])

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skip = max(0, self.skip - 1)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def _in_chrome(self):
        return any(tag in self.CHROME for tag, _ in self.stack)

    def handle_data(self, data):
        if not self.skip and not self._foreign() and data.strip():
            self.texts.append(data)
            if self._in_chrome():
                self.chrome_texts.append(data)


def english_on(html, strings):
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for texts, single_words_count in ((parser.texts, False), (parser.chrome_texts, True)):
        for text in texts:
            for piece in re.split(r"\s*[·|:–]\s*|\s{2,}", text.strip()):
                piece = piece.strip(" .:()")
                if piece in strings and (single_words_count or " " in piece):
                    found.add(piece)
    return found


FRAME_PAGES = [
    "/de/",
    "/de/ueber-das-netzwerk/",
    "/de/aktuelles/",
    "/de/aktuelles/erstes-netzwerktreffen/",
    "/de/barrierefreiheit/barriere-melden/",
    "/de/suche/?q=Netzwerk",
    "/de/suche/?q=xyzzy-nichts",
    "/de/gibt-es-nicht/",
]


@pytest.mark.parametrize("path", FRAME_PAGES)
def test_german_core_pages_show_no_english_ui_text(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert english_on(response.text, english_ui_strings()) == set()


def test_german_form_errors_are_german(client):
    response = client.post("/de/barrierefreiheit/barriere-melden/", {"form_started": start_token()})
    assert response.status_code == 200
    assert "This field is required" not in response.text
    assert english_on(response.text, english_ui_strings()) == set()


def test_every_german_page_in_the_sitemap_shows_no_english_ui_text(client):
    """Covers the pages of every app: each published German page is rendered once."""
    xml = client.get("/sitemap.xml").text
    paths = sorted(
        {re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)}
    )
    german = [p for p in paths if p.startswith("/de/")]
    assert len(german) >= 10
    strings = english_ui_strings()
    gaps = {}
    for path in german:
        response = client.get(path)
        assert response.status_code == 200, path
        found = english_on(response.text, strings)
        if found:
            gaps[path] = sorted(found)
    assert gaps == {}


def test_the_detector_finds_english_text():
    """Guard against a checker that can never fail."""
    html = (
        '<html lang="de"><body><a href="#main">Skip to main content</a>'
        '<nav><a lang="en" href="/en/">English</a><a href="/de/suche/">Search</a></nav>'
        "<p>Search</p></body></html>"
    )
    assert english_on(html, english_ui_strings()) == {"Skip to main content", "Search"}
