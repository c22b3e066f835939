"""The map of Saxony, "Beteiligung in Zahlen" and published survey results, read from the
served HTML: every number a visitor sees must equal the case list it links to."""

import html as htmllib
import re

import pytest
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from cases.models import CasePage
from events.models import SurveyPage
from insights.models import PublishedQuestion, SurveyResultsPage

pytestmark = pytest.mark.django_db

RESULTS = re.compile(r'<h2 id="results-heading">(\d+) (?:Verfahren|cases?)</h2>')
DISTRICT = re.compile(
    r'<a class="district" href="([^"]+)" aria-label="([^"]+): (\d+) (?:Verfahren|cases?)">'
)
TABLE_LINK = re.compile(r'<a href="([^"]+)" data-count="(\d+)">')


def listing_count(client, url):
    response = client.get(htmllib.unescape(url))
    assert response.status_code == 200, url
    return int(RESULTS.search(response.content.decode()).group(1))


@pytest.mark.parametrize("path", ["/de/verfahren/", "/en/cases/", "/de/verfahren/?level=consult"])
def test_each_district_links_to_a_list_with_the_count_the_map_shows(client, path):
    html = client.get(path).content.decode()
    districts = DISTRICT.findall(html)
    assert len(districts) == 13
    assert len({name for _url, name, _n in districts}) == 13
    for url, _name, count in districts:
        assert listing_count(client, url) == int(count), url
        if "level=" in path:
            assert "level=consult" in url  # the other filters are kept
    # The map's total is the unfiltered-by-region listing's total.
    assert sum(int(n) for _u, _n, n in districts) == listing_count(client, path)
    # The data-table alternative has the same numbers and links.
    table = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td><a href="([^"]+)">(\d+)</a></td></tr>', html
    )
    assert sorted((u, n) for _name, u, n in table) == sorted((u, n) for u, _name, n in districts)


def test_map_shows_cases_with_coordinates_as_points(client):
    html = client.get("/de/verfahren/").content.decode()
    located = CasePage.objects.live().filter(locale__language_code="de").exclude(latitude=None)
    assert located.count() >= 5  # demo content
    points = re.search(r'<g class="case-points" aria-hidden="true">(.*?)</g>', html).group(1)
    assert points.count("<circle") == located.count()
    assert "BKG" in html and "dl-de/by-2-0" in html  # source and licence credited


def test_case_page_has_a_locator_naming_its_region(client):
    case = CasePage.objects.live().get(slug="buergerrat-innenstadt-pirna")
    html = client.get(case.url).content.decode()
    assert 'class="case-locator"' in html
    assert (
        'role="img" aria-label="Lage in Sachsen: Sächsische Schweiz-Osterzgebirge (Landkreis)"'
        in html
    )
    assert re.search(r'<path d="[^"]+" class="own"/>', html)
    assert re.search(r'class="case-locator".*?<circle cx', html, re.S)


