"""Admin registration: taxonomy snippets with search and filters, and a flat listing of
all cases with a completeness column; approving a case shows its completeness."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home import review

from .models import CasePage, Organisation, Region, TargetGroup, Topic


class TaxonomyViewSet(SnippetViewSet):
    # Small tables: search them with the ORM (icontains on search_fields), not the
    # full-text backend, so a half-typed name finds its entry.
    search_backend_name = None


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "kind", "seat"]
    list_filter = ["kind"]
    search_fields = ["name", "seat"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


class OrganisationViewSet(TaxonomyViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "region", "website"]
    list_filter = ["kind", "region"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Knowledge base")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (OrganisationViewSet, RegionViewSet, TopicViewSet, TargetGroupViewSet)


register_snippet(TaxonomyGroup)


class CompletenessColumn(Column):
    def get_value(self, instance):
        report = (
            instance.specific_deferred.completeness()
            if not isinstance(instance, CasePage)
            else instance.completeness()
        )
        if not report["missing"]:
            return f"{report['percent']} %"
        return _("%(percent)s %% – missing: %(fields)s") % {
            "percent": report["percent"],
            "fields": ", ".join(map(str, report["missing"])),
        }


class CaseListingViewSet(PageListingViewSet):
    model = CasePage
    icon = "doc-full-inverse"
    menu_label = _("Cases")
    menu_order = 240
    add_to_admin_menu = True
    name = "case_listing"
    columns = PageIndexView.base_columns + [
        CompletenessColumn("completeness", label=_("Completeness"))
    ]


class CasePageViewSet(PageViewSet):
    """The case pages' admin views: approving shows the completeness and asks for a
    confirmation below the threshold, whichever way it is approved (home/review.py)."""

    model = CasePage
    name = "case_pages"
    workflow_action_view_class = review.WorkflowActionView
    collect_workflow_action_data_view_class = review.CollectWorkflowActionDataView
    edit_view_class = review.EditView
    revisions_revert_view_class = review.RevisionsRevertView


@hooks.register("register_admin_viewset")
def register_case_listing():
    return CaseListingViewSet()


@hooks.register("register_admin_viewset")
def register_case_page_viewset():
    return CasePageViewSet()
