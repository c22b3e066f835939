"""Guest editors see no other people's drafts anywhere in the admin (issue 13).

A partner organisation's unpublished work is its own business until a Ministry editor
publishes it. Wagtail lets anyone with "add" permission on a section see every page in it, and
lists page titles in many places; for guest editors (`roles.is_guest_only`) each of them is
narrowed to published pages and the pages they own:

- Wagtail's page permission policy (`EditorialPagePermissionPolicy`, registered for every page
  type in `register()`): explorer, admin search, the page listings (also the flat case listing),
  the admin API (listing and detail), site history and the workflow reports all read their
  pages from `explorable_instances` or `instances_user_has_any_permission_for`;
- the page chooser (browse, search, and the chooser's page-type filter), through Wagtail's
  `construct_page_chooser_queryset` hook (home/wagtail_hooks.py);
- a published page of another person is shown under its published title
  (`BasePage.get_admin_display_title`): Wagtail shows the draft title, which may be an
  unpublished change of the other organisation;
- the page types usage report names each type's last edited page of the whole site, and
  wagtail-localize's translations report every translation's source; guest editors do not get
  them (`GuestAdminGuard`, with the admin views that name a single page or several chosen
  ones).

"Own" is Wagtail's page owner, the editor who created the page, as in the dashboard panels
(home/guest_dashboard.py) and in Wagtail's own rule that "add" lets an owner edit their page.
"""

import contextvars
import functools

from django.db.models import Q
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.models import AbstractPage, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from .roles import is_guest_only

# Reports that list other people's pages without asking the permission policy which pages
# the user may see: Wagtail's page types usage (each type's last edited page) and
# wagtail-localize's translations (every translation's source). Refused by GuestAdminGuard,
# left out of the reports menu by home/wagtail_hooks.py.
REFUSED_REPORTS = ["wagtailadmin_reports:page_types_usage", "wagtail_localize:translations_report"]
REFUSED_VIEWS = {*REFUSED_REPORTS, *(f"{name}_results" for name in REFUSED_REPORTS)}


def sees_only_own_drafts(user):
    """A guest editor: the check is asked several times per request, so it is kept on the
    request's user object."""
    if not hasattr(user, "_sees_only_own_drafts"):
        user._sees_only_own_drafts = is_guest_only(user)
    return user._sees_only_own_drafts


# The admin request being answered, for the one place that has no request at hand: the title
# of a page in the admin (`shows_published_title`). Set by GuestAdminGuard.
_admin_request = contextvars.ContextVar("admin_request", default=None)


def shows_published_title(page):
    """Whether the admin must show `page` under its published title: to a guest editor, for
    another person's live page (its draft title may be their change under review)."""
    request = _admin_request.get()
    return (
        request is not None
        and page.live
        and page.owner_id != request.user.pk
        and sees_only_own_drafts(request.user)
    )


def without_others_drafts(pages, user):
    """`pages` less the unpublished pages of other people, for a guest editor."""
    if not sees_only_own_drafts(user):
        return pages
    return pages.filter(Q(live=True) | Q(owner=user))


class EditorialPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, with other people's drafts left out of the page
    sets a guest editor is shown (explorer, search, listings, admin API, reports)."""

    def instances_user_has_any_permission_for(self, user, actions):
        return without_others_drafts(
            super().instances_user_has_any_permission_for(user, actions), user
        )

    def explorable_instances(self, user):
        return without_others_drafts(super().explorable_instances(user), user)


def register():
    """Replace Wagtail's page permission policy (registered for AbstractPage, so for every
    page type); runs at import of home.wagtail_hooks, before any admin view asks for it."""
    register_permission_policy(AbstractPage, EditorialPagePermissionPolicy())


class GuestAdminGuard:
    """Middleware for what Wagtail offers no hook for. For a guest editor:

    - every admin view of one page (edit, history, workflow actions and previews, explore,
      translate, ...) refuses another person's draft like Wagtail refuses a view (back to the
      dashboard with "no permission"; 403 for XHR). Wagtail's own views refuse
      most of them, but some name the page first: a workflow action on a page that is not in
      moderation says "The page '<title>' is not currently awaiting moderation";
    - the reports in REFUSED_VIEWS are refused (Wagtail resolves its own admin URLs before
      any hook's, so no view can be put in their place);
    - page bulk actions are refused already on their confirmation page, which lists the
      selected pages by title, or every child of a section with `id=all` (guests may run none
      of them: home/wagtail_hooks.py refuses them when confirmed);
    - the page chooser's answer for several chosen pages (titles, URLs) is refused when one
      of them is another person's draft.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_admin = request.path_info.startswith(admin_prefix())
        token = _admin_request.set(request if in_admin else None)
        try:
            return self.get_response(request)
        finally:
            _admin_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not request.path_info.startswith(admin_prefix()):
            return None
        view = match.view_name
        if view in REFUSED_VIEWS or (
            view == "wagtail_bulk_action" and view_kwargs.get("app_label") == "wagtailcore"
        ):
            return permission_denied(request) if sees_only_own_drafts(request.user) else None
        page_ids = {str(view_kwargs[name]) for name in PAGE_KWARGS if name in view_kwargs}
        if "wagtailadmin_pages" in match.namespaces and "pk" in view_kwargs:
            page_ids.add(str(view_kwargs["pk"]))
        if view == "wagtailadmin_choose_page_chosen_multiple":
            page_ids.update(request.GET.getlist("id"))
        page_ids = {pk for pk in page_ids if pk.isdigit()}
        if page_ids and sees_only_own_drafts(request.user):
            others = Page.objects.filter(pk__in=page_ids, live=False).exclude(owner=request.user)
            if others.exists():
                return permission_denied(request)
        return None


# URL keyword arguments of the admin's views that name one page.
PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id")


@functools.cache
def admin_prefix():
    return reverse("wagtailadmin_home")
