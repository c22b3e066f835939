"""The editorial chain in a real browser, as the real roles (no superuser), in both admin
languages (issue 13): a guest editor saves a case draft with only a title and submits it; the
Ministry editor sees its completeness, approves with a comment, translates it into English from
the German page's action menu and publishes the translation; the guest gets the mails with
links to this site. Before the translation, the English alias is marked lang="de" and is not
advertised as English. The English barrier form asks in English and its submission is mailed
to the address from the site settings."""

import re

import pytest

from tests.e2e.helpers import create_user, login, mail_body, read_mails, shell
from tests.e2e.test_workflow import choose_first, open_more_actions, show_field

pytestmark = pytest.mark.e2e

PASSWORD = "Beteiligung-in-Sachsen-2026"
WORDS = {
    "de": {
        "translate": "Übersetzen",
        "save": "Speichern",
        "publish": "Veröffentlichen in Englisch",
        "in_review": "In Prüfung",
    },
    "en": {
        "translate": "Translate",
        "save": "Save",
        "publish": "Publish in English",
        "in_review": "In review",
    },
}


def make_editor(env, username, group, first_name, language):
    create_user(env, username, PASSWORD, groups=[group])
    shell(
        env,
        "from django.contrib.auth import get_user_model; "
        "from wagtail.users.models import UserProfile; "
        f"u = get_user_model().objects.get(username={username!r}); "
        f"u.first_name = {first_name!r}; u.last_name = 'Beispiel'; u.save(); "
        "p = UserProfile.get_for_user(u); "
        f"p.preferred_language = {language!r}; p.save(); print(u.email)",
    )
    return f"{username}@example.org"


def slow_page(new_page, **options):
    """The admin's editor pages are heavy; on a busy machine they take longer than 10 s."""
    page = new_page(**options)
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(120_000)
    return page


def links(text):
    return re.findall(r"https?://[^\s>\"]+", text)


