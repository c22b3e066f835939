"""The network's public forms. Every text field has a server-checked maximum length (also
given to the browser as maxlength); choices come from the database or TextChoices, so forged
values are form errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.choices import Format, ParticipationLevel, Recruitment, Status
from cases.models import FundingProgrammePage, MethodPage, Region, TargetGroup, Topic
from cases.models.utils import active_locale
from home.public_forms import validate_no_links

from .choices import MemberKind
from .models.advice import AdviceRequest
from .models.members import Member

CONSENT_ERROR = _("Please agree, otherwise we cannot process your details.")


def clean_person_name(form, field):
    """A name the site mails back to a typed-in address: one line, no web or mail address."""
    name = " ".join(form.cleaned_data[field].split())
    validate_no_links(name)
    return name


def consent_field(label):
    return forms.BooleanField(
        label=label, required=True, error_messages={"required": CONSENT_ERROR}
    )


class PublicFormMixin:
    """maxlength for the browser, lower-cased emails, surrounding whitespace trimmed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            max_length = getattr(field, "max_length", None)
            if max_length:
                field.widget.attrs["maxlength"] = max_length

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if name == "email" or name.endswith("_email"):
                cleaned[name] = (value or "").strip().lower()
        return cleaned


def region_field(required):
    return forms.ModelChoiceField(
        Region.objects.all(),
        to_field_name="slug",
        label=_("Region"),
        required=required,
        empty_label=_("Please choose") if required else _("Not in Saxony / not specified"),
    )


def localized(queryset):
    return queryset.filter(locale=active_locale())


