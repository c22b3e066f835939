"""Browser tests of the network (#16) against the live server, in both languages: the forms
as a person fills them, the mails that arrive, the admin as a Ministry editor, axe and vnu."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_accessible,
    assert_valid_html,
    create_user,
    login,
    mail_body,
    manage,
    read_mails,
    served_html,
    shell,
)

pytestmark = pytest.mark.e2e
PASSWORD = "a-Long-e2e-pass-42"
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
TEXT = {
    "de": {
        "send": "Anfrage senden",
        "register": "Anmelden",
        "confirm": "Anmeldung bestätigen",
        "message": "Nachricht senden",
        "continue": "Weiter",
        "report": "Meldung senden",
        "show": "Mitglieder anzeigen",
    },
    "en": {
        "send": "Send request",
        "register": "Register",
        "confirm": "Confirm registration",
        "message": "Send message",
        "continue": "Continue",
        "report": "Send report",
        "show": "Show members",
    },
}


def mails_to(mail_dir, address):
    return [m for m in read_mails(mail_dir) if address in m.get("To", "")]


def notice(page):
    # The success notice. Not get_by_role("status") alone: the header's search suggestions
    # keep an empty, visually hidden role=status live region on every page.
    return page.locator(".notice[role=status]")


def human_pause(page):
    page.wait_for_timeout(2100)  # the forms refuse answers faster than a person types


@pytest.fixture(scope="module")
def ministry(e2e_server):
    create_user(e2e_server.env, "nw_ministerium", PASSWORD, groups=["Ministry editors"])
    return "nw_ministerium"


@pytest.mark.parametrize("language", ["de", "en"])
def test_network_pages_accessible_and_valid(page, language):
    paths = [
        *PAGES[language].values(),
        PAGES[language]["members"] + "beispielamt-pirna/",
        PAGES[language]["members"] + "?region=stadt-dresden&exchange=on",
        "/de/methoden/world-cafe/?region=vogtlandkreis"
        if language == "de"
        else "/en/methods/world-cafe/",
    ]
    for path in paths:
        page.goto(path)
        assert_accessible(page)
    # A form with errors, too.
    page.goto(PAGES[language]["advice"])
    page.get_by_role("button", name=TEXT[language]["send"]).click()
    expect(page.get_by_role("alert").first).to_be_visible()
    assert_accessible(page)
    assert_valid_html({path: served_html(page, path) for path in paths})


@pytest.mark.parametrize("language", ["de", "en"])
def test_advice_request_office_mail_admin_status_purge(
    page, new_page, e2e_server, ministry, language
):
    org = f"Gemeinde Browsertal {uuid.uuid4().hex[:6]}"
    email = f"berta-{uuid.uuid4().hex[:6]}@example.org"
    page.goto(PAGES[language]["advice"])
    page.locator("input[name=topic][value=method]").check()
    page.locator("#id_organisation_name").fill(org)
    page.locator("#id_region").select_option("landkreis-goerlitz")
    page.locator("#id_description").fill("Welche Methode passt zu unserem Dorfplatz?")
    page.locator("#id_name").fill("Berta Browser")
    page.locator("#id_email").fill(email)
    page.locator("input[name=preferred_contact][value=email]").check()
    page.locator("#id_consent").check()
    assert not page.context.cookies(), "no cookie before the form is used"
    human_pause(page)
    page.get_by_role("button", name=TEXT[language]["send"]).click()
    expect(notice(page)).to_be_visible()

    assert mails_to(e2e_server.mail_dir, email)
    office = [
        m for m in mails_to(e2e_server.mail_dir, "netzwerk@example.org") if org in mail_body(m)
    ]
    assert len(office) == 1 and office[0]["Reply-To"] == email
    edit_url = re.search(
        r"https?://\S+/admin/snippets/network/advicerequest/edit/\d+/", mail_body(office[0])
    ).group(0)

    editor = new_page()
    login(editor, ministry, PASSWORD)
    editor.goto(re.sub(r"^https?://[^/]+", "", edit_url))
    editor.locator("#id_status").select_option("closed")
    editor.locator("#id_internal_notes").fill("Per E-Mail beantwortet.")
    with editor.expect_navigation():
        editor.locator("button.action-save").first.click()
    status = shell(
        e2e_server.env,
        "from network.models import AdviceRequest; "
        f"print(AdviceRequest.objects.get(organisation_name={org!r}).status)",
    )
    assert status == "closed"
    manage(e2e_server.env, "purge_network_data", "--days", "0")
    left = shell(
        e2e_server.env,
        "from network.models import AdviceRequest; "
        f"a = AdviceRequest.objects.get(organisation_name={org!r}); "
        "print(repr((a.email, a.name, a.description)))",
    )
    assert left == "('', '', '')"


@pytest.mark.parametrize("language", ["de", "en"])
def test_join_opt_in_approve_listed_and_found(page, new_page, e2e_server, ministry, language):
    name = f"Initiative Browserstadt {uuid.uuid4().hex[:6]}"
    email = f"ini-{uuid.uuid4().hex[:6]}@example.org"
    page.goto(PAGES[language]["join"])
    page.locator("#id_kind").select_option("initiative")
    page.locator("#id_name").fill(name)
    page.locator("#id_region").select_option("landkreis-zwickau")
    page.locator("#id_open_to_exchange").check()
    page.locator("#id_contact_name").fill("Ina Browser")
    page.locator("#id_email").fill(email)
    page.locator("#id_consent").check()
    human_pause(page)
    page.get_by_role("button", name=TEXT[language]["register"]).click()
    expect(notice(page)).to_be_visible()

    (opt_in,) = mails_to(e2e_server.mail_dir, email)
    link = re.search(r"https?://\S+\?token=\S+", mail_body(opt_in)).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name=TEXT[language]["confirm"]).click()
    expect(notice(page)).to_be_visible()
    page.goto(re.sub(r"^https?://[^/]+", "", link))  # the link works once
    expect(page.get_by_role("alert")).to_be_visible()

    member_id = shell(
        e2e_server.env,
        "from network.models import Member; "
        f"m = Member.objects.get(name={name!r}); print(m.pk, m.status)",
    )
    pk, status = member_id.split()
    assert status == "pending"
    editor = new_page()
    login(editor, ministry, PASSWORD)
    # The explicit "Approve" action in the member's edit view (header menu), then confirm.
    editor.goto(f"/admin/snippets/network/member/edit/{pk}/")
    editor.locator("button.w-dropdown__toggle.w-h-slim-header").click()  # the header "Actions" menu
    approve = editor.locator(f"a[href='/admin/snippets/network/member/approve/{pk}/']")
    expect(approve).to_have_text(re.compile("Approve|Freigeben"))
    approve.click()
    with editor.expect_navigation():
        editor.get_by_role("button", name=re.compile("Yes, approve|Ja, freigeben")).click()
    assert editor.url.endswith("/admin/snippets/network/member/")
    assert len(mails_to(e2e_server.mail_dir, email)) == 2  # opt-in + welcome

    reader = new_page()
    reader.goto(PAGES[language]["members"])
    reader.locator("#filter-region").select_option("landkreis-zwickau")
    reader.locator("#filter-kind").select_option("initiative")
    reader.locator("#filter-exchange").check()
    reader.get_by_role("button", name=TEXT[language]["show"]).click()
    assert "region=landkreis-zwickau" in reader.url and "kind=initiative" in reader.url
    expect(reader.get_by_role("link", name=name)).to_be_visible()
    assert email not in served_html(reader)
    reader.get_by_role("link", name=name).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(name)


@pytest.mark.parametrize("language", ["de", "en"])
def test_message_to_case_contact(page, e2e_server, language):
    url, secret = shell(
        e2e_server.env,
        "from cases.models import CasePage; "
        f"c = CasePage.objects.live().filter(locale__language_code={language!r})"
        ".exclude(contact_email='').first(); print(c.url, c.contact_email)",
    ).split()
    sender = f"peer-{uuid.uuid4().hex[:6]}@example.org"
    page.goto(url)
    assert secret not in served_html(page)
    page.get_by_role(
        "link", name="Nachricht senden" if language == "de" else "Send a message"
    ).click()
    assert secret not in served_html(page)
    page.locator("#id_name").fill("Petra Peer")
    page.locator("#id_email").fill(sender)
    page.locator("#id_message").fill("Wie haben Sie die Teilnehmenden gewonnen?")
    page.locator("#id_consent").check()
    assert_accessible(page)
    human_pause(page)
    page.get_by_role("button", name=TEXT[language]["message"]).click()
    expect(notice(page)).to_be_visible()
    assert secret not in page.content()
    relayed = [m for m in mails_to(e2e_server.mail_dir, secret) if m["Reply-To"] == sender]
    assert len(relayed) == 1 and "Teilnehmenden gewonnen" in mail_body(relayed[0])
    assert len(mails_to(e2e_server.mail_dir, sender)) == 1  # the copy


@pytest.mark.parametrize("language", ["de", "en"])
def test_report_procedure_moderated_and_reporter_mailed(
    page, new_page, e2e_server, ministry, language
):
    title = f"Jugendforum Browserdorf {uuid.uuid4().hex[:6]}"
    email = f"rita-{uuid.uuid4().hex[:6]}@example.org"
    page.goto(PAGES[language]["report"])
    nxt = TEXT[language]["continue"]
    page.locator("#id_title").fill(title)
    page.locator("#id_organisation").fill("Gemeinde Browserdorf")
    page.locator("#id_subject").fill("Wie soll der Jugendtreff aussehen?")
    page.locator("#id_municipality").fill("Browserdorf")
    page.locator("#id_region").select_option("landkreis-meissen")
    assert_accessible(page)
    page.get_by_role("button", name=nxt).click()
    page.locator("#id_start_date").fill("01.03.2025")
    page.locator("#id_status").select_option("running")
    page.locator("input[name=format][value=on-site]").check()
    page.get_by_role("button", name=nxt).click()
    page.locator("input[name=participation_level][value=consult]").check()
    page.locator("#id_level_justification").fill("Der Gemeinderat berät die Empfehlungen.")
    page.get_by_role("button", name=nxt).click()
    page.locator("#id_results").fill("Drei Entwürfe für den Treff.")
    page.get_by_role("button", name=nxt).click()
    page.locator("#id_reporter_name").fill("Rita Reporter")
    page.locator("#id_reporter_email").fill(email)
    page.locator("#id_consent").check()
    page.get_by_role("button", name=nxt).click()
    expect(page.get_by_text("Rita Reporter")).to_be_visible()  # the summary
    assert not page.context.cookies()
    assert_accessible(page)
    human_pause(page)
    page.get_by_role("button", name=TEXT[language]["report"]).click()
    expect(notice(page)).to_be_visible()
    assert len(mails_to(e2e_server.mail_dir, email)) == 1

    case_id, live, moderated = shell(
        e2e_server.env,
        "from cases.models import CasePage; "
        f"c = CasePage.objects.get(title={title!r}); "
        "print(c.pk, c.live, c.workflow_in_progress)",
    ).split()
    assert live == "False" and moderated == "True"
    editor = new_page()
    login(editor, ministry, PASSWORD)
    editor.goto(f"/admin/pages/{case_id}/edit/")
    assert email not in editor.content() and "Rita Reporter" not in editor.content()
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    # The footer's plain "Approve" of a sparse case (below APPROVAL_MIN_COMPLETENESS) opens
    # the approval modal, which asks for the explicit confirmation (home/review.py).
    editor.locator("button[data-workflow-action-name='approve']").first.click()
    editor.locator(".modal input[name='confirm_incomplete']").check()
    with editor.expect_navigation():
        editor.locator(".modal form [type='submit']").first.click()
    mails = mails_to(e2e_server.mail_dir, email)
    assert len(mails) == 2
    case_url = re.search(r"https?://\S+", mail_body(mails[-1])).group(0)
    reader = new_page()
    reader.goto(re.sub(r"^https?://[^/]+", "", case_url))
    expect(reader.get_by_role("heading", level=1)).to_contain_text(title)
    assert email not in served_html(reader) and "Rita Reporter" not in served_html(reader)
