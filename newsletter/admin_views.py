"""Admin: send a test of an issue to oneself, send (or resume) it to the subscribers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .mails import send_test
from .models import NewsletterIssuePage
from .panels import progress
from .sending import recipients, start


def _issue(request, page_id):
    if not request.user.has_perm("newsletter.send_newsletterissuepage"):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssuePage, pk=page_id)


def _confirm_page(request, issue, action, message, button):
    return TemplateResponse(
        request,
        "newsletter/admin/confirm_action.html",
        {
            "issue": issue,
            "action": action,
            "message": message,
            "button": button,
            "page_title": issue.title,
        },
    )


def send_test_view(request, page_id):
    issue = _issue(request, page_id)
    email = request.user.email
    if request.method != "POST":
        return _confirm_page(
            request,
            issue,
            request.path,
            _("Send this issue as a test to %(email)s?") % {"email": email or "–"},
            _("Send a test to me"),
        )
    if not email:
        messages.error(request, _("Your account has no email address."))
    else:
        send_test(issue.get_latest_revision_as_object(), email)
        messages.success(request, _("A test was sent to %(email)s.") % {"email": email})
    return redirect(reverse("wagtailadmin_pages:edit", args=[issue.pk]))


def send_view(request, page_id):
    issue = _issue(request, page_id)
    if not issue.live or issue.has_unpublished_changes:
        messages.error(
            request,
            _("Publish the issue before sending it: subscribers get the published version."),
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    state = progress(issue)
    if request.method != "POST":
        count = state["pending"] if state["total"] else recipients(issue).count()
        return _confirm_page(
            request,
            issue,
            request.path,
            _("Send “%(title)s” to %(count)s confirmed subscribers (%(language)s)?")
            % {"title": issue.title, "count": count, "language": issue.locale.get_display_name()},
            _("Send now"),
        )
    start(issue)
    messages.success(
        request, _("Sending started. It runs in the background; this page shows the progress.")
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
