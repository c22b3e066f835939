"""Admin for the network: advice requests, members, reported procedures and the message log,
grouped under "Network". Every model is a snippet, so access follows its model permissions,
which home.permissions grants to Ministry editors only (guest editors get none)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from .admin_views import ApproveMemberView, RejectMemberView, can_decide, decision_urls
from .choices import AdviceStatus, MemberStatus
from .models import AdviceRequest, Member, MessageLog, ProcedureReport


class ViewPermissionRequired:
    """Wagtail's choosers answer any admin user; these models hold personal data, so their
    choosers (list, search results, chosen JSON) require the model's view permission."""

    def dispatch(self, request, *args, **kwargs):
        opts = self.model_class._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedChooseView(ViewPermissionRequired, ChooseView):
    pass


class GuardedChooseResultsView(ViewPermissionRequired, ChooseResultsView):
    pass


class GuardedChosenView(ViewPermissionRequired, SnippetChosenView):
    pass


class GuardedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = GuardedChooseView
    choose_results_view_class = GuardedChooseResultsView
    chosen_view_class = GuardedChosenView


class PersonalDataViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet


class AdviceRequestViewSet(PersonalDataViewSet):
    model = AdviceRequest
    icon = "help"
    menu_label = _("Advice requests")
    menu_name = "advice_requests"
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "organisation_name",
        Column("topic", label=_("topic"), accessor="get_topic_display"),
        Column("status", label=_("status"), accessor="get_status_display"),
        "assignee",
        "region",
        "created_at",
    ]
    list_filter = ["status", "topic", "assignee", "region"]
    search_fields = ["organisation_name", "name", "description"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return AdviceRequest.objects.select_related("region", "assignee")


def decision_buttons(member, user, priority=5):
    """ "Approve" and "Reject" for a member waiting for approval (Ministry editors)."""
    if not can_decide(user):
        return []
    return [
        Button(label, url=url, icon_name=icon, priority=priority + number)
        for number, (label, url, icon) in enumerate(decision_urls(member))
    ]


class MemberEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return decision_buttons(self.object, self.request.user) + list(super().header_more_buttons)


@hooks.register("register_snippet_listing_buttons")
def member_decision_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Member):
        return decision_buttons(snippet, user)
    return []


class MemberViewSet(PersonalDataViewSet):
    model = Member
    icon = "group"
    menu_label = _("Members")
    menu_name = "network_members"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("status", label=_("status"), accessor="get_status_display"),
        "region",
        "listed",
        "open_to_exchange",
        "created_at",
    ]
    list_filter = ["status", "kind", "region", "listed", "open_to_exchange"]
    search_fields = ["name", "contact_name"]
    ordering = ["status", "name"]

    edit_view_class = MemberEditView

    def get_queryset(self, request):
        return Member.objects.select_related("region")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("approve/<int:pk>/", ApproveMemberView.as_view(), name="approve"),
            path("reject/<int:pk>/", RejectMemberView.as_view(), name="reject"),
        ]


class ProcedureReportViewSet(PersonalDataViewSet):
    model = ProcedureReport
    icon = "doc-full"
    menu_label = _("Reported procedures")
    menu_name = "procedure_reports"
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["title", "case", "status", "created_at", "published_at"]
    list_filter = ["status"]
    ordering = ["-created_at"]


class MessageLogViewSet(PersonalDataViewSet):
    model = MessageLog
    icon = "mail"
    menu_label = _("Message log")
    menu_name = "message_log"
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["created_at", "sender_email", "page", "member"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return MessageLog.objects.select_related("page", "member")


class NetworkViewSetGroup(SnippetViewSetGroup):
    items = (AdviceRequestViewSet, MemberViewSet, ProcedureReportViewSet, MessageLogViewSet)
    menu_icon = "group"
    menu_label = _("Network")
    menu_name = "network"
    menu_order = 260


register_snippet(NetworkViewSetGroup)


class NetworkDashboardPanel(Component):
    """Open advice requests and members awaiting approval, on the dashboard."""

    name = "network"
    order = 150
    template_name = "network/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        open_requests = AdviceRequest.objects.exclude(status=AdviceStatus.CLOSED).exclude(
            status=AdviceStatus.ANSWERED
        )
        return {
            "new_count": open_requests.filter(status=AdviceStatus.NEW).count(),
            "open_count": open_requests.count(),
            "latest": list(open_requests.select_related("assignee").order_by("-created_at")[:5]),
            "pending_members": Member.objects.filter(status=MemberStatus.PENDING).count(),
            "advice_url": reverse("wagtailsnippets_network_advicerequest:list"),
            "members_url": reverse("wagtailsnippets_network_member:list")
            + f"?status={MemberStatus.PENDING}",
        }


@hooks.register("construct_homepage_panels")
def network_dashboard_panel(request, panels):
    if request.user.has_perm("network.view_advicerequest"):
        panels.append(NetworkDashboardPanel(request.user))
