"""Admin: subscribers (personal data: only users with the model permissions, i.e. Ministry
editors, see them) and the send views of an issue."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, views
from .models import NewsletterPage, Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Newsletter subscribers")
    menu_name = "newsletter_subscribers"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "email",
        Column("status", label=_("status"), accessor="get_status_display"),
        "language",
        Column("interests", label=_("interests"), accessor="interest_labels"),
        "requested_at",
        "confirmed_at",
    ]
    list_filter = ["status", "language"]
    list_export = [
        "email",
        "status",
        "language",
        "interests",
        "requested_at",
        "confirmed_at",
        "consent_version",
        "consent_proof",
    ]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]


register_snippet(SubscriberViewSet)


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path(
            "newsletter/<int:page_id>/test/",
            admin_views.send_test_view,
            name="newsletter_admin_test",
        ),
        path("newsletter/<int:page_id>/send/", admin_views.send_view, name="newsletter_admin_send"),
    ]


@hooks.register("before_serve_page", order=100)  # after the page cache has seen the page
def serve_newsletter_page(page, request, serve_args, serve_kwargs):
    """The subscribe form is the newsletter page's own view."""
    if isinstance(page, NewsletterPage):
        return views.subscribe(request, page)
    return None
