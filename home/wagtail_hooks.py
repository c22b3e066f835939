"""Admin rules for the editorial roles that Wagtail's permission model alone does not express."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import InviteGuestEditorView
from .roles import is_guest_only, is_ministry_editor


def _refuse(request, message):
    messages.error(request, message)
    return redirect("wagtailadmin_home")


@hooks.register("before_delete_page")
def guests_never_delete(request, page):
    # Wagtail lets owners with "add" permission delete their own drafts; partner organisations
    # must not remove anything, not even their own drafts (a Ministry editor does that).
    if is_guest_only(request.user):
        return _refuse(request, _("Guest editors cannot delete pages."))
    return None


@hooks.register("before_move_page")
def guests_never_move(request, page, destination):
    if is_guest_only(request.user):
        return _refuse(request, _("Guest editors cannot move pages."))
    return None


@hooks.register("before_bulk_action")
def guests_never_bulk_delete_or_move(request, action_type, objects, action_class_instance):
    if action_type in {"delete", "move", "unpublish", "publish"} and is_guest_only(request.user):
        raise PermissionDenied


@hooks.register("filter_form_submissions_for_user")
def submissions_only_for_ministry(user, editable_forms):
    # Survey answers and barrier reports are personal data: Ministry editors only.
    if is_ministry_editor(user):
        return editable_forms
    return editable_forms.none()


class MinistryMenuItem(MenuItem):
    def is_shown(self, request):
        return is_ministry_editor(request.user)


@hooks.register("register_admin_urls")
def invite_guest_editor_url():
    return [
        path(
            "guest-editors/invite/",
            InviteGuestEditorView.as_view(),
            name="home_invite_guest_editor",
        )
    ]


@hooks.register("register_settings_menu_item")
def invite_guest_editor_menu_item():
    return MinistryMenuItem(
        gettext_lazy("Invite guest editor"),
        reverse("home_invite_guest_editor"),
        name="invite-guest-editor",
        icon_name="mail",
        order=610,
    )


from . import outbox_admin  # noqa: E402,F401  (outgoing mail admin)
