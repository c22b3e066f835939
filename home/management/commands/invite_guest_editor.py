"""Invite a partner organisation's guest editor: creates (or updates) the account in the
"Guest editors" group, links it to the organisation and mails a link to set a password.
The same as the admin's Settings → "Invite guest editor", except that running it again for
an existing address moves it to the organisation and re-sends the link.

    python manage.py invite_guest_editor --email jana@verein.example --organisation "Verein X"
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from home.invitations import invite_guest_editor, organisation_model


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
        email = options["email"].strip().lower()
        organisation = self._organisation(organisation_model(), options["organisation"].strip())
        try:
            user, created = invite_guest_editor(
                email,
                organisation,
                first_name=options["first_name"],
                last_name=options["last_name"],
                language=options["language"],
                reinvite=True,
            )
        except ValidationError as error:
            if error.code == "administrator":
                raise CommandError(
                    f"{email} is an administrator; refusing to make it a guest editor."
                ) from error
            raise CommandError(f"Invalid email address: {email!r}") from error
        verb = "Invited" if created else "Re-invited"
        self.stdout.write(self.style.SUCCESS(f"{verb} {email} as guest editor for {organisation}."))

    def _organisation(self, Organisation, value):
        matches = (
            Organisation.objects.filter(pk=int(value))
            if value.isdigit()
            else Organisation.objects.none()
        )
        if not matches:
            matches = Organisation.objects.filter(name__iexact=value)
        if len(matches) != 1:
            known = ", ".join(Organisation.objects.values_list("name", flat=True)[:20])
            raise CommandError(f"No unique organisation {value!r}. Known organisations: {known}")
        return matches[0]
