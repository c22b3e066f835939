"""Open data: the filtered case list as CSV or JSON, streamed so memory does not grow with
the number of cases. COLUMNS is the single source for both formats and the codebook.

Terms come with stable ids next to their names (`region_id`/`region`, `topic_ids`/`topics`,
…): the names are those of the export's language, the ids the same in every language. The
JSON is an object: licence, attribution and links first, then `records`; numbers are
numbers, dates ISO 8601 strings, flags booleans. Both carry the licence in `Link` headers."""

import csv
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Value
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from home.exports import BOM, spreadsheet_safe

from .choices import Format, ParticipationLevel, Recruitment, Status
from .derived import cached
from .models.cases import CasePage
from .models.funding import FundingProgrammePage
from .models.taxonomies import Region

MULTI_VALUE_SEPARATOR = "; "
CHUNK_SIZE = 2000  # rows per fetch from the database
LINES_PER_CHUNK = 200  # records per piece of the streamed response


@dataclass
class ExportColumn:
    key: str
    label: str
    description: str
    allowed: object = None  # choices class, "regions", a RELATIONS column, or None

    def allowed_values(self, locale_id):
        """(value, label) pairs the column takes, labels in the language of `locale_id`."""
        if self.allowed == "regions":
            return [(r.slug, str(r)) for r in Region.objects.order_by("name", "kind")]
        if self.allowed in RELATIONS:
            return term_choices(locale_id, self.allowed)
        if self.allowed is not None:
            return list(self.allowed.choices)
        return []


COLUMNS = [
    ExportColumn(
        "reference_number",
        _("Reference number"),
        _("Unique number of the procedure, form YYYY-nnnnn."),
    ),
    ExportColumn("title", _("Title"), _("Title of the case page.")),
    ExportColumn("url", _("URL"), _("Address of the case page in this language.")),
    ExportColumn("subject", _("Subject"), _("What the procedure was about (one line).")),
    ExportColumn("organisation", _("Organisation"), _("Who carried out the procedure.")),
    ExportColumn("municipality", _("Municipality"), _("Town or municipality.")),
    ExportColumn(
        "region_id",
        _("Region ID"),
        _(
            "Stable identifier of the Saxon district or independent city (the same in every language)."
        ),
        "regions",
    ),
    ExportColumn("region", _("Region"), _("Name of the district or independent city.")),
    ExportColumn(
        "topic_ids",
        _("Topic IDs"),
        _(
            "Stable identifiers of the topics (the same in every language), in the order of “topics”."
        ),
        "topics",
    ),
    ExportColumn("topics", _("Topics"), _("Names of the topics in this language.")),
    ExportColumn(
        "target_group_ids",
        _("Target group IDs"),
        _("Stable identifiers of the target groups, in the order of “target_groups”."),
        "target_groups",
    ),
    ExportColumn(
        "target_groups", _("Target groups"), _("Names of the target groups in this language.")
    ),
    ExportColumn(
        "method_ids",
        _("Method IDs"),
        _("Stable identifiers of the methods, in the order of “methods”."),
        "methods",
    ),
    ExportColumn("methods", _("Methods"), _("Names of the methods used, in this language.")),
    ExportColumn(
        "participation_level",
        _("Participation level"),
        _("Highest level reached, on the site's four-step scale."),
        ParticipationLevel,
    ),
    ExportColumn("status", _("Status"), _("State of the procedure."), Status),
    ExportColumn("format", _("Format"), _("Where participation took place."), Format),
    ExportColumn(
        "start_date", _("Start"), _("Start date, ISO 8601 (YYYY-MM-DD); empty if unknown.")
    ),
    ExportColumn("end_date", _("End"), _("End date, ISO 8601; empty while ongoing.")),
    ExportColumn(
        "participant_count", _("Participants"), _("Number of participants; empty if unknown.")
    ),
    ExportColumn(
        "recruitment",
        _("Recruitment"),
        _("How participants were recruited; empty if unknown."),
        Recruitment,
    ),
    ExportColumn(
        "funding_programme", _("Funding programme"), _("Name of the funding programme, if any.")
    ),
    ExportColumn(
        "funding_amount", _("Funding amount"), _("Grant in euros, decimal point; empty if none.")
    ),
    ExportColumn("latitude", _("Latitude"), _("WGS 84, decimal degrees; empty if unknown.")),
    ExportColumn("longitude", _("Longitude"), _("WGS 84, decimal degrees; empty if unknown.")),
    ExportColumn(
        "is_example", _("Example"), _("true for fictional example cases, otherwise false.")
    ),
]
KEYS = [column.key for column in COLUMNS]


