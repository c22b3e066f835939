"""The shared protection of public forms (home/public_forms.py, home/proxies.py) on the real
forms: event registration, survey, barrier report and newsletter; proxy trust and login throttling."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from events.models import EventRegistration
from home.models import BarrierReportPage
from home.outbox_models import OutboxMail
from home.public_forms import start_token, text_for_mail
from tests.integration.test_events import form_data, make_event

BIG = "x" * 400_000
pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


def barrier_page():
    return BarrierReportPage.objects.get(locale__language_code="de")


def barrier_data(text="Die Tabelle auf der Startseite hat keine Überschriften.", **extra):
    data = {"form_started": start_token()}
    for name, field in barrier_page().get_form().fields.items():
        kind = field.__class__.__name__
        if kind == "EmailField":
            data[name] = "leserin@example.org"
        elif kind == "BooleanField":
            data[name] = "on"
        elif getattr(field, "choices", None):
            data[name] = list(field.choices)[0][0]
        else:
            data[name] = text
    data.update(extra)
    return data


def stored_reports():
    return FormSubmission.objects.filter(page=barrier_page()).count()


# --- rate limit by the real client address -------------------------------------------------------


def test_150_colleagues_behind_one_town_hall_nat_can_register(client):
    event = make_event("rathaus", registration_mode="form", capacity=200)
    for i in range(150):
        response = client.post(
            event.url + event.reverse_subpage("register"),
            form_data(email=f"kollegin{i}@pirna.example", name=f"Kollegin {i}"),
            REMOTE_ADDR="203.0.113.7",
        )
        assert response.status_code == 200, i
    assert EventRegistration.objects.filter(event=event).count() == 150


def test_rate_limit_counts_the_real_client_behind_trusted_proxies(client, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [(3, 600)]
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = ["10.0.0.0/8"]
    page = barrier_page()

    def post(client_address, forged=None):
        chain = f"{forged}, {client_address}" if forged else client_address
        return client.post(
            page.url, barrier_data(), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=chain
        ).status_code

    # A client that writes its own X-Forwarded-For still counts as itself.
    assert [post("198.51.100.1", forged=f"192.0.2.{i}") for i in range(4)] == [200] * 3 + [429]
    assert post("198.51.100.2") == 200  # another client behind the same proxy
    # Not from a trusted proxy: X-Forwarded-For is ignored, REMOTE_ADDR counts.
    statuses = [
        client.post(
            page.url, barrier_data(), REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"1.1.1.{i}"
        ).status_code
        for i in range(4)
    ]
    assert statuses == [200] * 3 + [429]


def test_x_forwarded_proto_is_trusted_only_from_configured_proxies(client, settings, db):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_IPS = ["127.0.0.1"]
    forged = client.get("/de/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_PROTO="https")
    assert forged.status_code == 301 and forged["Location"].startswith("https://")
    proxied = client.get("/de/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
    settings.TRUSTED_PROXY_COUNT = 0  # no proxy configured: nobody is trusted
    assert client.get("/de/", HTTP_X_FORWARDED_PROTO="https").status_code == 301


# --- honeypot, timing, lengths: the same on every form -------------------------------------------


def test_barrier_report_honeypot_stores_nothing_but_says_thank_you(client):
    before = stored_reports()
    response = client.post(barrier_page().url, barrier_data(website="http://spam.example"))
    assert response.status_code == 200 and "Vielen Dank" in response.text
    assert stored_reports() == before


def test_barrier_report_length_limit(client):
    before = stored_reports()
    response = client.post(barrier_page().url, barrier_data(text=BIG))
    assert response.status_code == 200
    assert stored_reports() == before
    assert "höchstens 2000 Zeichen" in response.text
    assert 'maxlength="2000"' in client.get(barrier_page().url).text


def test_forms_sent_too_fast_or_with_a_bad_start_time_are_shown_again_with_the_input(
    client, settings
):
    settings.PUBLIC_FORM_MIN_SECONDS = 3
    page = barrier_page()
    before = stored_reports()
    for started in (start_token(), "forged", start_token(now=time.time() - 2 * 86400)):
        response = client.post(
            page.url, barrier_data(text="Kontrast zu schwach", form_started=started)
        )
        assert response.status_code == 200
        assert "Kontrast zu schwach" in response.text  # what was typed is kept
        assert "noch einmal" in response.text
    assert stored_reports() == before
    response = client.post(page.url, barrier_data(form_started=start_token(now=time.time() - 5)))
    assert "Vielen Dank" in response.text and stored_reports() == before + 1

    event = make_event("schnell", registration_mode="form")
    response = client.post(
        event.url + event.reverse_subpage("register"), form_data(form_started=start_token())
    )
    assert "Erika Mustermann" in response.text and "noch einmal" in response.text
    assert not EventRegistration.objects.filter(event=event).exists()


def test_newsletter_form_has_the_same_protection(client, settings):
    from newsletter.models import Subscriber

    settings.PUBLIC_FORM_MIN_SECONDS = 3
    data = {"email": "schnell@example.org", "language": "de", "interests": ["events"]}
    data["consent"] = "on"
    response = client.post("/de/newsletter/", {**data, "form_started": start_token()})
    assert response.status_code == 200 and "noch einmal" in response.text
    assert 'value="schnell@example.org"' in response.text  # what was typed is kept
    assert "private" in response["Cache-Control"]
    bot = client.post("/de/newsletter/", {**data, "website": "x", "form_started": "forged"})
    assert bot.status_code == 200
    assert not Subscriber.objects.filter(email="schnell@example.org").exists()
    started = start_token(now=time.time() - 5)
    client.post("/de/newsletter/", {**data, "form_started": started})
    assert Subscriber.objects.filter(email="schnell@example.org").exists()


def test_survey_and_registration_share_the_rate_limit_and_length_limits(client, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [(2, 600)]
    event = make_event("grenzen", registration_mode="form")
    long = client.post(event.url + event.reverse_subpage("register"), form_data(needs=BIG))
    assert long.status_code == 200 and not EventRegistration.objects.filter(event=event).exists()
    assert (
        client.post(event.url + event.reverse_subpage("register"), form_data()).status_code == 200
    )
    assert (
        client.post(
            event.url + event.reverse_subpage("register"), form_data(email="b@example.org")
        ).status_code
        == 429
    )
    question = "planen_sie_sich_am_netzwerk_zu_beteiligen"
    survey = [
        client.post("/de/umfrage/", {question: "Nein", "form_started": start_token()}).status_code
        for _ in range(3)
    ]
    assert survey == [200, 200, 429]


def test_barrier_report_is_kept_when_smtp_is_down(client, settings):
    """Its notification goes through the outbox: the report is stored first, the mail queued."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    page = barrier_page()
    page.to_address = "barrierefreiheit@example.org"
    page.save_revision().publish()
    before = stored_reports()
    response = client.post(page.url, barrier_data())
    assert response.status_code == 200 and "Vielen Dank" in response.text
    assert stored_reports() == before + 1
    mail = OutboxMail.objects.get(to=["barrierefreiheit@example.org"])
    assert mail.status == "pending" and "Errno" in mail.last_error
    assert "keine Überschriften" in mail.body


