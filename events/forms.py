from django import forms
from django.utils.translation import gettext_lazy as _

from home.public_forms import PublicFormMixin, validate_no_links

from .models.registration import EventRegistration


class RegistrationForm(PublicFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are processed to organise this event, as described in the privacy notice."
        ),
        required=True,
        error_messages={
            "required": _("Please agree to the privacy notice, otherwise we cannot register you.")
        },
    )

    class Meta:
        model = EventRegistration
        fields = ["name", "email", "organisation", "needs"]
        labels = {
            "name": _("Name"),
            "email": _("Email"),
            "organisation": _("Organisation or municipality"),
            "needs": _("Accessibility needs"),
        }
        help_texts = {
            "email": _("We send the confirmation and a link to cancel to this address."),
            "needs": _("E.g. sign language interpretation, step-free access, large print."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            max_length = getattr(field, "max_length", None)
            if max_length:
                # Browsers enforce maxlength; the server checks it again in any case.
                field.widget.attrs["maxlength"] = max_length

    def clean_name(self):
        # The name is mailed to the typed-in address: it must not carry a link (phishing).
        name = " ".join(self.cleaned_data["name"].split())
        validate_no_links(name)
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        # Duplicates (same event and email) are handled by the view, which tells the person
        # they are already registered instead of showing a validation error.
        pass
