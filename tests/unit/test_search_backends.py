"""Search backend configuration: per-locale PostgreSQL configs and the Elasticsearch 9
index settings/mappings, checked offline (no Elasticsearch server runs here)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from home.models import StandardPage
from search.backends.elasticsearch import LocaleElasticsearchSearchBackend
from search.backends.postgres import LocalePostgresSearchBackend

ROOT = Path(__file__).resolve().parents[2]


def settings_backends(**env):
    """WAGTAILSEARCH_BACKENDS as the settings module builds it for the given environment."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL"}
    }
    environment.update(env)
    code = "import json, netzwerk.settings.base as s; print(json.dumps(s.WAGTAILSEARCH_BACKENDS))"
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)["default"]


def test_settings_choose_the_backend_by_environment():
    assert settings_backends(DATABASE_URL="sqlite:////tmp/x.sqlite3")["BACKEND"] == (
        "wagtail.search.backends.database"
    )
    postgres = settings_backends(DATABASE_URL="postgres://u@localhost:5432/db")
    assert postgres["BACKEND"] == "search.backends.postgres"
    assert postgres["LANGUAGE_CONFIGS"] == {"de": "german", "en": "english"}
    elastic = settings_backends(ELASTICSEARCH_URL="http://search.example:9200")
    assert elastic["BACKEND"] == "search.backends.elasticsearch"
    assert elastic["URLS"] == ["http://search.example:9200"]
    assert "german_text" in elastic["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]


def test_postgres_backend_maps_languages_to_text_search_configs():
    backend = LocalePostgresSearchBackend(
        {"SEARCH_CONFIG": "german", "LANGUAGE_CONFIGS": {"de": "german", "EN": "english"}}
    )
    assert backend.config_for_language("de") == "german"
    assert backend.config_for_language("en") == "english"
    assert backend.config_for_language("en-GB") == "english"
    assert backend.config_for_language("fr") == "german"  # unknown: SEARCH_CONFIG
    assert backend.config_for_language(None) == "german"
    assert backend.with_config("english").config == "english"
    assert backend.config == "german"  # with_config does not change the original
    assert backend.autocomplete_config == "simple"


@pytest.mark.django_db
def test_postgres_backend_picks_each_objects_locale(home_de, home_en):
    backend = LocalePostgresSearchBackend(
        {"SEARCH_CONFIG": "german", "LANGUAGE_CONFIGS": {"de": "german", "en": "english"}}
    )
    assert backend.config_for_object(home_de) == "german"
    assert backend.config_for_object(home_en) == "english"
    assert backend.config_for_object(object()) == "german"  # no locale (images, documents)


def test_postgres_query_compiler_uses_the_active_language():
    backend = LocalePostgresSearchBackend(
        {"SEARCH_CONFIG": "german", "LANGUAGE_CONFIGS": {"de": "german", "en": "english"}}
    )
    compiler = backend.query_compiler_class(StandardPage.objects.all(), "workshops")
    with translation.override("en"):
        assert compiler.get_config(backend) == "english"
    with translation.override("de"):
        assert compiler.get_config(backend) == "german"


@pytest.fixture
def elastic():
    return LocaleElasticsearchSearchBackend(
        {
            "URLS": ["http://localhost:9200"],
            "INDEX_PREFIX": "netzwerk_",
            "INDEX_SETTINGS": settings.SEARCH_INDEX_SETTINGS,
        }
    )


def test_elasticsearch_index_settings_contain_the_language_analysers(elastic):
    analysis = elastic.settings["settings"]["analysis"]
    german = analysis["analyzer"]["german_text"]
    english = analysis["analyzer"]["english_text"]
    assert "german_normalization" in german["filter"] and "german_stemmer" in german["filter"]
    assert analysis["filter"]["german_stemmer"]["language"] == "light_german"
    assert "english_stemmer" in english["filter"]
    assert analysis["filter"]["english_stemmer"]["language"] == "english"
    # merged into, not replacing, Wagtail's own analysers
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_elasticsearch_mapping_has_language_subfields(elastic):
    assert elastic.get_index_for_model(StandardPage).name == "netzwerk_wagtailcore_page"
    properties = elastic.mapping_class(StandardPage).get_mapping()["properties"]
    for name in ("title", "_all_text"):
        assert properties[name]["fields"] == {
            "de": {"type": "text", "analyzer": "german_text"},
            "en": {"type": "text", "analyzer": "english_text"},
        }
    assert "fields" not in properties["_edgengrams"]  # autocomplete keeps its own analyser


def test_elasticsearch_query_uses_the_active_languages_subfield(elastic):
    def query_for(language):
        with translation.override(language):
            compiler = elastic.query_compiler_class(StandardPage.objects.all(), "workshops")
            return json.dumps(compiler.get_query())

    assert "_all_text.en" in query_for("en") and "_all_text.de" not in query_for("en")
    assert "_all_text.de" in query_for("de")


@pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: no live Elasticsearch",
)
@pytest.mark.django_db
def test_live_elasticsearch_stems_per_locale(client, home_en):
    from django.core.management import call_command

    page = StandardPage(title="Gingerbread", slug="gingerbread-es", intro="Gingerbread workshops")
    home_en.add_child(instance=page)
    page.save_revision().publish()
    call_command("update_index", verbosity=0)
    response = client.get("/en/search/", {"q": "workshop"})
    assert [item["page"].title for item in response.context["items"]] == ["Gingerbread"]


