"""Admin for the mail outbox: Ministry editors see every mail with its status (pending, sent,
failed), its last error, and send failed ones again (a bulk action on the listing)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .outbox import send_again
from .outbox_models import OutboxMail


class OutboxMailViewSet(SnippetViewSet):
    model = OutboxMail
    icon = "mail"
    menu_label = _("Outgoing mail")
    menu_name = "outbox"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "subject",
        Column("to", label=_("recipients"), accessor=lambda mail: ", ".join(mail.to)),
        Column("status", label=_("status"), accessor="get_status_display"),
        "attempts",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    ordering = ["-created_at"]
    # A mail is a record of what was sent: nothing in it is edited by hand.
    panels = [
        FieldPanel(name, read_only=True)
        for name in ("status", "to", "subject", "body", "attempts", "last_error", "sent_at")
    ]


class SendAgainBulkAction(SnippetBulkAction):
    display_name = _("Send again")
    action_type = "send_again"
    aria_label = _("Send the selected mails again")
    template_name = "home/outbox/confirm_send_again.html"
    models = [OutboxMail]

    def dispatch(self, request, *args, **kwargs):
        # Refuse the whole page, not item by item: the "no access" list would show recipients.
        if not request.user.has_perm("home.change_outboxmail"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, mail):
        return self.request.user.has_perm("home.change_outboxmail")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return send_again(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d mail queued again.", "%(count)d mails queued again.", num_parent_objects
        ) % {"count": num_parent_objects}


register_snippet(OutboxMailViewSet)
hooks.register("register_bulk_action", SendAgainBulkAction)
