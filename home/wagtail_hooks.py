"""Admin rules for the editorial roles that Wagtail's permission model alone does not express."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import page_visibility
from .admin_views import EditorGuideView, InviteGuestEditorView
from .page_visibility import sees_only_own_drafts, without_others_drafts
from .roles import is_guest_only, is_ministry_editor

# Before any admin view asks for it: Wagtail's page permission policy, narrowed for guests.
page_visibility.register()


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
def editorial_admin_urls():
    return [
        path(
            "guest-editors/invite/",
            InviteGuestEditorView.as_view(),
            name="home_invite_guest_editor",
        ),
        path("editorial-guide/", EditorGuideView.as_view(), name="home_editor_guide"),
    ]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    """First in the admin's help menu, before Wagtail's own (English) guide to its admin."""
    return MenuItem(
        gettext_lazy("Editorial guide"),
        reverse("home_editor_guide"),
        name="editorial-guide",
        icon_name="help",
        order=900,
    )


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


# --- translating (wagtail-localize) and site tools for Ministry editors -------------------
# These URL hooks must run before wagtail-localize's and search_promotions' (INSTALLED_APPS
# order: "home" comes first), so the guarded views answer at the original paths.
@hooks.register("register_admin_urls")
def guarded_tool_urls():
    from .admin_tools import search_terms_urls
    from .translation_admin import guarded_urls

    return guarded_urls() + search_terms_urls()


@hooks.register("register_page_action_menu_item")
def translate_menu_item():
    from .translation_admin import TranslateMenuItem

    return TranslateMenuItem(order=5)


@hooks.register("register_reports_menu_item")
def search_terms_menu_item():
    from .admin_tools import search_terms_menu_item

    return search_terms_menu_item()


@hooks.register("construct_reports_menu")
def one_search_terms_item(request, menu_items):
    from .admin_tools import drop_superuser_search_terms_item

    drop_superuser_search_terms_item(menu_items)


@hooks.register("construct_homepage_panels")
def approve_from_dashboard_asks_for_confirmation(request, panels):
    from .review import with_moderation_panel

    with_moderation_panel(panels)


@hooks.register("construct_homepage_panels")
def editorial_dashboard_panels(request, panels):
    from .admin_panels import NewReportsPanel

    if is_ministry_editor(request.user):
        panels.append(NewReportsPanel())
    elif is_guest_only(request.user):
        from .guest_dashboard import guest_panels

        panels[:0] = guest_panels(request.user)


@hooks.register("construct_page_action_menu")
def approve_below_threshold_asks_for_confirmation(menu_items, request, context):
    from .review import ask_for_confirmation_in_footer

    ask_for_confirmation_in_footer(menu_items, request, context)


@hooks.register("construct_page_action_menu")
def workflow_name_in_editors_language(menu_items, request, context):
    """ "Submit to <workflow>" names the workflow in the editor's language (see role_name)."""
    from .templatetags.editorial_tags import role_name

    for item in menu_items:
        if item.name != "action-submit":
            continue
        original = item.get_context_data

        def get_context_data(parent_context, original=original):
            data = original(parent_context)
            workflow = getattr(parent_context.get("page"), "get_workflow", lambda: None)()
            if workflow is None and parent_context.get("parent_page") is not None:
                workflow = parent_context["parent_page"].get_workflow()
            if workflow is not None:
                data["label"] = str(data["label"]).replace(workflow.name, role_name(workflow.name))
            return data

        item.get_context_data = get_context_data


# --- guest editors see no other people's drafts (home/page_visibility.py) ----------------
@hooks.register("construct_explorer_page_queryset")
def guests_see_no_drafts_of_others(parent_page, pages, request):
    """The explorer's search (Wagtail's policy already narrows its browsing)."""
    return without_others_drafts(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def guests_choose_no_drafts_of_others(pages, request):
    """The page chooser lists every page of the site, permissions aside: browse and search."""
    return without_others_drafts(pages, request.user)


@hooks.register("construct_reports_menu")
def guests_get_no_site_wide_page_reports(request, menu_items):
    if sees_only_own_drafts(request.user):
        refused = {reverse(name) for name in page_visibility.REFUSED_REPORTS}
        menu_items[:] = [item for item in menu_items if item.url not in refused]


# Should autosave be switched on (WAGTAIL_AUTOSAVE_INTERVAL, off by default, see the settings):
# a reviewer's decision is added to the edit form as hidden fields just before it is sent, so
# an autosave in between would carry the decision and run it a second time.
@hooks.register("before_edit_page")
def autosave_never_decides(request, page):
    if (
        request.method == "POST"
        and not request.accepts("text/html")
        and "action-workflow-action" in request.POST
    ):
        return JsonResponse(
            {
                "success": False,
                "error_code": "blocked_by_hook",
                "error_message": _("A decision is only taken by its button, not by autosave."),
            },
            status=400,
        )
    return None
