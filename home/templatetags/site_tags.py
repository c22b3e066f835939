"""Template tags for the page frame: navigation, language switcher, hreflang links."""

from functools import cache
from urllib.parse import quote

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.site_url import absolute_url
from home.untranslated import without_untranslated_aliases

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def localized_home(context):
    """The home page in the active language (falls back to the default language)."""
    request = context.get("request")
    cache = getattr(request, "_localized_home", None) if request else None
    if cache is None and request is not None:
        root = _site_root(request)
        cache = root.localized.specific if root else None
        request._localized_home = cache
    return cache


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = localized_home(context)
    if home is None:
        return []
    return list(
        home.get_children()
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where the switcher leads and whether a translation exists.

    On a page, the link goes to the live translation of the same page; a language without a
    translation leads to that language's home page. Other views (search, errors) swap the
    URL's language prefix.
    """
    request = context.get("request")
    memo = getattr(request, "_language_links", None)
    if memo is not None:
        return memo
    page = context.get("page")
    if (
        isinstance(page, Page)
        and page.pk
        and request is not None
        and not getattr(request, "is_preview", False)
    ):
        # Cached per page + site + language + page-cache generation (home/caching): any
        # publish makes it stale, and uncached pages save the translation queries.
        from home.caching import cached_per_generation

        links = cached_per_generation(
            "frame:langs",
            [page.pk, request.get_host(), translation.get_language()],
            lambda: _build_language_links(request, page),
        )
    else:
        links = _build_language_links(request, page)
    if request is not None:
        request._language_links = links
    return links


def _build_language_links(request, page):
    current = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        # An untranslated alias is German text: never offered as the English version.
        translated = without_untranslated_aliases(page.get_translations(inclusive=True))
        for p in translated.live().public().select_related("locale"):
            translations[p.locale.language_code] = p
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            native = translation.gettext(name)  # i18n: marked elsewhere (settings.LANGUAGES)
        entry = {"code": code, "name": native, "is_current": code == current, "available": True}
        if translations:
            target = translations.get(code)
            if target is not None:
                entry["url"] = target.get_url(request)
            else:
                entry["available"] = False
                home_root = _site_root(request)
                locale = Locale.objects.filter(language_code=code).first()
                home = home_root.get_translation_or_none(locale) if (home_root and locale) else None
                entry["url"] = home.get_url(request) if home else f"/{code}/"
        elif request is not None:
            entry["url"] = translate_url(request.get_full_path(), code)
        else:
            entry["url"] = f"/{code}/"
        links.append(entry)
    return links


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """Alternate URLs of the current page for each available language plus x-default."""
    links = [
        {"code": link["code"], "url": absolute_url(link["url"])}
        for link in language_links(context)
        if link["available"]
    ]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    if default:
        links.append({"code": "x-default", "url": default["url"]})
    return links


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """Absolute URL of the current page on the public base URL (SITE_URL)."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return ""
    url = page.get_url(request)
    return absolute_url(url) if url else ""


@register.simple_tag(name="absolute_url")
def absolute_url_tag(url):
    """`{% absolute_url some_url %}`: a path on the public base URL (for OpenGraph, feeds)."""
    return absolute_url(url)


@register.simple_tag
@cache
def favicon_data_uri():
    """The 256-byte favicon inlined as a data: URI: one request less per first visit, and
    Lighthouse's simulation no longer makes the page's LCP wait for a favicon connection."""
    with open(finders.find("img/favicon.svg"), encoding="utf-8") as f:
        svg = f.read().strip()
    return "data:image/svg+xml," + quote(svg, safe="=:/")
