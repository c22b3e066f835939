"""Open data: the filtered case list as CSV or JSON, streamed so memory does not grow with
the number of cases. COLUMNS is the single source for both formats and the codebook."""

import csv
import json
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from .choices import Format, ParticipationLevel, Recruitment, Status
from .models import FundingProgrammePage, MethodPage, Region
from .models.utils import localize_all

MULTI_VALUE_SEPARATOR = "; "
CHUNK_SIZE = 500
DEFERRED_FIELDS = (
    "context",
    "process",
    "results",
    "outcome",
    "lessons",
    "body",
    "images",
    "documents",
    "level_justification",
    "contact_name",
    "contact_email",
    "contact_phone",
)


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


class RecordBuilder:
    """Turns cases into records; relation names come from lookups built once per export."""

    def __init__(self, filters, index_url):
        self.index_url = index_url
        self.locale = filters.locale
        self.topics = filters.topic_lookup()
        self.target_groups = filters.target_group_lookup()
        self.methods = filters.method_lookup()
        self.programmes = {
            p.translation_key: p.title
            for p in FundingProgrammePage.objects.filter(locale=filters.locale).only(
                "title", "translation_key"
            )
        }

    def _names(self, objects, lookup, attr):
        return [getattr(obj, attr) for obj in localize_all(objects, self.locale, lookup)]

    def record(self, case):
        programme = case.funding_programme
        return {
            "reference_number": case.reference_number,
            "title": case.title,
            "url": f"{self.index_url}{case.slug}/",
            "subject": case.subject,
            "organisation": case.organisation.name if case.organisation else "",
            "municipality": case.municipality,
            "region": case.region.slug if case.region else "",
            "topics": self._names(case.topics.all(), self.topics, "name"),
            "target_groups": self._names(case.target_groups.all(), self.target_groups, "name"),
            "methods": self._names(case.methods.all(), self.methods, "title"),
            "participation_level": case.participation_level,
            "status": case.status,
            "format": case.format,
            "start_date": case.start_date.isoformat() if case.start_date else None,
            "end_date": case.end_date.isoformat() if case.end_date else None,
            "participant_count": case.participant_count,
            "recruitment": case.recruitment,
            "funding_programme": self.programmes.get(programme.translation_key, programme.title)
            if programme
            else "",
            "funding_amount": str(case.funding_amount) if case.funding_amount is not None else None,
            "latitude": str(case.latitude) if case.latitude is not None else None,
            "longitude": str(case.longitude) if case.longitude is not None else None,
            "is_example": case.is_example,
        }


def export_queryset(queryset):
    return (
        queryset.defer(*DEFERRED_FIELDS)
        .select_related("region", "organisation", "funding_programme")
        .prefetch_related(
            "topics",
            "target_groups",
            # Only what the record needs: full method pages would cost a page init each.
            Prefetch(
                "methods",
                queryset=MethodPage.objects.only("id", "title", "translation_key", "locale"),
            ),
        )
        .iterator(chunk_size=CHUNK_SIZE)
    )


class _Echo:
    """File-like object whose write() returns the line, for csv.writer streaming."""

    def write(self, value):
        return value


def csv_value(value):
    if isinstance(value, list):
        return MULTI_VALUE_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_response(queryset, builder, filename):
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(KEYS)
        for case in export_queryset(queryset):
            record = builder.record(case)
            yield writer.writerow([csv_value(record[key]) for key in KEYS])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(queryset, builder, filename):
    def chunks():
        yield "[\n"
        first = True
        for case in export_queryset(queryset):
            yield ("" if first else ",\n") + json.dumps(builder.record(case), ensure_ascii=False)
            first = False
        yield "\n]\n"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response
