"""Admin form shared by the knowledge-base pages."""

from wagtail.models import Locale

from home.admin_forms import BasePageForm


class LocaleFilteredPageForm(BasePageForm):
    """Offer only terms and pages of the page's own language in relation fields (the
    translatable snippets exist once per language), plus whatever is already selected."""

    locale_filtered_fields = ("topics", "target_groups", "methods", "related_methods")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None) or Locale.get_default().pk
        for name in self.locale_filtered_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            selected = [getattr(obj, "pk", obj) for obj in self.initial.get(name) or []]
            queryset = field.queryset.filter(locale_id=locale_id) | field.queryset.filter(
                pk__in=selected
            )
            if name == "related_methods" and self.instance.pk:
                queryset = queryset.exclude(pk=self.instance.pk)
            field.queryset = queryset.order_by(
                *(["title"] if hasattr(queryset.model, "url_path") else ["name"])
            )
