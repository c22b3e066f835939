"""Views behind the case index routes: listing (HTML, CSV, JSON), the codebook and the
DCAT-AP.de record of the open data (cases/dataset.py describes it)."""

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.jsonld import jsonld_script
from home.models import paginate
from home.params import EXPORT_FORMATS, RENAMED_VALUES, legacy_redirect, split_formats

from . import dataset as datasets
from . import export
from .choices import Format, ParticipationLevel, Status
from .dcat import dcat_response
from .derived import Counted, cached, cached_count
from .filters import SORTS, CaseFilters
from .models.cases import CasePage
from .templatetags.cases_tags import participation_levels_url

PER_PAGE = 20
# What a teaser in the list shows: the rest stays in the database.
TEASER_FIELDS = (
    "pk",
    "title",
    "slug",
    "teaser",
    "municipality",
    "region",
    "start_date",
    "participation_level",
    "status",
    "is_example",
)


def requested_format(request):
    """The output format: `format=csv|json|html`; a value that is neither an output format nor
    a participation format (e.g. `format=xml`) is answered with a 400."""
    exports, others = split_formats(request.GET.getlist("format"))
    known = {*Format.values, *RENAMED_VALUES["format"]}
    unknown = [v for v in others if v.strip() and v.strip() not in known]
    return exports[0] if exports else (unknown[0] if unknown else "html")


def case_listing(index_page, request):
    redirect = legacy_redirect(request)  # bookmarks with the old parameter names
    if redirect:
        return redirect
    fmt = requested_format(request)
    if fmt not in EXPORT_FORMATS:
        message = _(
            "Unknown format. Use format=csv or format=json, or leave the parameter out for the web page."
        )
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")

    cases = index_page.cases()  # one query for view restrictions, reused below
    filters = CaseFilters(index_page, request.GET, cases)
    listed = filters.apply(cases)
    if fmt != "html":
        dataset = datasets.describe(index_page, request)
        builder = export.RecordBuilder(filters, dataset.landing_page)
        respond = export.csv_response if fmt == "csv" else export.json_response
        return respond(listed, builder, index_page.slug, dataset)

    # Paginate the ids (narrow rows sort and skip cheaply, the count comes from the cache),
    # then load the full rows of just this page.
    ids = listed.values_list("pk", flat=True)
    counted = Counted(ids, cached_count(ids, filters.cache_key()))
    page_obj = paginate(request, counted, PER_PAGE, number=filters.form.value("page") or 1)
    index_url = index_page.get_url(request)
    # The teasers of this page as plain data, cached like the count: planning the sorted,
    # filtered subquery alone took ~2 ms. Labels are translated and URLs depend on the site
    # the request came to, so both are part of the key.
    key = [
        *filters.cache_key(),
        filters.sort,
        page_obj.number,
        index_url,
        translation.get_language(),
    ]
    rows = cached("teasers", key, lambda: teaser_rows(page_obj.object_list, filters, index_url))
    page_obj.object_list = rows

    featured = []
    if not filters.is_filtered and page_obj.number == 1:
        featured = featured_cases(cases, filters.cases_key, index_url)

    querystring = filters.querystring()
    dataset = datasets.describe(index_page, request)
    return index_page.render(
        request,
        context_overrides={
            "filters": filters,
            "cases_page": page_obj,
            "featured": featured,
            "querystring": querystring,
            "csv_url": "?" + filters.querystring(format="csv"),
            "json_url": "?" + filters.querystring(format="json"),
            "index_url": index_url,  # the page's own URL, looked up once
            "codebook_url": index_url + index_page.reverse_subpage("codebook"),
            "dcat_url": index_url + index_page.reverse_subpage("dcat"),
            "dataset": dataset,
            "dataset_jsonld": jsonld_script(datasets.schema_org(dataset)),
            **frame_links(request),
        },
    )


def teaser_rows(ids, filters, index_url):
    """The teasers of the listed ids, in the listing's order. Plain rows: 20 page instances
    (and their topics) cost more than the SQL."""
    rows = list(
        CasePage.objects.filter(pk__in=ids).order_by(*SORTS[filters.sort][1]).values(*TEASER_FIELDS)
    )
    links = {}
    for case_id, topic_id in CasePage.topics.through.objects.filter(
        casepage_id__in=[row["pk"] for row in rows]
    ).values_list("casepage_id", "topic_id"):
        links.setdefault(case_id, []).append(topic_id)
    topics = export.names_by_case(export.term_names(filters.locale_id, "topics"), links)
    regions = filters.region_labels()
    levels, statuses = dict(ParticipationLevel.choices), dict(Status.choices)
    for row in rows:
        # A child page's URL is its parent's plus its slug: no `pageurl` per teaser.
        row["url"] = f"{index_url}{row['slug']}/"
        row["region"] = regions.get(row["region"], "")
        row["level"] = levels.get(row["participation_level"], row["participation_level"])
        row["status"] = statuses.get(row["status"], row["status"])
        row["topic_names"] = ", ".join(topics.get(row["pk"], []))
        row["year"] = str(row["start_date"].year) if row["start_date"] else ""
    return rows


def featured_cases(cases, cases_key, index_url):
    """Up to three featured cases, newest first, as plain data cached per generation."""

    def build():
        return [
            {
                "title": case.title,
                "url": f"{index_url}{case.slug}/",
                "is_example": case.is_example,
                "municipality": case.municipality,
                "region": str(case.region) if case.region else "",
            }
            for case in cases.filter(featured=True)
            .select_related("region")
            .only("title", "slug", "is_example", "municipality", "region")
            .order_by("-start_date")[:3]
        ]

    # Region labels are translated; the URL depends on the site the request came to.
    key = [cases_key, index_url, translation.get_language()]
    return cached("featured", key, build)


def frame_links(request):
    """Links the index shows next to the results (levels page, participation portal):
    three queries from settings and pages, cached like the header and footer."""
    from home.models import SiteSettings

    def build():
        return {
            "levels_url": participation_levels_url({"request": request}),
            "portal_url": SiteSettings.for_request(request).participation_portal_url,
        }

    site = Site.find_for_request(request)
    return cached("links", [site.pk if site else 0, translation.get_language()], build)


def codebook(index_page, request):
    columns = [(column, column.allowed_values(index_page.locale_id)) for column in export.COLUMNS]
    return index_page.render(
        request,
        template="cases/codebook.html",
        context_overrides={
            "columns": columns,
            "separator": export.MULTI_VALUE_SEPARATOR,
            "dataset": datasets.describe(index_page, request),
        },
    )


def dcat(index_page, request):
    """The DCAT-AP.de record of the open data, for portals such as GovData."""
    return dcat_response(datasets.describe(index_page, request))
