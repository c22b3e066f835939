"""Signed, expiring, single-use links (double opt-in). The token carries the member id and a
nonce stored on the member; using it rotates the nonce, so a replayed link fails."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "network.member.confirm"


class TokenError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "invalid", "expired" or "used"


def confirmation_token(member):
    return signing.dumps({"m": member.pk, "n": str(member.confirmation_nonce)}, salt=CONFIRM_SALT)


def member_for_token(token):
    from .models.members import Member

    max_age = getattr(settings, "NETWORK_OPT_IN_MAX_AGE", 3 * 24 * 3600)
    try:
        value = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenError("expired") from None
    except signing.BadSignature:
        raise TokenError("invalid") from None
    if not isinstance(value, dict) or not isinstance(value.get("m"), int):
        raise TokenError("invalid")
    member = Member.objects.filter(pk=value["m"]).first()
    if member is None:
        raise TokenError("invalid")
    if str(member.confirmation_nonce) != value.get("n"):
        raise TokenError("used")
    return member
