"""Reviewing a case with its completeness in view (issue 13): Wagtail's approve modal shows
the share of recommended fields filled in; below settings.APPROVAL_MIN_COMPLETENESS approving
needs an explicit confirmation, both in the modal's own action view and in the footer's
"approve with comment" (collect data) view; the footer's plain "Approve", the edit form posted
with an approval and a direct POST to the action URL refuse without it and say why, in the
editor's language. Through the real admin views, as the real roles (no superuser)."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.users.models import UserProfile

from cases.models import CaseIndexPage
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.factories import minimal_case
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
    page = minimal_case("Dünner Fall", slug, guest, live=False)
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
    # The confirmation goes on to the edit view with the comment (EditView checks it).
    assert data["step"] == "success"
    assert data["cleaned_data"] == {"comment": "Gut.", "confirm_incomplete": True}

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


# --- every other way to approve asks for the confirmation too -----------------------------


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def approve_from_footer(client, page, **extra_data):
    """The edit view's footer: "Approve" (no extra data) or, after the modal, with its data."""
    from tests.integration.test_roles_guests import case_form

    data = case_form(page.title, page.slug)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    if extra_data:
        data["workflow-action-extra-data"] = json.dumps(extra_data)
    return client.post(edit_url(page), data)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def set_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def still_in_review(page):
    page.refresh_from_db()
    return not page.live and page.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize(
    "language,reason",
    [
        ("de", "Nicht freigegeben: Erst {percent} % der empfohlenen Felder sind ausgefüllt"),
        ("en", "Not approved: only {percent} % of the recommended fields are filled in"),
    ],
)
def test_plain_approve_in_the_edit_view_refuses_without_confirmation(
    client, guest, ministry, settings, language, reason
):
    settings.APPROVAL_MIN_COMPLETENESS = 80
    set_language(ministry, language)
    page, _task_state = submitted_case(guest)
    login(client, ministry)

    response = approve_from_footer(client, page)
    # The form comes back with the reason; nothing is approved or published.
    assert response.status_code == 200
    percent = response.context["page"].completeness()["percent"]
    assert percent < 80
    (message,) = [m for m in messages_of(response) if "80 %" in m]
    assert message.startswith(reason.format(percent=percent))
    assert still_in_review(page)

    # The modal's data without the confirmation is refused the same way.
    response = approve_from_footer(client, page, comment="Gut.")
    assert response.status_code == 200 and still_in_review(page)

    # With it ("approve with comment" after the modal) the case is approved and published.
    response = approve_from_footer(client, page, comment="Gut.", confirm_incomplete=True)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    task_state = page.workflow_states.get().task_states.get()
    assert task_state.status == "approved" and task_state.comment == "Gut."


def test_reviewers_own_changes_count_towards_completeness(client, guest, ministry, settings):
    """Filling in the missing fields while approving makes the confirmation unnecessary."""
    page, _task_state = submitted_case(guest, slug="ergaenzt")
    settings.APPROVAL_MIN_COMPLETENESS = page.completeness()["percent"] + 1
    login(client, ministry)
    from tests.integration.test_roles_guests import case_form

    data = case_form(page.title, page.slug, teaser="Worum es ging.", contact_email="a@b.de")
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    assert client.post(edit_url(page), data).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_direct_post_to_the_action_url_refuses_without_confirmation(
    client, guest, ministry, settings
):
    settings.APPROVAL_MIN_COMPLETENESS = 80
    page, task_state = submitted_case(guest, slug="direkt")
    login(client, ministry)
    home = reverse("wagtailadmin_home")

    # The dashboard's plain "Approve" posts here without the modal.
    response = client.post(action_url(page, task_state), {"next": home})
    assert response.status_code == 302 and response["Location"] == home
    (message,) = messages_of(response)
    assert message.startswith("Nicht freigegeben: Erst ")
    assert still_in_review(page)

    response = client.post(action_url(page, task_state), {"next": home, "confirm_incomplete": "on"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


@pytest.mark.parametrize("threshold,asks", [(80, True), (0, False)])
def test_footers_plain_approve_opens_the_modal_below_the_threshold(
    client, guest, ministry, settings, threshold, asks
):
    settings.APPROVAL_MIN_COMPLETENESS = threshold
    page, task_state = submitted_case(guest, slug=f"fusszeile-{threshold}")
    login(client, ministry)
    html = client.get(edit_url(page)).content.decode()
    modal_url = action_url(page, task_state, "collect_workflow_action_data")
    buttons = [b for b in html.split("<button")[1:] if 'data-workflow-action-name="approve"' in b]
    assert len(buttons) == 2  # "Approve" and "Approve with comment"
    with_modal = [b for b in buttons if f'data-workflow-action-modal-url="{modal_url}"' in b]
    assert len(with_modal) == (2 if asks else 1)


@pytest.mark.parametrize("threshold,asks", [(80, True), (0, False)])
def test_dashboards_plain_approve_opens_the_modal_below_the_threshold(
    client, guest, ministry, settings, threshold, asks
):
    settings.APPROVAL_MIN_COMPLETENESS = threshold
    page, task_state = submitted_case(guest, slug=f"dashboard-{threshold}")
    login(client, ministry)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    url = action_url(page, task_state)
    buttons = [b.split(">")[0] for b in html.split("<button")[1:] if f'"{url}"' in b]
    assert len(buttons) == 2  # "Approve" and "Approve with comment"
    assert sum("data-launch-modal" in b for b in buttons) == (2 if asks else 1)
