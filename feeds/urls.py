"""Feed URLs, included under each language prefix (/de/feeds/aktuelles/, /en/feeds/news/)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .feeds import FEEDS

urlpatterns = [
    path(_("feeds/news/"), FEEDS["news"], name="feed_news"),
    path(_("feeds/cases/"), FEEDS["cases"], name="feed_cases"),
    path(_("feeds/events/"), FEEDS["events"], name="feed_events"),
    path(_("feeds/funding/"), FEEDS["funding"], name="feed_funding"),
]
