"""A first draft saves with only a title; what publishing needs is asked for on submit and
publish, and the errors name the admin tab they are on, in the editor's language (issue 13).
Through the admin's real add and edit views, as the real roles (no superuser)."""

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from wagtail.blocks import BlockField
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from tests.integration.test_roles import login, make_user

pytestmark = pytest.mark.django_db

# (app, page model, parent model, role): guests write cases, events and news; Ministry
# editors also methods and funding programmes.
PAGE_TYPES = [
    ("cases", "casepage", "caseindexpage", "guest"),
    ("events", "eventpage", "eventindexpage", "guest"),
    ("home", "newspage", "newsindexpage", "guest"),
    ("cases", "methodpage", "methodindexpage", "ministry"),
    ("cases", "fundingprogrammepage", "fundingindexpage", "ministry"),
]


@pytest.fixture
def editors(db):
    return {
        "guest": make_user("guest", GUEST_EDITORS, first_name="Gus"),
        "ministry": make_user("ministry", MINISTRY_EDITORS, first_name="Mia"),
    }


def title_only(model, title, slug, **extra):
    """What the browser sends for a new page with nothing but a title (and its slug): empty
    stream fields and inline panels, the preselected defaults of choices and checkboxes,
    every other field empty."""
    form_class = model.get_edit_handler().get_form_class()
    data = {"title": title, "slug": slug}
    for name, field in form_class.base_fields.items():
        if isinstance(field, BlockField):
            data[name] = streamfield([])
            continue
        try:
            default = model._meta.get_field(name).get_default()
        except FieldDoesNotExist:
            continue
        if default not in (None, "", False, []):
            data[name] = "on" if default is True else default
    for name in form_class.formsets:
        data[name] = inline_formset([])
    data.update(extra)
    return nested_form_data(data)


def parent_of(app, parent_model):
    return apps.get_model(app, parent_model).objects.get(locale__language_code="de")


def add_url(app, model_name, parent):
    return reverse("wagtailadmin_pages:add", args=(app, model_name, parent.pk))


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def error_message(response):
    """The admin's message about the form's errors (the last one of the request)."""
    return messages_of(response)[-1]


@pytest.mark.parametrize("app,model_name,parent_model,role", PAGE_TYPES)
def test_first_draft_saves_with_only_a_title(client, editors, app, model_name, parent_model, role):
    model = apps.get_model(app, model_name)
    parent = parent_of(app, parent_model)
    login(client, editors[role])
    response = client.post(
        add_url(app, model_name, parent), title_only(model, "Erster Entwurf", "erster-entwurf")
    )
    assert response.status_code == 302, messages_of(response)
    page = model.objects.child_of(parent).get(slug="erster-entwurf")
    assert not page.live and page.owner == editors[role]
    assert page.get_latest_revision().as_object().title == "Erster Entwurf"
    # The draft can be looked at as readers would see it (no date, venue or facts yet).
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))
    assert preview.status_code == 200 and "Erster Entwurf" in preview.content.decode()


def submit_or_publish(role):
    return {"action-submit": "1"} if role == "guest" else {"action-publish": "1"}


# What each page type asks for before it is published, with the tab it is on.
REQUIRED_ON_PUBLISH = {
    "casepage": ("Steckbrief", ["Gegenstand (Was)", "Region", "Begründung der Stufe"]),
    "eventpage": ("Inhalt", ["Beginn", "Ende", "Veranstaltungsort"]),
    "newspage": ("Inhalt", ["Datum"]),
    "fundingprogrammepage": ("Inhalt", ["Fördermittelgeber", "Antragsfrist"]),
}


@pytest.mark.parametrize(
    "app,model_name,parent_model,role",
    [row for row in PAGE_TYPES if row[1] in REQUIRED_ON_PUBLISH],
)
def test_submit_or_publish_asks_for_what_publishing_needs_and_names_the_tab(
    client, editors, app, model_name, parent_model, role
):
    model = apps.get_model(app, model_name)
    parent = parent_of(app, parent_model)
    login(client, editors[role])
    data = title_only(model, "Halber Entwurf", "halber-entwurf", **submit_or_publish(role))
    response = client.post(add_url(app, model_name, parent), data)

    assert response.status_code == 200  # the form again, nothing stored
    assert not model.objects.filter(slug="halber-entwurf").exists()
    tab, labels = REQUIRED_ON_PUBLISH[model_name]
    (message,) = messages_of(response)
    summary = next(line for line in message.split("\n") if f"Reiter „{tab}“: " in line)
    for label in labels:
        assert label in summary, (label, summary)


def test_a_case_draft_submitted_later_names_each_tab_with_errors(client, editors):
    from cases.models import CaseIndexPage, CasePage

    guest = editors["guest"]
    parent = CaseIndexPage.objects.get(locale__language_code="de")
    login(client, guest)
    client.post(
        add_url("cases", "casepage", parent), title_only(CasePage, "Nur Titel", "nur-titel")
    )
    page = CasePage.objects.get(slug="nur-titel", locale=parent.locale)

    # An invalid e-mail address (Content tab) and the missing facts (Facts tab).
    data = title_only(
        CasePage, "Nur Titel", "nur-titel", contact_email="kein-at", **{"action-submit": "1"}
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    assert response.status_code == 200
    message = error_message(response)
    assert "Reiter „Inhalt“: Kontakt-E-Mail" in message
    assert "Reiter „Steckbrief“: Gegenstand (Was), Region, Beteiligungsstufe" in message
    assert message.index("Reiter „Inhalt“") < message.index("Reiter „Steckbrief“")  # tab order
    # Where to look comes first, then each field's error, once.
    assert message.index("Reiter „Steckbrief“") < message.index("Gegenstand (Was): ")
    assert message.count("Begründung der Stufe: ") == 1
    page.refresh_from_db()
    assert not page.workflow_in_progress

    # In the English admin, the same in English.
    profile = UserProfile.get_for_user(guest)
    profile.preferred_language = "en"
    profile.save()
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    message = error_message(response)
    assert "Tab “Facts”: Subject (what), Region, Participation level" in message
    assert "Reiter" not in message


def test_only_the_fields_with_errors_are_named(client, editors):
    """A page whose errors are all on one tab names only that tab."""
    from home.models import NewsIndexPage, NewsPage

    parent = NewsIndexPage.objects.get(locale__language_code="de")
    login(client, editors["guest"])
    data = title_only(NewsPage, "Meldung", "meldung", **{"action-submit": "1"})
    response = client.post(add_url("home", "newspage", parent), data)
    (message,) = messages_of(response)
    assert "Reiter „Inhalt“: Datum" in message
    assert "Reiter „Veröffentlichung“" not in message and "Einstellungen" not in message
    assert not Page.objects.filter(slug="meldung").exists()
