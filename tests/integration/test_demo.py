"""`make demo`: the demo accounts for trying the roles, and the development settings with DEBUG
off (the site as readers see it) still rendering pages and serving static files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from home.models import EditorProfile
from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
USERS = ["ministerium", "gast-jugendring", "gast-quartiersverein"]


def test_demo_users_are_created_once_with_their_roles_and_organisations(capsys, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-Passwort-2026")
    call_command("create_demo_users")
    call_command("create_demo_users")  # idempotent
    printed = capsys.readouterr().out
    assert all(name in printed for name in USERS) and "demo-Passwort-2026" in printed

    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=USERS)}
    assert set(users) == set(USERS)
    assert all(
        not u.is_superuser and u.check_password("demo-Passwort-2026") for u in users.values()
    )
    assert list(users["ministerium"].groups.values_list("name", flat=True)) == [MINISTRY_EDITORS]
    organisations = set()
    for name in USERS[1:]:
        assert list(users[name].groups.values_list("name", flat=True)) == [GUEST_EDITORS]
        organisations.add(EditorProfile.objects.get(user=users[name]).organisation_id)
    assert len(organisations) == 2 and None not in organisations


def test_demo_users_log_in_to_the_admin_in_their_role(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-Passwort-2026")
    call_command("create_demo_users")
    for name in ("ministerium", "gast-jugendring"):
        client = Client()
        response = client.post(
            "/admin/login/", {"username": name, "password": "demo-Passwort-2026"}
        )
        assert response.status_code == 302, name
        assert client.get("/admin/").status_code == 200
    guest = Client()
    guest.login(username="gast-jugendring", password="demo-Passwort-2026")
    assert guest.get("/admin/guest-editors/invite/").status_code in (302, 403)  # ministry only


def test_demo_users_are_refused_with_production_settings(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("create_demo_users", password="x" * 16)
    assert not get_user_model().objects.filter(username__in=USERS).exists()


def test_development_settings_with_debug_off_serve_static_files_and_pages(tmp_path):
    """DEBUG=0 with the dev settings (what `make demo` runs): templates resolve static URLs
    without collectstatic (the manifest storage raised on every page) and whitenoise serves
    them."""
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.templatetags.static import static\n"
        "from django.test import Client\n"
        "assert not settings.DEBUG\n"
        "print(static('css/site.css'))\n"
        "print(Client().get(static('css/site.css')).status_code)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))}
    env.update(
        DJANGO_SETTINGS_MODULE="netzwerk.settings.dev",
        DEBUG="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["/static/css/site.css", "200"]


def test_the_demo_has_the_renditions_its_pages_show(client):
    """load_demo_content asked for every page once, so a reader's first visit (and a test's)
    makes no rendition: each one is a second or more of AVIF encoding."""
    from wagtail.images import get_image_model

    from cases.models import CasePage

    Rendition = get_image_model().get_rendition_model()
    pages = [p for p in CasePage.objects.live().filter(image__isnull=False)[:3]]
    assert pages, "the demo has cases with a lead image"
    before = Rendition.objects.count()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200 and b"<picture" in response.content
    assert Rendition.objects.count() == before