# The columns read straight from the case row (one values_list query, no model instances:
# building 10 000 CasePage objects cost seconds). Order matters: `record()` unpacks it.
ROW_FIELDS = (
    "pk",
    "reference_number",
    "title",
    "slug",
    "subject",
    "organisation__name",
    "municipality",
    "region_id",
    "participation_level",
    "status",
    "format",
    "start_date",
    "end_date",
    "participant_count",
    "recruitment",
    "funding_programme_id",
    "funding_amount",
    "latitude",
    "longitude",
    "is_example",
)
# Many-to-many columns: link table field of the term, its name field, and the order the
# pages' related managers use (terms by name, method pages in tree order).
RELATIONS = {
    "topics": ("topic", "name", "name"),
    "target_groups": ("targetgroup", "name", "name"),
    "methods": ("methodpage", "title", "path"),
}


class RecordBuilder:
    """Turns case rows into records; names of related objects come from lookups built once
    per export, in the export's language (like the case page shows them)."""

    def __init__(self, filters, index_url):
        self.index_url = index_url
        self.locale_id = filters.locale_id
        self.regions = filters.regions_by_id()
        self.programmes = cached(
            "programmes", [self.locale_id], lambda: programme_titles(self.locale_id)
        )

    def relations(self, queryset):
        """{column: {case id: ([term ids], [names])}} for every case of `queryset`, from one
        query over the three link tables (plain ids; names, stable ids and order come from
        `term_names`)."""
        ids = queryset.order_by().values("pk")
        parts = [
            getattr(CasePage, column)
            .through.objects.filter(casepage_id__in=ids)
            .annotate(relation=Value(column))  # text: ints would get a converter per row
            .values_list("relation", "casepage_id", f"{target}_id")
            for column, (target, _name, _order) in RELATIONS.items()
        ]
        linked = {column: {} for column in RELATIONS}
        for column, case_id, term_ids in parts[0].union(*parts[1:], all=True):
            linked[column].setdefault(case_id, []).append(term_ids)
        return {
            column: terms_by_case(term_names(self.locale_id, column), by_case)
            for column, by_case in linked.items()
        }

    def records(self, queryset):
        relations = self.relations(queryset)
        for row in queryset.values_list(*ROW_FIELDS).iterator(chunk_size=CHUNK_SIZE):
            yield self.record(row, relations)

    def record(self, row, relations):
        (
            pk,
            reference_number,
            title,
            slug,
            subject,
            organisation,
            municipality,
            region_id,
            level,
            status,
            format_,
            start_date,
            end_date,
            participant_count,
            recruitment,
            programme_id,
            funding_amount,
            latitude,
            longitude,
            is_example,
        ) = row
        return {
            "reference_number": reference_number,
            "title": title,
            "url": f"{self.index_url}{slug}/",
            "subject": subject,
            "organisation": organisation or "",
            "municipality": municipality,
            "region_id": self.regions[region_id][0] if region_id else "",
            "region": self.regions[region_id][1] if region_id else "",
            "topic_ids": relations["topics"].get(pk, NONE)[0],
            "topics": relations["topics"].get(pk, NONE)[1],
            "target_group_ids": relations["target_groups"].get(pk, NONE)[0],
            "target_groups": relations["target_groups"].get(pk, NONE)[1],
            "method_ids": relations["methods"].get(pk, NONE)[0],
            "methods": relations["methods"].get(pk, NONE)[1],
            "participation_level": level,
            "status": status,
            "format": format_,
            "start_date": start_date.isoformat() if start_date else None,
            "end_date": end_date.isoformat() if end_date else None,
            "participant_count": participant_count,
            "recruitment": recruitment,
            "funding_programme": self.programmes.get(programme_id, "") if programme_id else "",
            "funding_amount": funding_amount,  # Decimal: a number in JSON, exact in CSV
            "latitude": latitude,
            "longitude": longitude,
            "is_example": is_example,
        }


NONE = ([], [])  # a case without terms of a column


def ordered_terms(terms, term_ids):
    """The term ids in the pages' order, a term linked in two languages once."""
    rank, _name, key = terms
    if len(term_ids) > 1:
        term_ids.sort(key=rank.__getitem__)
        keys = [key[pk] for pk in term_ids]
        if len(set(keys)) < len(keys):
            term_ids = [pk for i, pk in enumerate(term_ids) if key[pk] not in keys[:i]]
    return term_ids


def names_by_case(terms, by_case):
    """{case id: [term names]} from {case id: [term ids]}. `terms` comes from
    `term_names()`."""
    name = terms[1]
    return {
        case_id: [name[pk] for pk in ordered_terms(terms, term_ids)]
        for case_id, term_ids in by_case.items()
    }


def terms_by_case(terms, by_case):
    """{case id: ([stable ids], [names])}: the stable id of a term is its translation key,
    the same in every language (Wagtail's `translation_key`)."""
    _rank, name, key = terms
    result = {}
    for case_id, term_ids in by_case.items():
        term_ids = ordered_terms(terms, term_ids)
        result[case_id] = ([key[pk] for pk in term_ids], [name[pk] for pk in term_ids])
    return result


