"""Admin views of the editorial roles: Ministry editors invite a partner organisation's guest
editor (Settings → "Invite guest editor"; the work is done by home.invitations, which the
`invite_guest_editor` management command uses too); every editor reads the editorial guide
(Help → "Editorial guide")."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .invitations import existing_user, invite_guest_editor, organisation_model
from .roles import is_ministry_editor


class InviteGuestEditorForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None,
        label=_("Organisation"),
        help_text=_("Cases the guest editor creates are assigned to this organisation."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisation_model().objects.order_by("name")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if existing_user(email) is not None:
            raise ValidationError(
                _("There is already an account with this email address."), code="duplicate"
            )
        return email


class InviteGuestEditorView(WagtailAdminTemplateMixin, FormView):
    form_class = InviteGuestEditorForm
    template_name = "home/admin/invite_guest_editor.html"
    page_title = _("Invite guest editor")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not is_ministry_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("home_invite_guest_editor"),
            submit_button_label=_("Send invitation"),
            submit_button_active_label=_("Sending…"),
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            invite_guest_editor(
                data["email"],
                data["organisation"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=data["language"],
            )
        except ValidationError as error:  # e.g. the address was taken in the meantime
            form.add_error("email", error)
            return self.form_invalid(form)
        except OSError:  # SMTP failures; the account was rolled back
            form.add_error(
                None,
                _(
                    "The invitation could not be sent, so no account was created. Please try again later."
                ),
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Invitation sent to %(email)s, guest editor for %(organisation)s.")
            % {"email": data["email"], "organisation": data["organisation"]},
        )
        return redirect("home_invite_guest_editor")


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The editorial guide ("Redaktionsleitfaden") in the admin's help menu: roles, writing a
    case, translating, image rights and accessible content, in the editor's language. Every
    editor may read it (the admin itself asks for a login)."""

    template_name = "home/admin/editor_guide.html"
    page_title = _("Editorial guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["threshold"] = settings.APPROVAL_MIN_COMPLETENESS
        return context
