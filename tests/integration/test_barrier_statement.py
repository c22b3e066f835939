"""The accessibility statement (BITV 2.0) embeds its feedback mechanism: the barrier-report
form is shown inside the statement and posts to the form's own page, which stores the report
(and keeps working as a page of its own)."""

from html.parser import HTMLParser

import pytest
from wagtail.contrib.forms.models import FormSubmission

from home.models import BarrierReportPage

pytestmark = pytest.mark.django_db

STATEMENTS = [
    ("/de/barrierefreiheit/", "/de/barrierefreiheit/barriere-melden/", "Vielen Dank."),
    ("/en/accessibility/", "/en/accessibility/report-a-barrier/", "Thank you."),
]


class Forms(HTMLParser):
    """The POST forms of a page: action and the names and values of their inputs."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self._current = {"action": attrs.get("action"), "fields": {}, "labels": []}
            self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "textarea", "select"):
            self._current["fields"][attrs.get("name")] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def post_forms(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


@pytest.mark.parametrize("statement,form_url,thanks", STATEMENTS)
def test_statement_shows_the_barrier_form_posting_to_the_form_page(
    client, statement, form_url, thanks
):
    response = client.get(statement)
    assert response.status_code == 200
    (form,) = post_forms(response.content.decode())
    assert form["action"] == form_url
    report = BarrierReportPage.objects.get(url_path__endswith=form_url.split("/", 2)[2])
    names = {field.clean_name for field in report.specific.get_form_fields()}
    assert len(names) == 3 and names <= set(form["fields"])
    assert {"website", "form_started"} <= set(form["fields"])
    # Its start time is per visit: the statement is never put in a shared cache.
    assert "private" in response["Cache-Control"]
    assert response.get("X-Cache") != "HIT"
    # The form page itself still answers.
    assert client.get(form_url).status_code == 200


@pytest.mark.parametrize("statement,form_url,thanks", STATEMENTS)
def test_report_sent_from_the_statement_is_stored(client, settings, statement, form_url, thanks):
    settings.PUBLIC_FORM_MIN_SECONDS = 0  # the start time comes from the statement page
    (form,) = post_forms(client.get(statement).content.decode())
    report = BarrierReportPage.objects.get(url_path__endswith=form_url.split("/", 2)[2])
    where, description, email = (f.clean_name for f in report.get_form_fields())
    data = {
        **form["fields"],
        where: "Startseite, Suchfeld",
        description: "Das Suchfeld hat keine sichtbare Beschriftung.",
        email: "melderin@example.org",
    }
    before = FormSubmission.objects.filter(page=report).count()
    response = client.post(form["action"], data)
    assert response.status_code == 200
    assert thanks in response.content.decode()
    assert FormSubmission.objects.filter(page=report).count() == before + 1
    stored = FormSubmission.objects.filter(page=report).latest("submit_time").get_data()
    assert stored[description] == "Das Suchfeld hat keine sichtbare Beschriftung."
    assert stored[email] == "melderin@example.org"


def test_other_standard_pages_embed_no_form(client):
    response = client.get("/de/impressum/")
    assert post_forms(response.content.decode()) == []
    assert "private" not in response.get("Cache-Control", "")


def test_statement_with_the_form_is_valid_html(client):
    from tests.e2e.helpers import assert_valid_html  # skips without Java/vnu.jar

    urls = [statement for statement, _form, _thanks in STATEMENTS]
    assert_valid_html({url: client.get(url).content.decode() for url in urls})
