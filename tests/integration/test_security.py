"""Hardening: security headers, privacy by default (no cookies, no third parties), login
throttling with django-axes, password rules, upload limits and document downloads,
`check --deploy` under production settings."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from home.permissions import MINISTRY_EDITORS
from tests.production_settings import production_settings

ROOT = Path(__file__).resolve().parents[2]
User = get_user_model()


def public_urls():
    """A page of every live page type in both languages, plus search."""
    urls = {"/de/", "/en/", "/de/suche/?q=Beteiligung", "/en/search/?q=participation"}
    seen = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page), page.locale_id)
        if key in seen:
            continue
        seen.add(key)
        url = page.get_url()
        if url:
            urls.add(url)
    return sorted(urls)


# --- headers ----------------------------------------------------------------------------------


def test_public_pages_send_security_headers(client, db):
    for url in ["/de/", "/en/", public_urls()[-1]]:
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response["Content-Security-Policy"]
        directives = dict(
            (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in csp.split(";")) if part
        )
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'"
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert directives["object-src"] == "'none'"
        assert "frame-ancestors" in directives
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] in ("SAMEORIGIN", "DENY")
        permissions = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()"):
            assert feature in permissions
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_has_frame_protection_but_no_public_csp(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] in ("SAMEORIGIN", "DENY")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in response


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
EXTERNAL = re.compile(
    r"<(?:script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(?:src|href|data|srcset)="
    r"[\"']?(?:https?:)?//",
    re.I,
)


def test_public_pages_set_no_cookie_run_no_inline_script_and_load_nothing_third_party(client, db):
    """One walk over a page of every type in both languages (rendering them is the cost).
    No page sets a cookie, not even those with a form (survey, registration, barrier report):
    public forms are protected without one (home/public_forms.py)."""
    urls, with_form = public_urls(), 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, f"{url} set {list(response.cookies)}"
        html = response.content.decode()
        if re.search(r"<form[^>]+method=[\"']?post", html, re.I):
            with_form += 1
        for attributes, _body in SCRIPT.findall(html):
            if "src=" in attributes:
                continue
            # JSON data blocks (schema.org JSON-LD) are not executed and allowed by CSP.
            assert re.search(r'type=["\']application/(ld\+)?json', attributes), (url, attributes)
        for match in EXTERNAL.finditer(html):
            tag = html[match.start() : html.index(">", match.start()) + 1]
            # rel=alternate/canonical links name this site's own absolute URLs, no request.
            assert re.search(r'rel=["\'](alternate|canonical)', tag) and "testserver" in tag, (
                url,
                tag,
            )
        assert not re.search(r"<[^>]+\son(click|load|error|submit|change)=", html, re.I), url
    assert with_form >= 2 and len(urls) - with_form >= 6


# --- login throttling -------------------------------------------------------------------------


@pytest.fixture
def axes_on(db, settings):
    settings.AXES_ENABLED = True
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()
    yield
    AccessAttempt.objects.all().delete()


def test_admin_login_is_throttled_after_repeated_failures(client, axes_on, settings, db):
    user = User.objects.create_user("editorin", "editorin@example.org", "Richtig-und-lang-2026")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))
    url = reverse("wagtailadmin_login")

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "editorin", "password": "falsch"})
        assert response.status_code == 200  # form with an error
    response = client.post(url, {"username": "editorin", "password": "falsch"})
    assert response.status_code == 429

    # Locked out: even the right password is refused now.
    response = client.post(url, {"username": "editorin", "password": "Richtig-und-lang-2026"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_successful_login_resets_the_failure_count(client, axes_on, settings, db):
    User.objects.create_user("gast", "gast@example.org", "Richtig-und-lang-2026")
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(url, {"username": "gast", "password": "falsch"})
    response = client.post(url, {"username": "gast", "password": "Richtig-und-lang-2026"})
    assert response.status_code == 302
    client.logout()
    response = client.post(url, {"username": "gast", "password": "falsch"})
    assert response.status_code == 200


@pytest.mark.parametrize("password", ["kurz", "password1234", "123456789012345", "editorin-2026"])
def test_weak_passwords_are_rejected(password, db):
    user = User(username="editorin", email="editorin@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_strong_password_is_accepted(db):
    validate_password("Bürgerbeteiligung-in-Sachsen!", User(username="editorin"))


# --- uploads ----------------------------------------------------------------------------------


@pytest.fixture
def ministry_client(client, db):
    user = User.objects.create_user("medien", "medien@example.org", "Richtig-und-lang-2026")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))
    client.force_login(user)
    return client


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


@pytest.mark.parametrize(
    "name", ["seite.html", "skript.js", "bild.svg", "programm.exe", "makro.docm"]
)
def test_documents_outside_the_allow_list_are_rejected(ministry_client, name):
    response = upload_document(ministry_client, name, b"<script>alert(1)</script>")
    assert response.status_code == 200  # the form again, with an error
    assert not get_document_model().objects.filter(title=name).exists()


def test_documents_over_the_size_limit_are_rejected(ministry_client, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024  # same check, small file for the test
    response = upload_document(ministry_client, "gross.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    assert response.status_code == 200
    assert not get_document_model().objects.filter(title="gross.pdf").exists()


@pytest.mark.parametrize(
    "name, content", [("bericht.pdf", b"%PDF-1.4 test"), ("daten.csv", b"a;b\n1;2\n")]
)
def test_documents_are_served_as_downloads(ministry_client, client, name, content):
    response = upload_document(ministry_client, name, content)
    assert response.status_code == 302
    document = get_document_model().objects.get(title=name)
    ministry_client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def png(width, height, mode="1"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
            "collection": 1,
            "credit": "Test",
            "licence": "cc0",
        },
    )


def test_images_with_too_many_pixels_are_rejected(ministry_client, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    response = upload_image(ministry_client, "riesig.png", png(8000, 6000))  # 48 megapixels
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="riesig.png").exists()


def test_images_over_the_size_limit_are_rejected(ministry_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(ministry_client, "schwer.png", png(400, 400, "RGB") + b"\0" * 2048)
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="schwer.png").exists()


def test_images_with_a_disallowed_format_are_rejected(ministry_client):
    response = upload_image(
        ministry_client, "vektor.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"
    )
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="vektor.svg").exists()


def test_normal_image_upload_works(ministry_client):
    response = upload_image(ministry_client, "foto.png", png(64, 48, "RGB"))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="foto.png").exists()


# --- production -------------------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings():
    loaded = production_settings(LOG_FORMAT="json")
    assert loaded["deploy_check_passed"], loaded["deploy_check_output"]
    assert "System check identified no issues" in loaded["deploy_check_output"]
    assert loaded["SESSION_COOKIE_SECURE"] and loaded["CSRF_COOKIE_SECURE"]
    assert loaded["SECURE_HSTS_SECONDS"] == 31536000
    assert loaded["SECURE_SSL_REDIRECT"] and loaded["AXES_ENABLED"]