def test_elasticsearch_german_analyser_splits_compounds_with_the_same_dictionary(elastic):
    analysis = elastic.settings["settings"]["analysis"]
    german = analysis["analyzer"]["german_text"]["filter"]
    # after lowercasing (the list is lower-case), before the umlauts are folded and stemmed
    assert german.index("lowercase") < german.index("german_decompounder")
    assert german.index("german_decompounder") < german.index("german_normalization")
    assert "german_decompounder" not in analysis["analyzer"]["english_text"]["filter"]
    decompounder = analysis["filter"]["german_decompounder"]
    assert decompounder["type"] == "dictionary_decompounder"
    assert decompounder["only_longest_match"] is True
    words = set(decompounder["word_list"])
    assert {"jugend", "beteiligung", "bürger", "haushalt", "rat"} <= words
    assert "jugendbeteiligung" not in words  # the parts, not the compound


def test_elasticsearch_word_list_can_be_a_file_on_the_server():
    backend = LocaleElasticsearchSearchBackend(
        {
            "URLS": ["http://localhost:9200"],
            "INDEX_SETTINGS": settings.SEARCH_INDEX_SETTINGS,
            "DECOMPOUND_WORDS_PATH": "analysis/german-nouns.txt",
        }
    )
    decompounder = backend.settings["settings"]["analysis"]["filter"]["german_decompounder"]
    assert decompounder["word_list_path"] == "analysis/german-nouns.txt"
    assert "word_list" not in decompounder


def test_settings_pass_the_word_list_path_from_the_environment():
    backend = settings_backends(
        ELASTICSEARCH_URL="http://es:9200",
        ELASTICSEARCH_DECOMPOUND_WORDS_PATH="analysis/nouns.txt",
    )
    assert backend["DECOMPOUND_WORDS_PATH"] == "analysis/nouns.txt"


def test_export_compound_words_writes_the_list(tmp_path):
    from django.core.management import call_command

    target = tmp_path / "nouns.txt"
    call_command("export_compound_words", str(target), stdout=open(os.devnull, "w"))
    words = target.read_text(encoding="utf-8").splitlines()
    assert len(words) > 50_000 and "beteiligung" in words and words == sorted(words)


@pytest.mark.django_db  # the query builder reads the editors' synonym groups
def test_elasticsearch_german_query_asks_for_the_compound_or_its_parts(elastic):
    from search import query as queries

    with translation.override("de"):
        every, _ = queries.build("Jugendbeteiligung", "de")
        compiled = json.dumps(
            elastic.query_compiler_class(StandardPage.objects.all(), every).get_query(),
            ensure_ascii=False,
        )
    assert "Jugendbeteiligung" in compiled and "Jugend Beteiligung" in compiled
    assert "_all_text.de" in compiled
    with translation.override("en"):
        every, _ = queries.build("Jugendbeteiligung", "en")
        compiled = json.dumps(
            elastic.query_compiler_class(StandardPage.objects.all(), every).get_query()
        )
    assert "Jugend Beteiligung" not in compiled  # English queries are not decompounded
