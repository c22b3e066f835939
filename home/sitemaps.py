"""Sitemap over both language trees, with hreflang alternates for each translation."""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        in_trees = Q()
        for tree_root in roots:
            in_trees |= Q(path__startswith=tree_root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_trees)
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def get_urls(self, page=1, site=None, protocol=None):
        # Locations on the public base URL (SITE_URL), not on the host the request used.
        base = urlsplit(settings.SITE_URL)
        return self._urls(page, base.scheme, base.netloc)

    @staticmethod
    def _location(page, protocol, domain):
        parts = page.get_url_parts()
        if parts is None:
            return None
        return f"{protocol}://{domain}{parts[2]}"

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages}, alias_of__isnull=True)
            .select_related("locale")
        ):
            by_key[item.translation_key].append(item)
        urls = []
        for item in pages:
            alternates = [
                {
                    "lang_code": t.locale.language_code,
                    "location": self._location(t, protocol, domain),
                }
                for t in sorted(by_key[item.translation_key], key=lambda t: t.locale.language_code)
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default and len(alternates) > 1:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            urls.append(
                {
                    "item": item,
                    "location": self._location(item, protocol, domain),
                    "lastmod": item.last_published_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls
