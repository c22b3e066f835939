"""Cheap data for the page frame (header menu, footer links), cached per site + language +
page-cache generation, so any publish or settings change shows up at once.

Why: the frame is on every page; built from scratch it costs more queries than the page's
own content (several per legal link through `.localized`). Cached, it costs none; rebuilt, a
fixed handful whatever the number of items.
"""

from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.caching import cached_per_generation, current_generation

register = template.Library()


LEGAL_FIELDS = (
    "imprint_page",
    "privacy_page",
    "accessibility_page",
    "easy_language_page",
    "sign_language_page",
)


# Pictogram (a symbol in static/img/icons.svg) shown before each main section in the menu.
SECTION_ICONS = {
    "CaseIndexPage": "cases",
    "MethodIndexPage": "methods",
    "FundingIndexPage": "funding",
    "EventIndexPage": "events",
    "NewsIndexPage": "news",
    "SurveyPage": "survey",
    "StandardPage": "info",
}


def _site(request):
    if request is None:
        return None
    site = getattr(request, "_frame_site", None)
    if site is None:
        site = Site.find_for_request(request)
        request._frame_site = site
    return site


@register.simple_tag(takes_context=True)
def frame_cache_vary(context):
    """Vary-on value for `{% wagtailcache %}` fragments of the frame."""
    site = _site(context.get("request"))
    return f"{site.pk if site else 0}:{translation.get_language()}:{current_generation()}"


def _cached(request, name, build):
    site = _site(request)
    if site is None:
        return build(None)
    return cached_per_generation(
        f"frame:{name}", [site.pk, translation.get_language()], lambda: build(site)
    )


def _active_locale_id():
    locale = Locale.objects.filter(language_code=translation.get_language()).only("id").first()
    return locale.id if locale else None


@register.simple_tag(takes_context=True)
def frame_menu(context):
    """Home URL and main menu of the active language as plain data:
    {"home_url": str, "items": [{"title", "url", "pk", "path", "depth"}]}."""
    request = context.get("request")

    def build(site):
        if site is None:
            return {"home_url": "/", "items": []}
        root = site.root_page
        locale_id = _active_locale_id()
        home = (
            Page.objects.filter(translation_key=root.translation_key, locale_id=locale_id)
            .live()
            .first()
            or root
        )
        children = (
            home.get_children()
            .live()
            .public()
            .in_menu()
            .only("id", "title", "url_path", "path", "depth", "locale_id", "content_type_id")
        )
        return {
            "home_url": home.get_url(request),
            "items": [
                {
                    "title": p.title,
                    "url": p.get_url(request),
                    "pk": p.pk,
                    "path": p.path,
                    "depth": p.depth,
                    "icon": SECTION_ICONS.get(
                        p.specific_class.__name__ if p.specific_class else ""
                    ),
                }
                for p in children
            ],
        }

    return _cached(request, "menu", build)


@register.simple_tag(takes_context=True)
def frame_legal_links(context):
    """URLs of the legal pages chosen in the site settings, in the active language (falling
    back to the chosen page): {"imprint_page": url, ...}; one query for all of them."""
    request = context.get("request")

    def build(site):
        if site is None:
            return {}
        from home.models import SiteSettings

        settings_obj = SiteSettings.for_request(request) if request else SiteSettings.for_site(site)
        chosen = {f: getattr(settings_obj, f"{f}_id") for f in LEGAL_FIELDS}
        ids = [pk for pk in chosen.values() if pk]
        if not ids:
            return {}
        pages = Page.objects.filter(id__in=ids).only(
            "id", "translation_key", "url_path", "path", "depth", "locale_id"
        )
        by_id = {p.pk: p for p in pages}
        locale_id = _active_locale_id()
        localized = {
            p.translation_key: p
            for p in Page.objects.filter(
                translation_key__in=[p.translation_key for p in pages], locale_id=locale_id
            )
            .live()
            .only("id", "translation_key", "url_path", "path", "depth", "locale_id")
        }
        links = {}
        for field, pk in chosen.items():
            page = by_id.get(pk)
            if page is None:
                continue
            target = localized.get(page.translation_key, page)
            url = target.get_url(request)
            if url:
                links[field] = url
        return links

    return _cached(request, "legal", build)


@register.simple_tag(takes_context=True)
def publisher_logo(context):
    """The publisher's signet uploaded by editors in the site settings (never shipped with the
    code), as a ready <img>; empty when none is set."""
    from django.utils.html import format_html

    request = context.get("request")

    def build(site):
        if site is None:
            return ""
        from home.models import SiteSettings

        settings_obj = SiteSettings.for_request(request) if request else SiteSettings.for_site(site)
        image = settings_obj.publisher_logo
        if image is None:
            return ""
        from wagtail.images.models import SourceImageIOError

        try:
            rendition = image.get_rendition("height-96|format-webp")
        except SourceImageIOError:  # a lost original file must not break every page
            return ""
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}">',
            rendition.url,
            rendition.width // 2,
            rendition.height // 2,
            settings_obj.publisher_logo_alt or settings_obj.ministry_name,
        )

    return _cached(request, "publisher", build)
