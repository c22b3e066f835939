"""Browser tests of events (#4): register through the real form, cancel via the mailed link,
axe and the Nu checker on event pages."""

import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_accessible,
    assert_valid_html,
    mail_body,
    read_mails,
    served_html,
)

pytestmark = pytest.mark.e2e

# Besides the page types test_design.py walks (axe at two widths and the Nu checker there).
PAGES = [
    "/de/veranstaltungen/zweites-netzwerktreffen-2022/",
    "/en/events/second-network-meeting-2022/",
    "/de/veranstaltungen/online-sprechstunde-foerderung/anmelden/",
    "/en/events/online-consultation-funding/register/",
]


@pytest.mark.parametrize("path", PAGES)
def test_event_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_event_pages_are_valid_html(page):
    assert_valid_html({path: served_html(page, path) for path in PAGES})


def _mails_to(mail_dir, address):
    return [m for m in read_mails(mail_dir) if address in m.get("To", "")]


def test_register_with_errors_then_success_then_cancel(page, e2e_server, e2e_mail_dir):
    email = f"e2e-{uuid.uuid4().hex[:8]}@example.org"
    page.goto("/de/veranstaltungen/online-sprechstunde-foerderung/")
    page.get_by_role("link", name="Jetzt anmelden").click()
    page.get_by_label("Name").fill("Erika Browser")
    page.get_by_label("E-Mail").fill("keine-adresse")
    page.get_by_label("Organisation oder Kommune").fill("Stadt Pirna")
    page.get_by_role("button", name="Anmelden").click()
    # The server answers with errors and keeps the input; consent was missing too.
    expect(page.get_by_role("alert").first).to_be_visible()
    expect(page.get_by_label("Organisation oder Kommune")).to_have_value("Stadt Pirna")
    expect(page.locator("#id_consent_error")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("E-Mail").fill(email)
    page.get_by_label(re.compile("Ich bin einverstanden")).check()
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", name="Vielen Dank für Ihre Anmeldung")).to_be_visible()
    assert_accessible(page)

    mails = _mails_to(e2e_mail_dir, email)
    assert len(mails) == 1
    body = mail_body(mails[0])
    assert "Online-Sprechstunde" in body
    link = re.search(r"(http\S+/abmelden/\?token=\S+)", body).group(1)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page.goto("/" + path)
    page.get_by_role("button", name="Ja, Anmeldung stornieren").click()
    expect(page.get_by_text("Ihre Anmeldung wurde storniert")).to_be_visible()
    assert len(_mails_to(e2e_mail_dir, email)) == 2
