"""Signed links: confirmation (one-time, expires), unsubscribe and preferences (stable)."""

from django.core import signing
from django.core.exceptions import ValidationError

CONFIRM_SALT = "newsletter.confirm"
MANAGE_SALT = "newsletter.manage"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # also the retention of unconfirmed requests


def confirm_token(subscriber):
    return signing.dumps([subscriber.pk, subscriber.confirm_nonce], salt=CONFIRM_SALT)


def manage_token(subscriber):
    return signing.dumps(str(subscriber.token), salt=MANAGE_SALT)


def subscriber_for_confirm(token):
    """The pending subscriber whose one-time link this is, or None (forged, expired, used)."""
    from .models import Subscriber

    try:
        pk, nonce = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not nonce or not isinstance(pk, int):
        return None
    return Subscriber.objects.filter(pk=pk, confirm_nonce=nonce).first()


def subscriber_for_manage(token):
    from .models import Subscriber

    try:
        value = signing.loads(token, salt=MANAGE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    try:
        return Subscriber.objects.filter(token=value).first()
    except ValidationError:  # validly signed but not a UUID: never issued by us
        return None
