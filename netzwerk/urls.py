from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.sitemaps import MultilingualSitemap
from home.views import healthz, robots_txt
from search import views as search_views

from .api import api_not_found, api_router

urlpatterns = [
    path("", RedirectView.as_view(url=f"/{settings.LANGUAGE_CODE}/", permanent=False)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    re_path(r"^api/", api_not_found),  # JSON 404 for every other API path
    path("healthz/", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Development and the demo only; production serves media from S3 or the web server.
    from django.views.static import serve

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

if settings.BENCH_FLOOR:
    from .bench import floor

    urlpatterns.append(path("bench/floor/", floor))

urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path(_("search/suggestions/"), search_views.suggest, name="search_suggest"),
    path("", include("network.urls")),
    path("", include("feeds.urls")),
    path("", include("newsletter.urls")),
    path("", include(wagtail_urls)),
)

handler500 = "home.views.server_error"  # 503 maintenance page while the database is down
