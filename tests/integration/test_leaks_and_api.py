"""The API never answers 500 and speaks JSON for every error; restricted pages and their
aliases in the English tree stay out of it; guest editors reach no personal data through any
admin view, choosers included."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from cases.models import CasePage
from events.models import EventRegistration
from home.models import StandardPage
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.integration.test_events import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "offset=99999999999999999999",
        "offset=-1",
        "limit=abc",
        "locale=%00",
        "search=%00",
        "type=%00",
        "fields=%00",
        "order=%00",
        "child_of=99999999999999999999",
        "descendant_of=%00",
        "title=%00",
    ],
)
def test_api_never_answers_500(client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400, (query, response.status_code)
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_api_takes_broken_utf8_without_error(client):
    response = client.get("/api/v2/pages/?search=%ED%A0%80")
    assert response.status_code == 200 and response.json()["items"] == []


@pytest.mark.parametrize("path", ["/api/v2/pages/999999999/", "/api/v2/nothing/", "/api/v3/"])
def test_api_404s_are_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


@pytest.fixture
def restricted_with_alias(home_de, home_en):
    page = StandardPage(title="Interne Notizen", slug="intern", teaser="Nur für das Team")
    home_de.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    alias = page.create_alias(parent=home_en, update_locale=Locale.objects.get(language_code="en"))
    return page, alias


def test_restricted_pages_and_their_aliases_are_not_in_the_api(client, restricted_with_alias):
    page, alias = restricted_with_alias
    for locale in ("de", "en"):
        ids = [
            p["id"] for p in client.get(f"/api/v2/pages/?locale={locale}&limit=100").json()["items"]
        ]
        assert page.pk not in ids and alias.pk not in ids
    assert client.get(f"/api/v2/pages/{alias.pk}/").status_code == 404
    found = client.get("/api/v2/pages/?search=Interne&locale=en").json()["items"]
    assert not found


def test_restricted_aliases_are_not_in_search_listings_or_sitemap(client, restricted_with_alias):
    page, alias = restricted_with_alias
    assert "Interne Notizen" not in client.get("/en/search/?q=Interne").content.decode()
    assert "Interne" not in client.get("/en/search/suggestions/?q=Inter").content.decode()
    assert f"/en/{alias.slug}/" not in client.get("/sitemap.xml").content.decode()
    assert "Interne Notizen" not in client.get("/en/").content.decode()


def make_user(name, group):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "x-Long-pass-42")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_guest_editors_reach_no_registration_through_any_admin_view(client):
    event = make_event("geheim", registration_mode="form")
    registration = EventRegistration.objects.create(
        event=event,
        name="Renate Registrantin",
        email="renate@example.org",
        consent_at=timezone.now(),
    )
    base = "/admin/snippets/choose/events/eventregistration/"
    urls = [
        base,
        base + "results/?q=Renate",
        base + f"chosen/{registration.pk}/",
        "/admin/snippets/events/eventregistration/",
        f"/admin/snippets/events/eventregistration/inspect/{registration.pk}/",
        f"/admin/snippets/events/eventregistration/history/{registration.pk}/",
        f"/admin/snippets/events/eventregistration/usage/{registration.pk}/",
        "/admin/snippets/events/eventregistration/?export=csv",
        f"/admin/bulk/events/eventregistration/delete/?next=/admin/&id={registration.pk}",
    ]
    client.force_login(make_user("gast", GUEST_EDITORS))
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"Renate" not in body, url
    client.force_login(make_user("ministerin", MINISTRY_EDITORS))
    assert b"Renate" in client.get(base + "results/?q=Renate").content


# Fields a page type adds to Wagtail's Page that stay out of the API, and why. Every other
# field is in the type's `api_fields`: a new field must be exposed or listed here.
NOT_IN_API = {
    "*": {"listing_image"},  # a listing's choice of picture; the API has the lead image
    "home.HomePage": {  # the home page's layout
        "featured_cases",
        "cases_count_override",
        "methods_count_override",
        "regions_count_override",
    },
    "home.BarrierReportPage": {"to_address", "from_address", "subject"},  # mail settings
    "events.SurveyPage": {"to_address", "from_address", "subject"},
    # Contact goes through the site's message relay, addresses are never published;
    # "featured" is an editorial flag of the listing.
    "cases.CasePage": {"contact_email", "contact_phone", "featured"},
    # Links to other pages: the pages list them, the API has them under their own ids.
    "events.EventPage": {"related_cases", "related_methods"},
    # Whom an issue was sent to and when is internal.
    "newsletter.NewsletterIssuePage": {"interests", "sending_started_at"},
}
PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}


def own_fields(model):
    return {
        field.name
        for field in model._meta.get_fields()
        if field.name not in PAGE_FIELDS
        and (field.concrete or field.many_to_many)
        and not field.auto_created
    }


def test_api_exposes_each_page_types_fields(client):
    """Every page type's `api_fields` cover its own fields (less NOT_IN_API), and a live
    page of each type in the demo answers with all of them."""
    models = [m for m in get_page_models() if m is not Page]
    shown = 0
    for model in models:
        label = model._meta.label
        api = {field.name for field in model.api_fields}
        left_out = NOT_IN_API["*"] | NOT_IN_API.get(label, set())
        assert own_fields(model) - left_out <= api, (label, own_fields(model) - left_out - api)
        assert not api & left_out, label
        page = model.objects.live().public().first()
        if page is None:
            continue
        detail = client.get(f"/api/v2/pages/{page.pk}/").json()
        assert detail["meta"]["type"] == label
        assert api <= set(detail), (label, api - set(detail))
        shown += 1
    assert shown >= len(models) - 3  # the demo has a page of (nearly) every type


def test_api_case_terms_have_the_export_ids(client):
    case = CasePage.objects.live().filter(locale__language_code="en", topics__isnull=False).first()
    detail = client.get(f"/api/v2/pages/{case.pk}/").json()
    records = json.loads(b"".join(client.get("/en/cases/?format=json").streaming_content).decode())[
        "records"
    ]
    record = next(r for r in records if r["reference_number"] == case.reference_number)
    assert detail["region"] == {"id": record["region_id"], "name": record["region"]}
    for api_name, ids, names in (
        ("topics", "topic_ids", "topics"),
        ("target_groups", "target_group_ids", "target_groups"),
    ):
        assert [t["id"] for t in detail[api_name]] == record[ids]
        assert [t["name"] for t in detail[api_name]] == record[names]
    assert {m["id"] for m in detail["methods"]} >= set(record["method_ids"])
    assert isinstance(detail["funding_amount"], (int, float, type(None)))
