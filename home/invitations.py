"""Inviting a partner organisation's guest editor: one function for the admin view
(home/admin_views.py) and `manage.py invite_guest_editor`.

The account gets no usable password; the invitation mails a link to Wagtail's own
set-password form, signed with Django's password-reset token (valid for
PASSWORD_RESET_TIMEOUT, and only until a password has been set)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import EditorProfile
from .permissions import GUEST_EDITORS, ensure_roles


def existing_user(email):
    """The account that already uses `email` as its address or user name, if any."""
    return (
        get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()
    )


def organisation_model():
    """The model guest editors write for (cases.Organisation), found through the profile's
    foreign key so that `home` imports no feature app."""
    return EditorProfile._meta.get_field("organisation").related_model


def invite_guest_editor(
    email, organisation, first_name="", last_name="", language=None, reinvite=False
):
    """Make `email` a guest editor of `organisation` and mail the set-password link.

    An existing account is an error ("duplicate"), unless `reinvite`: then it is moved to
    `organisation` and gets a new link. Administrators are never demoted ("administrator").
    Nothing is saved if the mail cannot be sent (the SMTP error propagates), so the
    invitation can simply be tried again. Returns (user, created)."""
    email = email.strip().lower()
    validate_email(email)
    with transaction.atomic():
        user = existing_user(email)
        if user is not None and not reinvite:
            raise ValidationError(
                _("There is already an account with this email address."), code="duplicate"
            )
        if user is not None and user.is_superuser:
            raise ValidationError(
                _("This is an administrator's address; administrators cannot be guest editors."),
                code="administrator",
            )
        created = user is None
        if created:
            user = get_user_model()(
                username=email, email=email, first_name=first_name, last_name=last_name
            )
            user.set_unusable_password()  # until the invited person sets one through the link
            user.save()
        group = Group.objects.filter(name=GUEST_EDITORS).first()
        if group is None:  # a flushed database (tests); migrate creates it
            ensure_roles()
            group = Group.objects.get(name=GUEST_EDITORS)
        user.groups.add(group)
        EditorProfile.objects.update_or_create(user=user, defaults={"organisation": organisation})
        with translation.override(language or settings.LANGUAGE_CODE):
            send_invitation(user, organisation)
    return user, created


def send_invitation(user, organisation):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=(uid, token))
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    site_name = settings.WAGTAIL_SITE_NAME
    subject = gettext("Invitation to edit %(site)s") % {"site": site_name}
    body = gettext(
        "Hello %(name)s,\n\n"
        "you have been invited as a guest editor for %(organisation)s on %(site)s.\n"
        "You can create and edit cases, events and news drafts and submit them for review by "
        "the ministry's editors.\n\n"
        "Please choose your password here:\n%(link)s\n\n"
        "Your user name is: %(username)s\n"
    ) % {
        "name": user.get_full_name() or user.get_username(),
        "organisation": organisation,
        "site": site_name,
        "link": link,
        "username": user.get_username(),
    }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
