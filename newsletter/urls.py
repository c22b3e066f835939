"""Subscriber links from mails, under each language prefix. Plain views (not page routes):
the one-click unsubscribe must accept a POST without a CSRF token (RFC 8058)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path(_("newsletter/confirm/"), views.confirm, name="newsletter_confirm"),
    path(_("newsletter/unsubscribe/"), views.unsubscribe, name="newsletter_unsubscribe"),
    path(_("newsletter/preferences/"), views.preferences, name="newsletter_preferences"),
]
