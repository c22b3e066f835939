"""The search page and the suggestions endpoint, through real HTTP on the real database
(SQLite or PostgreSQL, whichever DATABASE_URL selects)."""

import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction
from wagtail.search.models import IndexEntry

from home.models import NewsPage, StandardPage

pytestmark = pytest.mark.django_db

SEARCH_DE = "/de/suche/"
SEARCH_EN = "/en/search/"
SUGGEST_DE = "/de/suche/vorschlaege/"
SUGGEST_EN = "/en/search/suggestions/"

needs_postgres = pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="stemming and fuzzy search need PostgreSQL full-text search (SQLite FTS5 has neither)",
)


def publish(parent, title, model=StandardPage, **fields):
    page = model(title=title, slug=f"s-{uuid.uuid4().hex[:12]}", **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def result_titles(response):
    return [item["page"].title for item in response.context["items"]]


def exact_titles(response):
    """Titles of exact matches (on PostgreSQL a query without them shows fuzzy matches)."""
    return [] if response.context.get("fuzzy") else result_titles(response)


def test_search_page_without_query_shows_the_form(client):
    for url in (SEARCH_DE, SEARCH_EN):
        response = client.get(url)
        assert response.status_code == 200
        assert 'role="search"' in response.text
        assert 'name="q"' in response.text


def test_results_come_only_from_the_active_locale(client, home_de, home_en):
    publish(home_de, "Quarkbrot in Plauen", intro="Quarkbrot backen")
    publish(home_en, "Quarkbrot in English", intro="Baking Quarkbrot")

    assert result_titles(client.get(SEARCH_DE, {"q": "Quarkbrot"})) == ["Quarkbrot in Plauen"]
    assert result_titles(client.get(SEARCH_EN, {"q": "Quarkbrot"})) == ["Quarkbrot in English"]


def test_drafts_and_private_pages_are_not_found(client, home_de):
    draft = StandardPage(title="Quarkbrot Entwurf", slug="quarkbrot-entwurf", live=False)
    home_de.add_child(instance=draft)
    private = publish(home_de, "Quarkbrot intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    publish(home_de, "Quarkbrot öffentlich")

    assert result_titles(client.get(SEARCH_DE, {"q": "Quarkbrot"})) == ["Quarkbrot öffentlich"]


def test_result_shows_count_type_label_and_highlighted_excerpt(client, home_de):
    publish(home_de, "Ein Abend im Dorf", intro="Viele kamen zum Zwiebelkuchen und blieben lange.")

    response = client.get(SEARCH_DE, {"q": "Zwiebelkuchen"})

    assert response.status_code == 200
    assert "1 Ergebnis für „Zwiebelkuchen“" in response.text
    assert '<p class="badge">Inhaltsseite</p>' in response.text
    assert "Viele kamen zum <mark>Zwiebelkuchen</mark> und blieben lange." in response.text


def test_query_and_page_text_are_escaped(client, home_de):
    publish(
        home_de, "Zwiebelkuchen & Co", intro="<b>Zwiebelkuchen</b> mit <script>alert(1)</script>"
    )

    response = client.get(SEARCH_DE, {"q": "Zwiebelkuchen"})
    assert "<mark>Zwiebelkuchen</mark>" in response.text
    assert "<script>alert" not in response.text

    response = client.get(SEARCH_DE, {"q": "Zwiebelkuchen <script>alert(2)</script>"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in response.text


def test_title_match_ranks_above_body_match(client, home_de):
    publish(home_de, "Allgemeines zum Landleben", intro="Ein Marmeladenglas im Regal.")
    publish(home_de, "Das Marmeladenglas", intro="Ein Text ohne weitere Bezüge.")

    titles = result_titles(client.get(SEARCH_DE, {"q": "Marmeladenglas"}))

    assert titles == ["Das Marmeladenglas", "Allgemeines zum Landleben"]


def test_pagination_keeps_the_query(client, home_de):
    for number in range(12):
        publish(home_de, f"Kartoffelpuffer {number}")

    first = client.get(SEARCH_DE, {"q": "Kartoffelpuffer"})
    second = client.get(SEARCH_DE, {"q": "Kartoffelpuffer", "page": 2})

    assert first.context["results"].paginator.count == 12
    assert len(first.context["items"]) == 10
    assert "?q=Kartoffelpuffer&amp;page=2" in first.text
    assert len(second.context["items"]) == 2
    assert '<ol class="search-result-list" start="11">' in second.text


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.5", "99999999999999999999999", "", "\x00"])
def test_invalid_page_numbers_give_a_usable_page(client, home_de, page):
    publish(home_de, "Kartoffelpuffer eins")
    response = client.get(SEARCH_DE, {"q": "Kartoffelpuffer", "page": page})
    assert response.status_code == 200
    assert result_titles(response) == ["Kartoffelpuffer eins"]


def test_page_type_facet_counts_and_filters_keeping_the_query(client, home_de):
    from home.models import NewsIndexPage

    publish(home_de, "Rhabarberkuchen eins")
    publish(home_de, "Rhabarberkuchen zwei")
    news_parent = NewsIndexPage.objects.child_of(home_de).first()
    publish(news_parent, "Rhabarberkuchen Nachricht", model=NewsPage, date="2024-05-01")

    response = client.get(SEARCH_DE, {"q": "Rhabarberkuchen"})
    type_group = response.context["facet_groups"][0]
    counts = {option["url"].split("type=")[1]: option["count"] for option in type_group["options"]}
    assert counts == {"home.standardpage": 2, "home.newspage": 1}
    news_link = next(o["url"] for o in type_group["options"] if o["url"].endswith("home.newspage"))
    assert "q=Rhabarberkuchen" in news_link

    filtered = client.get(SEARCH_DE + news_link)
    assert result_titles(filtered) == ["Rhabarberkuchen Nachricht"]
    # the other types stay selectable with their counts; the chosen one is marked
    options = filtered.context["facet_groups"][0]["options"]
    assert {o["count"] for o in options} == {1, 2}
    assert [o["selected"] for o in options if o["url"].endswith("home.newspage")] == [True]
    assert 'aria-current="true"' in filtered.text
    assert 'name="type" value="home.newspage"' in filtered.text  # a new query keeps the facet


@pytest.mark.parametrize(
    "params",
    [
        {"type": "nope.nothing"},
        {"type": "auth.user"},
        {"type": "wagtailcore.page"},
        {"type": "<script>"},
        {"region": "abc"},
        {"region": "99999999999999999999"},
        {"topic": "-3"},
        {"topic": "1e9"},
    ],
)
def test_unknown_facet_values_are_ignored_with_a_note(client, home_de, params):
    publish(home_de, "Rhabarberkuchen drei")
    response = client.get(SEARCH_DE, {"q": "Rhabarberkuchen", **params})
    assert response.status_code == 200
    assert result_titles(response) == ["Rhabarberkuchen drei"]
    assert "Einige Filter in der Adresse wurden nicht erkannt" in response.text


def test_promotions_are_shown_above_the_results(client, home_de, home_en):
    promoted = publish(home_de, "Förderprogramme im Überblick")
    other_locale = publish(home_en, "Funding overview")
    query = Query.get("Fördergeld")
    SearchPromotion.objects.create(
        query=query, page=promoted, description="Alles zur Förderung", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=other_locale, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.sab.sachsen.de/",
        external_link_text="SAB",
        sort_order=2,
    )

    response = client.get(SEARCH_DE, {"q": "fördergeld"})

    text = response.text
    assert "Empfohlen" in text
    assert "Förderprogramme im Überblick" in text and "Alles zur Förderung" in text
    assert "Funding overview" not in text
    assert 'href="https://www.sab.sachsen.de/"' in text
    assert text.index("Empfohlen") < text.index('role="status"')  # above results or "no results"


def test_queries_are_recorded_for_editors(client):
    client.get(SEARCH_DE, {"q": "Bürgerhaushalt  Leipzig"})
    client.get(SEARCH_DE, {"q": "bürgerhaushalt leipzig"})
    client.get(
        SEARCH_DE, {"q": "bürgerhaushalt leipzig", "page": "2"}
    )  # paging is not a new search
    assert Query.get("bürgerhaushalt leipzig").hits == 2
    popular = list(Query.get_most_popular())
    assert popular[0].query_string == "bürgerhaushalt leipzig"


def test_index_follows_publish_edit_move_unpublish_and_delete(client, home_de):
    page = publish(home_de, "Apfelstrudel am Markt")
    assert result_titles(client.get(SEARCH_DE, {"q": "Apfelstrudel"})) == ["Apfelstrudel am Markt"]

    page.title = "Birnenstrudel am Markt"
    page.save_revision().publish()
    assert exact_titles(client.get(SEARCH_DE, {"q": "Apfelstrudel"})) == []
    assert result_titles(client.get(SEARCH_DE, {"q": "Birnenstrudel"})) == [
        "Birnenstrudel am Markt"
    ]

    new_parent = publish(home_de, "Neuer Bereich")
    page.move(new_parent, pos="last-child")
    response = client.get(SEARCH_DE, {"q": "Birnenstrudel"})
    assert result_titles(response) == ["Birnenstrudel am Markt"]
    assert f'href="/de/{new_parent.slug}/{page.slug}/"' in response.text

    page.refresh_from_db()
    page.unpublish()
    assert exact_titles(client.get(SEARCH_DE, {"q": "Birnenstrudel"})) == []

    page.save_revision().publish()
    assert result_titles(client.get(SEARCH_DE, {"q": "Birnenstrudel"})) == [
        "Birnenstrudel am Markt"
    ]

    page_id = page.pk
    page.delete()
    assert exact_titles(client.get(SEARCH_DE, {"q": "Birnenstrudel"})) == []
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()


def test_no_results_page_offers_help(client):
    response = client.get(SEARCH_DE, {"q": "Xylophonwettbewerb"})
    assert response.status_code == 200
    assert "Keine Ergebnisse für „Xylophonwettbewerb“." in response.text
    assert "Prüfen Sie die Schreibweise" in response.text
    for page in response.context.get("help_pages", []):
        assert page.locale.language_code == "de"
        assert f'href="{page.url}"' in response.text


def test_query_count_does_not_grow_with_the_number_of_results(client, home_de):
    publish(home_de, "Pflaumenmus eins")
    publish(home_de, "Pflaumenmus zwei")
    client.get(SEARCH_DE, {"q": "Pflaumenmus"})  # warm caches (content types, site root paths)
    with CaptureQueriesContext(connection) as few:
        response = client.get(SEARCH_DE, {"q": "Pflaumenmus"})
    assert len(response.context["items"]) == 2

    for number in range(8):
        publish(home_de, f"Pflaumenmus {number}")
    client.get(SEARCH_DE, {"q": "Pflaumenmus"})
    with CaptureQueriesContext(connection) as many:
        response = client.get(SEARCH_DE, {"q": "Pflaumenmus"})
    assert len(response.context["items"]) == 10

    assert len(many) == len(few)


BAD_QUERIES = [
    "x" * 5000,
    "Quark\x00brot",
    "!!!???...;;;",
    "*",
    "%",
    "\\",
    "'",
    '"',
    '"unclosed phrase',
    "Quarkbrot AND NOT Kuchen OR (Tee",
    "a & b | !c <-> d:* e:A",
    "-Quarkbrot +Kuchen ~Tee^2",
    "NEAR(a b) Quarkbrot*",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "<img src=x onerror=alert(1)>",
    "\u202eevil\u202c \u200b\ufeff",
    "e\u0301\u0301\u0301",
    "🙂🙂 Квас 漢字 عربى",
    "\t\n\r",
    "\x07\x1b[31m",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_never_fail(client, home_de, query):
    publish(home_de, "Quarkbrot und Kuchen")
    for url in (SEARCH_DE, SEARCH_EN):
        response = client.get(url, {"q": query, "page": "3"})
        assert response.status_code == 200
        assert "<img src=x" not in response.text
    response = client.get(SUGGEST_DE, {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_raw_invalid_utf8_in_the_query_string(client):
    response = client.get(SEARCH_DE + "?q=%ED%A0%80%FF%00&page=%FF&type=%C0")
    assert response.status_code == 200
    assert client.get(SUGGEST_DE + "?q=%ED%A0%80%FF").status_code == 200


def test_suggestions_return_titles_of_the_active_locale(client, home_de, home_en):
    publish(home_de, "Holunderblütenfest in Görlitz")
    publish(home_en, "Holunderblüten festival")

    response = client.get(SUGGEST_DE, {"q": "Holunder"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert [s["title"] for s in data["suggestions"]] == ["Holunderblütenfest in Görlitz"]
    assert data["suggestions"][0]["url"].startswith("/de/")

    english = client.get(SUGGEST_EN, {"q": "holunder"}).json()
    assert [s["title"] for s in english["suggestions"]] == ["Holunderblüten festival"]
    assert english["suggestions"][0]["url"].startswith("/en/")


def test_cached_suggestions_follow_publishing_and_unpublishing(client, home_de):
    publish(home_de, "Holunderblütenfest in Görlitz")
    assert client.get(SUGGEST_DE, {"q": "Holunder"}).json()["suggestions"]  # now cached
    second = publish(home_de, "Holunderblütenmarkt in Bautzen")
    titles = [s["title"] for s in client.get(SUGGEST_DE, {"q": "Holunder"}).json()["suggestions"]]
    assert sorted(titles) == ["Holunderblütenfest in Görlitz", "Holunderblütenmarkt in Bautzen"]
    second.unpublish()
    titles = [s["title"] for s in client.get(SUGGEST_DE, {"q": "Holunder"}).json()["suggestions"]]
    assert titles == ["Holunderblütenfest in Görlitz"]


def test_suggestions_need_two_characters_and_are_capped(client, home_de):
    for number in range(12):
        publish(home_de, f"Holundersaft {number}")
    assert client.get(SUGGEST_DE, {"q": "H"}).json()["suggestions"] == []
    assert len(client.get(SUGGEST_DE, {"q": "Holundersa"}).json()["suggestions"]) == 8


def test_search_page_loads_the_suggestion_script_without_inline_code(client):
    response = client.get(SEARCH_DE, {"q": "Netzwerk"})
    assert 'data-suggest-url="/de/suche/vorschlaege/"' in response.text
    assert '<script src="/static/js/search-suggest.js" defer></script>' in response.text
    assert "<script>" not in response.text


@needs_postgres
def test_german_inflected_forms_find_the_base_form(client, home_de):
    publish(home_de, "Zwiebelkuchenfest", intro="Beteiligung aller Generationen")
    titles = result_titles(client.get(SEARCH_DE, {"q": "Beteiligungen Zwiebelkuchenfeste"}))
    assert titles == ["Zwiebelkuchenfest"]


@needs_postgres
def test_english_pages_are_stemmed_in_english(client, home_en):
    # German stemming leaves "workshops" alone, so this only passes with the english config.
    publish(home_en, "Gingerbread", intro="Our gingerbread workshops for families")
    assert result_titles(client.get(SEARCH_EN, {"q": "gingerbread workshop"})) == ["Gingerbread"]
    page = publish(home_en, "Gingerbread evenings", intro="Workshops")
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="standardpage")
    with connection.cursor() as cursor:
        cursor.execute("SELECT body::text FROM wagtailsearch_indexentry WHERE id = %s", [entry.pk])
        assert "'workshop'" in cursor.fetchone()[0]


@needs_postgres
def test_misspelt_query_finds_close_matches(client, home_de):
    publish(home_de, "Zwiebelkuchenfest in Bautzen")
    response = client.get(SEARCH_DE, {"q": "Zwiebelkuchenfets"})
    assert result_titles(response) == ["Zwiebelkuchenfest in Bautzen"]
    assert "Keine genauen Treffer" in response.text
    assert "Meinten Sie „Zwiebelkuchenfest“?" in response.text


def demo_case():
    """A German demo case with a region, topics and methods (from cases.demo)."""
    try:
        from cases.models import CasePage
    except ImportError:
        pytest.skip("the knowledge base (cases) is not installed")
    from wagtail.models import Locale

    case = (
        CasePage.objects.live()
        .filter(locale=Locale.objects.get(language_code="de"), region__isnull=False)
        .exclude(topics=None)
        .exclude(methods=None)
        .first()
    )
    if case is None:
        pytest.skip("no demo case with region, topics and methods")
    return case


def test_region_name_finds_cases_and_region_facet_filters(client):
    case = demo_case()
    response = client.get(SEARCH_DE, {"q": case.region.name})
    assert case.title in result_titles(response)

    groups = {group["param"]: group for group in response.context["facet_groups"]}
    region_option = next(
        o for o in groups["region"]["options"] if f"region={case.region_id}" in o["url"]
    )
    assert region_option["count"] >= 1

    filtered = client.get(SEARCH_DE + region_option["url"])
    pages = [item["page"] for item in filtered.context["items"]]
    assert case.title in [page.title for page in pages]
    assert all(getattr(page, "region_id", None) == case.region_id for page in pages)
    assert len(pages) == min(region_option["count"], 10)


def test_topic_name_finds_cases_and_topic_facet_filters(client):
    case = demo_case()
    topic = case.localized_topics()[0]
    response = client.get(SEARCH_DE, {"q": topic.name})
    assert case.title in result_titles(response)

    groups = {group["param"]: group for group in response.context["facet_groups"]}
    option = next(o for o in groups["topic"]["options"] if o["label"] == topic.name)
    filtered = client.get(SEARCH_DE + option["url"], {"q": topic.name})
    pages = [item["page"] for item in filtered.context["items"]]
    assert pages and all(
        topic.translation_key in {t.translation_key for t in page.topics.all()} for page in pages
    )


def all_result_titles(client, url, params):
    first = client.get(url, params)
    titles = result_titles(first)
    for number in range(2, first.context["results"].paginator.num_pages + 1):
        titles += result_titles(client.get(url, {**params, "page": number}))
    return titles


def test_method_name_finds_the_method_and_its_cases(client):
    case = demo_case()
    method = case.localized_methods()[0]
    titles = all_result_titles(client, SEARCH_DE, {"q": method.title})
    assert method.title in titles
    assert case.title in titles


SEARCH_QUERY_BUDGET = 12  # issue #7: a search request, whatever the number of matches


def test_search_requests_stay_within_the_query_budget(client, django_assert_max_num_queries):
    """Count, facets (type, region, topic), results, excerpts, promotions and recording the
    query: with filters, on a later page and for the fuzzy fallback."""
    case = demo_case()
    topic = case.topics.first()
    for params in (
        {"q": case.region.name},
        {"q": case.region.name, "region": case.region_id, "topic": topic.pk},
        {"q": case.region.name, "type": "cases.casepage", "page": "2"},
        {"q": "Beteiligungsverfahrne"},  # misspelt: fuzzy fallback on PostgreSQL
        {"q": "Raumfahrtbahnhof"},  # nothing at all: help pages
    ):
        client.get(SEARCH_DE, params)  # warm: content types, site root paths, the query's row
        with django_assert_max_num_queries(SEARCH_QUERY_BUDGET):
            response = client.get(SEARCH_DE, params)
        assert response.status_code == 200


def test_search_queries_do_not_grow_with_matches_on_many_pages(client, home_de):
    from home.models import NewsIndexPage

    publish(home_de, "Holunderblüte eins")
    publish(home_de, "Holunderblüte zwei")
    client.get(SEARCH_DE, {"q": "Holunderblüte"})
    with CaptureQueriesContext(connection) as few:
        response = client.get(SEARCH_DE, {"q": "Holunderblüte"})
    assert response.context["results"].paginator.count == 2

    # Many more matches of two types, over several result pages; the first page is unchanged
    # in kind (title matches rank first), so the same queries must serve it.
    news_parent = NewsIndexPage.objects.child_of(home_de).first()
    for number in range(12):
        publish(home_de, f"Holunderblüte {number}")
        publish(
            news_parent,
            f"Nachricht {number}",
            model=NewsPage,
            date="2024-05-01",
            teaser="Holunderblüte im Mai",
        )
    client.get(SEARCH_DE, {"q": "Holunderblüte"})
    with CaptureQueriesContext(connection) as many:
        response = client.get(SEARCH_DE, {"q": "Holunderblüte"})
    assert response.context["results"].paginator.count == 26
    assert len(response.context["items"]) == 10
    assert len(many) == len(few) <= SEARCH_QUERY_BUDGET


@needs_postgres
def test_english_topic_name_finds_english_cases(client):
    """Translated cases keep the links to the German terms (synchronised, not translated);
    the index must still hold the English names for the English case."""
    from cases.models import CasePage

    english = CasePage.objects.live().filter(locale__language_code="en").exclude(topics=None)
    case = english.first()
    if case is None:
        pytest.skip("no English demo case with topics")
    linked = case.topics.first()
    topic = case.localized_topics()[0] if linked.locale_id != case.locale_id else linked
    assert topic.locale_id == case.locale_id
    assert topic.name.lower() not in (case.title + case.subject).lower()

    translation.activate("en")
    titles = all_result_titles(client, SEARCH_EN, {"q": topic.name})
    assert case.title in titles
    # German keeps working: the German case is found by the German name
    german_case = case.get_translation(Locale.objects.get(language_code="de"))
    german_topic = next(
        t for t in german_case.localized_topics() if t.translation_key == topic.translation_key
    )
    translation.activate("de")
    assert german_case.title in all_result_titles(client, SEARCH_DE, {"q": german_topic.name})


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="modelsearch's SQLite backend writes one statement per object",
)
def test_indexing_cases_costs_the_same_queries_for_more_cases():
    """update_index and the demo/bench loaders index cases in batches: their topics, target
    groups and methods are prefetched, not loaded per case."""
    from modelsearch.backends import get_search_backend

    from cases.models import CasePage

    backend = get_search_backend()
    cases = (
        CasePage.objects.live()
        .filter(locale__language_code="de")
        .exclude(topics=None)
        .order_by("pk")
    )
    assert cases.count() >= 8

    def queries_for(number):
        batch = list(CasePage.get_indexed_objects().filter(pk__in=cases.values("pk")[:number]))
        with CaptureQueriesContext(connection) as captured:
            backend.add_bulk(CasePage, batch)
        return len(captured)

    with CaptureQueriesContext(connection) as loading:
        list(CasePage.get_indexed_objects().filter(pk__in=cases.values("pk")[:8]))
    assert len(loading) <= 6  # the cases and their related objects, in bulk
    queries_for(2)  # warm: the backend's locale table
    assert queries_for(8) == queries_for(2)


@needs_postgres
def test_full_rebuild_keeps_results_and_refreshes_planner_statistics(client):
    from django.core.management import call_command

    case = demo_case()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pg_class SET reltuples = -1 WHERE relname = %s", [IndexEntry._meta.db_table]
        )
    call_command("update_index", verbosity=0)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s", [IndexEntry._meta.db_table]
        )
        assert cursor.fetchone()[0] > 0  # ANALYZE ran
    assert case.title in all_result_titles(client, SEARCH_DE, {"q": case.region.name})


@pytest.mark.parametrize(
    ("url", "suggest"),
    [
        ("/de/", SUGGEST_DE),
        ("/de/methoden/", SUGGEST_DE),
        ("/en/", SUGGEST_EN),
        (SEARCH_EN, SUGGEST_EN),
    ],
)
def test_header_search_box_offers_type_ahead_on_every_page(client, url, suggest):
    response = client.get(url, {"q": "Netzwerk"} if "search" in url else {})
    html = response.text
    header = html[html.index('id="site-search-q"') - 200 : html.index('id="site-search-q"') + 600]
    assert f'data-suggest-url="{suggest}"' in header
    assert 'autocomplete="off"' in header and "data-status-some=" in header
    assert html.count('<script src="/static/js/search-suggest.js" defer></script>') == 1


def test_suggestions_carry_the_page_type_label(client):
    german = client.get(SUGGEST_DE, {"q": "Bürgerr"}).json()["suggestions"]
    assert {"title": "Bürgerrat", "type": "Methode", "url": "/de/methoden/buergerrat/"} in german
    english = client.get(SUGGEST_EN, {"q": "citizens"}).json()["suggestions"]
    types = {s["title"]: s["type"] for s in english}
    assert types["Citizens' assembly"] == "Method page"
    assert types["Citizens' assembly on Pirna's town centre"] == "Case"


def facet_counts(response, param):
    """{id: count} of a facet group of the search page."""
    groups = {group["param"]: group for group in response.context["facet_groups"]}
    if param not in groups:
        return {}
    return {
        int(option["url"].split(f"{param}=")[1].split("&")[0]): option["count"]
        for option in groups[param]["options"]
    }


def test_facet_counts_are_exact_and_queries_do_not_grow_with_matching_cases(client):
    """Count, page-type, region and topic facets come from grouped queries over the match and
    only the listed page is fetched: the same queries for 6 or 60 matching cases, with and
    without a chosen region and topic, and every count equal to the database's."""
    from collections import Counter

    from cases import bench
    from cases.models import CasePage

    query = "Lasttests"  # the teaser of every bench case, nowhere else

    def search(params):
        client.get(SEARCH_DE, params)  # warm: content types, site root paths, the query's row
        with CaptureQueriesContext(connection) as captured:
            response = client.get(SEARCH_DE, params)
        return response, len(captured)

    def expected(**filters):
        cases = CasePage.objects.live().filter(slug__startswith=bench.SLUG_PREFIX, **filters)
        topics = Counter(cases.values_list("topics", flat=True))
        return cases, Counter(cases.values_list("region_id", flat=True)), topics

    measured = []
    for number in (6, 60):
        bench.generate(cases=number)
        cases, regions, topics = expected()
        response, queries = search({"q": query})
        assert response.context["results"].paginator.count == number == cases.count()
        assert facet_counts(response, "region") == regions
        assert facet_counts(response, "topic") == topics
        assert len(response.context["items"]) == min(number, 10)

        region, _ = regions.most_common(1)[0]
        topic, _ = expected(region_id=region)[2].most_common(1)[0]
        chosen, chosen_queries = search({"q": query, "region": region, "topic": topic})
        both, _, _ = expected(region_id=region, topics=topic)
        assert chosen.context["results"].paginator.count == both.count()
        assert {item["page"].pk for item in chosen.context["items"]} <= set(
            both.values_list("pk", flat=True)
        )
        # each facet counts under the other facet's choice
        assert facet_counts(chosen, "region") == expected(topics=topic)[1]
        assert facet_counts(chosen, "topic") == expected(region_id=region)[2]
        measured.append((queries, chosen_queries))
    assert measured[0] == measured[1]
    assert max(measured[1]) <= SEARCH_QUERY_BUDGET


@needs_postgres
def test_match_reads_the_stored_title_body_column():
    """search/0006: the match reads the stored `title || body` vector (and its GIN index)
    instead of concatenating both vectors of every row; the column follows every write."""
    from search import engine

    translation.activate("de")
    case = demo_case()
    pages = engine.public_pages(Locale.objects.get(language_code="de"))
    sql = str(pages.search(case.region.name).get_queryset().query)
    assert '"title_body" @@' in sql and "||" not in sql.split(" WHERE ")[1]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM wagtailsearch_indexentry WHERE title_body IS DISTINCT FROM "
            "title || body"
        )
        assert cursor.fetchone()[0] == 0


@needs_postgres
def test_indexing_unchanged_objects_writes_no_rows():
    """Re-indexing unchanged cases (a full `update_index`) writes no new row versions (a row's
    ctid moves with every write), nor does refreshing unchanged title norms: a rebuild used to
    leave the table four times its size. A changed case is written."""
    from modelsearch.backends import get_search_backend

    from cases.models import CasePage

    backend = get_search_backend()
    cases = list(
        CasePage.get_indexed_objects().filter(locale__language_code="de").order_by("pk")[:5]
    )
    ids = [str(case.pk) for case in cases]

    def versions():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT object_id, ctid::text FROM wagtailsearch_indexentry WHERE object_id = "
                "ANY(%s)",
                [ids],
            )
            return dict(cursor.fetchall())

    index = backend.index_class(backend)
    index._refresh_title_norms(full=True)  # norms as a rebuild leaves them
    before = versions()
    assert len(before) == len(cases)
    backend.add_bulk(CasePage, cases)
    index._refresh_title_norms(full=True)
    assert versions() == before

    cases[0].subject = "Ein neuer Gegenstand"
    backend.add_bulk(CasePage, cases)
    after = versions()
    assert after[ids[0]] != before[ids[0]]
    assert {k: v for k, v in after.items() if k != ids[0]} == {
        k: v for k, v in before.items() if k != ids[0]
    }
