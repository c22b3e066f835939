"""The index pages of the knowledge base: the case listing (with filters, exports and the
codebook) and the method library (with the method finder). They route to cases.views and
cases.finder, which import the content models below them, never this module."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from home.caching import cached_per_generation
from home.models import BasePage
from home.params import legacy_redirect
from home.routing import LocalizedRoutablePageMixin
from home.untranslated import without_untranslated_aliases

from .. import views
from ..filters import CaseParams
from ..finder import FinderParams, MethodFinder
from .cases import SIMPLE_RICH_TEXT, CasePage
from .methods import MethodPage


class CaseIndexPage(LocalizedRoutablePageMixin, BasePage):
    """Lists the procedures with filters; `?format=csv|json` exports the filtered list
    (home/params.py: the shared parameter names)."""

    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count_per_parent = 1

    # Filtered listings and exports may be page-cached by full URL (home/caching).
    cache_query_params = frozenset(CaseParams.base_fields)

    class Meta:
        verbose_name = _("case index page")

    def cases(self):
        return without_untranslated_aliases(CasePage.objects.child_of(self).live().public())

    @path("")
    def listing(self, request):
        return views.case_listing(self, request)

    @path(_("codebook/"), name="codebook")
    def codebook(self, request):
        return views.codebook(self, request)

    @path("dcat/", name="dcat")
    def dcat(self, request):
        return views.dcat(self, request)


class MethodIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=SIMPLE_RICH_TEXT)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.MethodPage"]
    max_count_per_parent = 1
    # Method finder answers may be page-cached by full URL (home/caching).
    cache_query_params = frozenset({*FinderParams.base_fields, "page"})

    class Meta:
        verbose_name = _("method index page")

    def methods(self):
        # Listings never show the steps: not loading StreamFields saves their decoding.
        return (
            without_untranslated_aliases(MethodPage.objects.child_of(self).live().public())
            .defer_streamfields()
            .order_by("title")
        )

    def serve(self, request, *args, **kwargs):
        return legacy_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The finder and the list of all methods share them; any publish or privacy change
        # bumps the generation, and unpickling ~30 pages is cheaper than querying them.
        methods = cached_per_generation("methods:index", [self.pk], lambda: list(self.methods()))
        # Every method is a child of this page: its URL is ours plus its slug. Saves ~45
        # Wagtail URL lookups (site root paths, reverse()) per finder answer.
        base = self.get_url(request) or ""
        for method in methods:
            method.index_child_url = f"{base}{method.slug}/"
        context["methods"] = methods
        context["finder"] = MethodFinder(
            request.GET, methods, locale=self.locale_id, request=request
        )
        return context
