"""Case index and open-data export (issue #7): a fixed query budget that does not grow with
the number of cases, derived caches that follow content changes, and link texts that say
where they lead."""

import csv
import html as html_lib
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cases import bench
from cases.models import CasePage
from home.caching import bump_generation

pytestmark = pytest.mark.django_db

INDEX = "/de/verfahren/"
BUDGET = 12  # queries of a listing or export once the derived caches are warm
# Right after a publish: our facet options, years, count, links and featured box (~10) plus
# the header, footer and language switcher fragments (home/, ~15) are rebuilt once, and the
# codebook link's German segment needs the index page's locale (home/routing.py), and the
# dataset description (cases/dataset.py) looks up the latest publication of a case.
COLD_BUDGET = 34
LISTINGS = [
    {},
    {"region": "stadt-dresden", "status": "completed"},
    {"topic": "kinder-jugend", "method": "world-cafe", "sort": "title"},
    {"target_group": "jugendliche", "level": "co-create", "format": "hybrid", "year": "2024"},
    {"sort": "start", "page": "2"},
    {"page": "999999"},
]


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def queries(client, params):
    """(cold, warm) query counts of one URL: first after a content change, then again."""
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(INDEX, params)
            body(response)
        assert response.status_code == 200
        counts.append(len(captured))
    return counts


def count_heading(response):
    return int(re.search(r'<h2 id="results-heading">(\d+)', response.content.decode()).group(1))


def listed_titles(response):
    block = response.content.decode().split('class="case-list"', 1)[1].split("</ul>", 1)[0]
    return [html_lib.unescape(t) for t in re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', block)]


def live_german_cases():
    return CasePage.objects.live().filter(locale__language_code="de")


@pytest.fixture
def uncached(settings):
    """Measure the work behind the page cache (an anonymous listing is page-cached)."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.parametrize("params", LISTINGS + [{"format": "csv"}, {"format": "json"}])
def test_query_budget_is_fixed_and_flat_in_the_number_of_cases(client, uncached, params):
    client.get("/de/")  # site root paths and other caches outside the generation
    bump_generation("test")
    few_cold, few_warm = queries(client, params)
    bench.generate(cases=45, search_index=False)  # bumps the generation: caches are cold
    many_cold, many_warm = queries(client, params)
    assert few_warm <= BUDGET and many_warm <= BUDGET
    assert few_cold <= COLD_BUDGET and many_cold <= COLD_BUDGET
    # Not growing with the cases (a short list may show page 1 with the featured box).
    assert many_warm <= few_warm and many_cold <= few_cold


def test_count_years_and_pages_follow_new_cases(client):
    before = client.get(INDEX)
    bench.generate(cases=45, search_index=False)
    after = client.get(INDEX)
    total = live_german_cases().count()
    assert count_heading(after) == total == count_heading(before) + 45
    years = {str(d.year) for d in live_german_cases().dates("start_date", "year")}
    options = set(re.findall(r'<option value="(\d{4})"', after.content.decode()))
    assert options == years
    last = client.get(INDEX, {"page": "999999"})
    assert len(listed_titles(last)) == total - 20 * ((total - 1) // 20)


def test_private_cases_are_left_out_of_list_count_and_export(client, uncached):
    hidden = live_german_cases().get(slug="mediation-windpark")
    listed = client.get(INDEX)  # caches the count of the public list
    assert hidden.title in listed_titles(listed) or count_heading(listed) > 20
    # No publish happens here: adding a restriction bumps the generation itself
    # (home/caching/invalidation.py), which the cached count, years and teasers are keyed by.
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    response = client.get(INDEX)
    assert count_heading(response) == count_heading(listed) - 1
    assert hidden.title not in listed_titles(response)
    rows = list(csv.DictReader(io.StringIO(body(client.get(INDEX, {"format": "csv"})))))
    assert len(rows) == count_heading(response)
    assert hidden.title not in {row["title"] for row in rows}


def test_export_records_match_the_case_pages(client):
    """The row-based export gives what the case pages show: translated term names, method
    titles, funding programme and coordinates (English index, terms linked in German)."""
    records = json.loads(body(client.get("/en/cases/", {"format": "json"})))["records"]
    english = CasePage.objects.live().filter(locale__language_code="en")
    assert len(records) == english.count()
    for case in english:
        record = next(r for r in records if r["reference_number"] == case.reference_number)
        assert record["topics"] == [t.name for t in case.localized_topics()]
        assert record["target_groups"] == [t.name for t in case.localized_target_groups()]
        assert set(record["methods"]) >= {m.title for m in case.localized_methods()}
        assert record["url"].endswith(case.url)
        assert record["region_id"] == (case.region.slug if case.region else "")
        assert record["region"] == (str(case.region) if case.region else "")
        assert record["latitude"] == (float(case.latitude) if case.latitude is not None else None)


def test_cached_teasers_follow_publishing(client, uncached):
    """The teaser rows of a listing page are cached per generation (cases/views.py)."""
    case = live_german_cases().order_by("-first_published_at", "-pk").first()
    assert case.title in listed_titles(client.get(INDEX))
    case.title = "Umbenanntes Verfahren"
    case.save_revision().publish()  # bumps the generation
    assert "Umbenanntes Verfahren" in listed_titles(client.get(INDEX))


def test_featured_box_follows_publishing(client):
    case = live_german_cases().filter(featured=False).order_by("-start_date").first()
    assert case.title not in client.get(INDEX).content.decode().split('id="results-heading"')[0]
    case.featured = True
    case.save_revision().publish()  # bumps the generation
    featured = client.get(INDEX).content.decode().split('id="results-heading"')[0]
    assert 'id="featured-heading"' in featured and case.title in featured


# Lighthouse "link-text" flags these exact texts (lowercased), e.g. the level "Information".
GENERIC_LINK_TEXTS = {
    "click here",
    "click this",
    "go",
    "here",
    "information",
    "learn more",
    "more",
    "more info",
    "more information",
    "read more",
    "see more",
    "start",
    "this",
    "hier",
    "mehr",
    "weiterlesen",
}


@pytest.mark.parametrize(
    "url", [INDEX, INDEX + "?level=inform", "/en/cases/", "/en/cases/?level=inform"]
)
def test_links_in_the_case_index_say_where_they_lead(client, url):
    bench.generate(cases=45, search_index=False)  # every level occurs among them
    html = client.get(url).content.decode()
    texts = [
        html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        for text in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.S)
    ]
    assert texts
    assert not [t for t in texts if t.lower() in GENERIC_LINK_TEXTS]


def test_level_link_names_the_scale(client):
    bench.generate(cases=45, search_index=False)
    html = client.get(INDEX, {"level": "inform"}).content.decode()
    assert re.search(r'<a href="[^"]+">Stufe: Information</a>', html)
