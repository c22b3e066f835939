"""Knowledge base: case index (filters, sort, pagination, bad input), case pages, open data,
taxonomies and page-tree rules - through real HTTP on the demo content."""

import csv
import html as html_lib
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from cases import bench
from cases.export import KEYS
from cases.models import (
    CaseIndexPage,
    CasePage,
    MethodPage,
    Organisation,
    Region,
    TargetGroup,
    Topic,
)

pytestmark = pytest.mark.django_db

CASE_INDEX = {"de": "/de/verfahren/", "en": "/en/cases/"}


def listed_titles(response):
    """Titles of the cases in the result list (not the featured box)."""
    html = response.content.decode()
    block = (
        html.split('class="case-list"', 1)[1].split("</ul>", 1)[0]
        if 'class="case-list"' in html
        else ""
    )
    return [html_lib.unescape(t) for t in re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', block)]


def live_cases(lang):
    return CasePage.objects.live().filter(locale__language_code=lang)


def count_heading(response):
    return re.search(r'<h2 id="results-heading">([^<]+)</h2>', response.content.decode()).group(1)


def streamed(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")  # CSV: BOM first


# --- taxonomies and tree ------------------------------------------------------------------


def test_all_thirteen_regions_exist_with_distinct_leipzig_slugs():
    assert Region.objects.count() == 13
    assert Region.objects.filter(kind="district").count() == 10
    assert Region.objects.filter(kind="city").count() == 3
    assert {"landkreis-leipzig", "stadt-leipzig"} <= set(
        Region.objects.values_list("slug", flat=True)
    )


def test_translatable_terms_have_english_translations():
    english = Locale.objects.get(language_code="en")
    for model in (Topic, TargetGroup):
        german = model.objects.filter(locale__language_code="de")
        assert german.count() >= 8
        for term in german:
            translation = term.get_translation(english)
            assert translation.name != "" and translation.slug


def test_organisation_model_is_cases_organisation():
    assert Organisation._meta.label == "cases.Organisation"
    assert Organisation.objects.count() >= 13


def test_index_pages_only_under_home_and_once(home_de):
    from home.models import StandardPage

    standard = StandardPage.objects.filter(locale=home_de.locale).first()
    assert not CaseIndexPage.can_create_at(standard)
    assert not CaseIndexPage.can_create_at(home_de)  # max one per parent: it exists already
    assert CasePage.allowed_parent_page_models() == [CaseIndexPage]
    assert MethodPage.allowed_parent_page_models()[0].__name__ == "MethodIndexPage"


def test_demo_has_example_cases_in_every_region_and_25_methods():
    cases = live_cases("de")
    assert cases.count() >= 12
    assert all(c.is_example for c in cases)
    assert set(cases.values_list("region__slug", flat=True)) == set(
        Region.objects.values_list("slug", flat=True)
    )
    assert MethodPage.objects.live().filter(locale__language_code="de").count() >= 25


def test_demo_loading_is_idempotent():
    from wagtail.models import Page

    from cases import demo

    before = (Page.objects.count(), Topic.objects.count(), Organisation.objects.count())
    demo.load()
    assert (Page.objects.count(), Topic.objects.count(), Organisation.objects.count()) == before


# --- case index ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_case_index_lists_live_cases_of_its_language(client, lang):
    response = client.get(CASE_INDEX[lang])
    assert response.status_code == 200
    titles = set(listed_titles(response))
    expected = set(live_cases(lang).values_list("title", flat=True))
    assert titles == expected
    word = "Verfahren" if lang == "de" else "cases"
    assert count_heading(response) == f"{len(expected)} {word}"


def test_case_index_links_open_data_with_types(client):
    html = client.get(CASE_INDEX["de"]).content.decode()
    assert re.search(r'<link rel="alternate" type="text/csv" href="\?format=csv"', html)
    assert re.search(r'<link rel="alternate" type="application/json" href="\?format=json"', html)
    assert 'type="text/csv"' in html.split('id="open-data-heading"')[1]


def test_unpublished_case_is_not_listed(client):
    case = live_cases("de").get(slug="mediation-windpark")
    case.unpublish()
    response = client.get(CASE_INDEX["de"])
    assert case.title not in listed_titles(response)


@pytest.mark.parametrize(
    "param, value, lookup",
    [
        ("region", "stadt-dresden", {"region__slug": "stadt-dresden"}),
        ("level", "co-create", {"participation_level": "co-create"}),
        ("format", "hybrid", {"format": "hybrid"}),
        ("status", "running", {"status": "running"}),
        ("year", "2024", {"start_date__year": 2024}),
        ("topic", "kinder-jugend", {"topics__slug": "kinder-jugend"}),
        ("target_group", "jugendliche", {"target_groups__slug": "jugendliche"}),
        ("method", "world-cafe", {"methods__slug": "world-cafe"}),
    ],
)
def test_each_filter_narrows_the_german_list(client, param, value, lookup):
    response = client.get(CASE_INDEX["de"], {param: value})
    assert response.status_code == 200
    expected = set(live_cases("de").filter(**lookup).values_list("title", flat=True))
    assert expected, "the demo should have a case for this filter"
    assert set(listed_titles(response)) == expected
    assert expected != set(live_cases("de").values_list("title", flat=True))


def test_english_list_filters_by_english_term_slugs(client):
    response = client.get(CASE_INDEX["en"], {"topic": "children-youth", "method": "world-cafe"})
    titles = set(listed_titles(response))
    assert titles == {
        "Founding a youth parliament",
        "Village talks on the future of the primary school",
    }
    assert "Topics: Children and youth" in response.content.decode()


def test_filters_combine_and_each_can_be_removed(client):
    response = client.get(CASE_INDEX["de"], {"region": "stadt-leipzig", "level": "co-create"})
    html = response.content.decode()
    assert listed_titles(response) == ["Planungswerkstatt für einen Stadtteilpark"]
    removals = re.findall(r'<li><a href="([^"]+)">Filter entfernen: ([^<]+)</a></li>', html)
    assert [label for _url, label in removals] == [
        "Region: Leipzig (Kreisfreie Stadt)",
        "Beteiligungsstufe: Mitgestaltung",
    ]
    region_removed = client.get(CASE_INDEX["de"] + removals[0][0].replace("&amp;", "&"))
    assert set(listed_titles(region_removed)) == set(
        live_cases("de").filter(participation_level="co-create").values_list("title", flat=True)
    )


def test_sort_by_title_and_start(client):
    by_title = listed_titles(client.get(CASE_INDEX["de"], {"sort": "title"}))
    assert by_title == sorted(by_title)
    by_start = listed_titles(client.get(CASE_INDEX["de"], {"sort": "start"}))
    expected = list(live_cases("de").order_by("-start_date", "-pk").values_list("title", flat=True))
    assert by_start == expected


def test_form_keeps_the_chosen_values(client):
    html = client.get(
        CASE_INDEX["de"], {"region": "vogtlandkreis", "sort": "title"}
    ).content.decode()
    assert '<option value="vogtlandkreis" selected>' in html
    assert '<option value="title" selected>' in html


@pytest.mark.parametrize(
    "query",
    [
        "region=atlantis",
        "year=abc",
        "year=99999999999999999999",
        "topic=%00",
        "level=%ED%A0%80",
        "region=stadt-dresden&region=vogtlandkreis",
        "page=999999",
        "page=-3",
        "page=abc",
        "sort=%F0%9F%92%A5",
        "method=" + "x" * 5000,
    ],
)
def test_bad_input_never_fails(client, query):
    response = client.get(f"{CASE_INDEX['de']}?{query}")
    assert response.status_code == 200
    assert listed_titles(response)


def test_ignored_values_are_reported(client):
    html = client.get(
        CASE_INDEX["de"], {"region": ["stadt-dresden", "atlantis"], "year": "abc"}
    ).content.decode()
    assert "wurden ignoriert" in html
    assert "Region: „atlantis“" in html and "Jahr: „abc“" in html


def test_unknown_format_is_400(client):
    response = client.get(CASE_INDEX["de"], {"format": "xml"})
    assert response.status_code == 400
    assert "format=csv" in response.content.decode()


def test_pagination_and_query_count_do_not_grow(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(CASE_INDEX["de"], {"region": "stadt-dresden"}).status_code == 200
    bench.generate(cases=45, search_index=False)
    with CaptureQueriesContext(connection) as many:
        response = client.get(CASE_INDEX["de"])
    assert len(listed_titles(response)) == 20
    assert len(many) <= len(few)
    last = client.get(CASE_INDEX["de"], {"page": "999"})
    total = live_cases("de").count()
    assert len(listed_titles(last)) == total - 20 * (total // 20) or len(listed_titles(last)) == 20
    assert "Seite 3 von 3" in last.content.decode()


# --- open data ----------------------------------------------------------------------------


def test_csv_export_matches_the_filtered_list(client):
    response = client.get(CASE_INDEX["de"], {"format": "csv", "level": "consult"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    listed = client.get(CASE_INDEX["de"], {"level": "consult"})
    assert len(rows) == int(count_heading(listed).split()[0])
    assert list(rows[0].keys()) == KEYS
    pirna = next(r for r in rows if r["reference_number"] == "2024-00001")
    assert pirna["region_id"] == "saechsische-schweiz-osterzgebirge"
    assert pirna["region"] == "Sächsische Schweiz-Osterzgebirge (Landkreis)"
    assert pirna["methods"] == "Bürgerrat"
    assert pirna["funding_programme"] == "FRL Bürgerbeteiligung"
    assert pirna["is_example"] == "true"


def test_csv_joins_multiple_values():
    from django.test import Client

    rows = list(
        csv.DictReader(io.StringIO(streamed(Client().get(CASE_INDEX["de"], {"format": "csv"}))))
    )
    plauen = next(r for r in rows if r["municipality"] == "Plauen")
    assert plauen["methods"].split("; ") == ["Zukunftswerkstatt", "Online-Umfrage"] or set(
        plauen["methods"].split("; ")
    ) == {"Zukunftswerkstatt", "Online-Umfrage"}


def test_json_export_has_stable_keys_and_working_urls(client):
    response = client.get(CASE_INDEX["en"], {"format": "json", "region": "stadt-chemnitz"})
    assert response["Content-Type"].startswith("application/json")
    records = json.loads(streamed(response))["records"]
    assert len(records) == live_cases("en").filter(region__slug="stadt-chemnitz").count() == 1
    record = records[0]
    assert list(record) == KEYS
    assert record["topics"] == ["Budget and finance", "Social affairs and cohesion"] or set(
        record["topics"]
    ) == {"Budget and finance", "Social affairs and cohesion"}
    path = "/" + record["url"].split("/", 3)[3]
    assert client.get(path).status_code == 200


def test_export_query_count_does_not_grow(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        streamed(client.get(CASE_INDEX["de"], {"format": "csv"}))
    bench.generate(cases=30, search_index=False)
    with CaptureQueriesContext(connection) as many:
        body = streamed(client.get(CASE_INDEX["de"], {"format": "json"}))
    assert len(json.loads(body)["records"]) == live_cases("de").count()
    assert len(many) <= len(few)


def test_codebook_explains_every_column(client):
    response = client.get(CASE_INDEX["de"] + "codebuch/")
    html = response.content.decode()
    assert response.status_code == 200
    for key in KEYS:
        assert f"<code>{key}</code>" in html
    assert "<code>co-decide</code> – Mitentscheidung" in html
    assert "<code>landkreis-leipzig</code>" in html and "<code>stadt-leipzig</code>" in html


# --- case page ----------------------------------------------------------------------------


def test_case_page_fact_box_links_filters(client):
    response = client.get("/de/verfahren/buergerrat-innenstadt-pirna/")
    html = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Wer",
        "Was",
        "Wo",
        "Wann",
        "Für wen",
        "Wie",
        "Fördersäule / Fördersumme",
        "Beteiligungsstufe",
    ):
        assert f"<dt>{label}</dt>" in html
    assert '<span class="badge">Beispiel</span>' in html
    assert 'href="/de/verfahren/?region=saechsische-schweiz-osterzgebirge"' in html
    assert 'href="/de/verfahren/?level=consult"' in html
    assert 'href="/de/verfahren/?format=on-site"' in html
    assert 'href="/de/verfahren/?target_group=alle"' in html
    assert 'href="/de/verfahren/?method=buergerrat"' in html
    assert 'href="/de/methoden/buergerrat/"' in html
    assert 'href="/de/beteiligungsstufen/"' in html
    assert "45.000 €" in html and "2024-00001" in html
    assert "Was wir gelernt haben" in html and "Was aus den Ergebnissen wurde" in html


def test_english_case_page_shows_english_terms_and_links(client):
    html = html_lib.unescape(
        client.get("/en/cases/citizens-assembly-pirna-centre/").content.decode()
    )
    assert "<dt>For whom</dt>" in html
    assert 'href="/en/cases/?target_group=everyone"' in html
    assert 'href="/en/methods/citizens-assembly/"' in html
    assert 'href="/en/participation-levels/"' in html
    assert "FRL Citizen Participation" in html
    assert "Consultation" in html


def test_related_cases_share_topic_or_region(client):
    page = live_cases("de").get(slug="jugendforum-plauen")
    related = list(page.related_cases(limit=10))
    assert related
    topics = {t.translation_key for t in page.topics.all()}
    for case in related:
        assert case.region_id == page.region_id or topics & {
            t.translation_key for t in case.topics.all()
        }


def test_case_validation_rules():
    page = live_cases("de").get(slug="mediation-windpark")
    page.reference_number = "24-1"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reference_number" in error.value.message_dict
    page.reference_number = "2024-00001"  # taken by the Pirna case
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reference_number" in error.value.message_dict
    page.reference_number = "2022-00009"
    page.level_justification = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "level_justification" in error.value.message_dict


def test_reference_number_is_assigned_when_empty():
    index = CaseIndexPage.objects.get(locale__language_code="de")
    import datetime

    page = CasePage(
        title="Neu",
        slug="neu-ref",
        subject="Test",
        region=Region.objects.first(),
        participation_level="inform",
        level_justification="Nur Information.",
        format="online",
        start_date=datetime.date(2031, 5, 1),
    )
    index.add_child(instance=page)
    assert page.reference_number == "2031-00001"


def test_completeness_lists_missing_recommended_fields():
    page = live_cases("de").get(slug="zukunftswerkstatt-kulturstandort")
    report = page.completeness()
    assert 0 < report["percent"] < 100
    assert "Ergebnisse" in [str(label) for label in report["missing"]]
    assert "Zahl der Teilnehmenden" in [str(label) for label in report["missing"]]


def test_admin_shows_completeness_in_listing_and_edit_view(client, django_user_model):
    admin = django_user_model.objects.create_superuser(
        "kb-admin", "kb@example.org", "pw-long-enough-123"
    )
    client.force_login(admin)
    page = live_cases("de").get(slug="zukunftswerkstatt-kulturstandort")
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    assert "der empfohlenen Felder sind ausgefüllt" in edit.content.decode()
    listing = client.get("/admin/case_listing/")
    assert listing.status_code == 200
    assert "Vollständigkeit" in listing.content.decode()
    for url in (
        "/admin/snippets/cases/region/",
        "/admin/snippets/cases/organisation/?q=Pirna",
        "/admin/snippets/cases/topic/",
        "/admin/snippets/cases/targetgroup/",
    ):
        assert client.get(url).status_code == 200, url


def test_search_finds_cases_by_region_name():
    results = CasePage.objects.live().filter(locale=Locale.objects.get(language_code="de"))
    titles = [p.title for p in results.search("Vogtlandkreis")]
    assert "Jugendforum Plauen: Treffpunkte für junge Leute" in titles


def test_pages_are_valid_html(client):
    from tests.e2e.helpers import assert_valid_html  # skips without Java/vnu.jar

    urls = [
        "/de/verfahren/",
        "/en/cases/?region=stadt-dresden&year=abc",
        "/de/verfahren/codebuch/",
        "/de/verfahren/buergerrat-innenstadt-pirna/",
        "/en/cases/youth-parliament-zwickau/",
    ]
    assert_valid_html({url: client.get(url).content.decode() for url in urls})


def test_only_ministry_editors_may_feature_cases(django_user_model):
    from django.contrib.auth.models import Group

    from cases.models.cases import CasePage as Model

    ministry = django_user_model.objects.create_user("kb-ministry", password="pw-long-enough-123")
    ministry.groups.add(Group.objects.get(name="Ministry editors"))
    guest = django_user_model.objects.create_user("kb-guest", password="pw-long-enough-123")
    guest.groups.add(Group.objects.get(name="Guest editors"))
    assert ministry.has_perm("cases.feature_casepage")
    assert not guest.has_perm("cases.feature_casepage")
    panel = Model.get_edit_handler().bind_to_model(Model)
    form_class = panel.get_form_class()
    page = live_cases("de").first()
    assert "featured" in form_class(instance=page, for_user=ministry).fields
    assert "featured" not in form_class(instance=page, for_user=guest).fields


def test_case_page_relations_follow_a_publish(client, settings):
    """The case page keeps its linked terms and related cases per cache generation: a
    published change shows at once, even with the page cache off."""
    settings.PAGE_CACHE_ENABLED = False
    page = live_cases("de").get(slug="jugendforum-plauen")
    url = page.get_url()
    assert client.get(url).status_code == 200  # fills the caches
    topic = Topic.objects.filter(locale=page.locale).exclude(pk__in=page.topics.all()).first()
    assert f">{topic.name}</a>" not in client.get(url).content.decode()
    page.topics.add(topic)
    page.save_revision().publish()
    assert f">{topic.name}</a>" in client.get(url).content.decode()
