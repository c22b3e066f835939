"""Newsletter: double opt-in, signed links, one-click unsubscribe (RFC 8058), preferences,
sending in batches with one mail per recipient, roles and retention. Mails are read as
they arrive (Django's locmem outbox, filled by the real home.outbox worker path)."""

import re
import time
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from django.utils import timezone

from home.public_forms import start_token
from newsletter.models import Delivery, Interest, NewsletterIssuePage, Subscriber
from newsletter.sending import start

pytestmark = pytest.mark.django_db

URL = re.compile(r"https?://\S+")


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client


@pytest.fixture(autouse=True)
def fast_batches(settings):
    settings.NEWSLETTER_BATCH_SIZE = 3
    settings.NEWSLETTER_BATCH_PAUSE = 0


def subscribe(client, email="lena@example.org", language="de", interests=("events", "news")):
    return client.post(
        f"/{language}/newsletter/",
        {
            "email": email,
            "language": language,
            "interests": list(interests),
            "consent": "on",
            "form_started": start_token(time.time() - 30),  # the form was shown a while ago
        },
    )


def path_of(url):
    return "/" + url.split("/", 3)[3]


def confirm_link(message):
    return next(u for u in URL.findall(message.body) if "/newsletter/" in u)


def test_subscription_is_inactive_until_confirmed(client):
    response = subscribe(client)
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihr Postfach" in response.content.decode()
    subscriber = Subscriber.objects.get(email="lena@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.interests == ["events", "news"]
    [message] = mail.outbox
    assert message.to == ["lena@example.org"]
    assert message.subject == "Bitte bestätigen Sie Ihr Newsletter-Abonnement"
    link = confirm_link(message)
    assert link.startswith("http://testserver/de/newsletter/bestaetigen/?token=")
    # A mail scanner following the link confirms nothing.
    page = client.get(path_of(link))
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    # The person clicks the button.
    token = unquote(link.split("token=", 1)[1])
    done = client.post(path_of(link).split("?")[0], {"token": token})
    assert done.status_code == 200
    assert "Abonnement ist bestätigt" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.consent_version and re.fullmatch(r"[0-9a-f]{64}", subscriber.consent_proof)
    assert subscriber.confirmed_at is not None


def test_replayed_and_forged_confirmation_tokens_are_refused(client):
    subscribe(client)
    link = confirm_link(mail.outbox[0])
    path, token = path_of(link).split("?token=")
    token = unquote(token)
    assert client.post(path, {"token": token}).status_code == 200
    # Replay: used once, refused afterwards (also after unsubscribing).
    assert client.post(path, {"token": token}).status_code == 400
    Subscriber.objects.get().unsubscribe()
    assert client.post(path, {"token": token}).status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    # Forged or tampered tokens.
    for forged in [token[:-2] + "xx", "abc", "", "\x00" * 300, token.replace(":", "-")]:
        assert client.post(path, {"token": forged}).status_code == 400


def test_invalid_form_keeps_input_and_says_what_is_wrong(client):
    response = client.post(
        "/de/newsletter/", {"email": "kein-at", "language": "de", "interests": ["events"]}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="kein-at"' in html
    assert "Bitte stimmen Sie zu" in html
    assert not Subscriber.objects.exists() and not mail.outbox


def confirmed(email, language="de"):
    subscriber = Subscriber.objects.create(email=email, language=language, interests=["news"])
    subscriber.confirm()
    return subscriber


def issue(language="de"):
    return NewsletterIssuePage.objects.live().get(locale__language_code=language)


def test_one_click_unsubscribe_from_the_mail_header_with_a_post(django_capture_on_commit_callbacks):
    subscriber = confirmed("ole@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        start(issue())
    [message] = [m for m in mail.outbox if m.to == ["ole@example.org"]]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert url in message.body  # and as a link in the text
    # The mail client posts without a CSRF token or session (RFC 8058).
    strict = Client(enforce_csrf_checks=True)
    path, query = path_of(url).split("?")
    response = strict.post(f"{path}?{query}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    # A GET of the same link only asks.
    again = confirmed("ole2@example.org")
    from newsletter.links import unsubscribe_url

    assert strict.get(path_of(unsubscribe_url(again))).status_code == 200
    again.refresh_from_db()
    assert again.status == Subscriber.Status.CONFIRMED


def test_preferences_page_by_signed_link(client):
    subscriber = confirmed("mia@example.org")
    from newsletter.links import preferences_url

    url = path_of(preferences_url(subscriber))
    page = client.get(url)
    assert page.status_code == 200
    path, token = url.split("?token=")
    token = unquote(token)
    saved = client.post(path, {"token": token, "language": "en", "interests": ["funding", "cases"]})
    assert saved.status_code == 200
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.interests) == ("en", ["funding", "cases"])
    assert client.get(path, {"token": token + "x"}).status_code == 400
    # Unsubscribe from the preferences page.
    client.post(path.replace("einstellungen", "abmelden"), {"token": token})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_issue_reaches_confirmed_subscribers_of_its_language_once(
    django_capture_on_commit_callbacks,
):
    german = [confirmed(f"de{i}@example.org") for i in range(8)]
    confirmed("en@example.org", language="en")
    Subscriber.objects.create(email="pending@example.org", language="de")
    left = confirmed("left@example.org")
    left.unsubscribe()
    page = issue()
    with django_capture_on_commit_callbacks(execute=True):
        start(page)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(s.email for s in german)
    assert all(m.subject == page.title for m in mail.outbox)
    assert "Netzwerktreffen" in mail.outbox[0].body  # the issue's text
    assert Delivery.objects.filter(issue=page, status=Delivery.Status.QUEUED).count() == 8
    # Sending again (or resuming) sends nothing twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        start(page)
    assert mail.outbox == []


def test_issue_goes_only_to_subscribers_with_a_matching_interest(
    django_capture_on_commit_callbacks,
):
    events_fan = Subscriber.objects.create(
        email="events@example.org", language="de", interests=["events"]
    )
    events_fan.confirm()
    both = Subscriber.objects.create(
        email="both@example.org", language="de", interests=["news", "funding"]
    )
    both.confirm()
    news_only = confirmed("news@example.org")  # interests=["news"]
    page = issue()
    assert page.interests == ["events", "cases", "funding", "news"]  # the default: all

    page.interests = ["funding", "events"]
    page.save_revision().publish()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        start(page)
    received = sorted(m.to[0] for m in mail.outbox)
    assert received == ["both@example.org", "events@example.org"]  # exactly one mail each
    assert news_only.email not in received
    assert not Delivery.objects.filter(issue=page, subscriber=news_only).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        start(page)  # sending again adds nobody and doubles nothing
    assert mail.outbox == []


def test_editor_chooses_the_interests_an_issue_serves(client):
    ministry = Client()
    ministry.force_login(editor("Ministry editors"))
    page = issue()
    edit_url = f"/admin/pages/{page.pk}/edit/"
    form = ministry.get(edit_url)
    assert form.status_code == 200
    checked = re.findall(r'<input[^>]*name="interests"[^>]*>', form.content.decode())
    assert len(checked) == 4 and all("checked" in box for box in checked)
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    post = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([("paragraph", rich_text("<p>Neue Verfahren</p>"))]),
        }
    )
    post["interests"] = ["cases"]
    response = ministry.post(edit_url, post)
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = NewsletterIssuePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert saved.interests == ["cases"]
    # Publishing needs at least one interest; a forged one is refused too.
    for interests in ([], ["cases", "gossip"]):
        response = ministry.post(
            edit_url, {**post, "interests": interests, "action-publish": "action-publish"}
        )
        assert response.status_code == 200
        assert "interests" in response.context["form"].errors
    assert NewsletterIssuePage.objects.get(pk=page.pk).interests == list(Interest.values)


def editor(group):
    user = User.objects.create_user(f"{group[:5]}-nl", f"{group[:5]}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_only_ministry_editors_see_subscribers_and_send(client, django_capture_on_commit_callbacks):
    confirmed("secret@example.org")
    page = issue()
    guest = Client()
    guest.force_login(editor("Guest editors"))
    assert (
        "secret@example.org"
        not in guest.get("/admin/snippets/newsletter/subscriber/").content.decode()
    )
    assert guest.get(f"/admin/newsletter/{page.pk}/send/").status_code in (302, 403)
    assert guest.post(f"/admin/newsletter/{page.pk}/send/").status_code in (302, 403)
    assert not Delivery.objects.exists()

    ministry = Client()
    ministry.force_login(editor("Ministry editors"))
    listing = ministry.get("/admin/snippets/newsletter/subscriber/")
    assert listing.status_code == 200 and "secret@example.org" in listing.content.decode()
    # "Send a test to me" goes to the editor only.
    with django_capture_on_commit_callbacks(execute=True):
        ministry.post(f"/admin/newsletter/{page.pk}/test/")
    assert [m.to for m in mail.outbox] == [["Minis@example.org"]]
    assert mail.outbox[0].subject.startswith("[Test]")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert ministry.post(f"/admin/newsletter/{page.pk}/send/").status_code == 302
    assert [m.to for m in mail.outbox] == [["secret@example.org"]]


def test_purge_deletes_old_unconfirmed_and_unsubscribed(client):
    from newsletter.management.commands.purge_newsletter_subscribers import purge

    old = timezone.now() - timedelta(days=40)
    Subscriber.objects.create(email="old-pending@example.org", language="de", requested_at=old)
    Subscriber.objects.create(email="new-pending@example.org", language="de")
    gone = confirmed("gone@example.org")
    gone.unsubscribe()
    Subscriber.objects.filter(pk=gone.pk).update(unsubscribed_at=old)
    keep = confirmed("keep@example.org")
    assert purge() == 2
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "new-pending@example.org",
        keep.email,
    }
