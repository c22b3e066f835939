"""The member edit form in the admin: besides the member's fields, the editor accounts that
write for its organisation. Guest editors are members with an account: ticking an account
here sets its EditorProfile to the member's organisation (the cases it creates default to
it), unticking it unlinks the account. Only Ministry editors reach this form."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from home.models import EditorProfile
from home.permissions import GUEST_EDITORS

from .choices import MemberKind, MemberStatus


def editor_accounts():
    return (
        get_user_model()
        .objects.filter(groups__name=GUEST_EDITORS, is_active=True, is_superuser=False)
        .order_by("username")
        .distinct()
    )


class EditorAccountChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name()
        return f"{name} ({user.get_username()})" if name else user.get_username()


class MemberAdminForm(WagtailAdminModelForm):
    editor_accounts = EditorAccountChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Editor accounts"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Guest editors who write for this member's organisation; the cases they create "
            "default to it. An account belongs to one organisation: ticking it here moves it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["editor_accounts"].queryset = editor_accounts()
        organisation_id = self.instance.organisation_id
        if organisation_id and not self.is_bound:
            self.initial["editor_accounts"] = list(
                editor_accounts()
                .filter(editor_profile__organisation_id=organisation_id)
                .values_list("pk", flat=True)
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("editor_accounts"):
            if cleaned.get("kind") == MemberKind.INDIVIDUAL:
                self.add_error(
                    "editor_accounts",
                    _("Individuals have no organisation to write for; choose no account."),
                )
            elif not cleaned.get("organisation") and cleaned.get("status") != MemberStatus.APPROVED:
                self.add_error(
                    "editor_accounts",
                    _("Approve the member or choose its organisation before linking accounts."),
                )
        return cleaned

    def save(self, commit=True):
        member = super().save(commit=commit)
        if commit:
            self.save_editor_accounts(member)
        return member

    def save_editor_accounts(self, member):
        organisation_id = member.organisation_id
        if organisation_id is None:
            return
        chosen = list(self.cleaned_data.get("editor_accounts") or [])
        for user in chosen:
            EditorProfile.objects.update_or_create(
                user=user, defaults={"organisation_id": organisation_id}
            )
        EditorProfile.objects.filter(organisation_id=organisation_id).exclude(
            user__in=chosen
        ).exclude(user__is_superuser=True).filter(user__groups__name=GUEST_EDITORS).update(
            organisation=None
        )
