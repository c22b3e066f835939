"""Absolute links in mails, on the public base URL (SITE_URL), in the subscriber's language."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .tokens import confirm_token, manage_token


def absolute(name, language, **query):
    with translation.override(language):
        path = reverse(name)
    return f"{settings.SITE_URL.rstrip('/')}{path}?{urlencode(query)}"


def confirm_url(subscriber):
    return absolute("newsletter_confirm", subscriber.language, token=confirm_token(subscriber))


def unsubscribe_url(subscriber):
    return absolute("newsletter_unsubscribe", subscriber.language, token=manage_token(subscriber))


def preferences_url(subscriber):
    return absolute("newsletter_preferences", subscriber.language, token=manage_token(subscriber))
