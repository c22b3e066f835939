"""Invite a partner organisation's guest editor: creates (or updates) the account in the
"Guest editors" group, links it to the organisation and mails a link to set a password.

    python manage.py invite_guest_editor --email jana@verein.example --organisation "Verein X"
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from home.models import EditorProfile
from home.permissions import GUEST_EDITORS, ensure_roles


class Command(BaseCommand):
    help = "Invite a guest editor of a partner organisation (sends a set-password email)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--organisation", required=True, help="Organisation name or id.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--language", default=settings.LANGUAGE_CODE, choices=[c for c, _ in settings.LANGUAGES]
        )

    def handle(self, *args, **options):
        from cases.models import Organisation

        email = options["email"].strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Invalid email address: {email!r}") from error
        organisation = self._organisation(Organisation, options["organisation"].strip())

        with transaction.atomic():
            ensure_roles()  # the group exists after migrate; this also covers a flushed database
            user, created = self._user(email, options["first_name"], options["last_name"])
            user.groups.add(Group.objects.get(name=GUEST_EDITORS))
            EditorProfile.objects.update_or_create(user=user, defaults={"organisation": organisation})

        with translation.override(options["language"]):
            self._send_invitation(user, organisation)
        verb = "Invited" if created else "Re-invited"
        self.stdout.write(self.style.SUCCESS(f"{verb} {email} as guest editor for {organisation}."))

    def _organisation(self, Organisation, value):
        matches = Organisation.objects.filter(pk=int(value)) if value.isdigit() else Organisation.objects.none()
        if not matches:
            matches = Organisation.objects.filter(name__iexact=value)
        if len(matches) != 1:
            known = ", ".join(Organisation.objects.values_list("name", flat=True)[:20])
            raise CommandError(f"No unique organisation {value!r}. Known organisations: {known}")
        return matches[0]

    def _user(self, email, first_name, last_name):
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            if user.is_superuser:
                raise CommandError(f"{email} is an administrator; refusing to make it a guest editor.")
            return user, False
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        # No password until the invited person sets one through the emailed link.
        user.set_unusable_password()
        user.save()
        return user, True

    def _send_invitation(self, user, organisation):
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        path = reverse("wagtailadmin_password_reset_confirm", args=(uid, token))
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
        site_name = settings.WAGTAIL_SITE_NAME
        subject = _("Invitation to edit %(site)s") % {"site": site_name}
        body = _(
            "Hello,\n\n"
            "you have been invited as a guest editor for %(organisation)s on %(site)s.\n"
            "You can create and edit cases, events and news drafts and submit them for review by "
            "the ministry's editors.\n\n"
            "Please choose your password here:\n%(link)s\n\n"
            "Your user name is: %(username)s\n"
        ) % {"organisation": organisation, "site": site_name, "link": link, "username": user.get_username()}
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
