"""The guest editor's dashboard (issue 13): "My drafts", "In review" and "Sent back (with
comment)" list only the guest's own pages, through the real admin home page, in the admin
language of the guest."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.integration.test_roles import draft_news, login, make_user, submitted_by_guest


@pytest.fixture
def ministry(db):
    return make_user("ministry", MINISTRY_EDITORS, first_name="Mia")


@pytest.fixture
def guest(db):
    return make_user("guest", GUEST_EDITORS, first_name="Gus")


@pytest.fixture
def other_guest(db):
    return make_user("otherguest", GUEST_EDITORS)


def panel(html, panel_id):
    match = re.search(rf'<section[^>]*id="{panel_id}".*?</section>', html, re.S)
    assert match, f"no panel {panel_id}"
    return match.group(0)


def dashboard(client, user):
    login(client, user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_guest_sees_own_drafts_reviews_and_rejections_only(client, guest, other_guest, ministry):
    draft_news(guest, "Eigener Entwurf", "eigener-entwurf")
    draft_news(other_guest, "Entwurf der anderen Organisation", "fremder-entwurf")
    in_review, _ = submitted_by_guest(client, guest, "Eingereichte Meldung", "eingereicht")
    rejected, task_state = submitted_by_guest(client, guest, "Zurückgewiesene Meldung", "zurueck")
    login(client, ministry)
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=(rejected.pk, "reject", task_state.pk)
    )
    assert client.post(reject, {"comment": "Bitte Quellen ergänzen."}).status_code in (200, 302)

    html = dashboard(client, guest)
    drafts = panel(html, "guest-drafts")
    review = panel(html, "guest-in-review")
    sent_back = panel(html, "guest-sent-back")

    assert "Meine Entwürfe" in drafts and "Eigener Entwurf" in drafts
    assert "Eingereichte Meldung" not in drafts and "Zurückgewiesene Meldung" not in drafts
    assert "In Prüfung" in review and "Eingereichte Meldung" in review
    assert reverse("wagtailadmin_pages:edit", args=(in_review.pk,)) in review
    assert "Zurückgewiesen (mit Kommentar)" in sent_back
    assert "Zurückgewiesene Meldung" in sent_back and "Bitte Quellen ergänzen." in sent_back
    assert "Eingereichte Meldung" not in sent_back
    # Nothing of the other organisation, in any panel.
    assert "Entwurf der anderen Organisation" not in html


def test_panels_speak_english_in_the_english_admin(client, guest):
    profile = UserProfile.get_for_user(guest)
    profile.preferred_language = "en"
    profile.save()
    html = dashboard(client, guest)
    assert "My drafts" in panel(html, "guest-drafts")
    assert "You have no drafts." in panel(html, "guest-drafts")
    assert "In review" in panel(html, "guest-in-review")
    assert "Sent back (with comment)" in panel(html, "guest-sent-back")


def test_ministry_editors_do_not_get_the_guest_panels(client, ministry):
    html = dashboard(client, ministry)
    assert 'id="guest-drafts"' not in html
