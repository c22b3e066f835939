"""Editorial workflow in a real browser: a guest editor of a partner organisation creates a
case and submits it; a Ministry editor approves it; the case appears on the public site."""

import re

import pytest

from tests.e2e.helpers import create_user, login, shell

pytestmark = pytest.mark.e2e

PASSWORD = "Beteiligung-in-Sachsen-2026"
TITLE = "E2E Beteiligungsverfahren der Gastredaktion"


def show_field(page, selector):
    """Open the editor tab that holds the field (the fact box has a tab of its own)."""
    field = page.locator(selector).first
    if not field.is_visible():
        panel_id = page.locator(f"[role=tabpanel]:has({selector})").first.get_attribute("id")
        page.locator(f"[role=tab][aria-controls='{panel_id}']").click()
    return field


def choose_first(page, name):
    """Pick the first real option of a chooser widget, a select or a radio group."""
    if page.locator(f"#id_{name}-chooser").count():
        show_field(page, f"#id_{name}-chooser")
        page.locator(f"#id_{name}-chooser .unchosen [data-chooser-action-choose]").click()
        page.locator("a[data-chooser-modal-choice]").first.click()
        page.locator(f"#id_{name}-chooser:not(.blank)").wait_for()
    elif page.locator(f"select#id_{name}").count():
        show_field(page, f"select#id_{name}").select_option(index=1)
    else:
        show_field(page, f"input[name={name}][type=radio]").check()


def open_more_actions(page):
    """The footer's dropdown with the secondary actions (submit, approve, ...)."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_guest_case_is_submitted_approved_and_published(page, new_page, e2e_server):
    env = e2e_server.env
    create_user(env, "gast_e2e", PASSWORD, groups=["Guest editors"])
    create_user(env, "ministerium_e2e", PASSWORD, groups=["Ministry editors"])
    organisation = shell(
        env,
        "from cases.models import Organisation; from home.models import EditorProfile; "
        "from django.contrib.auth.models import User; o = Organisation.objects.order_by('pk').first(); "
        "EditorProfile.objects.update_or_create(user=User.objects.get(username='gast_e2e'), "
        "defaults={'organisation': o}); print(o.name)",
    )
    parent_id = shell(
        env,
        "from cases.models import CaseIndexPage; "
        "print(CaseIndexPage.objects.get(locale__language_code='de').pk)",
    )

    # The guest creates a case: "Publish" is not offered, the draft goes to moderation.
    login(page, "gast_e2e", PASSWORD)
    page.goto(f"/admin/pages/add/cases/casepage/{parent_id}/")
    show_field(page, "#id_title").fill(TITLE)
    show_field(page, "#id_subject").fill("Bürgerhaushalt mit Gastredaktion")
    choose_first(page, "region")
    choose_first(page, "participation_level")
    show_field(page, "#id_level_justification").fill("Der Stadtrat hat die Vorschläge beraten.")
    choose_first(page, "format")
    assert page.locator("button[name='action-publish']").count() == 0
    open_more_actions(page)
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()

    case_id, live, in_moderation, owner_org = shell(
        env,
        "from cases.models import CasePage; "
        f"c = CasePage.objects.get(title={TITLE!r}, locale__language_code='de'); "
        "r = c.get_latest_revision_as_object(); "
        "print(f'{c.pk}|{c.live}|{c.workflow_in_progress}|{r.organisation}')",
    ).split("|")
    assert live == "False" and in_moderation == "True"
    assert owner_org == organisation

    # The Ministry editor approves it from the editor.
    editor = new_page()
    login(editor, "ministerium_e2e", PASSWORD)
    editor.goto(f"/admin/pages/{case_id}/edit/")
    open_more_actions(editor)
    with editor.expect_navigation():
        editor.locator(
            "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
        ).first.click()

    # The case is public now.
    reader = new_page()
    reader.goto("/de/verfahren/")
    link = reader.get_by_role("link", name=re.compile(re.escape(TITLE)))
    with reader.expect_navigation():
        link.first.click()
    assert reader.get_by_role("heading", level=1).inner_text().strip() == TITLE