@pytest.mark.parametrize(
    "path",
    [
        "/de/beteiligung-in-zahlen/",
        "/en/participation-in-numbers/",
        "/de/beteiligung-in-zahlen/?level=co-create",
        "/de/beteiligung-in-zahlen/?topic=klimaschutz-energie&mode=on-site",
    ],
)
def test_every_chart_number_equals_the_listing_it_links_to(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    links = TABLE_LINK.findall(html)
    assert links
    for url, count in links:
        assert listing_count(client, url) == int(count), url
    total = int(re.search(r'<p class="stats-total"><strong>(\d+)', html).group(1))
    listing = re.search(
        r'<a href="([^"]+)">(?:show them in the case list|zeigen Sie sie in der Verfahrensliste)',
        html,
    )
    assert listing_count(client, listing.group(1)) == total
    # Cases per level add up to the total (one level per case), and every chart is an
    # accessible image next to its table.
    assert html.count('role="img" aria-label=') == 6
    assert html.count('<table class="chart-table">') == 6


def test_results_share_counts_cases_with_published_results(client):
    html = client.get("/en/participation-in-numbers/").content.decode()
    cases = CasePage.objects.live().filter(locale__language_code="en")
    with_results = cases.exclude(results="").count()
    section = html[html.index('id="chart-results"') :]
    assert re.search(
        rf"<th scope=\"row\">results published</th><td class=\"number\">{with_results}</td>",
        section,
    )


def test_statistics_page_survives_bad_filters_and_is_linked_from_home(client):
    response = client.get("/de/beteiligung-in-zahlen/", {"year": "x\x00" * 500, "level": "🙂"})
    assert response.status_code == 200
    assert "ignoriert" in response.content.decode()
    assert 'href="/de/beteiligung-in-zahlen/"' in client.get("/de/").content.decode()


def test_statistics_query_count_is_bounded(client, django_assert_max_num_queries):
    from django.core.cache import cache

    for path in ["/de/beteiligung-in-zahlen/", "/de/beteiligung-in-zahlen/?level=consult"]:
        cache.clear()
        with django_assert_max_num_queries(40):
            assert client.get(path).status_code == 200


# --- survey results --------------------------------------------------------------------


@pytest.fixture
def survey():
    survey = SurveyPage.objects.get(locale__language_code="de")
    FormSubmission.objects.filter(page__translation_key=survey.translation_key).delete()
    return survey


def answer(page, **data):
    return FormSubmission.objects.create(page=page, form_data=data)


def fields(survey):
    return {f.field_type: f for f in survey.form_fields.all()}


def test_groups_under_five_are_suppressed_and_free_text_never_shown(client, survey):
    f = fields(survey)
    radio, boxes, text = (
        f["radio"].clean_name,
        f["checkboxes"].clean_name,
        f["multiline"].clean_name,
    )
    for _ in range(6):
        answer(
            survey,
            **{radio: "Ja, aktiv", boxes: ["Netzwerktreffen besuchen"], text: "GEHEIM-Freitext"},
        )
    for _ in range(5):
        answer(
            survey,
            **{
                radio: "Ja, gelegentlich",
                boxes: ["Netzwerktreffen besuchen", "Beratung in Anspruch nehmen"],
            },
        )
    answer(survey, **{radio: "Nein"})
    answer(survey, **{radio: "Noch unentschieden"})
    answer(survey, **{radio: "Noch unentschieden"})
    english = survey.get_translation(survey.locale.__class__.objects.get(language_code="en"))
    # Answers in English count for the same choices.
    english_radio = [x for x in english.form_fields.all() if x.field_type == "radio"][0]
    english_choices = english_radio.choices.splitlines()
    answer(english, **{english_radio.clean_name: english_choices[3]})  # "No"

    html = client.get("/de/umfrage-ergebnisse/").content.decode()
    assert "GEHEIM-Freitext" not in html
    assert "Basierend auf 15 Antworten" in html or "15 Antworten" in html
    radio_section = html[html.index("Planen Sie, sich am Netzwerk zu beteiligen?") :]
    radio_section = radio_section[: radio_section.index("</table>")]
    rows = dict(
        re.findall(
            r'<tr><th scope="row">([^<]+)</th><td class="number">([^<]+)</td>', radio_section
        )
    )
    assert rows["Ja, aktiv"] == "6"
    # "Nein" (2) and "Noch unentschieden" (2) are under five; together 4, still under five,
    # so the smallest shown group (5) is hidden too: nothing can be worked out from 15.
    assert rows["Nein"] == rows["Noch unentschieden"] == "weniger als 5"
    assert rows["Ja, gelegentlich"] == "nicht ausgewiesen"
    shown = [int(v) for v in rows.values() if v.isdigit()]
    hidden_total = 15 - sum(shown)
    assert hidden_total == 0 or hidden_total >= 5
    boxes_section = html[html.index("Wie möchten Sie sich beteiligen?") :]
    boxes_section = boxes_section[: boxes_section.index("</table>")]
    box_rows = dict(
        re.findall(
            r'<tr><th scope="row">([^<]+)</th><td class="number">([^<]+)</td>', boxes_section
        )
    )
    assert box_rows["Netzwerktreffen besuchen"] == "11"
    assert box_rows["Beratung in Anspruch nehmen"] == "5"
    assert box_rows["An Online-Workshops teilnehmen"] == "weniger als 5"
    # The English page labels the same numbers with the English question's choices.
    en = client.get("/en/survey-results/").content.decode()
    label = htmllib.escape(english_choices[0])
    assert f'<tr><th scope="row">{label}</th><td class="number">6</td>' in en
    assert "GEHEIM-Freitext" not in en


def test_nothing_is_shown_below_five_answers(client, survey):
    radio = fields(survey)["radio"].clean_name
    for _ in range(4):
        answer(survey, **{radio: "Ja, aktiv"})
    html = client.get("/de/umfrage-ergebnisse/").content.decode()
    assert "Ja, aktiv" not in html
    assert "mindestens 5" in html


def test_free_text_questions_cannot_be_published(survey):
    page = SurveyResultsPage.objects.get(locale__language_code="de")
    text_field = fields(survey)["multiline"]
    assert (
        not PublishedQuestion.question.field.get_limit_choices_to()
        or text_field.field_type
        not in PublishedQuestion.question.field.get_limit_choices_to()["field_type__in"]
    )
    from insights.survey import aggregate

    result = aggregate(survey, [text_field], survey)
    assert result["questions"] == []
    assert page.live


def test_period_is_stated_by_month_only(client, survey):
    radio = fields(survey)["radio"].clean_name
    for _ in range(5):
        answer(survey, **{radio: "Ja, aktiv"})
    html = client.get("/de/umfrage-ergebnisse/").content.decode()
    month = timezone.localdate().strftime("%Y")
    assert month in html
    assert re.search(r"\d{1,2}:\d{2}", html.split("<main", 1)[1].split("</main>")[0]) is None
