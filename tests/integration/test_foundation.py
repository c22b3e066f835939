"""Site foundation (#2) through Django's test client on the real database with demo content."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page, Revision

from home.models import BarrierReportPage, NewsIndexPage, NewsPage, StandardPage
from home.public_forms import start_token

pytestmark = pytest.mark.django_db

# One page of each #2 page type in both languages (demo content).
PAGES = {
    "home": ("/de/", "/en/"),
    "standard": ("/de/ueber-das-netzwerk/", "/en/about-the-network/"),
    "news index": ("/de/aktuelles/", "/en/news/"),
    "news": ("/de/aktuelles/erstes-netzwerktreffen/", "/en/news/first-network-meeting/"),
    "barrier report form": (
        "/de/barrierefreiheit/barriere-melden/",
        "/en/accessibility/report-a-barrier/",
    ),
    "imprint": ("/de/impressum/", "/en/imprint/"),
    "privacy": ("/de/datenschutz/", "/en/privacy/"),
    "accessibility statement": ("/de/barrierefreiheit/", "/en/accessibility/"),
    "easy language": ("/de/leichte-sprache/", "/en/easy-language/"),
    "sign language": ("/de/gebaerdensprache/", "/en/sign-language/"),
}
PAIRS = list(PAGES.values())
ALL_PATHS = [path for pair in PAIRS for path in pair]


class _Head(HTMLParser):
    """Collects <link rel=alternate hreflang>, canonical and the language switcher links."""

    def __init__(self):
        super().__init__()
        self.alternates = {}
        self.canonical = None
        self.in_switcher = False
        self.switcher = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        elif tag == "nav" and "lang-switch" in (a.get("class") or ""):
            self.in_switcher = True
        elif tag == "a" and self.in_switcher and a.get("hreflang"):
            self.switcher[a["hreflang"]] = a["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self.in_switcher = False


def parse(html):
    head = _Head()
    head.feed(html)
    return head


@pytest.mark.parametrize("path", ALL_PATHS)
def test_every_page_type_renders_in_its_language(client, path):
    response = client.get(path)
    assert response.status_code == 200
    language = path.split("/")[1]
    html = response.text
    assert f'<html lang="{language}">' in html
    assert '<form class="search-form" role="search" method="get"' in html
    assert 'name="q"' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'aria-label="Main navigation"' in html or 'aria-label="Hauptnavigation"' in html
    assert "<footer" in html


def test_root_redirects_to_german_home(client):
    response = client.get("/", follow=True)
    assert response.redirect_chain == [("/de/", 302)]
    assert response.status_code == 200


@pytest.mark.parametrize("de_path,en_path", PAIRS)
def test_hreflang_pairs_and_switcher_point_to_the_translation(client, settings, de_path, en_path):
    # Absolute links are on the public base URL (SITE_URL), whatever host the request used.
    settings.SITE_URL = "http://www.example.org"
    for path, other_language, other_path in ((de_path, "en", en_path), (en_path, "de", de_path)):
        head = parse(client.get(path, HTTP_HOST="backend.internal").text)
        assert head.alternates == {
            "de": f"{settings.SITE_URL}{de_path}",
            "en": f"{settings.SITE_URL}{en_path}",
            "x-default": f"{settings.SITE_URL}{de_path}",
        }
        assert head.switcher == {other_language: other_path}
        # Absolute URLs come from SITE_URL, whatever Host header a request carries.
        assert head.canonical == f"{settings.SITE_URL}{path}"


def test_switcher_without_translation_leads_to_the_other_home(client, home_de):
    page = StandardPage(slug="nur-deutsch", title="Nur auf Deutsch")
    home_de.add_child(instance=page)
    page.save_revision().publish()
    head = parse(client.get("/de/nur-deutsch/").text)
    assert head.switcher == {"en": "/en/"}
    assert set(head.alternates) == {"de", "x-default"} or set(head.alternates) == {"de"}
    assert "en" not in head.alternates


def test_untranslated_alias_shows_german_content_with_a_note(client, home_de):
    """wagtail-localize syncs new German pages into the English tree as aliases; such a page
    must render (German content under /en/) with the note, never fail."""
    page = StandardPage(slug="neu", title="Neue Seite", intro="Nur deutscher Inhalt.")
    home_de.add_child(instance=page)
    page.save_revision().publish()
    page.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    response = client.get("/en/neu/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Nur deutscher Inhalt." in response.text
    assert "This page has not been translated yet" in response.text
    # The German original has no such note.
    assert "noch nicht übersetzt" not in client.get("/de/neu/").text


@pytest.mark.parametrize(
    "path,text",
    [
        ("/de/gibt-es-nicht/", "Seite nicht gefunden"),
        ("/en/does-not-exist/", "Page not found"),
        ("/de/aktuelles/gibt-es-nicht/", "Seite nicht gefunden"),
    ],
)
def test_unknown_paths_give_the_localised_404(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert f"<h1>{text}</h1>" in response.text
    language = path.split("/")[1]
    assert f'<html lang="{language}">' in response.text
    # A page that does not exist has no alternates to announce.
    assert 'hreflang="x-default"' not in response.text


def test_404_outside_the_language_prefix_is_german(client):
    response = client.get("/gibt-es-nicht/", follow=True)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.text


@pytest.fixture
def many_news(home_de):
    """8 more German news items: with the 3 demo items, 11 items on 2 pages of 10."""
    index = NewsIndexPage.objects.get(locale__language_code="de")
    for day in range(1, 9):
        # live=True without a revision: enough for listings and much faster than publishing.
        index.add_child(
            instance=NewsPage(
                title=f"Meldung {day:02d}",
                slug=f"meldung-{day:02d}",
                date=f"2030-01-{day:02d}",
                teaser=f"Kurzfassung {day}",
                live=True,
            )
        )
    return index


def titles(html):
    return re.findall(r'<a href="/de/aktuelles/[^"]+/">([^<]+)</a>', html)


def test_news_index_is_paginated_newest_first(client, many_news):
    first = client.get("/de/aktuelles/")
    assert titles(first.text)[:3] == ["Meldung 08", "Meldung 07", "Meldung 06"]
    assert len(titles(first.text)) == 10
    assert 'rel="next"' in first.text
    last = client.get("/de/aktuelles/?page=2")
    # 8 new + 3 demo items = 11 → page 2 holds the oldest: the first network meeting.
    assert titles(last.text) == ["Erstes Netzwerktreffen mit rund 150 Teilnehmenden"]


@pytest.mark.parametrize(
    "query,expected_page",
    [
        ("page=abc", 1),
        ("page=-1", 2),
        ("page=0", 2),
        ("page=99999999999999999999999999", 2),
        ("page=1.5", 1),
        ("page=%00", 1),
        ("page=%ED%A0%80", 1),  # a lone surrogate, UTF-8 encoded
        ("page=%FF", 1),
        ("page=", 1),
        ("page=2&page=x", 1),
    ],
)
def test_malformed_page_parameter_shows_first_or_last_page(client, many_news, query, expected_page):
    response = client.get("/de/aktuelles/", QUERY_STRING=query)
    assert response.status_code == 200
    assert f"Seite {expected_page} von 2" in response.text


def test_news_index_query_count_does_not_grow(client, many_news, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False  # measure rendering, not the page cache
    client.get("/de/aktuelles/?page=2")  # warm up caches of the frame
    with CaptureQueriesContext(connection) as few:
        client.get("/de/aktuelles/?page=2")  # 1 item
    with CaptureQueriesContext(connection) as many:
        client.get("/de/aktuelles/?page=1")  # 10 items
    assert len(many) <= len(few)


def test_news_dates_are_formatted_per_locale(client):
    de = client.get("/de/aktuelles/zweites-netzwerktreffen/").text
    en = client.get("/en/news/second-network-meeting/").text
    assert '<time datetime="2022-12-08">8. Dezember 2022</time>' in de
    assert '<time datetime="2022-12-08">8 December 2022</time>' in en, re.findall(
        r"<time[^>]*>[^<]*</time>", en
    )


def test_barrier_report_is_stored_for_editors(client):
    page = BarrierReportPage.objects.get(locale__language_code="de")
    form = page.get_form()
    data = {"form_started": start_token()}
    for name, field in form.fields.items():
        if field.__class__.__name__ == "EmailField":
            data[name] = "leserin@example.org"
        elif field.__class__.__name__ == "BooleanField":
            data[name] = "on"
        elif getattr(field, "choices", None):
            data[name] = list(field.choices)[0][0]
        else:
            data[name] = "Die PDF-Datei im Impressum ist nicht barrierefrei."
    before = FormSubmission.objects.filter(page=page).count()
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert "Vielen Dank" in response.text
    assert FormSubmission.objects.filter(page=page).count() == before + 1
    stored = FormSubmission.objects.filter(page=page).latest("submit_time").get_data()
    assert "Die PDF-Datei im Impressum ist nicht barrierefrei." in stored.values()
    if page.to_address:
        assert len(mail.outbox) == 1


def test_barrier_report_with_missing_fields_keeps_input_and_explains(client):
    page = BarrierReportPage.objects.get(locale__language_code="de")
    required = [name for name, field in page.get_form().fields.items() if field.required]
    assert required, "the demo form should have required fields"
    before = FormSubmission.objects.filter(page=page).count()
    optional_value = {n: "Mein Text" for n in page.get_form().fields if n not in required[:1]}
    optional_value["form_started"] = start_token()
    response = client.post(page.url, optional_value)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == before
    assert 'aria-invalid="true"' in response.text or 'class="error' in response.text
    assert "Mein Text" in response.text


def test_healthz_reports_ok(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_robots_names_the_sitemap(client, settings):
    settings.SITE_URL = "http://www.example.org"
    response = client.get("/robots.txt", HTTP_HOST="backend.internal")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in response.text.splitlines()
    assert "Disallow: /admin/" in response.text


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, settings):
    settings.SITE_URL = "http://www.example.org"
    response = client.get("/sitemap.xml", HTTP_HOST="backend.internal")
    assert response.status_code == 200
    xml = response.text
    base = settings.SITE_URL
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert f"{settings.SITE_URL}/de/" in locs
    assert f"{settings.SITE_URL}/en/" in locs
    assert f"{base}/en/about-the-network/" in locs
    assert f"{base}/de/ueber-das-netzwerk/" in locs
    entry = re.search(rf"<url><loc>{re.escape(base)}/en/news/</loc>.*?</url>", xml).group(0)
    assert f'<xhtml:link rel="alternate" hreflang="de" href="{base}/de/aktuelles/"/>' in entry
    assert (
        f'<xhtml:link rel="alternate" hreflang="x-default" href="{base}/de/aktuelles/"/>' in entry
    )
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml
    assert len(locs) == len(set(locs))


def test_sitemap_leaves_out_untranslated_aliases(client, home_de):
    page = StandardPage(slug="ohne-uebersetzung", title="Ohne Übersetzung")
    home_de.add_child(instance=page)
    page.save_revision().publish()
    page.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    xml = client.get("/sitemap.xml").text
    assert "/de/ohne-uebersetzung/" in xml
    assert "/en/ohne-uebersetzung/" not in xml


def test_api_is_read_only(client):
    response = client.get("/api/v2/pages/?type=home.StandardPage&limit=100")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert {"Über das Netzwerk", "About the network"} <= titles
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    first = response.json()["items"][0]["id"]
    assert client.delete(f"/api/v2/pages/{first}/").status_code == 405


def test_api_does_not_expose_drafts(client, home_de):
    page = StandardPage(slug="entwurf", title="Geheimer Entwurf", live=False)
    home_de.add_child(instance=page)
    assert "Geheimer Entwurf" not in client.get("/api/v2/pages/?limit=100").text


def _counts():
    return Page.objects.count(), Revision.objects.count()


def test_demo_content_is_idempotent():
    before = _counts()
    last_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()
    titles_before = sorted(Page.objects.values_list("title", flat=True))
    call_command("load_demo_content", verbosity=0)
    new_revisions = [
        f"{r.content_type.model}: {r.object_str}"
        for r in Revision.objects.filter(pk__gt=last_revision or 0)
    ]
    assert not new_revisions, f"a second run saved revisions of {new_revisions}"
    assert _counts() == before
    assert sorted(Page.objects.values_list("title", flat=True)) == titles_before


def test_demo_content_leaves_a_consistent_page_tree():
    """The demo loader publishes translations itself, at once (home.demo_utils.translate):
    wagtail-localize's publish-on-commit used to write a stale numchild back to translated
    index pages and re-publish older revisions over newer ones."""
    assert Page.find_problems() == ([], [], [], [], [])
    pages = Page.objects.filter(depth__gt=1)
    assert not pages.exclude(live=True, has_unpublished_changes=False).exists()
    assert not [p.url_path for p in pages if p.live_revision_id != p.latest_revision_id]
    # An editor can add a page under every index, in both languages (a stale numchild made
    # treebeard compute a taken path: IntegrityError).
    for index in Page.objects.filter(depth=3, numchild__gt=0):
        index.add_child(instance=StandardPage(title="Neu", slug="neu-im-test", live=False))
    assert Page.find_problems() == ([], [], [], [], [])


def test_demo_content_has_the_required_pages():
    de_titles = set(Page.objects.filter(locale__language_code="de").values_list("title", flat=True))
    for title in ["Über das Netzwerk", "Impressum", "Datenschutzerklärung", "Leichte Sprache"]:
        assert title in de_titles
    dates = sorted(
        str(d)
        for d in NewsPage.objects.filter(locale__language_code="de").values_list("date", flat=True)
    )
    assert {"2022-05-04", "2022-12-08"} <= set(dates)
    imprint = Page.objects.get(locale__language_code="de", slug="impressum").specific
    text = (imprint.intro + str(imprint.body)).replace("\xa0", " ").replace("&nbsp;", " ")
    assert "§ 5 DDG" in text or "§ 5 Digitale-Dienste-Gesetz" in text, text
    assert "§ 18" in text and "MStV" in text
    assert not re.search(r"\bTMG\b", text)


def test_home_links_easy_language_and_sign_language(client):
    html = client.get("/de/").text
    assert 'href="/de/leichte-sprache/"' in html
    assert 'href="/de/gebaerdensprache/"' in html


@pytest.mark.parametrize(
    "path",
    [p for p in ALL_PATHS if "barriere" not in p and "barrier" not in p]
    + ["/de/suche/?q=Netzwerk", "/robots.txt", "/sitemap.xml", "/de/gibt-es-nicht/"],
)
def test_anonymous_get_sets_no_cookies(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert not response.cookies, f"{path} set {list(response.cookies)}"
    assert "Set-Cookie" not in response


def test_site_settings_drive_the_footer(client, site):
    from home.models import SiteSettings

    settings_ = SiteSettings.for_site(site)
    settings_.ministry_name = "Sächsisches Staatsministerium für Testzwecke"
    settings_.save()
    for path in ("/de/", "/en/"):
        assert "Sächsisches Staatsministerium für Testzwecke" in client.get(path).text


def test_both_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"de", "en"}
    assert settings.LANGUAGE_CODE == "de"


@pytest.mark.parametrize("path", ["/de/", "/de/aktuelles/", "/en/news/first-network-meeting/"])
def test_css_and_js_of_a_page_stay_small(client, path):
    """Everything a page loads from /static/ (CSS + JS) stays under 40 KB uncompressed."""
    from django.contrib.staticfiles import finders

    html = client.get(path).text
    assets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assets += re.findall(r'<script[^>]* src="/static/([^"]+)"', html)
    assert assets
    total = sum(Path(finders.find(asset)).stat().st_size for asset in assets)
    assert total < 40 * 1024, f"{assets}: {total} bytes"
    # Nothing from another origin.
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver)[^"]+\.(css|js)', html)


def test_footer_has_contact_and_legal_links(client):
    html = client.get("/en/about-the-network/").text
    footer = html[html.index("<footer") :]
    for href in ("/en/imprint/", "/en/privacy/", "/en/accessibility/"):
        assert f'href="{href}"' in footer
    assert "<address>" in footer
    assert "mailto:" in footer
