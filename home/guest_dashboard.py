"""The guest editor's dashboard (issue 13): three panels on Wagtail's admin home page.

- "My drafts": their own pages with unpublished work that is not in review;
- "In review": their own pages waiting for a Ministry editor;
- "Sent back (with comment)": their own pages a reviewer rejected, with the reviewer's comment.

"Own" means the pages they own (Wagtail's page owner: the editor who created the page). Only
these pages are listed, never another organisation's. Aliases (the untranslated English
copies) are left out: they are not work of their own.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

LIMIT = 20


def own_pages(user):
    return Page.objects.filter(owner=user, alias_of__isnull=True)


def _states(user, *statuses):
    """Workflow states of the user's own pages (by the base Page content type, as Wagtail
    stores them), newest first."""
    ids = [str(pk) for pk in own_pages(user).values_list("pk", flat=True)]
    return WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=ids,
        status__in=statuses,
    ).order_by("-created_at")


def _with_pages(states):
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    return [(pages[int(s.object_id)], s) for s in states if int(s.object_id) in pages]


def in_review(user):
    """(page, workflow state) for their pages in an in-progress workflow."""
    return _with_pages(list(_states(user, WorkflowState.STATUS_IN_PROGRESS)[:LIMIT]))


def sent_back(user):
    """(page, rejected task state) for their pages a reviewer rejected."""
    states = list(_states(user, WorkflowState.STATUS_NEEDS_CHANGES)[:LIMIT])
    rejections = {
        task_state.workflow_state_id: task_state
        for task_state in TaskState.objects.filter(
            workflow_state__in=states, status=TaskState.STATUS_REJECTED
        )
        .select_related("finished_by")
        .order_by("finished_at")
    }
    return [(page, rejections.get(state.pk)) for page, state in _with_pages(states)]


def drafts(user):
    """Their pages with unpublished changes that are not in review and not sent back."""
    busy = _states(
        user, WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES
    ).values_list("object_id", flat=True)
    return list(
        own_pages(user)
        .filter(has_unpublished_changes=True)
        .exclude(pk__in=[int(pk) for pk in busy])
        .order_by("-latest_revision_created_at")[:LIMIT]
    )


class GuestPanel(Component):
    template_name = "home/admin/guest_panel.html"
    heading = ""
    empty_text = ""

    def __init__(self, user):
        self.user = user

    def rows(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "empty_text": self.empty_text,
            "rows": self.rows(),
            "kind": self.name,
        }


class MyDraftsPanel(GuestPanel):
    name = "guest_drafts"
    order = 60
    heading = _("My drafts")
    empty_text = _("You have no drafts.")

    def rows(self):
        return [(page, None) for page in drafts(self.user)]


class InReviewPanel(GuestPanel):
    name = "guest_in_review"
    order = 61
    heading = _("In review")
    empty_text = _("None of your pages is waiting for review.")

    def rows(self):
        return in_review(self.user)


class SentBackPanel(GuestPanel):
    name = "guest_sent_back"
    order = 62
    heading = _("Sent back (with comment)")
    empty_text = _("None of your pages was sent back.")

    def rows(self):
        return sent_back(self.user)


def guest_panels(user):
    return [MyDraftsPanel(user), InReviewPanel(user), SentBackPanel(user)]
