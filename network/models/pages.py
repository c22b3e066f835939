"""The network's public pages, one per verb, each in both page trees (German slugs in the
German tree, English in the English tree). The forms behind them live in network/views.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from home.models import BasePage
from home.routing import LocalizedRoutablePageMixin

SIMPLE_RICH_TEXT = ["bold", "italic", "ol", "ul", "link"]


class NetworkFormPage(BasePage):
    """A page with a public form: an introduction above it, a text shown after sending."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]
    api_fields = BasePage.api_fields + [APIField("intro"), APIField("thank_you_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Answers carry a form: never stored by the page cache (home/caching), see views.
    cache_query_params = frozenset()

    class Meta:
        abstract = True


class AdviceRequestPage(NetworkFormPage):
    """ "Beratung anfragen": the public advice request form."""

    template = "network/advice_request_page.html"

    class Meta:
        verbose_name = _("advice request page")

    def serve(self, request, *args, **kwargs):
        from ..views import advice_request

        return advice_request(request, self)


class JoinNetworkPage(NetworkFormPage):
    """ "Im Netzwerk mitmachen": registration with double opt-in (the link comes back here)."""

    template = "network/join_network_page.html"

    class Meta:
        verbose_name = _("join page")

    def serve(self, request, *args, **kwargs):
        from ..views import join

        return join(request, self)


class ReportProcedurePage(NetworkFormPage):
    """ "Verfahren melden": a multi-step form that creates a draft case in moderation."""

    template = "network/report_procedure_page.html"

    class Meta:
        verbose_name = _("report a procedure page")

    def serve(self, request, *args, **kwargs):
        from ..views import report_procedure

        return report_procedure(request, self)


class MemberDirectoryPage(LocalizedRoutablePageMixin, BasePage):
    """ "Mitglieder": the public directory of members who opted in, and a profile per member."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    cache_query_params = frozenset({"region", "kind", "method", "topic", "exchange", "page"})

    class Meta:
        verbose_name = _("member directory")

    @path("")
    def directory(self, request):
        from ..views import directory

        return directory(request, self)

    @path("<slug:slug>/")
    def profile(self, request, slug):
        from ..views import profile

        return profile(request, self, slug)
