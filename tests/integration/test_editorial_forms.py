"""Every public form reaches a person (issue 13): the English barrier form asks in English; a
submission is stored and mailed to the address in the site settings, with a working admin link;
Ministry editors see it under "Neue Meldungen". Optional dropdowns have an explicit empty choice."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from events.models import SurveyPage
from home.models import BarrierReportPage, SiteSettings
from home.public_forms import start_token
from tests.integration.test_roles import login, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def notify_address(site):
    settings = SiteSettings.for_site(site)
    settings.form_notification_email = "barrieren@ministerium.example"
    settings.save()
    return settings.form_notification_email


def barrier_form(language):
    return BarrierReportPage.objects.live().get(locale__language_code=language)


def test_english_barrier_form_asks_in_english(client):
    html = client.get(barrier_form("en").url).content.decode()
    assert "Where is the barrier?" in html and "Description" in html
    assert "Wo ist die Barriere?" not in html
    german = client.get(barrier_form("de").url).content.decode()
    assert "Wo ist die Barriere?" in german


@pytest.mark.parametrize("language", ["de", "en"])
def test_submission_is_stored_and_mailed_to_the_configured_address(
    client, notify_address, language, settings, django_capture_on_commit_callbacks
):
    page = barrier_form(language)
    fields = {f.clean_name: f for f in page.form_fields.all()}
    assert len(fields) == 3
    data = {"form_started": start_token()}  # the shared public-form protection
    for name, field in fields.items():
        data[name] = "leser@example.org" if field.field_type == "email" else f"Text {name}"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, data)
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1
    (message,) = mail.outbox
    assert message.to == [notify_address]
    assert message.reply_to == ["leser@example.org"]
    assert page.title in message.body
    link = re.search(r"https?://\S+", message.body).group(0)
    assert link.startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/forms/submissions/")


def test_new_reports_panel_for_ministry_only(client):
    page = barrier_form("de")
    FormSubmission.objects.create(page=page, form_data={"x": "y"})
    ministry = make_user("ministry", "Ministry editors")
    guest = make_user("guest", "Guest editors")
    login(client, ministry)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Neue Meldungen" in html
    assert reverse("wagtailforms:list_submissions", args=(page.pk,)) in html
    login(client, guest)
    assert "Neue Meldungen" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_optional_dropdown_has_an_empty_choice_and_private_citizens(client):
    survey = SurveyPage.objects.live().get(locale__language_code="de")
    html = client.get(survey.url).content.decode()
    select = re.search(r"<select[^>]*>(.*?)</select>", html, re.S).group(1)
    first = re.search(r'<option value="([^"]*)"[^>]*>([^<]*)<', select)
    assert first.group(1) == "" and "Keine Angabe" in first.group(2)
    assert "Privatperson" in select
