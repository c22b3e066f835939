"""One vocabulary for URL parameters (home/params.py): `format` is the participation format
on the case listing, the method finder and the event listing; bookmarks with the old name
`mode` redirect permanently to the same selection; the export keeps `format=csv|json`."""

import csv
import io
from urllib.parse import parse_qsl, urlsplit

import pytest

from cases.models import CaseIndexPage, CasePage, MethodIndexPage

pytestmark = pytest.mark.django_db


def index_url(model, language="de"):
    return model.objects.get(locale__language_code=language).url


@pytest.mark.parametrize(
    "model, query, expected",
    [
        (CaseIndexPage, "mode=hybrid", [("format", "hybrid")]),
        (CaseIndexPage, "region=stadt-dresden&mode=online&page=2", None),
        (MethodIndexPage, "purpose=ideas&mode=online&people=20", None),
        (
            MethodIndexPage,
            "mode=on-site&mode=hybrid",
            [("format", "on-site"), ("format", "hybrid")],
        ),
    ],
)
def test_old_parameter_names_redirect_permanently(client, model, query, expected):
    url = index_url(model)
    response = client.get(f"{url}?{query}")
    assert response.status_code == 301
    target = urlsplit(response["Location"])
    assert target.path == url
    renamed = [("format" if k == "mode" else k, v) for k, v in parse_qsl(query)]
    assert parse_qsl(target.query) == (expected or renamed)
    followed = client.get(response["Location"])
    assert followed.status_code == 200


def test_redirect_keeps_the_english_site(client):
    url = index_url(CaseIndexPage, "en")
    response = client.get(url + "?mode=online")
    assert response.status_code == 301 and response["Location"] == url + "?format=online"


def test_format_filters_the_case_listing(client):
    url = index_url(CaseIndexPage)
    html = client.get(url + "?format=hybrid").content.decode()
    other = CasePage.objects.live().filter(locale__language_code="de").exclude(format="hybrid")
    assert other.exists() and other.first().title not in html
    assert 'value="hybrid" selected' in html
    assert "?format=hybrid&amp;format=csv" in html  # the export link keeps the filter


def test_export_of_a_format_filtered_listing(client):
    url = index_url(CaseIndexPage)
    response = client.get(url + "?format=hybrid&format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    expected = CasePage.objects.live().filter(locale__language_code="de", format="hybrid")
    assert len(rows) == expected.count() > 0


def test_unknown_values_are_ignored_with_a_note_and_unknown_formats_refused(client):
    url = index_url(CaseIndexPage)
    assert client.get(url + "?format=xml").status_code == 400
    finder = client.get(index_url(MethodIndexPage) + "?format=teleport")
    assert finder.status_code == 200


def test_finder_reads_format(client):
    html = client.get(index_url(MethodIndexPage) + "?format=online").content.decode()
    assert '<select id="finder-mode" name="format">' in html
    assert 'value="online" selected' in html


# --- one reading for every listing (home/params.py) ----------------------------------------

NOT_AN_OPTION = "Keine der angebotenen Möglichkeiten."


def test_case_listing_applies_the_valid_values_and_says_why_it_ignored_the_rest(client):
    response = client.get(index_url(CaseIndexPage) + "?format=hybrid&region=atlantis")
    html = response.content.decode()
    other = CasePage.objects.live().filter(locale__language_code="de").exclude(format="hybrid")
    assert other.first().title not in html  # the format still filters
    hybrid = CasePage.objects.live().filter(locale__language_code="de", format="hybrid")
    assert hybrid.first().title in html
    assert f"Region: „atlantis“ – {NOT_AN_OPTION}" in html


def test_the_english_notice_quotes_the_value_in_english(client):
    html = client.get("/en/events/?format=teleport").content.decode()
    assert "Format: “teleport” – Not one of the options." in html


def test_finder_applies_the_valid_answers_and_says_why_it_ignored_the_rest(client):
    response = client.get(index_url(MethodIndexPage) + "?format=online&people=abc&people=40")
    assert response.context["finder"].criteria == {"format": "online", "people": 40}
    html = response.content.decode()
    assert "Zahl der Menschen: „abc“ – " in html  # Django's reason: not a whole number
    assert "<strong>Format:</strong> Online" in html


def test_event_listing_applies_the_valid_values_and_says_why_it_ignored_the_rest(client):
    response = client.get("/de/veranstaltungen/?type=workshop&format=teleport")
    html = response.content.decode()
    assert "Praxiswerkstatt" in html and "2. Netzwerktreffen" not in html
    assert f"Format: „teleport“ – {NOT_AN_OPTION}" in html


def test_search_applies_the_valid_values_and_says_why_it_ignored_the_rest(client, home_de):
    from home.models import StandardPage

    page = StandardPage(title="Quittengelee am Markt", slug="quittengelee-am-markt")
    home_de.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(
        "/de/suche/", {"q": "Quittengelee", "type": "home.standardpage", "region": "abc"}
    )
    assert [item["page"].title for item in response.context["items"]] == [page.title]
    assert response.context["selection"].as_params() == {"type": "home.standardpage"}
    assert f"Region: „abc“ – {NOT_AN_OPTION}" in response.content.decode()


def test_the_shared_names_are_read_alike_everywhere():
    from cases.filters import CaseParams
    from cases.finder import FinderParams
    from events.models.index import EventParams
    from home.params import FIELDS
    from search.facets import SearchParams

    forms = [CaseParams, FinderParams, EventParams, SearchParams]
    seen = set()
    for form in forms:
        for name, field in form.base_fields.items():
            if name not in FIELDS:
                continue
            seen.add(name)
            shared = FIELDS[name]()
            assert type(field) is type(shared), (form, name)
            assert str(field.label) == str(shared.label), (form, name)
            assert field.error_messages == shared.error_messages, (form, name)
    assert seen == set(FIELDS)  # every shared name is in use


@pytest.mark.parametrize(
    "url, label",
    [
        ("/de/verfahren/?region=teleport", "Region"),
        ("/de/suche/?q=Dresden&region=teleport", "Region"),
        ("/de/methoden/?format=teleport", "Format"),
        ("/de/veranstaltungen/?format=teleport", "Format"),
    ],
)
def test_the_same_invalid_value_gets_the_same_reason_everywhere(client, url, label):
    assert f"{label}: „teleport“ – {NOT_AN_OPTION}" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "url, query, expected",
    [
        ("/de/veranstaltungen/", "mode=online&type=workshop", "format=online&type=workshop"),
        ("/en/events/", "mode=hybrid", "format=hybrid"),
        ("/de/suche/", "q=B%C3%BCrgerrat&mode=online", "q=B%C3%BCrgerrat&format=online"),
    ],
)
def test_old_parameter_names_redirect_on_the_events_and_search_pages(client, url, query, expected):
    response = client.get(f"{url}?{query}")
    assert response.status_code == 301
    assert response["Location"] == f"{url}?{expected}"
