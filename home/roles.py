"""Who is who among the editors: the checks the admin hooks and views share."""

from .permissions import GUEST_EDITORS, MINISTRY_EDITORS


def is_ministry_editor(user):
    """Superusers and Ministry editors: the people allowed to see personal data."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=MINISTRY_EDITORS).exists()


def is_guest_only(user):
    """A guest editor without any Ministry role."""
    return (
        user.is_authenticated
        and not is_ministry_editor(user)
        and user.groups.filter(name=GUEST_EDITORS).exists()
    )
