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
