"""A list of choices stored as JSON: works the same on SQLite and PostgreSQL, renders as
checkboxes in the admin, and is synchronised (not translated) by wagtail-localize."""

from django import forms
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    def __init__(self, *args, choices_class=None, **kwargs):
        # A dotted path keeps migrations free of lazy labels.
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        return name, path, args, kwargs

    @property
    def item_choices(self):
        return import_string(self.choices_class).choices

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.item_choices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise forms.ValidationError(
                _("Unknown values: %(values)s"), params={"values": ", ".join(map(str, unknown))}
            )


def labels(field_value, choices_class):
    """Translated labels of the stored values, in the order of the enumeration."""
    return [choice.label for choice in choices_class if choice.value in (field_value or [])]
