"""Untranslated pages tell the truth (issue 13): the English alias that wagtail-localize keeps
for a German page not yet translated is marked lang="de", is not advertised as hreflang="en",
is absent from the sitemap and from English listings and search; deleting the German draft
deletes the alias."""

import re

import pytest
from django.urls import reverse

from home.models import NewsPage
from tests.integration.test_roles import login, make_user, news_form, news_index

TITLE = "Nur auf Deutsch erschienen"


@pytest.fixture
def ministry(db):
    return make_user("ministry", "Ministry editors")


def create_in_admin(client, slug, action):
    url = reverse("wagtailadmin_pages:add", args=("home", "newspage", news_index().pk))
    response = client.post(url, news_form(TITLE, slug, **{action: "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(slug=slug, locale__language_code="de")
    alias = NewsPage.objects.get(alias_of=page)
    return page, alias


def test_english_alias_is_german_and_not_advertised(client, ministry):
    login(client, ministry)
    page, alias = create_in_admin(client, "nur-deutsch", "action-publish")
    alias.refresh_from_db()
    assert alias.live and alias.locale.language_code == "en"
    client.logout()

    html = client.get(alias.url).content.decode()
    assert re.search(r'<div class="page-content" lang="de">', html)
    assert 'hreflang="en"' not in html
    assert re.search(r'hreflang="de" href="[^"]*/de/aktuelles/nur-deutsch/"', html)

    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/de/aktuelles/nur-deutsch/" in sitemap
    assert alias.url not in sitemap

    assert TITLE not in client.get(news_index("en").url).content.decode()
    assert TITLE in client.get(news_index("de").url).content.decode()
    assert TITLE not in client.get("/en/search/?q=Deutsch+erschienen").content.decode()
    assert TITLE in client.get("/de/suche/?q=Deutsch+erschienen").content.decode()

    # A translated page keeps its English hreflang.
    translated = NewsPage.objects.live().filter(locale__language_code="en", alias_of=None).first()
    assert 'hreflang="en"' in client.get(translated.url).content.decode()


def test_deleting_the_german_draft_deletes_its_alias(client, ministry):
    login(client, ministry)
    page, alias = create_in_admin(client, "entwurf-loeschen", "action-save")
    assert not page.live
    response = client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    assert response.status_code == 302
    assert not NewsPage.objects.filter(pk__in=[page.pk, alias.pk]).exists()
