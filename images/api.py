"""How a page's lead image appears in the read-only API: with its credit and licence, so
re-users of the data know whose image it is and on what terms (no separate image listing:
that would expose images of unpublished drafts)."""

from django.conf import settings
from rest_framework.fields import Field


class CreditedImageField(Field):
    def to_representation(self, image):
        rendition = image.get_rendition("width-1200|format-webp")
        url = rendition.url
        if url.startswith("/"):  # local storage: on the public base URL like every API link
            url = settings.SITE_URL + url
        return {
            "id": image.pk,
            "title": image.title,
            "url": url,
            "width": rendition.width,
            "height": rendition.height,
            "credit": image.credit,
            "licence": image.licence,
            "licence_label": str(image.get_licence_display()),
            "licence_url": image.licence_url,
        }
