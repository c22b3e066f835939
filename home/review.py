"""Reviewing with the completeness in view (issue 13).

Wagtail's approve/reject modal (at the footer's "Approve with comment" and in the dashboard)
shows the page's completeness when the page reports one (`completeness()`, the case pages).
When it is below `settings.APPROVAL_MIN_COMPLETENESS` (percent, environment variable of the
same name), approving needs an explicit confirmation: the modal's form gets a required
checkbox. Every way to approve asks for it, and refuses without it, saying why:

- the modal (`WorkflowActionView`, from the dashboard; `CollectWorkflowActionDataView`, from
  the edit view's footer) shows the checkbox and its error;
- the plain "Approve" in the edit view's footer and in the dashboard's "Awaiting your review"
  opens that modal instead of approving at once (`ask_for_confirmation_in_footer`, a
  `construct_page_action_menu` hook; `ModerationPanel`, in place of Wagtail's panel);
- the edit view (`EditView`) refuses an approval posted without the confirmation the modal
  hands on, on the page as the reviewer is about to approve it (with their own changes),
  and shows the form again with the reason; so does a direct POST to the modal's action URL
  (the dashboard's plain "Approve"), which is sent back with the reason as a message.

The view classes plug into a page type's `PageViewSet` (Wagtail's extension point for
per-type admin views; see cases/wagtail_hooks.py).
"""

import json

from django import forms
from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages import edit, revisions, workflow

CONFIRM_FIELD = "confirm_incomplete"
EXTRA_DATA = "workflow-action-extra-data"  # what Wagtail's footer posts from the modal


def completeness_of(page):
    report = getattr(page, "completeness", None)
    return report() if callable(report) else None


def needs_confirmation(report):
    return report is not None and report["percent"] < settings.APPROVAL_MIN_COMPLETENESS


def refusal(report):
    return _(
        "Not approved: only %(percent)s %% of the recommended fields are filled in "
        "(%(threshold)s %% are expected). To approve it anyway, confirm this in the "
        "approval dialog; or request changes with a comment."
    ) % {"percent": report["percent"], "threshold": settings.APPROVAL_MIN_COMPLETENESS}


def with_confirmation(form_class, report, keep=False):
    """The task's form plus a required "approve anyway" checkbox: not passed on to the task
    (`keep=False`), or kept in the data the footer's modal hands to the edit view."""

    class ConfirmIncompleteForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[CONFIRM_FIELD] = forms.BooleanField(
                required=True,
                label=_(
                    "Approve although only %(percent)s %% of the recommended fields are filled in"
                )
                % {"percent": report["percent"]},
                error_messages={
                    "required": _(
                        "Please confirm that you approve this incomplete page, "
                        "or reject it with a comment."
                    )
                },
            )

        def clean(self):
            data = super().clean()
            if not keep:
                data.pop(CONFIRM_FIELD, None)
            return data

    return ConfirmIncompleteForm


class CompletenessMixin:
    template_name = "home/admin/workflow_action_modal.html"
    keep_confirmation = False

    def get_template_names(self):
        return [self.template_name]

    def report(self):
        """Of the revision in review (a published page's new draft), else of the page."""
        if not hasattr(self, "_report"):
            revision = self.task_state.revision
            page = revision.as_object() if revision else self.object.specific
            self._report = completeness_of(page)
        return self._report

    def asks_for_confirmation(self):
        return self.action_name == "approve" and needs_confirmation(self.report())

    def get_form_class(self):
        form_class = super().get_form_class()
        if form_class and self.asks_for_confirmation():
            return with_confirmation(form_class, self.report(), keep=self.keep_confirmation)
        return form_class

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["completeness"] = self.report()
        context["threshold"] = settings.APPROVAL_MIN_COMPLETENESS
        return context


class WorkflowActionView(CompletenessMixin, workflow.WorkflowActionView):
    def post(self, request, *args, **kwargs):
        # Wagtail answers a plain (non-modal) POST whose form is invalid with a silent
        # redirect; say why nothing was approved.
        is_modal = request.headers.get("x-requested-with") == "XMLHttpRequest"
        if not is_modal and self.asks_for_confirmation():
            if not self.form_class(request.POST).is_valid():
                messages.error(request, refusal(self.report()))
                return redirect(self.redirect_url)
        return super().post(request, *args, **kwargs)


class CollectWorkflowActionDataView(CompletenessMixin, workflow.CollectWorkflowActionDataView):
    keep_confirmation = True  # the edit view checks it (ConfirmedApprovalMixin)


class ConfirmedApprovalMixin:
    """For the edit view's own workflow action: approving below the threshold needs the
    confirmation from the modal (`workflow-action-extra-data`); without it nothing is saved
    or approved, and the form is shown again with the reason."""

    def perform_workflow_action(self):
        extra = json.loads(self.request.POST.get(EXTRA_DATA) or "{}")
        confirmed = bool(extra.pop(CONFIRM_FIELD, False))
        if self.workflow_action == "approve" and not confirmed:
            # The page as it would be approved: the revision in review plus the reviewer's
            # own changes in this form (saved in memory only).
            report = completeness_of(self.form.save(commit=False))
            if needs_confirmation(report):
                messages.error(self.request, refusal(report))
                self.has_unsaved_changes = True
                return self.render_to_response(self.get_context_data())
        # Wagtail hands the extra data to the task, which knows no confirmation.
        post = self.request.POST.copy()
        post[EXTRA_DATA] = json.dumps(extra)
        self.request.POST = post
        return super().perform_workflow_action()


class EditView(ConfirmedApprovalMixin, edit.EditView):
    pass


class RevisionsRevertView(ConfirmedApprovalMixin, revisions.RevisionsRevertView):
    pass


def ask_for_confirmation_in_footer(menu_items, request, context):
    """The footer's plain "Approve" of a page below the threshold opens the approval modal
    (with its confirmation) instead of approving at once."""
    plain = [
        item
        for item in menu_items
        if isinstance(item, WorkflowMenuItem) and item.name == "approve" and not item.launch_modal
    ]
    if plain and needs_confirmation(completeness_of(context.get("page"))):
        for item in plain:
            item.launch_modal = True


class ModerationPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review" on the dashboard: the plain "Approve" of a page below
    the threshold opens the approval modal (with its confirmation)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            page_type = getattr(state["obj"], "specific_class", None)
            if not hasattr(page_type, "completeness"):
                continue  # no page type without a completeness pays for its revision
            if needs_confirmation(completeness_of(state["revision"].as_object())):
                state["actions"] = [
                    (name, label, modal or name == "approve")
                    for name, label, modal in state["actions"]
                ]
        return context


def with_moderation_panel(panels):
    panels[:] = [
        ModerationPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
