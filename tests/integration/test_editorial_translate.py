"""Translating through the admin as the real roles (issue 13): Ministry editors translate any
page from the German page's own action menu, sync after the German page changes and publish;
guest editors translate only what they may edit (their own drafts). Grants come from
home/permissions.py, so they also hold after `ensure_roles()` on a fresh set of groups."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, TranslationSource

from home.models import NewsPage
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS, ensure_roles
from tests.integration.test_roles import draft_news, login, make_user, news_form


@pytest.fixture
def ministry(db):
    return make_user("ministry", MINISTRY_EDITORS, first_name="Mia")


@pytest.fixture
def guest(db):
    return make_user("guest", GUEST_EDITORS, first_name="Gus")


@pytest.fixture
def other_guest(db):
    return make_user("otherguest", GUEST_EDITORS)


def english():
    return Locale.objects.get(language_code="en")


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def published_news(owner, title, slug):
    page = draft_news(owner, title, slug)
    page.get_latest_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def test_grants_come_back_after_ensure_roles(db):
    for name in (MINISTRY_EDITORS, GUEST_EDITORS):
        group = Group.objects.get(name=name)
        group.permissions.remove(
            Permission.objects.get(codename="submit_translation"),
        )
    ensure_roles()
    ministry = Group.objects.get(name=MINISTRY_EDITORS)
    codenames = set(ministry.permissions.values_list("codename", flat=True))
    assert {"submit_translation", "change_searchpromotion", "add_redirect"} <= codenames
    guests = set(
        Group.objects.get(name=GUEST_EDITORS).permissions.values_list("codename", flat=True)
    )
    assert "submit_translation" in guests and "change_searchpromotion" not in guests


def test_german_page_offers_translate_in_its_action_menu(client, ministry):
    page = published_news(ministry, "Übersetzbare Meldung", "uebersetzbar")
    login(client, ministry)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    submit_url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    assert f'href="{submit_url}"' in html
    assert "Übersetzen" in html


def test_ministry_translates_syncs_and_publishes(
    client, ministry, django_capture_on_commit_callbacks
):
    page = published_news(ministry, "Neue Meldung", "neue-meldung")
    login(client, ministry)
    submit = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    assert client.get(submit).status_code == 200
    response = client.post(submit, {"locales": [english().pk]})
    assert response.status_code == 302
    translation = page.get_translation(english())
    assert translation.alias_of_id is None
    # ... and goes on in the new translation's translation editor.
    assert response.url == reverse("wagtailadmin_pages:edit", args=(translation.pk,))

    # Translate the title in the translation editor's store and publish through "sync".
    source = TranslationSource.objects.get_for_instance(page)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=english(),
        context=segment.context,
        data="New announcement",
    )
    update = reverse("wagtail_localize:update_translations", args=(source.pk,))
    with django_capture_on_commit_callbacks(execute=True):  # publishing runs on commit
        response = client.post(update, {"publish_translations": "on"})
    assert response.status_code == 302
    translation = Page.objects.get(pk=translation.pk)
    assert translation.live and translation.title == "New announcement"

    # The German page changes; after a sync the English page follows (the title keeps its
    # translation, the changed date is synchronised).
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(
        edit,
        news_form("Neue Meldung", "neue-meldung", date="2026-12-24", **{"action-publish": "1"}),
    )
    html = client.get(edit).content.decode()
    assert "Übersetzungen synchronisieren" in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(update, {"publish_translations": "on"})
    translation = NewsPage.objects.get(pk=translation.pk)
    assert str(translation.date) == "2026-12-24" and translation.title == "New announcement"


def test_guest_translates_own_draft_but_not_others(client, guest, other_guest, ministry):
    own = draft_news(guest, "Gastentwurf", "gastentwurf")
    foreign = draft_news(other_guest, "Fremder Entwurf", "fremder-entwurf")
    published = published_news(ministry, "Ministeriumsmeldung", "ministeriumsmeldung")
    login(client, guest)
    url = lambda page: reverse("wagtail_localize:submit_page_translation", args=(page.pk,))  # noqa: E731
    assert refused(client.get(url(foreign)))
    assert refused(client.get(url(published)))
    assert refused(client.post(url(foreign), {"locales": [english().pk]}))
    assert foreign.get_translation_or_none(english()) is None

    assert client.get(url(own)).status_code == 200
    assert client.post(url(own), {"locales": [english().pk]}).status_code == 302
    translation = own.get_translation(english())
    # A draft's translation is a draft owned by the guest: it goes through moderation.
    assert not translation.live and translation.owner == guest
    assert translation.get_workflow() is not None


@pytest.mark.parametrize(
    "url_name",
    [
        "wagtailsearchpromotions:search_terms",
        "wagtailsearchpromotions:index",
        "wagtailredirects:index",
    ],
)
def test_ministry_runs_search_promotions_terms_and_redirects(client, ministry, guest, url_name):
    login(client, ministry)
    assert client.get(reverse(url_name)).status_code == 200
    login(client, guest)
    assert refused(client.get(reverse(url_name)))


def test_search_terms_is_in_the_reports_menu_once(client, ministry):
    login(client, ministry)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert html.count(reverse("wagtailsearchpromotions:search_terms")) == 1


def test_guest_does_not_see_other_guests_draft_titles_in_the_explorer(client, guest, other_guest):
    draft_news(other_guest, "Geheimer Entwurf der anderen", "geheimer-entwurf")
    draft_news(guest, "Mein eigener Entwurf", "mein-entwurf")
    login(client, guest)
    from tests.integration.test_roles import news_index

    html = client.get(reverse("wagtailadmin_explore", args=(news_index().pk,))).content.decode()
    assert "Mein eigener Entwurf" in html
    assert "Geheimer Entwurf der anderen" not in html
