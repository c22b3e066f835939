"""Search that understands German (issue 15), on PostgreSQL with the demo content: compounds,
umlaut spellings, typos, multi-word ranking, taxonomy weight and editors' synonyms. Every
request goes through the real search page."""

import uuid

import pytest
from django.db import connection
from wagtail.search.models import IndexEntry

from home.models import StandardPage
from search import compounds
from search.models import SynonymGroup

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'",
        reason="decompounding, stemming and fuzzy search are PostgreSQL full-text features",
    ),
]

SEARCH_DE = "/de/suche/"
SEARCH_EN = "/en/search/"


def publish(parent, title, **fields):
    page = StandardPage(title=title, slug=f"s-{uuid.uuid4().hex[:12]}", **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def result_urls(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [item["page"].url for item in response.context["items"]], response


def indexed_lexemes(page):
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="standardpage")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(title || body) FROM wagtailsearch_indexentry WHERE id = %s",
            [entry.pk],
        )
        return set(cursor.fetchone()[0])


def test_the_dictionary_splits_compounds_and_leaves_other_words_alone():
    assert compounds.split("Jugendbeteiligung") == ("Jugend", "Beteiligung")
    assert compounds.split("Bürgerhaushalte") == ("Bürger", "Haushalt")
    assert compounds.split("Beteiligungsstufen") == ("Beteiligung", "Stufe")  # Fugen-s
    for word in ("Mediation", "Bürgerinnen", "Beteiligung", "Steuer", "Jugendliche"):
        assert compounds.split(word) == (), word


def test_compound_parts_find_the_compound_and_the_compound_finds_its_parts(client, home_de):
    compound = publish(home_de, "Zwiebelturmfest", intro="Jugendbeteiligung in der Oberlausitz")
    apart = publish(home_de, "Kuppeldachfest", intro="Die Beteiligung der Jugend am Kuppeldach")
    for query in ("Jugend", "Beteiligung", "Jugend Zwiebelturmfest"):
        urls, _ = result_urls(client, SEARCH_DE, query)
        assert compound.url in urls or query == "Beteiligung", query
    assert result_urls(client, SEARCH_DE, "Jugend Zwiebelturmfest")[0][0] == compound.url
    urls, _ = result_urls(client, SEARCH_DE, "Jugendbeteiligung Kuppeldachfest")
    assert urls[0] == apart.url  # the parts, apart, match the compound query
    urls, _ = result_urls(client, SEARCH_DE, "Jugendbeteiligung")
    assert compound.url in urls and apart.url in urls


def test_plural_compound_finds_the_singular(client):
    urls, _ = result_urls(client, SEARCH_DE, "Bürgerhaushalte")
    assert urls[0] == "/de/methoden/buergerhaushalt/"


def test_participation_of_young_people_finds_the_youth_cases(client):
    urls, _ = result_urls(client, SEARCH_DE, "Beteiligung Jugendlicher")
    assert {"/de/verfahren/jugendforum-plauen/", "/de/methoden/jugendparlament/"} & set(urls[:3])


def test_english_pages_are_not_decompounded(home_de, home_en):
    german = publish(home_de, "Zwiebelturm", intro="Der Bürgerhaushalt")
    english = publish(home_en, "Onion dome", intro="The Bürgerhaushalt, participatory budgeting")
    assert {"haushalt", "burg"} <= indexed_lexemes(german)
    lexemes = indexed_lexemes(english)
    assert "haushalt" not in lexemes and "budget" in lexemes  # English stemming


@pytest.mark.parametrize("spelling", ["Buergerhaushalt", "Burgerhaushalt", "bürgerhaushalt"])
def test_umlaut_spellings_give_the_same_top_results(client, spelling):
    expected, _ = result_urls(client, SEARCH_DE, "Bürgerhaushalt")
    urls, response = result_urls(client, SEARCH_DE, spelling)
    assert urls[:3] == expected[:3]
    assert urls[0] == "/de/methoden/buergerhaushalt/"
    assert not response.context["fuzzy"]


def test_a_typo_gives_the_right_first_result_and_no_noise(client):
    urls, response = result_urls(client, SEARCH_DE, "Bürgerhushalt")
    assert response.context["fuzzy"]
    assert urls[0] == "/de/methoden/buergerhaushalt/"
    assert len(urls) <= 5  # weak candidates are cut off
    assert "Meinten Sie „Bürgerhaushalt“?" in response.text


def test_multi_word_queries_rank_pages_with_every_word_first(client):
    # Which words are too common to require comes from the planner statistics, which
    # autovacuum (or update_index) keeps current; the demo load alone may not have run ANALYZE.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    urls, _ = result_urls(client, SEARCH_DE, "Landkreis Görlitz")
    assert urls[0] == "/de/verfahren/mediation-windpark/"
    urls, _ = result_urls(client, SEARCH_DE, "Bürgerbeteiligung Leipzig")
    assert "/de/verfahren/planungswerkstatt-park-leipzig/" in urls[:3]


def test_taxonomy_terms_weigh_like_titles(client, home_de):
    # A page that only mentions the region in its text ranks below the case tagged with it.
    publish(home_de, "Zwiebelturm", intro="Ein Ausflug nach Zittau, ganz ohne Bürgerbeteiligung.")
    urls, _ = result_urls(client, SEARCH_DE, "Zittau")
    assert urls[0] == "/de/verfahren/mediation-windpark/"


def test_synonyms_apply_per_language_and_follow_the_editors(client, home_de, home_en):
    urls, _ = result_urls(client, SEARCH_DE, "Fahrrad")
    assert urls[0] == "/de/verfahren/online-dialog-radverkehr-dresden/"
    urls, _ = result_urls(client, SEARCH_EN, "elderly")
    assert "/en/cases/older-peoples-mobility-erzgebirge/" in urls[:3]

    page = publish(home_de, "Pflaumenmus", intro="Eine Pflaume aus dem Erzgebirge")
    assert page.url not in result_urls(client, SEARCH_DE, "Zwetschge")[0]
    group = SynonymGroup.objects.create(language="de", terms="Zwetschge, Pflaume")
    urls, response = result_urls(client, SEARCH_DE, "Zwetschge")
    assert urls == [page.url] and not response.context["fuzzy"]
    # English has its own groups: the German one does not apply there.
    assert not result_urls(client, SEARCH_EN, "Zwetschge")[0]
    group.delete()
    assert page.url not in result_urls(client, SEARCH_DE, "Zwetschge")[0]


@pytest.mark.parametrize(
    "query",
    [
        "ue oe ae",
        "'''",
        "a-b-c-d-e-f",
        "Jugend" * 40,
        "Bürger\u0301haushalt",
        " ".join(["Bürgerbeteiligung Leipzig"] * 20),
        "Senioren Senioren ältere Menschen ältere",
        "!!! ??? ...",
        "Bürger's Haus-",
    ],
)
def test_odd_queries_never_fail(client, query):
    for url in (SEARCH_DE, SEARCH_EN):
        assert client.get(url, {"q": query}).status_code == 200
