"""Factories for unit tests: the smallest page tree a test needs, built with
wagtail-factories (factory_boy) on the test database, with or without the demo loaded."""

import wagtail_factories
from wagtail.models import Locale, Page, Site

from cases.models import CasePage, Region
from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    slug = "start"

    class Meta:
        model = HomePage


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def home_page(language="de"):
    """A live home page under the tree root, the default site's root in `language`."""
    existing = HomePage.objects.filter(locale=locale(language)).first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, locale=locale(language), slug=f"start-{language}")
    Site.objects.get_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


def translation_of(page, language):
    translated = page.get_translation_or_none(locale(language))
    if translated is None:
        translated = page.copy_for_translation(locale(language))
        translated.save_revision().publish()
    return translated.specific


def minimal_case(title, slug, owner, **fields):
    """A case with only what publishing requires (few recommended fields), not yet in the tree."""
    return CasePage(
        title=title,
        slug=slug,
        subject="Bürgerwerkstatt",
        region=Region.objects.order_by("pk").first(),
        participation_level="inform",
        level_justification="Nur Information.",
        format="online",
        owner=owner,
        **fields,
    )
