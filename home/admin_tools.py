"""Site tools for Ministry editors that Wagtail reserves for superusers.

Wagtail's search-terms report (wagtail.contrib.search_promotions) checks `is_superuser`
in its view and menu item. Editors who manage promoted results need it to see what people
search for, so the same view is served at the same URL (resolved before Wagtail's) to
everyone who may change search promotions.
"""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PROMOTIONS_PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


def may_see_search_terms(user):
    return user.is_superuser or user.has_perm(PROMOTIONS_PERMISSION)


class EditorSearchTermsReportView(SearchTermsReportView):
    def dispatch(self, request, *args, **kwargs):
        if not may_see_search_terms(request.user):
            from wagtail.admin.auth import permission_denied

            return permission_denied(request)
        # Skip the parent's superuser-only check.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_search_terms(request.user)


def search_terms_urls():
    return [
        path("searchpicks/reports/search-terms/", EditorSearchTermsReportView.as_view()),
        path(
            "searchpicks/reports/search-terms/results/",
            EditorSearchTermsReportView.as_view(results_only=True),
        ),
    ]


def search_terms_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _

    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("wagtailsearchpromotions:search_terms"),
        name="search-terms-editors",
        icon_name="search",
        order=1300,
    )


def drop_superuser_search_terms_item(menu_items):
    """Wagtail's own item (superusers only) would be listed twice next to ours."""
    if any(item.name == "search-terms-editors" for item in menu_items):
        menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