class AdviceRequestForm(PublicFormMixin, forms.ModelForm):
    region = region_field(required=False)
    consent = consent_field(
        _("I agree that the network office processes my details to answer my request.")
    )

    class Meta:
        model = AdviceRequest
        fields = [
            "topic",
            "organisation_name",
            "region",
            "description",
            "name",
            "email",
            "phone",
            "preferred_contact",
        ]
        labels = {
            "topic": _("What do you need advice on?"),
            "organisation_name": _("Municipality or organisation"),
            "description": _("Short description"),
            "name": _("Your name"),
            "email": _("Email"),
            "phone": _("Phone (optional)"),
            "preferred_contact": _("How should we contact you?"),
        }
        help_texts = {
            "description": _("What is planned, when, and what you would like to know."),
            "phone": _("Only needed if you would like a call."),
        }
        widgets = {
            "topic": forms.RadioSelect,
            "preferred_contact": forms.RadioSelect,
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model field has a default; the form must ask.
        self.fields["topic"].choices = self.fields["topic"].choices[1:]
        self.fields["preferred_contact"].choices = self.fields["preferred_contact"].choices[1:]

    def clean_name(self):
        return clean_person_name(self, "name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("preferred_contact") == "phone" and not cleaned.get("phone"):
            self.add_error("phone", _("Please give a phone number if we should call you."))
        return cleaned


class JoinForm(PublicFormMixin, forms.ModelForm):
    region = region_field(required=True)
    # Not "website": that name is the shared honeypot (home.public_forms).
    homepage = forms.URLField(
        label=_("Website (optional)"), required=False, max_length=200, assume_scheme="https"
    )
    methods = forms.ModelMultipleChoiceField(
        MethodPage.objects.none(),
        label=_("Methods you have used"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.ModelMultipleChoiceField(
        Topic.objects.none(),
        label=_("Topics you can share experience on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = consent_field(
        _(
            "I agree that the network stores these details, shows the public ones in the member "
            "directory (if chosen) and forwards messages to me."
        )
    )

    class Meta:
        model = Member
        fields = [
            "kind",
            "name",
            "region",
            "homepage",
            "about",
            "methods",
            "topics",
            "open_to_exchange",
            "listed",
            "contact_name",
            "email",
            "phone",
        ]
        labels = {
            "kind": _("You join as"),
            "name": _("Name of the organisation (individuals: your name)"),
            "about": _("About you (public, optional)"),
            "open_to_exchange": _("Open to exchanging experience (others may contact you)"),
            "listed": _("Show us in the public member directory"),
            "contact_name": _("Contact person"),
            "email": _("Email"),
            "phone": _("Phone (optional, never published)"),
        }
        help_texts = {
            "email": _(
                "We send a confirmation link to this address. It is never published; messages "
                "reach you through the site."
            ),
            "about": _("What you do and what others can learn from you."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "about": forms.Textarea(attrs={"rows": 4}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Please choose"))] + list(MemberKind.choices)
        self.fields["methods"].queryset = (
            localized(MethodPage.objects.live().public()).defer_streamfields().order_by("title")
        )
        self.fields["topics"].queryset = localized(Topic.objects.all())

    def clean_contact_name(self):
        return clean_person_name(self, "contact_name")

    def validate_unique(self):
        pass  # the slug is made unique on save


class MessageForm(PublicFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("The recipient answers to this address; you get a copy of your message."),
    )
    message = forms.CharField(
        label=_("Message"), max_length=3000, widget=forms.Textarea(attrs={"rows": 8})
    )
    consent = consent_field(
        _("I agree that my name, address and message are forwarded to the recipient.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_name(self):
        return clean_person_name(self, "name")


# "Verfahren melden": one form per step, the fact-box questions in the order of the fact box.


class ReportWhoWhatWhereForm(PublicFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Name of the procedure"),
        max_length=200,
        help_text=_("As people know it, e.g. “Bürgerrat Verkehrswende Musterstadt”."),
    )
    organisation = forms.CharField(
        label=_("Who carried it out?"),
        max_length=200,
        help_text=_("Municipality, district, association or initiative."),
    )
    subject = forms.CharField(
        label=_("What was it about?"),
        max_length=255,
        help_text=_("One sentence on the question people were asked."),
    )
    municipality = forms.CharField(label=_("Where? Municipality"), max_length=120)
    region = region_field(required=True)


class ReportWhenHowForm(PublicFormMixin, forms.Form):
    start_date = forms.DateField(
        label=_("When did it start?"),
        required=False,
        help_text=_("Date as DD.MM.YYYY or YYYY-MM-DD."),
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
    )
    end_date = forms.DateField(
        label=_("When did it end?"),
        required=False,
        help_text=_("Leave empty while it is still running."),
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    target_groups = forms.ModelMultipleChoiceField(
        TargetGroup.objects.none(),
        label=_("For whom?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    methods = forms.ModelMultipleChoiceField(
        MethodPage.objects.none(),
        label=_("How? Methods used"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices, widget=forms.RadioSelect)
    participant_count = forms.IntegerField(
        label=_("Number of participants (about)"), required=False, min_value=0, max_value=10**7
    )
    recruitment = forms.ChoiceField(
        label=_("How were participants found?"),
        choices=[("", _("Not specified"))] + list(Recruitment.choices),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_groups"].queryset = localized(TargetGroup.objects.all())
        self.fields["methods"].queryset = (
            localized(MethodPage.objects.live().public()).defer_streamfields().order_by("title")
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end must not be before the start."))
        return cleaned


class ReportFundingLevelForm(PublicFormMixin, forms.Form):
    funding_programme = forms.ModelChoiceField(
        FundingProgrammePage.objects.none(),
        label=_("Funding programme"),
        required=False,
        empty_label=_("No funding / not specified"),
    )
    funding_amount = forms.DecimalField(
        label=_("Funding amount in euros"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
    )
    participation_level = forms.ChoiceField(
        label=_("Participation level"),
        choices=ParticipationLevel.choices,
        widget=forms.RadioSelect,
        help_text=_("The highest level participants actually reached."),
    )
    level_justification = forms.CharField(
        label=_("Why this level?"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. “The council committed itself to adopt the result.”"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funding_programme"].queryset = localized(
            FundingProgrammePage.objects.live().public()
        ).order_by("title")


class ReportResultsForm(PublicFormMixin, forms.Form):
    context = forms.CharField(
        label=_("Context and goals"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    results = forms.CharField(
        label=_("Results"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What came out, and what happened with it."),
    )
    lessons = forms.CharField(
        label=_("Lessons learned"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What would you do again, what differently?"),
    )


class ReportContactForm(PublicFormMixin, forms.Form):
    reporter_name = forms.CharField(label=_("Your name"), max_length=200)
    reporter_email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("Never published. We tell you here when the case is online."),
    )
    reporter_phone = forms.CharField(label=_("Phone (optional)"), max_length=50, required=False)
    consent = consent_field(
        _(
            "I agree that the network office stores my contact to ask questions about this "
            "report; it is not shown on the page."
        )
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporter_name"].widget.attrs["autocomplete"] = "name"
        self.fields["reporter_email"].widget.attrs["autocomplete"] = "email"
        self.fields["reporter_phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})

    def clean_reporter_name(self):
        return clean_person_name(self, "reporter_name")


REPORT_STEPS = [
    ("who", _("Who, what, where"), ReportWhoWhatWhereForm),
    ("how", _("When, for whom, how"), ReportWhenHowForm),
    ("level", _("Funding and participation level"), ReportFundingLevelForm),
    ("results", _("Results"), ReportResultsForm),
    ("contact", _("Your contact"), ReportContactForm),
]
