"""Names of the editorial roles and workflow in the editor's language.

Groups, the workflow and its task are found by their (English) names in the database
(home/permissions.py, DESIGN §4), so the names themselves stay fixed; the admin and
Wagtail's moderation mails show them through `role_name`, translated like every other string.
"""

from django import template
from django.utils.translation import gettext_lazy as _

from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS, WORKFLOW_NAME

register = template.Library()

ROLE_NAMES = {
    WORKFLOW_NAME: _("Ministry editors approval"),
    MINISTRY_EDITORS: _("Ministry editors"),
    GUEST_EDITORS: _("Guest editors"),
}


@register.filter
def role_name(name):
    return str(ROLE_NAMES.get(str(name), name))
