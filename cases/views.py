"""Views behind the case index routes: listing (HTML, CSV, JSON) and the codebook."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from home.models import paginate

from . import export
from .filters import CaseFilters
from .models.utils import localize_all

FORMATS = ("html", "csv", "json")
PER_PAGE = 20


def requested_format(request):
    values = [v.strip().lower() for v in request.GET.getlist("format") if v.strip()]
    return values[0] if values else "html"


def case_listing(index_page, request):
    fmt = requested_format(request)
    if fmt not in FORMATS:
        message = _(
            "Unknown format. Use format=csv or format=json, or leave the parameter out for the web page."
        )
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")

    filters = CaseFilters(index_page, request.GET)
    cases = filters.apply(index_page.cases())
    if fmt != "html":
        builder = export.RecordBuilder(filters, index_page.get_full_url(request))
        respond = export.csv_response if fmt == "csv" else export.json_response
        return respond(cases, builder, index_page.slug)

    page_obj = paginate(
        request,
        cases.select_related("region", "organisation")
        .prefetch_related("topics")
        .defer(*export.DEFERRED_FIELDS),
        PER_PAGE,
    )
    topics = filters.topic_lookup()
    for case in page_obj.object_list:
        case.display_topics = localize_all(case.topics.all(), index_page.locale, topics)

    featured = []
    if not filters.is_filtered and page_obj.number == 1:
        featured = list(
            index_page.cases()
            .filter(featured=True)
            .select_related("region")
            .order_by("-start_date")[:3]
        )

    querystring = filters.querystring()
    return index_page.render(
        request,
        context_overrides={
            "filters": filters,
            "cases_page": page_obj,
            "featured": featured,
            "querystring": querystring,
            "csv_url": "?" + filters.querystring(format="csv"),
            "json_url": "?" + filters.querystring(format="json"),
            "codebook_url": index_page.get_url(request) + index_page.reverse_subpage("codebook"),
        },
    )


def codebook(index_page, request):
    return index_page.render(
        request,
        template="cases/codebook.html",
        context_overrides={"columns": export.COLUMNS, "separator": export.MULTI_VALUE_SEPARATOR},
    )
