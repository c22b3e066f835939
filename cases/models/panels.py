"""Admin panel showing which recommended fields of a case are still empty."""

from wagtail.admin.panels import Panel


class CompletenessPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "cases/admin/completeness_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = self.instance.completeness()
            return context
