"""The admin form of every page type (BasePage.base_form_class), issue 13.

- A first draft saves with only a title. Wagtail defers a page's required fields when a draft
  is saved (and validates them on submit and publish); the form tells the page too
  (`is_draft_save`, read through `BasePage.validates_for_publishing`), so that the checks of
  its `clean()` that matter only for publishing wait as well.
- Errors name the tab they are on. Wagtail marks a tab with errors by a counter drawn in the
  browser; its message above the form ("The page could not be saved due to validation
  errors") lists the errors only when the form has errors of its own. So each tab with
  errors adds one such error that names the tab and its fields ("Tab “Facts”: region,
  format"), and Wagtail's message lists them first, in the editor's language, followed by
  every field's error. The tabs are the page type's edit handler (`get_edit_handler()`), whose
  form options say which fields and inline panels each tab holds.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import TabbedInterface


class BasePageForm(WagtailAdminPageForm):
    def _post_clean(self):
        # Before the model's clean(), which Django calls from here.
        self.instance.is_draft_save = self.is_deferred_validation
        super()._post_clean()

    def is_valid(self):
        valid = super().is_valid()  # the form and its inline formsets
        if not valid and (tabs := self.tab_errors()):
            for error in tabs:
                self.add_error(None, error)
            # First in the message: where to look, then what is wrong.
            errors = ErrorDict(renderer=self.renderer)
            errors[NON_FIELD_ERRORS] = self._errors.pop(NON_FIELD_ERRORS)
            errors.update(self._errors)
            self._errors = errors
        return valid

    def tab_errors(self):
        """One message per tab with invalid fields or inline panels, in tab order."""
        if getattr(self, "_tab_errors", None) is not None:
            return []  # added once, however often is_valid() is asked
        self._tab_errors = []
        handler = self._meta.model.get_edit_handler()
        if not isinstance(handler, TabbedInterface):
            return []
        invalid = {name for name in self.errors if name in self.fields}
        invalid |= {
            name
            for name, formset in self.formsets.items()
            if formset.total_error_count() or formset.non_form_errors()
        }
        for tab in handler.children:
            options = tab.get_form_options()
            names = [
                name
                for name in [*options.get("fields", []), *options.get("formsets", {})]
                if name in invalid
            ]
            if names:
                self._tab_errors.append(
                    _("Tab “%(tab)s”: %(fields)s")
                    % {"tab": tab.heading, "fields": ", ".join(map(self.label_of, names))}
                )
        return self._tab_errors

    def label_of(self, name):
        if name in self.fields:
            return str(self[name].label)
        relation = self._meta.model._meta.get_field(name)
        return capfirst(relation.related_model._meta.verbose_name_plural)
