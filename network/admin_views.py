"""Ministry editors decide on join requests: "Approve" lists the member (and links or creates
its organisation) and welcomes it by mail, "Reject" tells the applicant; both mails go in the
applicant's language. Reached from the member listing and the member's edit view; a GET asks,
only the POST decides. Requires the member change permission (Ministry editors only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import emails
from .choices import MemberStatus
from .models import Member


def can_decide(user):
    return user.has_perm("network.change_member")


def decision_urls(member):
    """(label, url, icon) of the decisions open for `member`: only after the opt-in."""
    if member.status != MemberStatus.PENDING:
        return []
    return [
        (
            gettext_lazy("Approve"),
            reverse("wagtailsnippets_network_member:approve", args=[member.pk]),
            "check",
        ),
        (
            gettext_lazy("Reject"),
            reverse("wagtailsnippets_network_member:reject", args=[member.pk]),
            "cross",
        ),
    ]


class MemberDecisionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "network/admin/member_decision.html"
    header_icon = "group"
    decision = None  # "approve" or "reject"

    def dispatch(self, request, pk):
        if not can_decide(request.user):
            raise PermissionDenied
        self.member = get_object_or_404(Member.objects.select_related("region"), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        if self.decision == "approve":
            return _("Approve %(member)s") % {"member": self.member}
        return _("Reject %(member)s") % {"member": self.member}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailsnippets_network_member:list"), "label": _("Members")},
            {
                "url": reverse("wagtailsnippets_network_member:edit", args=[self.member.pk]),
                "label": str(self.member),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            member=self.member,
            decision=self.decision,
            open=self.member.status == MemberStatus.PENDING,
            edit_url=reverse("wagtailsnippets_network_member:edit", args=[self.member.pk]),
        )
        return context

    def post(self, request, pk):
        with transaction.atomic():
            member = Member.objects.select_for_update().get(pk=self.member.pk)
            if member.status != MemberStatus.PENDING:
                messages.error(
                    request,
                    _("“%(member)s” is not waiting for approval; nothing was changed.")
                    % {"member": member},
                )
                return redirect("wagtailsnippets_network_member:edit", member.pk)
            if self.decision == "approve":
                member.status = MemberStatus.APPROVED
                member.save()  # links or creates the organisation; network.signals welcomes
                messages.success(
                    request,
                    _("“%(member)s” is approved and has been sent a welcome email.")
                    % {"member": member},
                )
            else:
                member.status = MemberStatus.REJECTED
                member.save(update_fields=["status"])
                emails.member_rejected(member)
                messages.success(
                    request,
                    _("“%(member)s” is rejected and has been told by email.") % {"member": member},
                )
        return redirect("wagtailsnippets_network_member:list")


class ApproveMemberView(MemberDecisionView):
    decision = "approve"


class RejectMemberView(MemberDecisionView):
    decision = "reject"
