"""Should autosave be switched on (WAGTAIL_AUTOSAVE_INTERVAL; off by default): a background
save that carries a reviewer's decision is refused, so the decision is never taken twice."""

import pytest

from cases.models import CasePage
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.integration.test_roles import login, make_user

pytestmark = pytest.mark.django_db


def test_background_save_with_a_decision_is_refused(client):
    guest = make_user("guest", GUEST_EDITORS)
    ministry = make_user("ministry", MINISTRY_EDITORS)
    case = CasePage.objects.live().filter(locale__language_code="de").first()
    case.save_revision(user=guest)
    case.get_workflow().start(case, guest)
    login(client, ministry)
    decision = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    response = client.post(
        f"/admin/pages/{case.pk}/edit/", decision, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "blocked_by_hook"
    case.refresh_from_db()
    assert case.workflow_in_progress
