"""Reviewing with the completeness in view (issue 13).

Wagtail's approve/reject modal (at the footer's "Approve with comment" and in the dashboard)
shows the page's completeness when the page reports one (`completeness()`, the case pages).
When it is below `settings.APPROVAL_MIN_COMPLETENESS` (percent, environment variable of the
same name), approving needs an explicit confirmation: the modal's form gets a required
checkbox. The two view classes plug into a page type's `PageViewSet` (Wagtail's extension
point for per-type admin views; see cases/wagtail_hooks.py).
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages import workflow

CONFIRM_FIELD = "confirm_incomplete"


def completeness_of(page):
    report = getattr(page, "completeness", None)
    return report() if callable(report) else None


def needs_confirmation(report):
    return report is not None and report["percent"] < settings.APPROVAL_MIN_COMPLETENESS


def with_confirmation(form_class, report):
    """The task's form plus a required "approve anyway" checkbox (not passed on to the task)."""

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
            data.pop(CONFIRM_FIELD, None)
            return data

    return ConfirmIncompleteForm


class CompletenessMixin:
    template_name = "home/admin/workflow_action_modal.html"

    def get_template_names(self):
        return [self.template_name]

    def report(self):
        if not hasattr(self, "_report"):
            self._report = completeness_of(self.object.specific)
        return self._report

    def get_form_class(self):
        form_class = super().get_form_class()
        if form_class and self.action_name == "approve" and needs_confirmation(self.report()):
            return with_confirmation(form_class, self.report())
        return form_class

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["completeness"] = self.report()
        context["threshold"] = settings.APPROVAL_MIN_COMPLETENESS
        return context


class WorkflowActionView(CompletenessMixin, workflow.WorkflowActionView):
    pass


class CollectWorkflowActionDataView(CompletenessMixin, workflow.CollectWorkflowActionDataView):
    pass
