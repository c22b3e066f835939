"""Every export is safe to open in a spreadsheet: formula payloads come out as text, CSV has a
charset and a BOM (Excel), the admin's CSVs use semicolons (German Excel), XLSX cells are text."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from cases.models import CasePage
from events.models import EventRegistration, SurveyPage
from home.models import BarrierReportPage
from home.permissions import MINISTRY_EDITORS
from tests.integration.test_events import make_event

pytestmark = pytest.mark.django_db
PAYLOADS = ['=HYPERLINK("http://evil.example","Klick")', "+1+1", "-2+3", "@SUM(A1:A9)"]


@pytest.fixture
def ministry_client(client):
    user = get_user_model().objects.create_user("ministerin", "m@example.org", "x-Long-pass-42")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))
    client.force_login(user)
    return client


def read_csv(response, delimiter):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    assert raw.startswith("\ufeff".encode())  # BOM: Excel detects UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def assert_no_formula_cells(rows):
    cells = [cell for row in rows for cell in row]
    for payload in PAYLOADS:
        assert "'" + payload in cells, payload
        assert payload not in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def assert_xlsx_cells_are_text(response):
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    found = [cell for cell in cells if cell.value in PAYLOADS]
    assert len(found) == len(PAYLOADS)
    assert all(cell.data_type == "s" for cell in found)


def test_open_data_csv_has_no_formulas_and_a_bom(client):
    case = CasePage.objects.filter(locale__language_code="de").live().first()
    case.subject, case.municipality = PAYLOADS[0], PAYLOADS[1]
    case.save_revision().publish()
    case.organisation.name = PAYLOADS[2]
    case.organisation.save()
    region = case.region
    rows = read_csv(client.get(case.get_parent().url + "?format=csv"), ",")
    row = next(r for r in rows if case.title in r)
    assert "'" + PAYLOADS[0] in row and "'" + PAYLOADS[1] in row and "'" + PAYLOADS[2] in row
    assert region is None or region.slug in row


def test_registration_exports(ministry_client):
    event = make_event("formeln", registration_mode="form")
    for i, payload in enumerate(PAYLOADS):
        EventRegistration.objects.create(
            event=event,
            name=payload,
            email=f"p{i}@example.org",
            organisation="Stadt",
            consent_at=timezone.now(),
        )
    url = "/admin/snippets/events/eventregistration/"
    assert_no_formula_cells(read_csv(ministry_client.get(url + "?export=csv"), ";"))
    assert_xlsx_cells_are_text(ministry_client.get(url + "?export=xlsx"))


@pytest.mark.parametrize("model", [SurveyPage, BarrierReportPage])
def test_form_submission_exports(ministry_client, model):
    page = model.objects.get(locale__language_code="de")
    field = page.form_fields.first().clean_name
    for payload in PAYLOADS:
        FormSubmission.objects.create(page=page, form_data={field: payload})
    url = f"/admin/forms/submissions/{page.pk}/"
    rows = read_csv(ministry_client.get(url + "?export=csv"), ";")
    assert_no_formula_cells(rows)
    assert_xlsx_cells_are_text(ministry_client.get(url + "?export=xlsx"))