# --- mails to typed-in addresses ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Ihr Konto wird gesperrt: http://phish.example", "Bitte www.phish.example besuchen", "a@b.de"],
)
def test_names_with_links_are_refused(client, name):
    event = make_event("phishing", registration_mode="form")
    response = client.post(
        event.url + event.reverse_subpage("register"),
        form_data(name=name, email="opfer@example.org"),
    )
    assert "ohne Web- oder E-Mail-Adressen" in response.text
    assert not EventRegistration.objects.filter(event=event).exists()
    assert not OutboxMail.objects.filter(to=["opfer@example.org"]).exists()


def test_typed_in_text_in_mails_is_short_and_never_a_link():
    assert text_for_mail("Erika   Mustermann") == "Erika Mustermann"
    assert text_for_mail("Klicken Sie phish.example/login") == ""
    assert len(text_for_mail("A" * 500)) == 60


# --- login throttling -----------------------------------------------------------------------------


def test_one_account_is_locked_after_failures_from_many_addresses(client, settings, db):
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    AccessAttempt.objects.all().delete()
    get_user_model().objects.create_user("editorin", "e@example.org", "Richtig-und-lang-2026")
    url = reverse("wagtailadmin_login")
    statuses = [
        client.post(
            url, {"username": "editorin", "password": "falsch"}, REMOTE_ADDR=f"198.51.100.{i}"
        ).status_code
        for i in range(12)
    ]
    assert 429 in statuses[: settings.AXES_FAILURE_LIMIT]
    right = client.post(
        url,
        {"username": "editorin", "password": "Richtig-und-lang-2026"},
        REMOTE_ADDR="198.51.100.200",
    )
    assert right.status_code == 429  # locked, whichever address
    AccessAttempt.objects.all().delete()
