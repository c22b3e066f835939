"""Reviewing a case with its completeness in view (issue 13): Wagtail's approve modal shows
the share of recommended fields filled in; below settings.APPROVAL_MIN_COMPLETENESS approving
needs an explicit confirmation, both in the modal's own action view and in the footer's
"approve with comment" (collect data) view. Through the real admin views, as the real roles."""

import json

import pytest
from django.urls import reverse

from cases.models import CaseIndexPage, CasePage, Region
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.integration.test_roles import login, make_user

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def ministry(db):
    return make_user("ministry", MINISTRY_EDITORS, first_name="Mia")


@pytest.fixture
def guest(db):
    return make_user("guest", GUEST_EDITORS, first_name="Gus")


def submitted_case(guest, slug="duenner-fall"):
    """A guest's case with only what publishing requires (few recommended fields), in review."""
    page = CasePage(
        title="Dünner Fall",
        slug=slug,
        subject="Bürgerwerkstatt",
        region=Region.objects.order_by("pk").first(),
        participation_level="inform",
        level_justification="Nur Information.",
        format="online",
        owner=guest,
        live=False,
    )
    CaseIndexPage.objects.get(locale__language_code="de").add_child(instance=page)
    page.save_revision(user=guest)
    page.get_workflow().start(page, guest)
    page.refresh_from_db()
    return page, page.current_workflow_state.current_task_state


def action_url(page, task_state, view="workflow_action"):
    return reverse(f"wagtailadmin_pages:{view}", args=(page.pk, "approve", task_state.pk))


def modal_html(response):
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def test_approve_modal_shows_completeness_and_requires_confirmation(
    client, guest, ministry, settings
):
    settings.APPROVAL_MIN_COMPLETENESS = 80
    page, task_state = submitted_case(guest)
    percent = page.completeness()["percent"]
    assert percent < 80
    login(client, ministry)

    html = modal_html(client.get(action_url(page, task_state), **XHR))
    assert f"{percent} % der empfohlenen Felder sind ausgefüllt." in html
    assert 'name="confirm_incomplete"' in html

    # Without the confirmation nothing is approved; the modal answers with the error.
    html = modal_html(client.post(action_url(page, task_state), {"comment": "Gut."}, **XHR))
    assert "Bitte bestätigen Sie" in html
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state.status == "in_progress"

    # The footer's "approve with comment" collects the same confirmation.
    collect = action_url(page, task_state, "collect_workflow_action_data")
    response = client.post(collect, {"comment": "Gut."}, **XHR)
    assert json.loads(response.content)["step"] == "action"
    response = client.post(collect, {"comment": "Gut.", "confirm_incomplete": "on"}, **XHR)
    data = json.loads(response.content)
    assert data["step"] == "success" and data["cleaned_data"] == {"comment": "Gut."}

    response = client.post(
        action_url(page, task_state), {"comment": "Gut.", "confirm_incomplete": "on"}, **XHR
    )
    assert json.loads(response.content)["step"] == "success"
    page.refresh_from_db()
    assert page.live
    task_state.refresh_from_db()
    assert task_state.status == "approved" and task_state.comment == "Gut."


def test_complete_enough_case_is_approved_without_confirmation(client, guest, ministry, settings):
    settings.APPROVAL_MIN_COMPLETENESS = 0
    page, task_state = submitted_case(guest, slug="genug")
    login(client, ministry)
    html = modal_html(client.get(action_url(page, task_state), **XHR))
    assert "der empfohlenen Felder sind ausgefüllt." in html
    assert "confirm_incomplete" not in html
    response = client.post(action_url(page, task_state), {"comment": "Danke."}, **XHR)
    assert json.loads(response.content)["step"] == "success"
    page.refresh_from_db()
    assert page.live


def test_rejecting_needs_no_confirmation(client, guest, ministry, settings):
    settings.APPROVAL_MIN_COMPLETENESS = 100
    page, task_state = submitted_case(guest, slug="abgelehnt")
    login(client, ministry)
    reject = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    assert "confirm_incomplete" not in modal_html(client.get(reject, **XHR))
    client.post(reject, {"comment": "Bitte ergänzen."}, **XHR)
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
