"""Atom feeds per language (news, new cases, events, funding), read with feedparser like a
feed reader would, plus autodiscovery links and the webcal:// calendar subscription."""

import datetime

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from cases.models import CasePage, FundingProgrammePage
from events.models import EventPage
from home.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

FEEDS = {
    "de": {
        "news": "/de/feeds/aktuelles/",
        "cases": "/de/feeds/verfahren/",
        "events": "/de/feeds/veranstaltungen/",
        "funding": "/de/feeds/foerderung/",
    },
    "en": {
        "news": "/en/feeds/news/",
        "cases": "/en/feeds/cases/",
        "events": "/en/feeds/events/",
        "funding": "/en/feeds/funding/",
    },
}
MODELS = {"news": NewsPage, "cases": CasePage, "events": EventPage, "funding": FundingProgrammePage}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("name", ["news", "cases", "events", "funding"])
def test_feed_parses_and_lists_the_live_pages_of_its_language(client, language, name):
    feed = parse(client, FEEDS[language][name])
    assert feed.feed.language == language
    assert feed.feed.title.endswith(
        "Netzwerk Bürgerbeteiligung Sachsen"
        if language == "de"
        else "Civic Participation Network Saxony"
    )
    pages = MODELS[name].objects.live().public().filter(locale__language_code=language)
    if name == "events":
        pages = pages.filter(end__gte=timezone.now())
    expected = {p.get_full_url() for p in pages[:20]} if pages.count() <= 20 else None
    links = [entry.link for entry in feed.entries]
    assert links, "the demo content has items for every feed"
    assert all(link.startswith("http://") for link in links)
    assert len(set(links)) == len(links)
    if expected is not None:
        assert set(links) == expected
    for entry in feed.entries:
        assert entry.title and entry.id.startswith("tag:") and entry.updated_parsed
        # Every link is a page of this language that answers.
        path = "/" + entry.link.split("/", 3)[3]
        assert path.startswith(f"/{language}/")
        assert client.get(path).status_code == 200


def test_news_feed_is_newest_first_and_shows_a_new_item_at_once(client, home_de):
    index = NewsIndexPage.objects.get(locale=home_de.locale)
    before = parse(client, FEEDS["de"]["news"])
    dates = [e.published_parsed for e in before.entries]
    assert dates == sorted(dates, reverse=True)

    news = NewsPage(
        title="Neuigkeit für den Feed", slug="neuigkeit-feed", date=datetime.date.today()
    )
    index.add_child(instance=news)
    news.save_revision().publish()
    after = parse(client, FEEDS["de"]["news"])
    assert after.entries[0].title == "Neuigkeit für den Feed"
    assert after.entries[0].link == news.get_full_url()
    # Not in the English feed: it has not been translated.
    english = parse(client, FEEDS["en"]["news"])
    assert "Neuigkeit für den Feed" not in {e.title for e in english.entries}


def test_unpublished_and_past_items_are_not_in_the_feeds(client):
    case = CasePage.objects.live().filter(locale__language_code="de").first()
    title = case.title
    case.unpublish()
    assert title not in {e.title for e in parse(client, FEEDS["de"]["cases"]).entries}
    past = EventPage.objects.live().filter(locale__language_code="de", end__lt=timezone.now())
    titles = {e.title for e in parse(client, FEEDS["de"]["events"]).entries}
    assert not titles & {e.title for e in past}


def test_feed_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    from django.core.cache import cache

    for url in FEEDS["de"].values():
        cache.clear()
        with django_assert_max_num_queries(8):
            client.get(url)
    # Cached per generation: a second request runs only the middleware's own queries.
    with django_assert_max_num_queries(3):
        client.get(FEEDS["de"]["news"])


@pytest.mark.parametrize("path", ["/de/", "/en/events/", "/de/verfahren/"])
def test_every_page_has_autodiscovery_links(client, path):
    response = client.get(path, follow=True)
    html = response.content.decode()
    language = path.split("/")[1]
    for url in FEEDS[language].values():
        assert f'<link rel="alternate" type="application/atom+xml" href="{url}"' in html


def test_webcal_subscription_url_points_at_the_calendar_feed(client, rf):
    from django.template import Context, Template

    from events.models import EventIndexPage

    index = EventIndexPage.objects.get(locale__language_code="de")
    request = rf.get("/de/veranstaltungen/")
    html = Template("{% load feed_tags %}{% calendar_subscription_url page %}").render(
        Context({"page": index, "request": request})
    )
    assert html == "webcal://testserver/de/veranstaltungen/kalender/"
    # A calendar app fetches the same address over HTTP(S): a real iCalendar feed.
    response = client.get(html.removeprefix("webcal://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" not in response.get("Content-Disposition", "")
    cal = Calendar.from_ical(response.content)
    assert str(cal["refresh-interval"].to_ical().decode()) == "PT1H"
    assert cal.walk("VEVENT")
