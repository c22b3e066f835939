"""The "Sending" panel on an issue's edit view: state of the send and the two actions."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel


def progress(issue):
    """How many recipients the send has handed to the outbox, and how many are left."""
    return issue.deliveries.aggregate(
        total=Count("pk"),
        queued=Count("pk", filter=Q(status="queued")),
        pending=Count("pk", filter=Q(status="pending")),
    )


class SendPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletter/admin/send_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk:
                context["progress"] = progress(page)
                context["test_url"] = reverse("newsletter_admin_test", args=[page.pk])
                context["send_url"] = reverse("newsletter_admin_send", args=[page.pk])
            context["saved"] = bool(page.pk and page.live)
            context["hint"] = _(
                "Publish the issue first; then send a test to yourself and, when it looks right, to the subscribers."
            )
            return context
