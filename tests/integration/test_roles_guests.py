"""Guest editors and their organisations: cases and events sections in both languages,
cases defaulting to the guest's organisation, and `manage.py invite_guest_editor`."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import EditorProfile
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS, WORKFLOW_NAME

cases_models = pytest.importorskip("cases.models")
events_models = pytest.importorskip("events.models")
User = get_user_model()


def make_user(username, group_name, organisation=None):
    user = User.objects.create_user(username, f"{username}@example.org", "a-Long-test-pass-42")
    user.groups.add(Group.objects.get(name=group_name))
    if organisation is not None:
        EditorProfile.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def organisation(db):
    return cases_models.Organisation.objects.create(
        name="Bürgerverein Teststadt", kind=_first_choice(cases_models.Organisation, "kind")
    )


@pytest.fixture
def guest(organisation):
    return make_user("gast", GUEST_EDITORS, organisation)


@pytest.fixture
def other_guest(db):
    return make_user("anderer", GUEST_EDITORS)


@pytest.fixture
def ministry(db):
    return make_user("ministerium", MINISTRY_EDITORS)


def _first_choice(model, field):
    return model._meta.get_field(field).choices[0][0]


def section(model, language):
    page = model.objects.filter(locale__language_code=language).first()
    if page is None:
        pytest.skip(f"no {model.__name__} in {language} demo content")
    return page


SECTIONS = [
    ("cases", "caseindexpage", "casepage"),
    ("events", "eventindexpage", "eventpage"),
    ("home", "newsindexpage", "newspage"),
]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("app, index_model, child_model", SECTIONS)
def test_create_forms_per_role(client, guest, ministry, app, index_model, child_model, language):
    from django.apps import apps

    parent = section(apps.get_model(app, index_model), language)
    assert parent.get_workflow().name == WORKFLOW_NAME
    url = reverse("wagtailadmin_pages:add", args=(app, child_model, parent.pk))

    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    for user in (guest, ministry):
        client.force_login(user)
        assert client.get(url).status_code == 200, user


@pytest.mark.parametrize("app, index_model, child_model", SECTIONS)
def test_guests_cannot_edit_published_pages_of_others(
    client, other_guest, app, index_model, child_model
):
    from django.apps import apps

    parent = section(apps.get_model(app, index_model), "de")
    child = Page.objects.child_of(parent).live().first()
    if child is None:
        pytest.skip("no published child page")
    client.force_login(other_guest)
    url = reverse("wagtailadmin_pages:edit", args=(child.pk,))
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"title": "Gekapert"}).status_code in (302, 403)
    assert Page.objects.get(pk=child.pk).get_latest_revision_as_object().title != "Gekapert"


def case_form(title, slug, **extra):
    CasePage = cases_models.CasePage
    region = cases_models.Region.objects.first()
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "teaser": "",
            "subject": "Bürgerhaushalt",
            "organisation": "",
            "municipality": "Teststadt",
            "region": region.pk,
            "status": _first_choice(CasePage, "status"),
            "participation_level": _first_choice(CasePage, "participation_level"),
            "level_justification": "Die Ergebnisse wurden dem Stadtrat vorgelegt.",
            "format": _first_choice(CasePage, "format"),
            "body": streamfield([]),
            "images": streamfield([]),
            "documents": streamfield([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_guest_case_defaults_to_their_organisation_and_stays_a_draft(client, guest, organisation):
    parent = section(cases_models.CaseIndexPage, "de")
    client.force_login(guest)
    url = reverse("wagtailadmin_pages:add", args=("cases", "casepage", parent.pk))
    response = client.post(
        url,
        case_form(
            "Bürgerhaushalt Teststadt", "buergerhaushalt-teststadt", **{"action-publish": "1"}
        ),
    )
    if response.status_code == 200:  # show the form errors to whoever changes the case form
        errors = re.findall(r'class="error-message"[^>]*>(.*?)<', response.content.decode(), re.S)
        pytest.fail(f"case form rejected: {errors}")
    case = cases_models.CasePage.objects.get(
        slug="buergerhaushalt-teststadt", locale__language_code="de"
    )
    assert not case.live
    assert case.owner == guest
    assert case.get_latest_revision_as_object().organisation == organisation


def test_ministry_case_keeps_an_empty_organisation(client, ministry):
    parent = section(cases_models.CaseIndexPage, "de")
    client.force_login(ministry)
    url = reverse("wagtailadmin_pages:add", args=("cases", "casepage", parent.pk))
    response = client.post(
        url, case_form("Ministeriumsfall", "ministeriumsfall", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    case = cases_models.CasePage.objects.get(slug="ministeriumsfall", locale__language_code="de")
    assert case.live and case.organisation is None


# --- invite_guest_editor ----------------------------------------------------------------------


def test_invite_creates_guest_linked_to_organisation_and_mails_a_working_link(client, organisation):
    mail.outbox.clear()
    call_command(
        "invite_guest_editor",
        email="Jana@Verein.example",
        organisation=organisation.name,
        first_name="Jana",
        stdout=open("/dev/null", "w"),
    )

    user = User.objects.get(email="jana@verein.example")
    assert user.groups.filter(name=GUEST_EDITORS).exists()
    assert user.editor_profile.organisation == organisation
    assert not user.has_usable_password() and not user.is_superuser and not user.is_staff

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jana@verein.example"]
    assert "Einladung" in message.subject  # German by default
    link = re.search(r"https?://\S+", message.body).group(0)
    path = link.split("testserver", 1)[1]

    # The link leads to the set-password form; setting a password allows logging in.
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url,
        {
            "new_password1": "Beteiligung-macht-Sinn-2026",
            "new_password2": "Beteiligung-macht-Sinn-2026",
        },
    )
    assert response.status_code == 302
    assert client.login(username="jana@verein.example", password="Beteiligung-macht-Sinn-2026")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_invite_again_updates_instead_of_duplicating(organisation):
    other = cases_models.Organisation.objects.create(
        name="Stadtteilrat Nord", kind=organisation.kind
    )
    out = open("/dev/null", "w")
    call_command(
        "invite_guest_editor", email="kim@example.org", organisation=organisation.name, stdout=out
    )
    call_command(
        "invite_guest_editor", email="kim@example.org", organisation=str(other.pk), stdout=out
    )
    assert User.objects.filter(email="kim@example.org").count() == 1
    assert User.objects.get(email="kim@example.org").editor_profile.organisation == other


@pytest.mark.parametrize(
    "email, org, message",
    [
        ("kein-email", "Bürgerverein Teststadt", "Invalid email"),
        ("a@example.org", "Gibt es nicht", "No unique"),
    ],
)
def test_invite_rejects_bad_input(organisation, email, org, message):
    with pytest.raises(CommandError, match=message):
        call_command("invite_guest_editor", email=email, organisation=org)


def test_invite_refuses_to_demote_an_administrator(organisation):
    User.objects.create_superuser("chefin", "chefin@example.org", "a-Long-test-pass-42")
    with pytest.raises(CommandError, match="administrator"):
        call_command(
            "invite_guest_editor", email="chefin@example.org", organisation=organisation.name
        )


# --- inviting from the admin (Settings → "Invite guest editor") --------------------------------

INVITE_URL = "/admin/guest-editors/invite/"


def invite_form(org, **overrides):
    data = {
        "organisation": org.pk,
        "first_name": "Jana",
        "last_name": "Beispiel",
        "email": "Jana@Verein.example",
        "language": "en",
    }
    data.update(overrides)
    return data


@pytest.fixture
def administrator(db):
    return User.objects.create_superuser("chefin", "chefin@example.org", "a-Long-test-pass-42")


def test_ministry_editors_and_administrators_see_the_invitation(
    client, ministry, administrator, organisation
):
    assert reverse("home_invite_guest_editor") == INVITE_URL
    for user in (ministry, administrator):
        client.force_login(user)
        response = client.get(INVITE_URL)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Gastredaktion einladen" in html and "Einladung senden" in html
        assert "mit einem Link, um ein Passwort festzulegen" in html
        assert 'name="email"' in html and "Bürgerverein Teststadt" in html
        assert INVITE_URL in client.get(reverse("wagtailadmin_home")).content.decode()  # menu


def test_guest_editors_and_anonymous_users_cannot_invite(client, guest, organisation):
    assert client.get(INVITE_URL).status_code == 302  # to the admin login
    assert "login" in client.get(INVITE_URL)["Location"]
    client.force_login(guest)
    assert INVITE_URL not in client.get(reverse("wagtailadmin_home")).content.decode()
    # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard + message.
    denied = client.get(INVITE_URL, follow=True)
    assert denied.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "keinen Zugang zu diesem Bereich" in denied.content.decode()
    mail.outbox.clear()
    response = client.post(INVITE_URL, invite_form(organisation))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    assert not User.objects.filter(email="jana@verein.example").exists() and not mail.outbox


def test_ministry_editor_invites_a_guest_editor(client, ministry, organisation):
    client.force_login(ministry)
    mail.outbox.clear()
    response = client.post(INVITE_URL, invite_form(organisation), follow=True)
    assert response.redirect_chain[-1][0] == INVITE_URL
    assert "Einladung an jana@verein.example gesendet" in response.content.decode()

    user = User.objects.get(email="jana@verein.example")
    assert (user.username, user.first_name, user.last_name) == (
        "jana@verein.example",
        "Jana",
        "Beispiel",
    )
    assert list(user.groups.values_list("name", flat=True)) == [GUEST_EDITORS]
    assert user.editor_profile.organisation == organisation
    assert not user.has_usable_password() and not user.is_superuser and not user.is_staff

    (message,) = mail.outbox
    assert message.to == ["jana@verein.example"] and "Invitation" in message.subject  # English
    assert "Bürgerverein Teststadt" in message.body
    path = re.search(r"https?://\S+", message.body).group(0).split("testserver", 1)[1]
    client.logout()
    response = client.get(path, follow=True)
    assert response.status_code == 200 and 'name="new_password1"' in response.content.decode()


@pytest.mark.parametrize(
    "overrides, field, error",
    [
        ({"email": "kein-email"}, "email", "gültige E-Mail"),
        ({"email": "GAST@example.org"}, "email", "bereits ein Konto"),  # the guest fixture's
        ({"email": "chefin@example.org"}, "email", "bereits ein Konto"),  # an administrator
        ({"organisation": "999999"}, "organisation", "gültige Auswahl"),
        ({"first_name": ""}, "first_name", "Dieses Feld muss ausgefüllt werden"),
    ],
)
def test_invitation_form_keeps_input_and_shows_errors(
    client, ministry, guest, administrator, organisation, overrides, field, error
):
    client.force_login(ministry)
    mail.outbox.clear()
    users = User.objects.count()
    data = invite_form(organisation, **overrides)
    response = client.post(INVITE_URL, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field] and error in str(form.errors[field])
    html = response.content.decode()
    assert error in html
    for name in ("first_name", "last_name", "email"):
        if data[name]:
            assert f'value="{data[name]}"' in html  # the input is kept
    assert User.objects.count() == users and not mail.outbox


def test_a_failed_mail_creates_no_account(client, ministry, organisation, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on discard
    client.force_login(ministry)
    response = client.post(INVITE_URL, invite_form(organisation))
    assert response.status_code == 200
    assert "deshalb wurde kein Konto angelegt" in response.content.decode()
    assert not User.objects.filter(email="jana@verein.example").exists()
