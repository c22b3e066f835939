"""Sub-routes of routable pages in the page's own language.

A route is declared with a translated pattern, `@path(_("codebook/"), name="codebook")`:
the English msgid is the segment of the English tree, its German msgstr (locale/de) the
segment of the German tree (/en/cases/codebook/, /de/verfahren/codebuch/). Django compiles
a lazily translated pattern once per active language, so resolving and reversing only need
the page's language active; `reverse_subpage` and `resolve_subpage` switch to it, which
makes mails, .ics files, feeds and sitemaps built in any language link the right segment.

The English segment below a page of another language (a bookmark from before the German
segments) answers with a 301 to the page's own segment, the query string kept.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

# The language of the msgids: the segments every other language redirects from.
SOURCE_LANGUAGE = "en"


class LocalizedRoutablePageMixin(RoutablePageMixin):
    """RoutablePageMixin whose routes resolve and reverse in the page's language."""

    def route_language(self):
        return self.locale.language_code

    def reverse_subpage(self, name, args=None, kwargs=None, language=None):
        """The sub-route `name` of this page ("codebuch/" on a German page); `language`
        asks for another language's segment of the same route (the language switcher)."""
        with translation.override(language or self.route_language()):
            return super().reverse_subpage(name, args, kwargs)

    def resolve_subpage(self, path):
        with translation.override(self.route_language()):
            return super().resolve_subpage(path)

    def route(self, request, path_components):
        if self.live and path_components and self.route_language() != SOURCE_LANGUAGE:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                target = self._source_route_target(request, path_components)
                if target is not None:
                    return RouteResult(self, args=(_redirect_view(target), (), {}))
        return super().route(request, path_components)

    def _source_route_target(self, request, path_components):
        """Where an English sub-route below this page now lives, or None."""
        old = "/".join(path_components) + "/"
        try:
            with translation.override(SOURCE_LANGUAGE):
                match = RoutablePageMixin.resolve_subpage(self, "/" + old)
        except Http404:
            return None
        new = self.reverse_subpage(match.url_name, match.args, match.kwargs)
        if new == old:
            return None
        base = request.path[: -len(old)] if request.path.endswith(old) else self.get_url(request)
        query = request.META.get("QUERY_STRING", "")
        return f"{base}{new}?{query}" if query else f"{base}{new}"


def _redirect_view(target):
    def redirect(request, *args, **kwargs):
        return HttpResponsePermanentRedirect(target)

    return redirect