@pytest.mark.parametrize("language", ["de", "en"])
def test_guest_draft_to_published_translation(new_page, e2e_server, language):
    env, words = e2e_server.env, WORDS[language]
    title = f"Kette {language}: Bürgerwerkstatt der Gastredaktion"
    guest_mail = make_editor(env, f"gast_kette_{language}", "Guest editors", "Greta", language)
    make_editor(env, f"ministerium_kette_{language}", "Ministry editors", "Moritz", language)
    shell(
        env,
        "from cases.models import Organisation; from home.models import EditorProfile; "
        "from django.contrib.auth.models import User; "
        f"EditorProfile.objects.update_or_create(user=User.objects.get(username='gast_kette_{language}'), "
        "defaults={'organisation': Organisation.objects.order_by('pk').first()}); print('ok')",
    )
    parent_id = shell(
        env,
        "from cases.models import CaseIndexPage; "
        "print(CaseIndexPage.objects.get(locale__language_code='de').pk)",
    )

    # 1. The guest saves a first draft with nothing but a title.
    guest = slow_page(new_page)
    login(guest, f"gast_kette_{language}", PASSWORD)
    guest.goto(f"/admin/pages/add/cases/casepage/{parent_id}/")
    assert guest.locator("html").get_attribute("lang") == language
    show_field(guest, "#id_title").fill(title)
    # The slug (promote tab) is what Wagtail needs to store any page; the browser does not
    # always fill it from the title, so the guest types it like an editor would.
    show_field(guest, "#id_slug").fill(f"kette-{language}-buergerwerkstatt")
    with guest.expect_navigation():
        guest.locator("footer button.action-save").first.click()
    case_id = shell(
        env,
        f"from cases.models import CasePage; c = CasePage.objects.get(title={title!r}, locale__language_code='de'); "
        "assert not c.live; print(c.pk)",
    )

    # 2. ... fills in what publishing needs and submits it for review.
    guest.goto(f"/admin/pages/{case_id}/edit/")
    show_field(guest, "#id_subject").fill("Bürgerwerkstatt zur Ortsmitte")
    choose_first(guest, "region")
    choose_first(guest, "participation_level")
    show_field(guest, "#id_level_justification").fill("Der Rat hat die Ergebnisse übernommen.")
    choose_first(guest, "format")
    open_more_actions(guest)
    with guest.expect_navigation():
        guest.locator("button[name='action-submit']").click()
    # Their dashboard lists it under "In review", in the admin's language.
    guest.goto("/admin/")
    in_review = guest.locator("#guest-in-review")
    assert words["in_review"] in in_review.locator("h2").inner_text()
    assert title in in_review.inner_text()

    # 3. The Ministry editor sees the completeness and approves with a comment.
    editor = slow_page(new_page)
    login(editor, f"ministerium_kette_{language}", PASSWORD)
    editor.goto(f"/admin/pages/{case_id}/edit/")
    assert re.search(r"\d+ %", editor.locator(".help-block").first.inner_text())
    open_more_actions(editor)
    editor.locator(
        "button[data-workflow-action-name='approve'][data-workflow-action-modal-url]"
    ).first.click()
    comment = "Danke, sehr anschaulich beschrieben."
    editor.locator(".modal textarea[name='comment']").fill(comment)
    # The modal shows the completeness; this case is below APPROVAL_MIN_COMPLETENESS (50 %),
    # so approving needs the explicit confirmation.
    assert re.search(r"\d+ %", editor.locator(".modal [data-completeness]").inner_text())
    editor.locator(".modal input[name='confirm_incomplete']").check()
    with editor.expect_navigation():
        editor.locator(".modal form [type='submit']").first.click()
    german_url = shell(
        env,
        f"from cases.models import CasePage; c = CasePage.objects.get(pk={case_id}); "
        "assert c.live; print(c.url)",
    )

    # 4. Until it is translated, the English alias is German text and says so.
    alias_url = shell(
        env,
        "from cases.models import CasePage; "
        f"a = CasePage.objects.get(alias_of_id={case_id}); assert a.live; print(a.url)",
    )
    reader = slow_page(new_page)
    reader.goto(alias_url)
    assert reader.locator(".page-content").get_attribute("lang") == "de"
    assert reader.locator("link[rel=alternate][hreflang=en]").count() == 0
    sitemap = reader.request.get("/sitemap.xml").text()
    assert german_url in sitemap and alias_url not in sitemap

    # 5. Translate from the German page's own action menu, translate the title, publish.
    editor.goto(f"/admin/pages/{case_id}/edit/")
    open_more_actions(editor)
    with editor.expect_navigation():
        editor.locator("footer a", has_text=words["translate"]).first.click()
    english_box = editor.locator("input[name='locales']")
    if not english_box.first.is_checked():
        english_box.first.check()
    with editor.expect_navigation():
        editor.locator("form [type='submit']").last.click()
    english_title = f"Chain {language}: citizens' workshop of the guest editors"
    editor.get_by_role("button", name=words["translate"], exact=True).first.click()
    editor.locator("textarea").first.fill(english_title)
    editor.get_by_role("button", name=words["save"], exact=True).first.click()
    editor.get_by_text(english_title).first.wait_for()
    with editor.expect_navigation():
        editor.get_by_role("button", name=words["publish"]).first.click()
    english_url, live = shell(
        env,
        "from cases.models import CasePage; "
        f"e = CasePage.objects.get(translation_key=CasePage.objects.get(pk={case_id}).translation_key, "
        "locale__language_code='en'); print(f'{e.url}|{e.live and e.alias_of_id is None}')",
    ).split("|")
    assert live == "True"
    # A new reader: the first one's browser may still hold the alias from step 4 (public
    # pages are cacheable for PAGE_CACHE_MAX_AGE seconds; the server's own cache is purged).
    reader = slow_page(new_page)
    reader.goto(english_url)
    assert reader.get_by_role("heading", level=1).inner_text().strip() == english_title
    assert reader.locator("link[rel=alternate][hreflang=en]").count() == 1

    # 6. The guest got the mails, and every link points at this site.
    mails = [m for m in read_mails(e2e_server.mail_dir) if guest_mail in str(m["To"])]
    assert mails, "the guest got no mail"
    approval = [m for m in mails if title in mail_body(m) or title in str(m["Subject"])]
    assert approval
    for message in approval:
        body = mail_body(message)
        assert "Greta" in body
        for url in links(body):
            assert url.startswith(e2e_server.url), url


def test_english_barrier_form_asks_in_english_and_reaches_the_configured_address(
    new_page, e2e_server
):
    env = e2e_server.env
    shell(
        env,
        "from wagtail.models import Site; from home.models import SiteSettings; "
        "s = SiteSettings.for_site(Site.objects.get(is_default_site=True)); "
        "s.form_notification_email = 'meldestelle@example.org'; s.save(); print('ok')",
    )
    url = shell(
        env,
        "from home.models import BarrierReportPage; "
        "print(BarrierReportPage.objects.get(locale__language_code='en').url)",
    )
    reader = slow_page(new_page, locale="en-GB")
    reader.goto(url)
    reader.get_by_label("Where is the barrier?").fill("Search page, filter buttons")
    reader.get_by_label("Description").fill("The buttons cannot be reached with the keyboard.")
    reader.get_by_label("Email for questions").fill("reader@example.org")
    assert reader.get_by_text("Wo ist die Barriere?").count() == 0
    with reader.expect_navigation():
        reader.locator("main form [type='submit']").first.click()
    mails = [
        m for m in read_mails(e2e_server.mail_dir) if "meldestelle@example.org" in str(m["To"])
    ]
    assert mails
    body = mail_body(mails[-1])
    assert "The buttons cannot be reached with the keyboard." in body
    assert any(u.startswith(e2e_server.url + "/admin/forms/submissions/") for u in links(body))
