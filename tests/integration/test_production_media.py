"""Images are served as AVIF and WebP renditions with srcset/sizes and fixed dimensions,
and carry the credit and licence of the image model under every published image."""

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
        title="Netzwerktreffen",
        credit="Foto: Anna Muster",
        licence="cc-by-4.0",
        file=ImageFile(buffer, name="treffen.png"),
    )


def img_tags(html):
    return re.findall(r"<img [^>]+>", html)


def picture_of(html, alt):
    """The <figure> around the image with this alt text."""
    for figure in re.findall(r"<figure.*?</figure>", html, re.S):
        if f'alt="{alt}"' in figure:
            return figure
    raise AssertionError(f"no figure with alt {alt!r}")


def widths(srcset):
    return [c.strip().split()[1] for c in srcset.split(",")]


def test_news_image_is_a_responsive_webp_rendition(client, home_de, png_image):
    page = NewsPage.objects.live().filter(locale=home_de.locale).first()
    page.image = png_image
    page.image_alt = "Menschen an Tischen"
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    tag = next(t for t in img_tags(html) if "Menschen an Tischen" in t)
    srcset = re.search(r'srcset="([^"]+)"', tag).group(1)
    assert widths(srcset) == ["480w", "800w", "1200w"]
    assert all(c.split()[0].endswith(".webp") for c in srcset.split(",")), "fallback is WebP"
    assert re.search(r'src="[^"]+\.webp"', tag)
    assert 'sizes="' in tag
    assert 'width="480"' in tag and 'height="270"' in tag, "dimensions prevent layout shift"
    figure = picture_of(html, "Menschen an Tischen")
    avif = re.search(r'<source[^>]+srcset="([^"]+)"[^>]+type="image/avif"', figure)
    assert avif and widths(avif.group(1)) == ["480w", "800w", "1200w"]
    assert all(c.split()[0].endswith(".avif") for c in avif.group(1).split(","))
    assert "Foto: Anna Muster" in figure and "CC BY 4.0" in figure, "credit under the image"
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in figure
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
    assert ".webp 480w" in tag and ".webp 1200w" in tag
    assert 'width="480"' in tag and 'height="270"' in tag
    assert "Foto: Anna Muster" in picture_of(html, "Ein Diagramm")
