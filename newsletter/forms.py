from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.public_forms import PublicFormMixin

from .choices import Interest
from .models import CONSENT_TEXT


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)
    interests = forms.MultipleChoiceField(
        label=_("What would you like to hear about?"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        required=True,
        error_messages={"required": _("Choose at least one topic.")},
    )


class SubscribeForm(PublicFormMixin, PreferencesForm):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please agree so that we may send you the newsletter.")},
    )
    field_order = ["email", "language", "interests", "consent"]
