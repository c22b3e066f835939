"""Open data: the filtered case list as CSV or JSON, streamed so memory does not grow with
the number of cases. COLUMNS is the single source for both formats and the codebook."""

import csv
import json
from dataclasses import dataclass

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
    allowed: object = None  # choices class, "regions", or None

    def allowed_values(self):
        if self.allowed == "regions":
            return [(r.slug, str(r)) for r in Region.objects.order_by("name", "kind")]
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
        "region", _("Region"), _("Slug of the Saxon district or independent city."), "regions"
    ),
    ExportColumn("topics", _("Topics"), _("Topics, separated by “; ”.")),
    ExportColumn("target_groups", _("Target groups"), _("Target groups, separated by “; ”.")),
    ExportColumn("methods", _("Methods"), _("Methods used, separated by “; ”.")),
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
    "region__slug",
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
        self.programmes = cached(
            "programmes", [self.locale_id], lambda: programme_titles(self.locale_id)
        )

    def relations(self, queryset):
        """{column: {case id: [names]}} for every case of `queryset`, from one query over
        the three link tables (plain ids; names and order come from `term_names`)."""
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
            column: names_by_case(term_names(self.locale_id, column), by_case)
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
            region,
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
            "region": region or "",
            "topics": relations["topics"].get(pk, []),
            "target_groups": relations["target_groups"].get(pk, []),
            "methods": relations["methods"].get(pk, []),
            "participation_level": level,
            "status": status,
            "format": format_,
            "start_date": start_date.isoformat() if start_date else None,
            "end_date": end_date.isoformat() if end_date else None,
            "participant_count": participant_count,
            "recruitment": recruitment,
            "funding_programme": self.programmes.get(programme_id, "") if programme_id else "",
            "funding_amount": str(funding_amount) if funding_amount is not None else None,
            "latitude": str(latitude) if latitude is not None else None,
            "longitude": str(longitude) if longitude is not None else None,
            "is_example": is_example,
        }


def names_by_case(terms, by_case):
    """{case id: [term names]} from {case id: [term ids]}: in the pages' order, a term linked
    in two languages once. `terms` comes from `term_names()`."""
    rank, name, key = terms
    result = {}
    for case_id, term_ids in by_case.items():
        if len(term_ids) > 1:
            term_ids.sort(key=rank.__getitem__)
            keys = [key[pk] for pk in term_ids]
            if len(set(keys)) < len(keys):
                term_ids = [pk for i, pk in enumerate(term_ids) if key[pk] not in keys[:i]]
        result[case_id] = [name[pk] for pk in term_ids]
    return result


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
            {pk: key for pk, _name, key, _locale, _on in terms},
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


def csv_value(value):
    if value.__class__ is str:
        return spreadsheet_safe(value)
    if isinstance(value, list):
        return spreadsheet_safe(MULTI_VALUE_SEPARATOR.join(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_response(queryset, builder, filename):
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
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(queryset, builder, filename):
    def chunks():
        yield "[\n"
        separator, lines = "", []
        for record in builder.records(queryset):
            lines.append(json.dumps(record, ensure_ascii=False))
            if len(lines) == LINES_PER_CHUNK:
                yield separator + ",\n".join(lines)
                separator, lines = ",\n", []
        if lines:
            yield separator + ",\n".join(lines)
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response
