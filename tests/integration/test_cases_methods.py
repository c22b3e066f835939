"""Method library, method finder and funding programmes."""

import datetime
import re
from html import unescape

import pytest
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Locale

from cases.finder import MET, UNKNOWN, UNMET, MethodFinder
from cases.models import (
    CasePage,
    FundingIndexPage,
    FundingProgrammePage,
    MethodIndexPage,
    MethodPage,
)

pytestmark = pytest.mark.django_db


def finder(query, lang="de"):
    locale = Locale.objects.get(language_code=lang)
    index = MethodIndexPage.objects.get(locale=locale)
    return MethodFinder(QueryDict(query), index.methods(), locale)


def result_for(f, slug):
    return next(
        r
        for r in f._evaluate(
            [MethodPage.objects.get(slug=slug, locale__language_code="de")], f.criteria
        )
    )


# --- method pages -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/de/methoden/", "/en/methods/"])
def test_method_index_lists_all_methods(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    lang = path[1:3]
    for title in (
        MethodPage.objects.live()
        .filter(locale__language_code=lang)
        .values_list("title", flat=True)[:5]
    ):
        assert title in html


def test_method_page_fact_box_cases_and_related(client):
    html = client.get("/de/methoden/buergerrat/").content.decode()
    assert "<dt>Teilnehmende</dt><dd>30–200" in html
    assert "Zufallsauswahl" in html and "Professionelle Moderation nötig" in html
    assert "Bürgerrat zur Innenstadt von Pirna" in html  # a Saxon case that used it
    assert 'href="/de/methoden/planungszelle/"' in html  # related (set on this page)
    assert 'href="/de/methoden/deliberative-polling/"' in html  # related (set on the other page)
    assert '<ol class="steps">' in html


def test_method_page_in_english_lists_english_cases(client):
    html = unescape(client.get("/en/methods/citizens-assembly/").content.decode())
    assert "Citizens' assembly on Pirna's town centre" in html
    assert "Random selection" in html


def test_method_page_shows_only_published_cases(client):
    case = CasePage.objects.get(slug="buergerrat-innenstadt-pirna")
    case.unpublish()
    html = client.get("/de/methoden/buergerrat/").content.decode()
    assert "Bürgerrat zur Innenstadt von Pirna" not in html


# --- method finder ------------------------------------------------------------------------


def test_people_rule_uses_min_and_max():
    f = finder("people=8")
    assert result_for(f, "fokusgruppe").checks[0].state == MET  # 6–12
    assert result_for(f, "buergerrat").checks[0].state == UNMET  # 30–200
    assert (
        result_for(finder("people=5000"), "buergerhaushalt").checks[0].state == MET
    )  # no upper limit


def test_budget_and_time_rules_accept_cheaper_and_shorter():
    assert result_for(finder("budget=medium"), "world-cafe").checks[0].state == MET  # low <= medium
    assert result_for(finder("budget=medium"), "planungszelle").checks[0].state == UNMET  # high
    assert result_for(finder("time=days"), "fokusgruppe").checks[0].state == MET  # hours <= days
    assert result_for(finder("time=days"), "mediation").checks[0].state == UNMET  # months


def test_hybrid_is_met_by_methods_that_work_online_and_on_site():
    assert (
        result_for(finder("format=hybrid"), "world-cafe").checks[0].state == MET
    )  # on-site + online
    assert result_for(finder("format=hybrid"), "mediation").checks[0].state == UNMET


def test_purposes_must_all_be_served():
    check = result_for(finder("purpose=ideas&purpose=conflict"), "world-cafe").checks[0]
    assert check.state == UNMET and "Konflikt lösen" in check.detail
    assert (
        result_for(finder("purpose=ideas&purpose=plan"), "zukunftswerkstatt").checks[0].state == MET
    )


def test_target_group_matches_by_translation():
    assert result_for(finder("target_group=jugendliche"), "jugendparlament").checks[0].state == MET
    english = finder("target_group=young-people", "en")
    assert result_for(english, "jugendparlament").checks[0].state == MET


def test_missing_data_counts_as_not_known():
    method = MethodPage.objects.get(slug="fokusgruppe", locale__language_code="de")
    method.cost = ""
    f = finder("budget=low")
    assert f._evaluate([method], f.criteria)[0].checks[0].state == UNKNOWN


def test_ranking_orders_by_criteria_met(client):
    f = finder("purpose=opinions&people=10&budget=low&format=online")
    scores = [r.score for r in f.results]
    assert scores == sorted(scores, reverse=True)
    assert not f.results[0].unmet
    assert "fokusgruppe" in [r.method.slug for r in f.full_matches]
    assert "buergerrat" not in [r.method.slug for r in f.full_matches]


def test_finder_page_shows_met_unmet_and_cases(client):
    html = client.get(
        "/de/methoden/", {"purpose": "decide", "level": "co-decide", "people": "300"}
    ).content.decode()
    assert "Passende Methoden" in html
    assert "Erfüllt:" in html
    assert "Bürgerbudget" in html
    assert "Stadtteilbudget Chemnitz" in html  # the Saxon case that used it


def test_finder_suggests_which_criterion_to_relax(client):
    query = {"format": "online", "level": "co-create", "people": "20", "budget": "low"}
    f = finder("&".join(f"{k}={v}" for k, v in query.items()))
    assert not f.full_matches
    suggestion = f.relax_suggestion()
    assert suggestion and suggestion["count"] >= 1
    html = client.get("/de/methoden/", query).content.decode()
    assert "Keine Methode erfüllt alle Kriterien" in html
    relaxed_url = (
        re.search(r'<a href="(\?[^"]+)#finder-results">Ohne', html).group(1).replace("&amp;", "&")
    )
    relaxed = client.get("/de/methoden/" + relaxed_url).content.decode()
    assert "Keine Methode erfüllt alle Kriterien" not in relaxed


@pytest.mark.parametrize(
    "query",
    [
        "people=abc",
        "people=0",
        "people=99999999999",
        "phase=%00",
        "purpose=x&purpose=ideas",
        "level=co-decide&level=inform",
        "time=%ED%A0%80",
        "budget=" + "y" * 3000,
    ],
)
def test_finder_bad_input_is_ignored_and_reported(client, query):
    response = client.get(f"/de/methoden/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ignoriert" in html


def test_finder_query_count_is_constant(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get("/de/methoden/", {"people": "8"})
    with CaptureQueriesContext(connection) as many:
        client.get("/de/methoden/", {"people": "30", "budget": "high"})
    assert len(many) <= len(one) + 1


# --- funding ------------------------------------------------------------------------------


def test_funding_index_puts_open_programmes_first(client):
    html = client.get("/de/foerderung/").content.decode()
    titles = re.findall(r'<h2><a href="[^"]+">([^<]+)</a>', html)
    index = FundingIndexPage.objects.get(locale__language_code="de")
    programmes = index.programmes()
    assert titles == [p.title for p in programmes]
    open_flags = [p.is_open for p in programmes]
    assert open_flags == sorted(open_flags, reverse=True)
    assert "Geschlossen" in html and "Offen" in html


def test_deadline_in_days_is_derived_from_today(client):
    programme = FundingProgrammePage.objects.get(slug="weltoffenes-sachsen")
    days = (programme.deadline - timezone.localdate()).days
    html = client.get("/de/foerderung/weltoffenes-sachsen/").content.decode()
    if days > 1:
        assert f"Frist in {days} Tagen" in html
    english = client.get("/en/funding/cosmopolitan-saxony/").content.decode()
    assert "deadline in" in english or "deadline today" in english


def test_open_closed_and_rolling_rules():
    page = FundingProgrammePage(title="x", funder="y", eligible_applicants="<p>z</p>")
    page.rolling = True
    assert page.is_open and page.days_left is None
    page.rolling = False
    page.deadline = timezone.localdate()
    assert page.is_open and page.days_left == 0
    page.deadline = timezone.localdate() - datetime.timedelta(days=1)
    assert not page.is_open
    page.deadline = None
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        page.clean()


def test_frl_facts(client):
    html = client.get("/de/foerderung/frl-buergerbeteiligung/").content.decode()
    assert "ab 5.000 €" in html and "90 %" in html
    assert "Sächsische Aufbaubank" in html


def test_participation_levels_page_maps_scales(client):
    html = client.get("/de/beteiligungsstufen/").content.decode()
    for word in ("Information", "Konsultation", "Mitgestaltung", "Mitentscheidung", "IAP2"):
        assert word in html
    assert client.get("/en/participation-levels/").status_code == 200


def test_method_and_funding_pages_are_valid_html(client):
    from tests.e2e.helpers import assert_valid_html  # skips without Java/vnu.jar

    urls = [
        "/de/methoden/",
        "/en/methods/?purpose=ideas&people=20&format=hybrid&level=co-create&budget=low",
        "/de/methoden/buergerrat/",
        "/en/methods/world-cafe/",
        "/de/foerderung/",
        "/en/funding/",
        "/de/foerderung/frl-buergerbeteiligung/",
        "/de/beteiligungsstufen/",
    ]
    assert_valid_html({url: client.get(url).content.decode() for url in urls})


def test_method_list_and_finder_follow_a_publish(client, settings):
    """The finder keeps the methods per cache generation: an unpublished method leaves the
    list and the finder's answers at once, even with the page cache off."""
    settings.PAGE_CACHE_ENABLED = False
    index = MethodIndexPage.objects.get(locale__language_code="de")
    url = index.get_url() + "?purpose=ideas"
    # Filtered in Python: SQLite has no JSONField `contains` lookup.
    methods = MethodPage.objects.child_of(index).live().order_by("path")
    method = next(m for m in methods if "ideas" in m.purposes)
    link = f'href="{method.get_url()}"'
    assert link in client.get(url).content.decode()
    method.unpublish()
    assert link not in client.get(url).content.decode()
