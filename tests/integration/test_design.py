"""What readers get from issue #12, through the Django test client on the demo content:
home page content, ranked finder cards, past events, calendar subscription, share and meta
tags, form error summary, honest legal pages, language switch keeping criteria."""

import re

import pytest
from django.http import QueryDict
from wagtail.models import Locale

from cases.finder import MET, MethodFinder
from cases.models import MethodIndexPage, MethodPage
from events.models import EventPage
from home.models import BarrierReportPage, HomePage

pytestmark = pytest.mark.django_db


def finder(query, lang="de"):
    locale = Locale.objects.get(language_code=lang)
    index = MethodIndexPage.objects.get(locale=locale)
    return MethodFinder(QueryDict(query), index.methods(), locale)


# --- home page -------------------------------------------------------------------------------


def test_home_shows_events_cases_finder_funding_news_and_numbers(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    html = client.get("/de/").content.decode()
    for heading in (
        "Nächste Veranstaltungen",
        "Ausgewählte Verfahren",
        "Offene Förderaufrufe",
        "Aktuelles",
        "Welche Methode passt zu Ihrem Vorhaben?",
    ):
        assert heading in html, heading
    assert re.search(r"<strong>\d+</strong> Verfahren", html)
    assert re.search(r"<strong>\d+</strong> Methoden", html)
    assert "Frist:" in html, "open funding calls show their deadline"
    assert 'action="/de/methoden/#finder-results"' in html


def test_home_numbers_can_be_overridden_by_editors(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    home = HomePage.objects.get(locale__language_code="de")
    home.cases_count_override = 120
    home.save_revision().publish()
    assert "<strong>120</strong> Verfahren" in client.get("/de/").content.decode()


def test_home_lists_only_upcoming_events_with_places_left(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    html = client.get("/de/").content.decode()
    section = html.split('id="events-heading"')[1].split("</section>")[0]
    past = EventPage.objects.live().filter(locale__language_code="de", end__lt="2026-12-01")
    assert all(event.title not in section for event in past)
    upcoming = [
        e for e in EventPage.objects.live().filter(locale__language_code="de") if not e.is_past
    ]
    with_capacity = [
        e for e in upcoming if e.capacity and e.registration_open and e.title in section
    ]
    for event in with_capacity:
        assert f"{event.places_left} Plätze frei" in section or "Platz frei" in section


# --- method finder ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "purpose=conflict&phase=planning&people=30&mode=on-site",
        "purpose=opinions&people=200&mode=online&budget=low&time=weeks",
        "level=consult&mode=on-site",
        "purpose=ideas&purpose=plan&people=25&level=co-create&time=days&budget=medium",
    ],
)
def test_no_method_meeting_all_but_one_criterion_is_cut_off(query):
    f = finder(query)
    shown = {r.method.pk for r in f.results}
    total = len(f.criteria)
    strong = {r.method.pk for r in f.all_results if r.score >= max(total - 1, 1)}
    assert strong <= shown
    assert [r.score for r in f.results] == sorted((r.score for r in f.results), reverse=True)


def test_mediation_is_found_for_a_conflict_in_planning():
    f = finder("purpose=conflict&phase=planning&mode=on-site&people=12")
    assert "mediation" in [r.method.slug for r in f.full_matches]


def test_ties_are_broken_by_closeness_of_fit():
    f = finder("people=40&time=weeks&budget=high")
    for score in {r.score for r in f.results}:
        distances = [r.distance for r in f.results if r.score == score]
        assert distances == sorted(distances)
    # 40 people: a method made for about 40 ranks before one made for thousands.
    ranked = [r.method.slug for r in f.full_matches]
    if "buergerpanel" in ranked and "planungszelle" in ranked:
        assert ranked.index("planungszelle") < ranked.index("buergerpanel")


def test_result_cards_name_each_criterion_with_the_chosen_value(client):
    html = client.get(
        "/de/methoden/", {"target_group": "jugendliche", "format": "on-site", "people": "20"}
    ).content.decode()
    assert "Ihre Kriterien:" in html
    assert "Zielgruppe:</strong> Jugendliche" in html
    assert re.search(r"✓</span>.*?Zielgruppe: Jugendliche", html, re.S)
    assert re.search(r"Erfüllt \d von 3 Kriterien", html)


def test_partial_matches_are_behind_show_more(client):
    html = client.get("/de/methoden/", {"purpose": "opinions", "format": "online"}).content.decode()
    results = html.split('id="finder-results"')[1]
    full, _, rest = results.partition('<details class="more-results">')
    assert "Erfüllt 2 von 2 Kriterien" in full
    assert "Erfüllt 1 von 2 Kriterien" in rest and "weitere Methode" in rest


def test_contradictory_criteria_are_explained(client):
    query = {"level": "co-decide", "people": "500", "time": "hours"}
    f = finder("level=co-decide&people=500&time=hours")
    assert not f.full_matches and f.conflicts()
    html = client.get("/de/methoden/", query).content.decode()
    assert "Keine Methode erfüllt beides" in html


def test_demo_methods_are_plausible():
    youth = MethodPage.objects.get(slug="jugendparlament", locale__language_code="de")
    assert "wirtschaft" not in {g.slug for g in youth.target_groups.all()}
    mediation = MethodPage.objects.get(slug="mediation", locale__language_code="de")
    assert len(mediation.phases) > 1 and "planning" in mediation.phases


def test_language_switch_keeps_finder_criteria(client):
    html = client.get("/de/methoden/?purpose=ideas&people=20").content.decode()
    switch = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    assert 'href="/en/methods/?purpose=ideas&amp;people=20"' in switch
    assert 'hreflang="en" href="http://testserver/en/methods/?purpose=ideas&amp;people=20"' in html
    english = finder("purpose=ideas&people=20", lang="en")
    assert english.criteria == finder("purpose=ideas&people=20").criteria
    assert all(c.state in (MET, "unmet", "unknown") for r in english.results for c in r.checks)


# --- events ----------------------------------------------------------------------------------


def test_past_event_says_it_took_place_and_invites_no_one(client):
    event = next(
        e for e in EventPage.objects.live().filter(locale__language_code="de") if e.is_past
    )
    html = client.get(event.url).content.decode()
    assert "Diese Veranstaltung hat stattgefunden." in html
    assert "Jetzt anmelden" not in html and ".ics" not in html
    assert 'rel="alternate" type="text/calendar"' not in html


def test_upcoming_event_offers_calendar_file(client):
    event = next(
        e
        for e in EventPage.objects.live().filter(locale__language_code="de")
        if not e.is_past and not e.is_cancelled
    )
    html = client.get(event.url).content.decode()
    assert "hat stattgefunden" not in html
    assert 'type="text/calendar" download' in html


def test_calendar_subscription_is_webcal_with_copyable_url(client):
    html = client.get("/de/veranstaltungen/").content.decode()
    assert 'href="webcal://testserver/de/veranstaltungen/kalender/"' in html
    assert re.search(
        r'<input id="feed-url" type="url" value="http://testserver/de/veranstaltungen/kalender/" readonly',
        html,
    )


# --- chrome ----------------------------------------------------------------------------------

PAGES = [
    "/de/",
    "/en/",
    "/de/impressum/",
    "/de/verfahren/",
    "/de/methoden/planungszelle/",
    "/de/veranstaltungen/",
    "/en/events/",
    "/de/aktuelles/",
    "/de/foerderung/",
    "/de/umfrage/",
    "/de/leichte-sprache/",
    "/de/suche/?q=Rat",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_description_and_share_meta(client, settings, path):
    html = client.get(path).content.decode()
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and len(description.group(1)) > 20
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("http://testserver/")
    path = image.replace("http://testserver", "")
    if path.startswith(settings.MEDIA_URL):  # media is served by the web server, not Django
        from django.core.files.storage import default_storage

        assert default_storage.exists(path[len(settings.MEDIA_URL) :])
    else:
        assert client.get(path).status_code == 200
    for prop in ("og:title", "og:description", "og:url", "og:locale"):
        assert f'property="{prop}"' in html, prop
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'media="print"' in html


def test_case_page_share_box_without_third_parties(client):
    html = client.get("/de/verfahren/buergerrat-innenstadt-pirna/").content.decode()
    share = re.search(r'<aside class="share".*?</aside>', html, re.S).group(0)
    assert "mailto:?subject=" in share and "data-copy-url=" in share
    assert not re.search(r'(src|href)="https?://(?!testserver)', share)


def test_failed_form_shows_an_error_summary_linking_each_field(client):
    page = BarrierReportPage.objects.get(locale__language_code="de")
    html = client.post(page.url, {}).content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    required = [n for n, f in page.get_form().fields.items() if f.required]
    for name in required:
        assert f'href="#id_{name}"' in summary
        assert f'id="id_{name}"' in html
    assert html.index("error-summary") < html.index("<form") or html.index(
        "required-note"
    ) < html.index('class="field')


# --- legal pages ------------------------------------------------------------------------------


def test_imprint_takes_its_facts_from_the_site_settings(client):
    from home.models import SiteSettings

    settings_obj = SiteSettings.objects.first()
    settings_obj.responsible_person = "Erika Beispiel\nBeispielweg 1, 01067 Dresden"
    settings_obj.save()
    html = client.get("/de/impressum/").content.decode()
    assert settings_obj.ministry_name in html
    assert "Erika Beispiel" in html and "§ 18 Abs. 2 MStV" in html
    assert "Seitenfuß" not in html


def test_privacy_page_names_the_officer_and_each_processing_with_retention(client):
    html = client.get("/de/datenschutz/").content.decode()
    assert "Datenschutzbeauftragte" in html
    for processing in ("Anmeldung zu Veranstaltungen", "Umfrage", "Barriere melden"):
        assert re.search(processing + r".*?Speicherdauer", html, re.S), processing


def test_easy_language_page_follows_the_rules(client):
    html = client.get("/de/leichte-sprache/").content.decode()
    assert 'class="easy-language"' in html
    assert "Was steht auf dieser Seite?" in html
    sentences = re.findall(r"<p[^>]*>(.*?)</p>", html.split('id="main"')[1], re.S)
    body = [s for s in sentences if s and "<" not in s]
    assert body and all(len(s.split()) <= 12 for s in body), "short sentences, one per line"


def test_sign_language_page_says_truthfully_who_provides_the_video(client):
    html = client.get("/de/gebaerdensprache/").content.decode()
    assert "stellt die Redaktion bereit" in html


def test_accessibility_statement_leads_to_the_barrier_form(client):
    html = client.get("/de/barrierefreiheit/").content.decode()
    for heading in (
        "Stand der Vereinbarkeit",
        "Nicht barrierefreie Inhalte",
        "Durchsetzungsverfahren",
    ):
        assert heading in html
    assert 'href="/de/barrierefreiheit/barriere-melden/"' in html


def test_home_first_load_is_at_most_100_kb_gzipped(client, settings):
    """HTML + CSS + JS + fonts of the home page, each gzipped as a server would send it
    (images are not counted: they load lazily or by srcset)."""
    import gzip

    from django.contrib.staticfiles import finders

    settings.PAGE_CACHE_ENABLED = False
    html = client.get("/de/").content
    sizes = {"/de/": len(gzip.compress(html))}
    text = html.decode()
    assets = re.findall(r'<link rel="(?:stylesheet|preload)" href="([^"]+)"', text)
    assets += re.findall(r'<script src="([^"]+)"', text)
    assert any(a.endswith(".woff2") for a in assets) and any(a.endswith(".css") for a in assets)
    for url in assets:
        path = finders.find(url.split("/static/", 1)[1].split("?")[0])
        with open(path, "rb") as f:
            sizes[url] = len(gzip.compress(f.read()))
    total = sum(sizes.values())
    print(f"home first load, gzip: {total / 1024:.1f} KB {sizes}")
    assert total <= 100 * 1024, sizes
