"""Browser tests of the newsletter pages: axe and valid HTML in both languages, and the
double opt-in used like a visitor would, reading the mail that arrives."""

import re

import pytest

from tests.e2e.helpers import assert_accessible, assert_valid_html, read_mails, served_html

pytestmark = pytest.mark.e2e

PAGES = [
    "/de/newsletter/",
    "/en/newsletter/",
    "/de/newsletter/newsletter-dezember-2026/",
    "/en/newsletter/newsletter-december-2026/",
    "/de/newsletter/bestaetigen/?token=kaputt",
    "/en/newsletter/unsubscribe/?token=broken",
    "/de/newsletter/einstellungen/?token=kaputt",
]


@pytest.mark.parametrize("path", PAGES)
def test_newsletter_pages_are_accessible(page, path):
    page.goto(path)
    assert_accessible(page)


def test_newsletter_pages_are_valid_html(page):
    page.goto("/de/")
    documents = {}
    for path in PAGES:
        if "token=" in path:  # refused links answer 400 with a page of their own
            response = page.request.get(path)
            assert response.status == 400
            documents[path] = response.text()
        else:
            documents[path] = served_html(page, path)
    assert_valid_html(documents)


def test_subscribe_confirm_and_unsubscribe_in_the_browser(page, e2e_mail_dir):
    page.goto("/de/newsletter/")
    page.get_by_label("E-Mail-Adresse").fill("browser-leserin@example.org")
    page.get_by_label("Förderaufrufe").check()
    page.get_by_label(re.compile("Ich möchte den Newsletter")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Newsletter abonnieren").click()
    assert page.get_by_role("heading", name="Bitte prüfen Sie Ihr Postfach").is_visible()
    assert_accessible(page)
    mails = [m for m in read_mails(e2e_mail_dir) if "browser-leserin@example.org" in m["To"]]
    assert mails, "the confirmation mail arrives"
    body = mails[-1].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/newsletter/bestaetigen/\?token=\S+", body).group(0)
    page.goto(link)
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, ich möchte den Newsletter erhalten").click()
    assert page.get_by_role("heading", name=re.compile("Abonnement ist bestätigt")).is_visible()
    assert_accessible(page)
