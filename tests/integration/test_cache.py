"""Anonymous full-page cache (home/caching): what is cached, what never is, and that a
publish, unpublish, delete or settings change shows up at once in both languages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.models import NewsIndexPage, NewsPage, SiteSettings

pytestmark = pytest.mark.django_db

PRIMED = ["/de/", "/en/", "/de/aktuelles/", "/en/news/"]


def get_text(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response, response.content.decode()


def prime(client, urls=PRIMED):
    """Request each URL twice; the second answer must come from the cache."""
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url


@pytest.fixture
def news_pair(home_de):
    """The newest demo news item in German and its English translation."""
    page = NewsPage.objects.live().filter(locale=home_de.locale).order_by("-date", "-pk").first()
    english = page.get_translation(Locale.objects.get(language_code="en")).specific
    return page, english


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("cache-editor", "editor@example.org", "x" * 16)


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_anonymous_page_is_cached_with_public_headers(client):
    first = client.get("/de/")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert "public" in first["Cache-Control"] and "max-age=" in first["Cache-Control"]
    assert "s-maxage=" in first["Cache-Control"]
    assert "Cookie" in first["Vary"]
    assert not first.cookies, "anonymous readers get no cookies"

    second = client.get("/de/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Type"].startswith("text/html")


def test_cached_copy_is_really_served(client, news_pair):
    """A change that bypasses every signal stays invisible until the cache is bypassed:
    proof that the second answer came from the cache and not from the database."""
    page, _ = news_pair
    prime(client, ["/de/aktuelles/"])
    NewsPage.objects.filter(pk=page.pk).update(title="Stiller Titelwechsel ohne Signal")
    _, html = get_text(client, "/de/aktuelles/")
    assert "Stiller Titelwechsel ohne Signal" not in html
    assert page.title in html


def test_publish_shows_at_once_on_listings_and_home_in_both_languages(client, news_pair):
    page, english = news_pair
    prime(client)
    publish_title(page, "Neue Überschrift für den Cache-Test")
    publish_title(english, "New headline for the cache test")

    for url in ("/de/", "/de/aktuelles/"):
        response, html = get_text(client, url)
        assert response["X-Cache"] == "MISS", url
        assert "Neue Überschrift für den Cache-Test" in html, url
    for url in ("/en/", "/en/news/"):
        _, html = get_text(client, url)
        assert "New headline for the cache test" in html, url


def test_new_page_appears_on_cached_listing(client, home_de):
    prime(client, ["/de/aktuelles/", "/de/"])
    index = NewsIndexPage.objects.get(locale=home_de.locale)
    fresh = NewsPage(title="Frisch veröffentlichte Meldung", slug="frisch", date="2099-01-01")
    index.add_child(instance=fresh)
    fresh.save_revision().publish()
    for url in ("/de/aktuelles/", "/de/"):
        _, html = get_text(client, url)
        assert "Frisch veröffentlichte Meldung" in html, url


def test_unpublish_and_delete_remove_items_from_cached_listings(client, news_pair):
    page, english = news_pair
    prime(client)
    page.unpublish()
    english.delete()
    _, html = get_text(client, "/de/aktuelles/")
    assert page.title not in html
    _, html = get_text(client, "/en/news/")
    assert english.title not in html
    assert client.get(page.url).status_code == 404


def test_settings_change_updates_cached_footer_in_both_languages(client, site):
    prime(client)
    settings = SiteSettings.for_site(site)
    settings.ministry_name = "Staatsministerium für Cache-Invalidierung"
    settings.save()
    for url in PRIMED:
        _, html = get_text(client, url)
        assert "Staatsministerium für Cache-Invalidierung" in html, url


def test_menu_title_change_shows_in_cached_header(client, home_de):
    prime(client, ["/de/", "/de/impressum/"])
    index = NewsIndexPage.objects.get(locale=home_de.locale)
    publish_title(index, "Neuigkeiten aus dem Netzwerk")
    _, html = get_text(client, "/de/impressum/")
    assert "Neuigkeiten aus dem Netzwerk" in html


def test_editor_never_gets_a_cached_page(client, editor, news_pair):
    page, _ = news_pair
    prime(client, ["/de/aktuelles/"])
    NewsPage.objects.filter(pk=page.pk).update(title="Nur Redaktion sieht das sofort")

    client.force_login(editor)
    response, html = get_text(client, "/de/aktuelles/")
    assert "Nur Redaktion sieht das sofort" in html
    assert response.get("X-Cache") != "HIT"
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]

    # What the editor got was not stored for anonymous readers either.
    client.logout()
    client.cookies.clear()
    _, html = get_text(client, "/de/aktuelles/")
    assert "Nur Redaktion sieht das sofort" not in html


def test_preview_is_never_served_from_the_cache(client, news_pair):
    page, _ = news_pair
    prime(client, [page.url])
    page.title = "Vorschau mit ungespeichertem Titel"
    response = page.make_preview_request()
    html = response.content.decode()
    assert "Vorschau mit ungespeichertem Titel" in html
    assert response.get("X-Cache") != "HIT"
    assert "private" in response["Cache-Control"]


def test_post_is_not_cached(client):
    prime(client, ["/de/"])
    response = client.post("/de/", {"x": "1"})
    assert response.get("X-Cache") != "HIT"


@pytest.mark.parametrize("query", ["?utm_source=newsletter", "?page=1&x=" + "a" * 600])
def test_unknown_or_huge_query_strings_are_rendered_but_not_stored(client, query):
    for _ in range(2):
        response = client.get("/de/aktuelles/" + query)
        assert response.status_code == 200
        assert "X-Cache" not in response


def test_pagination_query_is_cached_per_url(client):
    assert client.get("/de/aktuelles/?page=1")["X-Cache"] == "MISS"
    assert client.get("/de/aktuelles/?page=1")["X-Cache"] == "HIT"
    assert client.get("/de/aktuelles/?page=2")["X-Cache"] == "MISS"


def test_not_found_is_not_cached(client):
    for _ in range(2):
        response = client.get("/de/gibt-es-nicht/")
        assert response.status_code == 404
        assert "X-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")


def test_page_with_csrf_form_is_private_and_not_cached(client):
    """The barrier report form carries its own signed start time (anonymous readers get no
    CSRF cookie, home/public_forms.py): a shared cache must never hand it to someone else."""
    url = "/de/barrierefreiheit/barriere-melden/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="form_started"' in response.content.decode()
        assert "csrftoken" not in response.cookies
        assert response.get("X-Cache") != "HIT"
        assert "public" not in response.get("Cache-Control", "")
        assert "private" in response["Cache-Control"]


def test_languages_are_cached_separately(client):
    prime(client, ["/de/", "/en/"])
    assert 'lang="de"' in client.get("/de/").content.decode()
    assert 'lang="en"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("url", ["/de/", "/en/", "/de/aktuelles/", "/en/news/", "/de/impressum/"])
def test_uncached_page_query_budget(client, settings, django_assert_max_num_queries, url):
    settings.PAGE_CACHE_ENABLED = False
    client.get(url)  # warms the header/footer fragments (site + language + generation)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_news_listing_queries_do_not_grow_with_items(
    client, home_de, settings, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_ENABLED = False
    index = NewsIndexPage.objects.get(locale=home_de.locale)

    def count():
        client.get("/de/aktuelles/")
        with CaptureQueriesContext(connection) as ctx:
            client.get("/de/aktuelles/")
        return len(ctx)

    before = count()
    for n in range(6):
        page = NewsPage(title=f"Zusatzmeldung {n}", slug=f"zusatz-{n}", date="2001-01-01")
        index.add_child(instance=page)
        page.save_revision().publish()
    assert count() == before


def test_case_filters_are_cacheable_and_a_published_case_shows_at_once(client, home_de):
    from cases.filters import FILTER_KEYS
    from cases.finder import FinderParams
    from cases.models import CaseIndexPage, CasePage, MethodIndexPage

    index = CaseIndexPage.objects.get(locale=home_de.locale)
    assert set(FILTER_KEYS) <= index.cache_query_params
    assert set(FinderParams.base_fields) <= MethodIndexPage.cache_query_params
    case = CasePage.objects.child_of(index).live().first()
    filtered = f"{index.url}?status={case.status}"
    prime(client, [index.url, filtered])

    publish_title(case, "Frisch umbenanntes Verfahren")
    for url in (index.url, filtered):
        response, html = get_text(client, url)
        assert response["X-Cache"] == "MISS", url
        assert "Frisch umbenanntes Verfahren" in html, url


def _bump_in_another_process(database_name):
    import os
    import subprocess
    import sys

    from django.conf import settings as django_settings

    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"settings.DATABASES['default']['NAME'] = {database_name!r}; "
        "from home.caching import bump_generation; bump_generation('test')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "netzwerk.settings.test"}
    env.pop("REDIS_URL", None)
    subprocess.run([sys.executable, "-c", code], cwd=django_settings.BASE_DIR, env=env, check=True)


def test_a_bump_in_another_process_is_seen_without_redis(settings, monkeypatch, tmp_path):
    """gunicorn workers have separate local-memory caches: a publish handled by one worker
    must make every other worker's pages and derived caches stale too."""
    from django.db import connection

    from home.caching import current_generation

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Both processes on one database file, like the demo's gunicorn or runserver workers.
    shared = str(tmp_path / "shared.sqlite3")
    monkeypatch.setitem(connection.settings_dict, "NAME", shared)
    before = current_generation()
    _bump_in_another_process(shared)
    assert current_generation() != before


def test_in_memory_sqlite_databases_of_other_processes_do_not_interfere(settings):
    """Each pytest-xdist worker has its own in-memory SQLite test database under the same
    name: a publish in one worker must not make the other worker's cached pages stale."""
    from django.db import connection

    from home.caching import current_generation

    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip("only an in-memory SQLite test database is private to its process")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    before = current_generation()
    _bump_in_another_process(connection.settings_dict["NAME"])
    assert current_generation() == before
