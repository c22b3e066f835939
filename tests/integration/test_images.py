"""Images carry their rights: credit and licence are required on upload (through the real
admin, as a Ministry editor), shown under every published lead image and returned by the API;
the demo content ships locally drawn, credited images."""

import io
import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cases.models import CasePage
from home.permissions import MINISTRY_EDITORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministry_client(client, db):
    user = get_user_model().objects.create_user(
        username="bildredaktion", email="bild@example.org", password="a-Long-test-pass-42"
    )
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))
    client.force_login(user)
    return client


def png_upload(name="bild.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (0, 97, 74)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_upload_without_credit_or_licence_is_refused(ministry_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = ministry_client.post(
        reverse("wagtailimages:add"),
        {"title": "Ohne Rechte", "file": png_upload(), "collection": 1},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"credit", "licence"} <= set(form.errors)
    assert not get_image_model().objects.filter(title="Ohne Rechte").exists()

    response = ministry_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Mit Rechten",
            "file": png_upload(),
            "collection": 1,
            "credit": "Foto: Anna Muster",
            "licence": "cc-by-sa-4.0",
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Mit Rechten")
    assert (image.credit, image.licence) == ("Foto: Anna Muster", "cc-by-sa-4.0")


def test_lead_image_needs_alt_text_where_it_is_placed(home_de):
    from django.core.exceptions import ValidationError

    page = CasePage.objects.live().filter(locale=home_de.locale).exclude(image=None).first()
    page.image_alt = "   "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "image_alt" in error.value.message_dict


def test_demo_images_are_credited_and_shown_with_their_credit(client, home_de):
    images = list(get_image_model().objects.all())
    assert len(images) >= 6
    assert all(image.credit and image.licence for image in images)
    for model in ["CasePage", "MethodPage", "EventPage", "NewsPage", "FundingProgrammePage"]:
        from django.apps import apps

        Model = next(m for m in apps.get_models() if m.__name__ == model)
        page = Model.objects.live().filter(locale=home_de.locale).exclude(image=None).first()
        assert page is not None, f"demo content has a {model} with a lead image"
        html = client.get(page.url).content.decode()
        assert f'alt="{page.image_alt}"' in html
        assert page.image.credit in html, f"credit shown on {page.url}"
        assert 'type="image/avif"' in html


def test_api_returns_the_lead_image_with_credit_and_licence(client, home_de):
    page = CasePage.objects.live().filter(locale=home_de.locale).exclude(image=None).first()
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["image_alt"] == page.image_alt
    assert data["image"]["credit"] == page.image.credit
    assert data["image"]["licence"] == page.image.licence
    assert data["image"]["url"].endswith(".webp")
    assert data["image"]["url"].startswith(settings.SITE_URL + "/")
