"""The open data of a case index described as one dataset: title, description, licence,
publisher, the CSV and JSON distributions and the last change. Built once per generation,
site and index page; `schema_org()` renders it as a schema.org `Dataset` (JSON-LD on the
case index), cases/dcat.py as a DCAT-AP.de record (the index's `dcat/` route)."""

from dataclasses import dataclass

from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import SiteSettings
from home.site_url import absolute_url

from .derived import cached
from .licences import Licence, licence_from_code
from .models.settings import KnowledgeBaseSettings


@dataclass(frozen=True)
class Distribution:
    file_type: str  # EU file-type vocabulary: CSV, JSON
    media_type: str
    url: str
    title: str


@dataclass(frozen=True)
class Dataset:
    title: str
    description: str
    language: str  # ISO 639-1, the index page's language
    landing_page: str
    codebook_url: str
    dcat_url: str
    home_url: str
    publisher: str
    contact_email: str
    licence: Licence
    attribution: str  # what a reuser names (dl-de/by requires it)
    modified: str  # ISO 8601, latest publication of a listed case; "" without cases
    contributor_id: str  # dcatde:contributorID, "" if not configured
    distributions: tuple


def describe(index_page, request):
    """The Dataset of `index_page` (a CaseIndexPage), absolute URLs on SITE_URL."""
    site = Site.find_for_request(request)
    language = index_page.locale.language_code if index_page.locale_id else "de"

    def build():
        # Per request, Wagtail keeps the settings the page frame has read already.
        site_settings = SiteSettings.for_request(request) if site else SiteSettings()
        knowledge = KnowledgeBaseSettings.for_request(request) if site else KnowledgeBaseSettings()
        licence = licence_from_code(knowledge.open_data_licence)
        index_url = absolute_url(index_page.get_url(request))
        modified = index_page.cases().aggregate(latest=Max("last_published_at"))["latest"]
        with translation.override(language):
            publisher = site_settings.ministry_name
            network = _("Civic Participation Network Saxony")
            return Dataset(
                title=_("Citizen participation procedures in Saxony"),
                description=_(
                    "Procedures of citizen participation in Saxon municipalities and districts, "
                    "documented by the Civic Participation Network Saxony: who carried them "
                    "out, where and when, topics, target groups, methods, participation "
                    "level, participants and funding. One record per procedure. "
                    "Licence: %(licence)s."
                )
                % {"licence": licence.name},
                language=language,
                landing_page=index_url,
                codebook_url=index_url + index_page.reverse_subpage("codebook"),
                dcat_url=index_url + index_page.reverse_subpage("dcat"),
                home_url=absolute_url(f"/{language}/"),
                publisher=publisher,
                contact_email=site_settings.contact_email,
                licence=licence,
                attribution=f"{publisher}, {network}",
                modified=modified.isoformat() if modified else "",
                contributor_id=knowledge.open_data_contributor_id,
                distributions=(
                    Distribution("CSV", "text/csv", index_url + "?format=csv", _("Cases as CSV")),
                    Distribution(
                        "JSON", "application/json", index_url + "?format=json", _("Cases as JSON")
                    ),
                ),
            )

    return cached("dataset", [index_page.pk, site.pk if site else 0], build)


def schema_org(dataset):
    """The schema.org `Dataset` (https://schema.org/Dataset) for JSON-LD."""
    with translation.override(dataset.language):
        saxony = _("Saxony")
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": dataset.title,
        "description": dataset.description,
        "url": dataset.landing_page,
        "identifier": dataset.dcat_url,
        "inLanguage": dataset.language,
        "license": dataset.licence.url,
        "isAccessibleForFree": True,
        "publisher": {"@type": "GovernmentOrganization", "name": dataset.publisher},
        "creditText": dataset.attribution,
        "spatialCoverage": {
            "@type": "AdministrativeArea",
            "name": saxony,
            "sameAs": "https://www.wikidata.org/wiki/Q1202",
        },
        "distribution": [
            {
                "@type": "DataDownload",
                "name": distribution.title,
                "encodingFormat": distribution.media_type,
                "contentUrl": distribution.url,
                "license": dataset.licence.url,
            }
            for distribution in dataset.distributions
        ],
        "subjectOf": {"@type": "WebPage", "url": dataset.codebook_url},
    }
    if dataset.contact_email:
        data["publisher"]["email"] = dataset.contact_email
    if dataset.modified:
        data["dateModified"] = dataset.modified
    return data
