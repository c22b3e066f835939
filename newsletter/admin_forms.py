"""The issue edit form: the interests an issue serves are chosen with checkboxes (stored as a
list on the page; newsletter.sending sends only to subscribers sharing one of them)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.admin_forms import BasePageForm

from .choices import Interest


class IssueForm(BasePageForm):
    interests = forms.MultipleChoiceField(
        label=_("Interests served"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only confirmed subscribers of the issue's language who chose at least one of these "
            "topics receive it."
        ),
        error_messages={"required": _("Choose at least one topic.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.interests:  # a new page: every interest, as the model default
            self.initial.setdefault("interests", list(Interest.values))
