"""Demo accounts for trying the roles: one ministry editor and two guest editors of two
different partner organisations. Idempotent; `make demo` runs it. Refuses to run with the
production settings, since the password is printed and shared by all three accounts."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cases.models import Organisation
from home.models import EditorProfile
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS, ensure_roles

# user name, first and last name, group, organisation (from demo_data/taxonomies.py)
DEMO_USERS = [
    ("ministerium", "Maria", "Ministerium", MINISTRY_EDITORS, None),
    ("gast-jugendring", "Jonas", "Jugendring", GUEST_EDITORS, "Jugendring Vogtland (Beispiel)"),
    (
        "gast-quartiersverein",
        "Lea",
        "Quartiersverein",
        GUEST_EDITORS,
        "Quartiersverein Leipzig-Ost (Beispiel)",
    ),
]
# Generated once per checkout and kept (git-ignored), so the printed password stays valid.
PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-password"


def demo_password(given=None):
    if given:
        return given
    if PASSWORD_FILE.exists() and PASSWORD_FILE.read_text().strip():
        return PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    PASSWORD_FILE.write_text(password + "\n")
    PASSWORD_FILE.chmod(0o600)
    return password


class Command(BaseCommand):
    help = "Create the demo's ministry editor and two guest editors (demo only; idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=None,
            help="password for all three (default: $DEMO_PASSWORD, else generated once)",
        )

    def handle(self, *args, password=None, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError("Demo accounts are never created with the production settings.")
        password = demo_password(password or os.environ.get("DEMO_PASSWORD", "").strip())
        ensure_roles()
        rows = []
        with transaction.atomic():
            for username, first, last, group_name, organisation_name in DEMO_USERS:
                organisation = None
                if organisation_name:
                    organisation = Organisation.objects.filter(name=organisation_name).first()
                    if organisation is None:
                        raise CommandError(f"Run load_demo_content first ({organisation_name}).")
                user, _created = get_user_model().objects.update_or_create(
                    username=username,
                    defaults={
                        "first_name": first,
                        "last_name": last,
                        "email": f"{username}@example.org",
                        "is_active": True,
                        "is_staff": False,
                        "is_superuser": False,
                    },
                )
                user.set_password(password)
                user.save(update_fields=["password"])
                user.groups.set([Group.objects.get(name=group_name)])
                if organisation is not None:
                    EditorProfile.objects.update_or_create(
                        user=user, defaults={"organisation": organisation}
                    )
                rows.append((username, group_name, organisation_name or ""))
        self.stdout.write("Demo accounts (log in at /admin/), all with the same password:")
        for username, group_name, organisation_name in rows:
            where = f", {organisation_name}" if organisation_name else ""
            self.stdout.write(f"  {username:<22} {group_name}{where}")
        self.stdout.write(f"  password: {password}")
