"""Admin for registrations: list, filter, inspect and export (CSV/XLSX). Access follows the
normal model permissions (`events.view_eventregistration` etc.), which the roles migration
grants to Ministry editors only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from home.exports import SafeSpreadsheetExportMixin

from .models import EventRegistration


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """CSV/XLSX exports without formulas, with BOM, semicolon-separated for German Excel."""


class RegistrationViewSet(SnippetViewSet):
    model = EventRegistration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Registrations")
    menu_name = "event_registrations"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        "email",
        "organisation",
        "needs",  # accessibility needs: what the organisers must prepare
        "event",
        Column("status", label=_("status"), accessor="get_status_display"),
        "created_at",
    ]
    list_filter = ["status", "event"]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "needs",
        "status",
        "consent_at",
        "created_at",
    ]
    export_filename = "registrations"
    ordering = ["event", "created_at"]

    def get_queryset(self, request):
        return EventRegistration.objects.select_related("event")


register_snippet(RegistrationViewSet)
