"""Dashboard panels for the editorial roles (issue 13).

Ministry editors: "New reports" (Neue Meldungen), the latest submissions of every public form
(barrier reports, survey answers, later form types) with a link to each form's submissions.
Guest editors: their own drafts, what is in review and what was sent back with a comment.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

NEW_REPORTS_DAYS = 30
NEW_REPORTS_LIMIT = 10


class NewReportsPanel(Component):
    name = "new_reports"
    order = 90
    template_name = "home/admin/new_reports_panel.html"

    def get_context_data(self, parent_context):
        from wagtail.contrib.forms.models import FormSubmission

        since = timezone.now() - datetime.timedelta(days=NEW_REPORTS_DAYS)
        submissions = (
            FormSubmission.objects.filter(submit_time__gte=since)
            .select_related("page", "page__locale")
            .order_by("-submit_time")[:NEW_REPORTS_LIMIT]
        )
        return {
            "title": _("New reports"),
            "submissions": list(submissions),
            "days": NEW_REPORTS_DAYS,
        }
