"""The site's image model (WAGTAILIMAGES_IMAGE_MODEL): every image carries its rights.

Credit and licence are required on upload, shown under every published image and returned by
the API, so no picture goes out without saying whose it is and on what terms it may be used.
Alt text is not stored here: it depends on where an image is placed, so each placement asks
for its own (see home.models.BasePage.image_alt and home.blocks.ImageBlock).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class Licence(models.TextChoices):
    CC0 = "cc0", "CC0 1.0"
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    OWN = "own", _("Own work, free to use with credit")
    GRANTED = "granted", _("Rights of use granted to the network")


LICENCE_URLS = {
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
}


class CustomImage(AbstractImage):
    credit = models.CharField(
        _("credit"),
        max_length=255,
        help_text=_("Who made the image, as it must be named, e.g. “Foto: Anna Muster”."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=Licence.choices,
        help_text=_("On what terms the network may publish the image."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def credit_line(self):
        """“Illustration: Redaktion · CC BY 4.0” — what readers see under the image."""
        return f"{self.credit} · {self.get_licence_display()}" if self.licence else self.credit


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
