"""The two caches that rely on Wagtail internals (home/caching/routes.py, privacy.py) are
only right while Wagtail behaves as they assume. These tests fail when a Wagtail upgrade
changes that behaviour; their measured gain is in benchmarks/results.md."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from cases.models import CaseIndexPage
from home.caching.privacy import PrivacyCachedPageQuerySet, may_have_view_restrictions

pytestmark = pytest.mark.django_db


def test_wagtail_reads_the_route_and_site_the_route_cache_seeds(site):
    """routes.py fills `request._wagtail_route_for_request` and `request._wagtail_site`;
    Wagtail must take both from the request instead of looking them up."""
    request = RequestFactory().get("/de/verfahren/")
    sentinel_route = (site.root_page, [], {})
    request._wagtail_route_for_request = sentinel_route
    request._wagtail_site = site
    assert Page.route_for_request(request, "/anything/else/") is sentinel_route
    assert Site.find_for_request(request) is site


def test_route_cache_gives_wagtail_the_same_route(client, site):
    """Served through the cache (second request), a routable sub-URL routes the same."""
    index = CaseIndexPage.objects.get(locale__language_code="de")
    first = client.get(index.url + index.reverse_subpage("codebook"))
    second = client.get(index.url + index.reverse_subpage("codebook"))
    assert first.status_code == second.status_code == 200
    assert first.content == second.content


def public_ids(queryset_class):
    return set(queryset_class(Page).public().values_list("pk", flat=True))


def test_public_matches_wagtail_with_and_without_restrictions(home_de):
    assert public_ids(PrivacyCachedPageQuerySet) == public_ids(PageQuerySet)
    section = CaseIndexPage.objects.get(locale=home_de.locale)
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert public_ids(PrivacyCachedPageQuerySet) == public_ids(PageQuerySet)
    assert section.pk not in public_ids(PrivacyCachedPageQuerySet)


def test_restriction_shortcut_never_hides_a_restriction_wagtail_applies(home_de):
    section = CaseIndexPage.objects.get(locale=home_de.locale)
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    for page in Page.objects.all().specific():
        if Page.get_view_restrictions(page).exists():  # Wagtail's own answer
            assert may_have_view_restrictions(page), page.url_path
