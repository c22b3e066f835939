"""The network end to end with the Django test client on the real database (demo content):
advice request -> mails -> admin status -> purge; join -> opt-in -> approval -> directory;
contact relay without addresses; report a procedure -> moderation -> publish -> mail.
Both languages; bad input never gives a 500."""

import json
import re
import time
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Site

from cases.models import CasePage, MethodPage, Organisation, Region, Topic
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS
from network import protection
from network.choices import AdviceStatus, MemberStatus, ReportStatus
from network.models import AdviceRequest, Member, MessageLog, ProcedureReport

User = get_user_model()
PAGES = {
    "de": {
        "advice": "/de/beratung-anfragen/",
        "join": "/de/mitmachen/",
        "members": "/de/mitglieder/",
        "report": "/de/verfahren-melden/",
    },
    "en": {
        "advice": "/en/advice/",
        "join": "/en/join/",
        "members": "/en/members/",
        "report": "/en/report-a-procedure/",
    },
}
LANGUAGES = ["de", "en"]


def protected_at(url, data, age=10):
    """Form data as a person sends it to `url`: the stamp that page issued `age` seconds ago,
    an empty honeypot."""
    return {
        **data,
        protection.STAMP_FIELD: protection.stamp(url.split("?")[0], time.time() - age),
        protection.HONEYPOT_FIELD: "",
    }


