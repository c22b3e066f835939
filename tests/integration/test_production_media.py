"""Images are served as WebP renditions with srcset/sizes and fixed dimensions."""

import re
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def png_image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 160)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title="Netzwerktreffen", file=ImageFile(buffer, name="treffen.png")
    )


def img_tags(html):
    return re.findall(r"<img [^>]+>", html)


def test_news_image_is_a_responsive_webp_rendition(client, home_de, png_image):
    page = NewsPage.objects.live().filter(locale=home_de.locale).first()
    page.image = png_image
    page.image_alt = "Menschen an Tischen"
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    tag = next(t for t in img_tags(html) if "Menschen an Tischen" in t)
    srcset = re.search(r'srcset="([^"]+)"', tag).group(1)
    candidates = [c.strip().split() for c in srcset.split(",")]
    assert [w for _, w in candidates] == ["600w", "1200w"]
    assert all(url.endswith(".webp") for url, _ in candidates), "PNG is converted to WebP"
    assert re.search(r'src="[^"]+\.webp"', tag)
    assert 'sizes="' in tag
    assert 'width="1200"' in tag and 'height="675"' in tag, "dimensions prevent layout shift"
    # The lead image is above the fold: loaded eagerly with priority, not lazily.
    assert 'loading="lazy"' not in tag and 'fetchpriority="high"' in tag


def test_body_image_block_is_lazy_with_srcset(client, home_de, png_image):
    page = NewsPage.objects.live().filter(locale=home_de.locale).first()
    page.body = [
        ("image", {"image": png_image, "alt_text": "Ein Diagramm", "caption": "", "copyright": ""})
    ]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    tag = next(t for t in img_tags(html) if "Ein Diagramm" in t)
    assert 'loading="lazy"' in tag
    assert ".webp 600w" in tag and ".webp 1200w" in tag
    assert 'width="1200"' in tag and 'height="675"' in tag