def term_choices(locale_id, column):
    """(stable id, name) of the terms of a RELATIONS column in this language (for the
    codebook): live methods only, like the exports."""
    _target, name_field, _order = RELATIONS[column]
    terms = getattr(CasePage, column).field.related_model.objects.filter(locale_id=locale_id)
    if column == "methods":
        terms = terms.live()
    return [
        (str(key), name)
        for key, name in terms.order_by(name_field).values_list("translation_key", name_field)
    ]


def term_names(locale_id, column):
    """({term id: rank}, {term id: name in this language}, {term id: translation key}) for
    every term of every language a RELATIONS column links to, in one query, cached per
    generation. The rank is the order the pages' related managers use, sorted by the
    database like theirs. A term linked in another language shows its translation when
    there is one (for methods: a live one), else its own name."""

    def build():
        _target, name_field, order = RELATIONS[column]
        model = getattr(CasePage, column).field.related_model
        # Only live methods are shown; taxonomy snippets have no "live" (always True here).
        live = "live" if column == "methods" else Value(True)
        terms = list(
            model.objects.order_by(order, "pk").values_list(
                "pk", name_field, "translation_key", "locale_id", live
            )
        )
        local = {key: name for _pk, name, key, locale, on in terms if locale == locale_id and on}
        return (
            {pk: rank for rank, (pk, *_rest) in enumerate(terms)},
            {
                pk: name if locale == locale_id else local.get(key, name)
                for pk, name, key, locale, _on in terms
            },
            {pk: str(key) for pk, _name, key, _locale, _on in terms},
        )

    return cached("term-names", [locale_id, column], build)


def programme_titles(locale_id):
    """{programme id: title in this language (the programme's own title if untranslated)}."""
    programmes = list(
        FundingProgrammePage.objects.values_list("pk", "title", "translation_key", "locale_id")
    )
    local = {key: title for _pk, title, key, locale in programmes if locale == locale_id}
    return {pk: local.get(key, title) for pk, title, key, _locale in programmes}


class _Echo:
    """File-like object whose write() returns the line, for csv.writer streaming."""

    def write(self, value):
        return value


def json_default(value):
    if isinstance(value, Decimal):
        return float(value)  # exact for the two to six decimals the fields store
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def csv_value(value):
    if value.__class__ is str:
        return spreadsheet_safe(value)
    if isinstance(value, list):
        return spreadsheet_safe(MULTI_VALUE_SEPARATOR.join(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def describe_headers(response, dataset, filename, disposition):
    """What the file is and under which licence: `Link` headers (RFC 8288) to the licence,
    the codebook and the DCAT-AP.de record, independent of the file's content."""
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Link"] = dataset_links(dataset)
    return response


def dataset_links(dataset):
    return ", ".join(
        [
            f'<{dataset.licence.url}>; rel="license"',
            f'<{dataset.codebook_url}>; rel="describedby"; type="text/html"',
            f'<{dataset.dcat_url}>; rel="describedby"; type="application/rdf+xml"',
        ]
    )


def csv_response(queryset, builder, filename, dataset):
    writer = csv.writer(_Echo())

    def rows():
        yield BOM + writer.writerow(KEYS)  # Excel reads UTF-8 only with the BOM
        lines = []
        for record in builder.records(queryset):
            lines.append(writer.writerow([csv_value(record[key]) for key in KEYS]))
            if len(lines) == LINES_PER_CHUNK:
                yield "".join(lines)
                lines = []
        if lines:
            yield "".join(lines)

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    return describe_headers(response, dataset, f"{filename}.csv", "attachment")


def json_head(dataset):
    """The keys before the records: licence, attribution and where the data is described."""
    licence = dataset.licence
    return {
        "license": {
            "id": licence.code,
            "name": str(licence.name),
            "url": licence.url,
            "uri": licence.dcat_uri,
            "spdx": licence.spdx,
        },
        "attribution": dataset.attribution,
        "source": dataset.landing_page,
        "codebook": dataset.codebook_url,
        "dataset": dataset.dcat_url,
    }


def json_response(queryset, builder, filename, dataset):
    def chunks():
        head = json.dumps(json_head(dataset), ensure_ascii=False)
        yield head[:-1] + ',\n"records": [\n'
        separator, lines = "", []
        for record in builder.records(queryset):
            lines.append(json.dumps(record, ensure_ascii=False, default=json_default))
            if len(lines) == LINES_PER_CHUNK:
                yield separator + ",\n".join(lines)
                separator, lines = ",\n", []
        if lines:
            yield separator + ",\n".join(lines)
        yield "\n]}\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    return describe_headers(response, dataset, f"{filename}.json", "inline")
