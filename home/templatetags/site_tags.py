"""Template tags for the page frame: navigation, language switcher, hreflang links."""

from functools import cache
from urllib.parse import quote

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.routing import LocalizedRoutablePageMixin
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
        links = _keep_route_and_query(request, page, links)
    else:
        links = _build_language_links(request, page)
    if request is not None:
        request._language_links = links
    return links


def _keep_route_and_query(request, page, links):
    """Carry the sub-route (codebook, calendar, registration form) and the query string
    (finder criteria, filters, pagination: the same codes in every language) over to the
    other language's page, so switching keeps the visitor where they are."""
    page_url = page.get_url(request) or ""
    route = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
    query = request.GET.urlencode()
    if not route and not query:
        return links
    match = getattr(request, "routable_resolver_match", None)
    kept = []
    for link in links:
        link = dict(link)
        if link["available"]:
            link_route = route
            if route and match is not None and isinstance(page, LocalizedRoutablePageMixin):
                # Sub-route segments are translated (home/routing.py): /de/…/codebuch/ is
                # /en/…/codebook/.
                link_route = page.reverse_subpage(
                    match.url_name, match.args, match.kwargs, language=link["code"]
                )
            link["url"] = link["url"] + link_route + (f"?{query}" if query else "")
        kept.append(link)
    return kept


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


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """Home > sections > current page, with schema.org BreadcrumbList JSON-LD; None on the
    home page (and off pages). A view may add its sub-route as `breadcrumb_extra`
    ({"title", "url"}), e.g. the codebook below the case index."""
    from django.utils.translation import gettext

    from home.jsonld import jsonld_script

    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk or page.depth <= 2:
        return None
    from home.caching import cached_per_generation

    def build():
        ancestors = (
            page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth")
        )
        return [
            {"title": gettext("Home") if p.depth == 2 else p.title, "url": p.get_url(request)}
            for p in ancestors
        ]

    # Titles change only with a publish: no query per page view once cached.
    items = list(
        cached_per_generation(
            "frame:crumbs", [page.pk, request.get_host(), translation.get_language()], build
        )
    )
    items.append({"title": page.title, "url": page.get_url(request)})
    extra = context.get("breadcrumb_extra")
    if extra:
        items.append(extra)
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": item["title"],
                "item": absolute_url(item["url"]),
            }
            for position, item in enumerate(items, start=1)
        ],
    }
    return {"items": items, "jsonld": jsonld_script(data)}


@register.filter
def active_count(selected):
    """How many filters of a {name: value} mapping are set (for the filter disclosure)."""
    return sum(1 for value in (selected or {}).values() if value)


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Description and share image of the current page for <meta name="description"> and
    OpenGraph/Twitter cards: the SEO description, else the teaser, else the introduction,
    else the site's own line; the lead image (as a 1200×630 JPEG), else the default card."""
    from django.templatetags.static import static
    from django.utils.html import strip_tags
    from django.utils.text import Truncator
    from django.utils.translation import gettext

    page = context.get("page")
    text = ""
    if isinstance(page, Page):
        for name in ("search_description", "teaser", "intro"):
            value = getattr(page, name, "") or ""
            text = strip_tags(str(value)).strip()
            if text:
                break
    if not text:
        text = gettext(
            "Experience and advice network for citizen participation in Saxony: cases, "
            "methods, funding and events."
        )
    image = getattr(page, "image", None) if isinstance(page, Page) else None
    rendition = None
    if image is not None:
        from wagtail.images.models import SourceImageIOError

        try:
            rendition = image.get_rendition("fill-1200x630|format-jpeg")
        except SourceImageIOError:  # a lost original file must not break the page
            rendition = None
    if rendition is not None:
        share = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, "image_alt", ""),
        }
    else:
        share = {
            "url": static("img/og-default.png"),
            "width": 1200,
            "height": 630,
            "alt": gettext("Logo of the Civic Participation Network Saxony"),
        }
    share["url"] = absolute_url(share["url"])
    return {"description": Truncator(" ".join(text.split())).chars(160), "image": share}