def make_user(username, group):
    user = User.objects.create_user(
        username=username, email=f"{username}@example.org", password="a-Long-test-pass-42"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def ministry(db):
    return make_user("nw-ministry", MINISTRY_EDITORS)


@pytest.fixture
def guest(db):
    return make_user("nw-guest", GUEST_EDITORS)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Mails are queued on commit; run those callbacks as a real request would."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


def advice_data(**overrides):
    region = Region.objects.get(slug="landkreis-goerlitz")
    return {
        "topic": "funding",
        "organisation_name": "Gemeinde Beispielhausen",
        "region": region.slug,
        "description": "Wir planen einen Bürgerrat.",
        "name": "Erika Muster",
        "email": "Erika@Example.org",
        "phone": "",
        "preferred_contact": "email",
        "consent": "on",
        **overrides,
    }


# --- advice requests ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_advice_request_mails_admin_status_and_purge(client, ministry, run_on_commit, language):
    url = PAGES[language]["advice"]
    page = client.get(url)
    assert page.status_code == 200
    assert not page.cookies.get("sessionid")
    assert "no-cache" in page["Cache-Control"] or "private" in page["Cache-Control"]

    response = run_on_commit(client.post, url, protected_at(url, advice_data()))
    assert response.status_code == 200
    advice = AdviceRequest.objects.get(organisation_name="Gemeinde Beispielhausen")
    assert advice.email == "erika@example.org" and advice.language == language
    assert advice.status == AdviceStatus.NEW
    confirmation, office = mail.outbox
    assert confirmation.to == ["erika@example.org"]
    assert office.to == ["netzwerk@example.org"]  # NetworkSettings default
    assert office.reply_to == ["erika@example.org"]
    assert "Neue Beratungsanfrage" in office.subject  # the office reads German
    assert f"/admin/snippets/network/advicerequest/edit/{advice.pk}/" in office.body
    if language == "de":
        assert "Beratungsanfrage" in confirmation.subject
    else:
        assert "advice request" in confirmation.subject

    # A Ministry editor finds it in the filtered list and on the dashboard, then closes it.
    client.force_login(ministry)
    listing = client.get(reverse("wagtailsnippets_network_advicerequest:list") + "?status=new")
    assert "Gemeinde Beispielhausen" in listing.text
    assert "Gemeinde Beispielhausen" in client.get(reverse("wagtailadmin_home")).text
    edit_url = reverse("wagtailsnippets_network_advicerequest:edit", args=[advice.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        {"status": "closed", "assignee": ministry.pk, "internal_notes": "Rückruf erledigt"},
    )
    assert response.status_code == 302, response.text[:2000]
    advice.refresh_from_db()
    assert advice.status == AdviceStatus.CLOSED and advice.assignee == ministry
    assert advice.closed_at is not None
    assert (
        edit_url
        in client.get(reverse("wagtailsnippets_network_advicerequest:list") + "?status=closed").text
    )

    # Not yet due: kept. After the retention period: personal data gone, the case stays.
    call_command("purge_network_data", days=30, stdout=open("/dev/null", "w"))
    advice.refresh_from_db()
    assert advice.email == "erika@example.org"
    AdviceRequest.objects.filter(pk=advice.pk).update(closed_at=timezone.now() - timedelta(days=31))
    call_command("purge_network_data", days=30, stdout=open("/dev/null", "w"))
    advice.refresh_from_db()
    assert (advice.name, advice.email, advice.description, advice.internal_notes) == (
        "",
        "",
        "",
        "",
    )
    assert advice.purged_at is not None and advice.topic == "funding"


@pytest.mark.django_db
def test_guest_editors_see_no_network_data(client, guest, run_on_commit):
    run_on_commit(
        client.post, PAGES["de"]["advice"], protected_at(PAGES["de"]["advice"], advice_data())
    )
    advice = AdviceRequest.objects.get()
    member = Member.objects.listed().first()
    client.force_login(guest)
    for name, args in [
        ("wagtailsnippets_network_advicerequest:list", []),
        ("wagtailsnippets_network_advicerequest:edit", [advice.pk]),
        ("wagtailsnippets_network_advicerequest:inspect", [advice.pk]),
        ("wagtailsnippets_network_member:list", []),
        ("wagtailsnippets_network_member:edit", [member.pk]),
        ("wagtailsnippets_network_procedurereport:list", []),
        ("wagtailsnippets_network_messagelog:list", []),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code in (302, 403), name
        assert "erika@example.org" not in response.text and member.email not in response.text
    for chooser in [
        "/admin/snippets/choose/network/advicerequest/",
        "/admin/snippets/choose/network/member/",
        "/admin/snippets/choose/network/member/results/?q=a",
    ]:
        response = client.get(chooser)
        assert response.status_code in (302, 403, 404), chooser
        assert member.email not in response.text
    home = client.get(reverse("wagtailadmin_home"))
    assert "Gemeinde Beispielhausen" not in home.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_advice_bad_input_is_a_form_error_never_a_500(client, language):
    url = PAGES[language]["advice"]
    cases = [
        {},
        advice_data(topic="forged"),
        advice_data(region="999999"),
        advice_data(region="<script>"),
        advice_data(description="x" * 10_000),
        advice_data(name="\x00NUL"),
        advice_data(email="not-an-address"),
        advice_data(name="\u202eevil\u200b\ufeff", email="\u00e9@\u0301.x", description="🙂" * 20),
        advice_data(consent=""),
        advice_data(preferred_contact="phone", phone=""),
    ]
    for data in cases:
        response = client.post(url, protected_at(url, data))
        assert response.status_code == 200
        assert 'class="error' in response.text
    assert not AdviceRequest.objects.exists()
    # What was typed is still there after an error.
    response = client.post(url, protected_at(url, advice_data(email="broken")))
    assert "Wir planen einen Bürgerrat." in response.text and 'value="broken"' in response.text


@pytest.mark.django_db
def test_bots_and_fast_submissions_store_nothing(client, run_on_commit, settings):
    settings.PUBLIC_FORM_MIN_SECONDS = 2
    url = PAGES["de"]["advice"]
    response = run_on_commit(
        client.post, url, {**protected_at(url, advice_data()), protection.HONEYPOT_FIELD: "spam"}
    )
    assert response.status_code == 200 and not AdviceRequest.objects.exists()
    assert not mail.outbox
    response = client.post(url, protected_at(url, advice_data(), age=0))
    assert response.status_code == 200 and not AdviceRequest.objects.exists()
    assert "Gemeinde Beispielhausen" in response.text  # kept for the second try
    response = client.post(url, {**advice_data(), protection.STAMP_FIELD: "forged"})
    assert response.status_code == 200 and not AdviceRequest.objects.exists()


@pytest.mark.django_db
def test_forms_set_no_cookie_and_need_a_start_time(run_on_commit):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = PAGES["de"]["advice"]
    form = client.get(url)
    assert not form.cookies, "no cookie before the form is used"
    assert protection.STAMP_FIELD in form.text and "csrfmiddlewaretoken" not in form.text
    assert client.post(url, advice_data()).status_code == 403  # no stamp: Django's CSRF check
    admin_post = {**protected_at("/admin/login/", {}), "username": "x", "password": "y"}
    assert client.post("/admin/login/", admin_post).status_code == 403  # never the admin
    response = run_on_commit(client.post, url, protected_at(url, advice_data()))
    assert response.status_code == 200 and not response.cookies
    assert AdviceRequest.objects.filter(organisation_name="Gemeinde Beispielhausen").exists()


@pytest.mark.django_db
def test_rate_limit_answers_429(client, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [(2, 600)]
    url = PAGES["de"]["advice"]
    codes = [client.post(url, protected_at(url, {})).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


# --- joining ---------------------------------------------------------------------------------


def join_data(name, **overrides):
    method = (
        MethodPage.objects.live()
        .filter(locale__language_code=translation.get_language(), slug__in=["world-cafe"])
        .first()
    )
    topic = Topic.objects.filter(locale__language_code=translation.get_language()).first()
    return {
        "kind": "initiative",
        "name": name,
        "region": "vogtlandkreis",
        "homepage": "",
        "about": "Wir teilen gern.",
        "methods": [method.pk],
        "topics": [topic.pk],
        "open_to_exchange": "on",
        "listed": "on",
        "contact_name": "Max Probe",
        "email": "max@initiative.example",
        "phone": "",
        "consent": "on",
        **overrides,
    }


def confirm_link(message):
    return re.search(r"https?://\S+\?token=\S+", message.body).group(0)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_join_opt_in_approval_directory(client, ministry, run_on_commit, language):
    translation.activate(language)
    url = PAGES[language]["join"]
    name = f"Initiative Plauen-Test {language}"
    response = run_on_commit(client.post, url, protected_at(url, join_data(name)))
    assert response.status_code == 200
    member = Member.objects.get(name=name)
    assert member.status == MemberStatus.UNCONFIRMED
    (opt_in,) = mail.outbox
    assert opt_in.to == ["max@initiative.example"]
    link = confirm_link(opt_in)
    root = Site.objects.get(is_default_site=True).root_url
    assert link.startswith(root + url)
    path = link.removeprefix(root)
    token = unquote(path.split("token=")[1])

    # Not listed before confirmation and approval.
    assert name not in client.get(PAGES[language]["members"]).text
    # The link asks; only the button confirms (mail scanners follow links).
    assert client.get(path).status_code == 200
    member.refresh_from_db()
    assert member.status == MemberStatus.UNCONFIRMED
    response = run_on_commit(client.post, url, {"token": token})
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING and member.confirmed_at
    office = mail.outbox[-1]
    assert office.to == ["netzwerk@example.org"]
    assert f"/admin/snippets/network/member/edit/{member.pk}/" in office.body
    # Replayed link: refused with a clear page, nothing changes.
    replay = client.post(url, {"token": token})
    assert replay.status_code == 410
    assert client.get(path).status_code == 410

    assert name not in client.get(PAGES[language]["members"]).text
    # A Ministry editor approves in the admin with the "Approve" action: the organisation is
    # created, a welcome mail sent in the applicant's language.
    client.force_login(ministry)
    approve_url = reverse("wagtailsnippets_network_member:approve", args=[member.pk])
    listing = client.get(reverse("wagtailsnippets_network_member:list") + "?status=pending")
    assert name in listing.text and approve_url in listing.text
    edit = client.get(reverse("wagtailsnippets_network_member:edit", args=[member.pk]))
    assert approve_url in edit.text
    ask = client.get(approve_url)
    assert ask.status_code == 200 and name in ask.text
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING  # a GET only asks
    response = run_on_commit(client.post, approve_url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_network_member:list")
    # Approved once: the action is gone and a second POST changes and sends nothing.
    sent = len(mail.outbox)
    assert approve_url not in client.get(reverse("wagtailsnippets_network_member:list")).text
    run_on_commit(client.post, approve_url)
    assert len(mail.outbox) == sent
    client.logout()
    member.refresh_from_db()
    organisation = member.organisation
    assert isinstance(organisation, Organisation) and organisation.kind == "initiative"
    welcome = mail.outbox[-1]
    assert welcome.to == ["max@initiative.example"]
    assert ("Willkommen" if language == "de" else "Welcome") in welcome.subject
    assert f"{PAGES[language]['members']}{member.slug}/" in welcome.body

    directory = client.get(PAGES[language]["members"])
    assert name in directory.text and "max@initiative.example" not in directory.text
    region_filter = client.get(
        PAGES[language]["members"] + "?region=vogtlandkreis&kind=initiative&exchange=on"
    )
    assert name in region_filter.text
    method_slug = MethodPage.objects.get(pk=join_data(name)["methods"][0]).slug
    assert name in client.get(PAGES[language]["members"] + f"?method={method_slug}").text
    assert name not in client.get(PAGES[language]["members"] + "?region=stadt-dresden").text
    assert name not in client.get(PAGES[language]["members"] + "?kind=foundation").text
    profile = client.get(f"{PAGES[language]['members']}{member.slug}/")
    assert profile.status_code == 200 and name in profile.text
    assert "max@initiative.example" not in profile.text and "Max Probe" not in profile.text


def pending_member(name, language="en"):
    return Member.objects.create(
        name=name,
        kind="association",
        region=Region.objects.get(slug="stadt-dresden"),
        contact_name="Rosa Antrag",
        email="rosa@verein.example",
        language=language,
        status=MemberStatus.PENDING,
        consent_at=timezone.now(),
        confirmed_at=timezone.now(),
    )


@pytest.mark.django_db
def test_reject_action_and_guests_cannot_decide(client, ministry, guest, run_on_commit):
    member = pending_member("Verein Ablehnung")
    approve_url = reverse("wagtailsnippets_network_member:approve", args=[member.pk])
    reject_url = reverse("wagtailsnippets_network_member:reject", args=[member.pk])

    # Guest editors and anonymous visitors reach neither action.
    for url in (approve_url, reject_url):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
    client.force_login(guest)
    for url in (approve_url, reject_url):
        # Wagtail answers a denied admin view with a redirect to the dashboard.
        for response in (client.get(url), run_on_commit(client.post, url)):
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING and mail.outbox == []
    client.logout()

    client.force_login(ministry)
    assert reject_url in client.get(reverse("wagtailsnippets_network_member:list")).text
    response = run_on_commit(client.post, reject_url)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.REJECTED and member.organisation_id is None
    (rejection,) = mail.outbox
    assert rejection.to == ["rosa@verein.example"]
    assert rejection.subject == "Your registration with the network"  # the applicant's language
    assert "cannot accept this registration" in rejection.body
    assert "Verein Ablehnung" not in client.get(PAGES["en"]["members"]).text
    # Decided: approving afterwards changes nothing.
    run_on_commit(client.post, approve_url)
    member.refresh_from_db()
    assert member.status == MemberStatus.REJECTED and len(mail.outbox) == 1


def member_form_data(member, **overrides):
    """The member edit form as the admin sends it back unchanged."""
    data = {
        "status": member.status,
        "listed": "on" if member.listed else "",
        "name": member.name,
        "kind": member.kind,
        "region": member.region_id or "",
        "organisation": member.organisation_id or "",
        "website": member.website,
        "about": member.about,
        "methods": [m.pk for m in member.methods.all()],
        "topics": [t.pk for t in member.topics.all()],
        "open_to_exchange": "on" if member.open_to_exchange else "",
        "contact_name": member.contact_name,
        "email": member.email,
        "phone": member.phone,
        **overrides,
    }
    return {key: value for key, value in data.items() if value not in ("", None)}


@pytest.mark.django_db
def test_ministry_links_editor_accounts_to_a_member(client, ministry, guest):
    from home.models import EditorProfile

    member = Member.objects.listed().exclude(organisation=None).first()
    edit_url = reverse("wagtailsnippets_network_member:edit", args=[member.pk])
    other = make_user("nw-guest-2", GUEST_EDITORS)
    EditorProfile.objects.create(user=other, organisation=member.organisation)

    # Guest editors cannot open the member form at all.
    client.force_login(guest)
    response = client.get(edit_url)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    client.post(edit_url, member_form_data(member, editor_accounts=[guest.pk]))
    assert not EditorProfile.objects.filter(user=guest).exists()

    client.force_login(ministry)
    form = client.get(edit_url)
    assert form.status_code == 200
    assert 'name="editor_accounts"' in form.text and "nw-guest-2" in form.text
    assert form.context["form"].initial["editor_accounts"] == [other.pk]
    # Tick the guest, untick the other account.
    response = client.post(edit_url, member_form_data(member, editor_accounts=[guest.pk]))
    assert response.status_code == 302, response.text[:3000]
    assert EditorProfile.objects.get(user=guest).organisation == member.organisation
    assert EditorProfile.objects.get(user=other).organisation is None
    assert client.get(edit_url).context["form"].initial["editor_accounts"] == [guest.pk]

    # Individuals have no organisation: linking an account is a form error.
    person = Member.objects.create(
        name="Einzelperson Test",
        kind="individual",
        contact_name="Ida",
        email="ida@example.org",
        status=MemberStatus.APPROVED,
        consent_at=timezone.now(),
    )
    person_url = reverse("wagtailsnippets_network_member:edit", args=[person.pk])
    response = client.post(person_url, member_form_data(person, editor_accounts=[other.pk]))
    assert response.status_code == 200
    assert "editor_accounts" in response.context["form"].errors
    assert EditorProfile.objects.get(user=other).organisation is None


@pytest.mark.django_db
def test_expired_and_forged_tokens_are_4xx(client, run_on_commit, settings):
    run_on_commit(
        client.post,
        PAGES["de"]["join"],
        protected_at(PAGES["de"]["join"], join_data("Initiative Ablauf")),
    )
    token = unquote(confirm_link(mail.outbox[0]).split("token=")[1])
    assert client.get(PAGES["de"]["join"] + "?token=garbage").status_code == 400
    assert client.post(PAGES["de"]["join"], {"token": token[:-2] + "xx"}).status_code == 400
    assert client.get(PAGES["de"]["join"] + "?token=" + "a" * 5000).status_code == 400
    settings.NETWORK_OPT_IN_MAX_AGE = -1
    response = client.post(PAGES["de"]["join"], {"token": token})
    assert response.status_code == 410
    assert Member.objects.get(name="Initiative Ablauf").status == MemberStatus.UNCONFIRMED


@pytest.mark.django_db
def test_join_does_not_reveal_registered_addresses(client, run_on_commit):
    known = Member.objects.listed().first()
    first = run_on_commit(
        client.post,
        PAGES["de"]["join"],
        protected_at(PAGES["de"]["join"], join_data("Neu", email="neu@example.org")),
    )
    second = run_on_commit(
        client.post,
        PAGES["de"]["join"],
        protected_at(PAGES["de"]["join"], join_data("Doppelt", email=known.email)),
    )
    assert first.status_code == second.status_code == 200
    strip = lambda html: re.sub(r'value="[^"]*"', "", html)  # noqa: E731 - the stamps differ
    assert strip(first.text) == strip(second.text)
    assert not Member.objects.filter(name="Doppelt").exists()


@pytest.mark.django_db
def test_join_bad_input(client):
    for data in [
        {},
        join_data("X", kind="ministry"),
        join_data("X", methods=["999999"]),
        join_data("X", region=""),
        join_data("y" * 500),
        join_data("X", email="a@"),
    ]:
        response = client.post(PAGES["de"]["join"], protected_at(PAGES["de"]["join"], data))
        assert response.status_code == 200 and 'class="error' in response.text
    assert not Member.objects.filter(name="X").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_query_count_does_not_grow_with_page_length(
    client, django_assert_max_num_queries, language
):
    region = Region.objects.get(slug="stadt-dresden")
    methods = list(MethodPage.objects.filter(locale__language_code="de")[:3])
    topics = list(Topic.objects.filter(locale__language_code="de")[:2])

    def add(count, prefix):
        for i in range(count):
            member = Member.objects.create(
                name=f"{prefix} {i:02d}",
                kind="association",
                region=region,
                listed=True,
                status=MemberStatus.APPROVED,
                contact_name="x",
                email=f"{prefix}{i}@example.org",
                consent_at=timezone.now(),
                approved_at=timezone.now(),
            )
            member.methods.set(methods)
            member.topics.set(topics)

    add(1, "Aaa")
    url = PAGES[language]["members"]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    add(15, "Aab")
    with CaptureQueriesContext(connection) as full:
        response = client.get(url)
    assert response.text.count('class="card"') == 12
    assert len(full) <= len(one), (len(one), len(full))
    assert client.get(url + "?page=2").status_code == 200
    assert (
        client.get(url + "?page=999&region=%00&method=nope&kind=" + "k" * 3000).status_code == 200
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_method_page_lists_experience_nearest_first(client, language):
    method = MethodPage.objects.live().get(locale__language_code=language, slug="world-cafe")
    response = client.get(method.url)
    assert (
        "Wer hat damit Erfahrung?" if language == "de" else "Who has experience with it?"
    ) in response.text
    text = client.get(method.url + "?region=vogtlandkreis").text
    # Demo members with World Café: Jugendring Vogtland (Vogtlandkreis), Quartiersverein Leipzig.
    assert text.index("Jugendring Vogtland") < text.index("Quartiersverein Leipzig-Ost")
    text = client.get(method.url + "?region=stadt-leipzig").text
    assert text.index("Quartiersverein Leipzig-Ost") < text.index("Jugendring Vogtland")
    assert client.get(method.url + "?region=%00" + "x" * 2000).status_code == 200


# --- contact relay ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_message_to_case_contact_never_exposes_the_address(client, run_on_commit, language):
    case = (
        CasePage.objects.live()
        .filter(locale__language_code=language)
        .exclude(contact_email="")
        .first()
    )
    secret = case.contact_email
    page = client.get(case.url)
    assert secret not in page.text and "mailto:" + secret not in page.text
    with translation.override(language):
        message_url = reverse("network_case_message", args=[case.pk])
    assert message_url in page.text
    assert message_url.startswith(
        "/de/nachricht/verfahren/" if language == "de" else "/en/message/case/"
    )
    form = client.get(message_url)
    assert form.status_code == 200 and secret not in form.text
    response = run_on_commit(
        client.post,
        message_url,
        protected_at(
            message_url,
            {
                "name": "Paula Peer",
                "email": "paula@kommune.example",
                "message": "Wie lief es?",
                "consent": "on",
            },
        ),
    )
    assert response.status_code == 200 and secret not in response.text
    to_contact, copy = mail.outbox
    assert to_contact.to == [secret] and to_contact.reply_to == ["paula@kommune.example"]
    assert "Wie lief es?" in to_contact.body and case.title in to_contact.body
    assert copy.to == ["paula@kommune.example"] and secret not in copy.body
    log = MessageLog.objects.get()
    assert log.page_id == case.pk and log.sender_email == "paula@kommune.example"
    assert not hasattr(log, "message") and not hasattr(log, "body")

    # Nowhere in the exports or the API either.
    index = case.get_parent()
    for export in ("csv", "json"):
        body = b"".join(client.get(index.url + f"?format={export}").streaming_content)
        assert case.title.encode() in body or export == "json"
        assert secret.encode() not in body
    api = client.get(f"/api/v2/pages/{case.pk}/?fields=*")
    assert secret not in api.content.decode()
    assert client.get(f"/api/v2/pages/{case.pk}/?fields=contact_email").status_code == 400
    assert secret not in client.get("/api/v2/pages/?type=cases.CasePage&fields=*").content.decode()


@pytest.mark.django_db
def test_message_to_member_and_bad_targets(client, run_on_commit):
    member = Member.objects.listed().filter(open_to_exchange=True).first()
    url = f"{PAGES['de']['members']}{member.slug}/"
    response = run_on_commit(
        client.post,
        url,
        protected_at(
            url, {"name": "Ben", "email": "ben@example.org", "message": "Hallo", "consent": "on"}
        ),
    )
    assert response.status_code == 200 and member.email not in response.text
    assert mail.outbox[0].to == [member.email] and mail.outbox[0].reply_to == ["ben@example.org"]
    assert MessageLog.objects.get().member == member
    closed = Member.objects.listed().filter(open_to_exchange=False).first()
    assert client.post(f"{PAGES['de']['members']}{closed.slug}/", {}).status_code == 405
    assert client.get(f"{PAGES['de']['members']}nobody-here/").status_code == 404
    assert client.get("/de/nachricht/verfahren/99999999/").status_code == 404
    assert client.get("/de/nachricht/verfahren/" + "9" * 30 + "/").status_code == 404
    bad = client.post(url, protected_at(url, {"name": "", "email": "x", "message": "m" * 5000}))
    assert bad.status_code == 200 and 'class="error' in bad.text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_in_addresses_get_no_typed_in_text(client, run_on_commit, language):
    """Mails to an address someone typed in (the sender's copy, confirmations) repeat nothing
    they typed verbatim, so the site cannot deliver a stranger's text to any address; the
    message to the real contact arrives in full with the sender as Reply-To."""
    case = (
        CasePage.objects.live()
        .filter(locale__language_code=language)
        .exclude(contact_email="")
        .first()
    )
    with translation.override(language):
        url = reverse("network_case_message", args=[case.pk])
    spam = "Ihr Konto ist gesperrt, bitte anmelden: https://phish.example/login"
    victim = {"email": "victim@elsewhere.example", "message": spam, "consent": "on"}

    # A name carrying an address is a form error: nothing is sent.
    bad = run_on_commit(
        client.post, url, protected_at(url, {**victim, "name": "Bank www.phish.example"})
    )
    assert bad.status_code == 200 and 'class="error' in bad.text
    assert mail.outbox == [] and not MessageLog.objects.exists()

    response = run_on_commit(client.post, url, protected_at(url, {**victim, "name": "Vera"}))
    assert response.status_code == 200
    to_contact, copy = mail.outbox
    assert to_contact.to == [case.contact_email]
    assert to_contact.reply_to == ["victim@elsewhere.example"]
    assert spam in to_contact.body and "Vera" in to_contact.body
    assert copy.to == ["victim@elsewhere.example"] and copy.reply_to == []
    for part in (spam, "phish.example", "gesperrt"):
        assert part not in copy.body and part not in copy.subject
    assert case.title in copy.body  # it says what the message was about, nothing more

    # The advice confirmation: greeting and organisation shortened and link-free, the
    # description only in the office's mail.
    mail.outbox.clear()
    advice_url = PAGES[language]["advice"]
    description = "Bitte rufen Sie https://phish.example an, Ihr Passwort ist abgelaufen."
    run_on_commit(
        client.post,
        advice_url,
        protected_at(
            advice_url,
            advice_data(
                description=description,
                organisation_name="Gemeinde phish.example/login",
                email="victim@elsewhere.example",
            ),
        ),
    )
    confirmation, office = mail.outbox
    assert confirmation.to == ["victim@elsewhere.example"]
    assert "Erika Muster" in confirmation.body
    assert description not in confirmation.body and "phish.example" not in confirmation.body
    assert description in office.body and office.to == ["netzwerk@example.org"]
    name_with_link = advice_data(name="Erika https://phish.example", email="x@example.org")
    response = client.post(advice_url, protected_at(advice_url, name_with_link))
    assert response.status_code == 200 and 'class="error' in response.text
    assert not AdviceRequest.objects.filter(email="x@example.org").exists()


# --- reporting a procedure ---------------------------------------------------------------------


def report_steps(language):
    lookup = dict(locale__language_code=language)
    return [
        {
            "title": f"Jugendforum Testdorf {language}",
            "organisation": "Gemeinde Testdorf",
            "subject": "Wie soll der neue Jugendtreff aussehen?",
            "municipality": "Testdorf",
            "region": "landkreis-zwickau",
        },
        {
            "start_date": "01.03.2025",
            "end_date": "",
            "status": "running",
            "methods": [MethodPage.objects.live().filter(**lookup).first().pk],
            "format": "on-site",
            "participant_count": "40",
            "recruitment": "open",
        },
        {
            "participation_level": "consult",
            "level_justification": "Der Gemeinderat berät die Empfehlungen.",
        },
        {"context": "Ein Treff fehlt.", "results": "Drei Entwürfe.", "lessons": ""},
        {
            "reporter_name": "Rita Reporter",
            "reporter_email": "rita@testdorf.example",
            "reporter_phone": "",
            "consent": "on",
        },
    ]


def walk_report(client, url, steps, run_on_commit):
    state, step = "", 0
    for data in steps:
        response = client.post(
            url,
            {**data, "state": state, "step": step, "action": "next", protection.HONEYPOT_FIELD: ""},
        )
        assert response.status_code == 200
        state = response.context["state"]
        step = response.context["step"]
    assert response.context.get("summary"), "the summary step comes last"
    assert "Rita Reporter" in response.text  # shown for checking, before sending
    return run_on_commit(
        client.post, url, protected_at(url, {"state": state, "step": step, "action": "submit"})
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_report_procedure_to_moderation_and_publication(client, ministry, run_on_commit, language):
    translation.activate(language)
    url = PAGES[language]["report"]
    assert client.get(url).status_code == 200
    response = walk_report(client, url, report_steps(language), run_on_commit)
    assert response.status_code == 200
    report = ProcedureReport.objects.get()
    case = report.case
    assert case.locale.language_code == "de" and not case.live
    assert case.has_unpublished_changes
    state = case.current_workflow_state
    assert state is not None and state.status == "in_progress"
    revision = case.get_latest_revision_as_object()
    assert revision.subject == "Wie soll der neue Jugendtreff aussehen?"
    assert revision.participation_level == "consult"
    page_text = json.dumps(case.get_latest_revision().content)
    assert "rita@testdorf.example" not in page_text and "Rita Reporter" not in page_text
    assert (case.contact_email, case.contact_name) == ("", "")
    (confirmation,) = [m for m in mail.outbox if m.to == ["rita@testdorf.example"]]
    (office,) = [m for m in mail.outbox if m.to == ["netzwerk@example.org"]]
    assert "Jugendforum" in confirmation.body
    assert f"/admin/pages/{case.pk}/edit/" in office.body

    # The Ministry editor approves through the admin's workflow action: the case goes live.
    client.force_login(ministry)
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[case.pk, "approve", task_state.pk]
    )
    mail.outbox.clear()
    # A reported case is sparse (below APPROVAL_MIN_COMPLETENESS): approving needs the
    # explicit confirmation (home/review.py).
    response = run_on_commit(client.post, approve, {"comment": "", "confirm_incomplete": "on"})
    assert response.status_code in (200, 302)
    case.refresh_from_db()
    assert case.live
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    published = [m for m in mail.outbox if m.to == ["rita@testdorf.example"]]
    assert len(published) == 1
    assert case.get_full_url() in published[0].body
    public = client.get(case.url)
    assert public.status_code == 200 and "rita@testdorf.example" not in public.text
    assert "Rita Reporter" not in public.text


@pytest.mark.django_db
def test_report_keeps_input_and_rejects_forged_state(client):
    url = PAGES["de"]["report"]
    response = client.post(
        url, {"title": "Nur ein Titel", "state": "", "step": 0, "action": "next"}
    )
    assert response.status_code == 200 and response.context["step"] == 0
    assert 'value="Nur ein Titel"' in response.text and 'class="error' in response.text
    assert client.post(url, {"state": "forged", "step": 1}).status_code == 400
    assert client.post(url, {"state": "", "step": "x"}).status_code == 400
    assert client.post(url, {"state": "", "step": 99}).status_code == 400
    assert client.post(url, {"state": "", "step": 5, "action": "submit"}).status_code == 200
    assert not ProcedureReport.objects.exists()
    assert not CasePage.objects.filter(title="Nur ein Titel").exists()
    # Back keeps what was typed in the step being left.
    steps = report_steps("de")
    first = client.post(url, {**steps[0], "state": "", "step": 0, "action": "next"})
    back = client.post(
        url,
        {"start_date": "31.02.2025", "state": first.context["state"], "step": 1, "action": "back"},
    )
    forward = client.post(
        url, {**steps[0], "state": back.context["state"], "step": 0, "action": "next"}
    )
    assert 'value="31.02.2025"' in forward.text


@pytest.mark.django_db
def test_purge_removes_reporters_messages_and_stale_registrations(run_on_commit, client):
    old = timezone.now() - timedelta(days=400)
    report = ProcedureReport.objects.create(
        title="Alt",
        reporter_name="A",
        reporter_email="a@example.org",
        consent_at=old,
        status=ReportStatus.PUBLISHED,
        published_at=old,
    )
    MessageLog.objects.create(sender_email="s@example.org", created_at=old)
    Member.objects.create(
        name="Nie bestätigt",
        kind="other",
        contact_name="n",
        email="n@example.org",
        consent_at=old,
        created_at=old,
    )
    call_command("purge_network_data", stdout=open("/dev/null", "w"))
    report.refresh_from_db()
    assert report.reporter_email == "" and report.purged_at
    assert not MessageLog.objects.exists()
    assert not Member.objects.filter(name="Nie bestätigt").exists()
    assert Member.objects.listed().exists()  # approved members stay


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_network_pages_are_valid_html(client, language):
    from tests.e2e.helpers import assert_valid_html

    member = Member.objects.listed().filter(open_to_exchange=True).first()
    urls = [
        *PAGES[language].values(),
        f"{PAGES[language]['members']}{member.slug}/",
        PAGES[language]["members"] + "?region=stadt-dresden",
    ]
    docs = {url: client.get(url).text for url in urls}
    docs["error"] = client.post(
        PAGES[language]["advice"], protected_at(PAGES[language]["advice"], {})
    ).text
    assert all(Page.objects.filter(url_path__isnull=False).exists() for _ in [0])
    assert_valid_html(docs)
