"""Open data others can reuse: the licence chosen in the settings in every export, the
codebook and the dataset description (schema.org Dataset on the case index, DCAT-AP.de
record at its `dcat/` route), stable ids next to the names of terms, typed JSON values.
Outputs are parsed: CSV, JSON, JSON-LD from the HTML, RDF/XML with the standard library."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from wagtail.models import Site

from cases.export import KEYS
from cases.models import CasePage, KnowledgeBaseSettings

pytestmark = pytest.mark.django_db

INDEX = {"de": "/de/verfahren/", "en": "/en/cases/"}
DL_DE = ("https://www.govdata.de/dl-de/by-2-0", "http://dcat-ap.de/def/licenses/dl-by-de/2.0")
CC_BY = ("https://creativecommons.org/licenses/by/4.0/", "http://dcat-ap.de/def/licenses/cc-by/4.0")
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
}
RESOURCE = f"{{{NS['rdf']}}}resource"
ABOUT = f"{{{NS['rdf']}}}about"


def body(response):
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def link_targets(response, rel):
    """URLs of the `Link` header with this rel (RFC 8288)."""
    links = re.findall(r"<([^>]+)>\s*((?:;\s*[^,;]+)*)", response.get("Link", ""))
    return [url for url, params in links if re.search(rf'rel="{rel}"', params)]


def dataset_jsonld(response):
    blocks = [json.loads(b) for b in JSONLD.findall(response.content.decode())]
    (dataset,) = [b for b in blocks if b.get("@type") == "Dataset"]
    return dataset


def dcat_record(client, lang="de"):
    response = client.get(INDEX[lang] + "dcat/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rdf+xml")
    return ET.fromstring(response.content)


def export(client, lang, fmt):
    return client.get(INDEX[lang], {"format": fmt})


def licence_everywhere(client):
    """The licence URL as each place states it: CSV and JSON Link headers, the JSON's
    `license`, the codebook, the JSON-LD Dataset and the DCAT distributions (their URI)."""
    csv_response, json_response = export(client, "de", "csv"), export(client, "de", "json")
    data = json.loads(body(json_response))
    codebook = client.get(INDEX["de"] + "codebuch/").content.decode()
    root = dcat_record(client)
    return {
        "csv": link_targets(csv_response, "license"),
        "json header": link_targets(json_response, "license"),
        "json": [data["license"]["url"]],
        "json uri": [data["license"]["uri"]],
        "codebook": re.findall(r'<a href="([^"]+)" rel="license"', codebook),
        "jsonld": [dataset_jsonld(client.get(INDEX["de"]))["license"]],
        "dcat": [e.get(RESOURCE) for e in root.iterfind(".//dcat:Distribution/dct:license", NS)],
    }


def test_licence_is_stated_in_every_export_and_follows_the_setting(client):
    url, uri = DL_DE  # the default
    assert licence_everywhere(client) == {
        "csv": [url],
        "json header": [url],
        "json": [url],
        "json uri": [uri],
        "codebook": [url],
        "jsonld": [url],
        "dcat": [uri, uri],  # CSV and JSON distribution
    }
    knowledge = KnowledgeBaseSettings.for_site(Site.objects.get(is_default_site=True))
    knowledge.open_data_licence = "cc-by-4.0"
    knowledge.save()  # bumps the generation: cached descriptions and pages follow
    url, uri = CC_BY
    stated = licence_everywhere(client)
    assert stated["dcat"] == [uri, uri] and stated["json uri"] == [uri]
    assert {key: value for key, value in stated.items() if key not in ("dcat", "json uri")} == {
        key: [url] for key in ("csv", "json header", "json", "codebook", "jsonld")
    }


def test_csv_still_opens_in_excel_and_links_its_description(client):
    response = export(client, "de", "csv")
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode()) and response["Content-Type"].endswith("utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="verfahren.csv"'
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header == KEYS
    assert link_targets(response, "describedby") == [
        "http://testserver/de/verfahren/codebuch/",
        "http://testserver/de/verfahren/dcat/",
    ]


def test_schema_org_dataset_on_the_case_index(client):
    data = dataset_jsonld(client.get(INDEX["de"]))
    assert data["@context"] == "https://schema.org"
    assert data["name"] and data["inLanguage"] == "de"
    assert "Datenlizenz Deutschland" in data["description"] or "licence" in data["description"]
    assert data["url"] == "http://testserver/de/verfahren/"
    assert data["spatialCoverage"]["name"] in ("Sachsen", "Saxony")
    assert data["publisher"]["name"].startswith("Sächsisches Staatsministerium")
    latest = max(
        c.last_published_at for c in CasePage.objects.live().filter(locale__language_code="de")
    )
    assert datetime.datetime.fromisoformat(data["dateModified"]) == latest
    formats = {d["encodingFormat"]: d for d in data["distribution"]}
    assert set(formats) == {"text/csv", "application/json"}
    for media_type, distribution in formats.items():
        assert distribution["@type"] == "DataDownload"
        response = client.get(distribution["contentUrl"].removeprefix("http://testserver"))
        assert response["Content-Type"].startswith(media_type)
    english = dataset_jsonld(client.get(INDEX["en"]))
    assert english["inLanguage"] == "en" and english["url"] == "http://testserver/en/cases/"


def test_dcat_ap_de_record_describes_catalog_dataset_and_distributions(client):
    root = dcat_record(client)
    (catalog,) = root.findall("dcat:Catalog", NS)
    (dataset,) = catalog.findall("dcat:dataset/dcat:Dataset", NS)
    assert dataset.findtext("dct:title", namespaces=NS)
    assert (
        dataset.find("dct:description", NS).get("{http://www.w3.org/XML/1998/namespace}lang")
        == "de"
    )
    assert dataset.find("dcat:landingPage", NS).get(RESOURCE) == "http://testserver/de/verfahren/"
    assert dataset.findtext("dct:publisher/foaf:Agent/foaf:name", namespaces=NS).startswith(
        "Sächsisches Staatsministerium"
    )
    assert dataset.find("dcatde:politicalGeocodingURI", NS).get(RESOURCE).endswith("stateKey/14")
    assert dataset.find("dct:language", NS).get(RESOURCE).endswith("/language/DEU")
    assert dataset.find("dcatde:contributorID", NS) is None  # none configured
    distributions = {
        d.find("dct:format", NS).get(RESOURCE).rsplit("/", 1)[1]: d
        for d in dataset.findall("dcat:distribution/dcat:Distribution", NS)
    }
    assert set(distributions) == {"CSV", "JSON"}
    for file_type, distribution in distributions.items():
        url = distribution.find("dcat:downloadURL", NS).get(RESOURCE)
        assert (
            url
            == distribution.get(ABOUT)
            == f"http://testserver/de/verfahren/?format={file_type.lower()}"
        )
        assert distribution.findtext("dcatde:licenseAttributionByText", namespaces=NS)
        media_type = distribution.find("dcat:mediaType", NS).get(RESOURCE).split("media-types/")[1]
        assert client.get(url.removeprefix("http://testserver"))["Content-Type"].startswith(
            media_type
        )

    changed = client.get(INDEX["de"] + "dcat/")["Last-Modified"]
    assert client.get(INDEX["de"] + "dcat/", HTTP_IF_MODIFIED_SINCE=changed).status_code == 304

    knowledge = KnowledgeBaseSettings.for_site(Site.objects.get(is_default_site=True))
    knowledge.open_data_contributor_id = "http://dcat-ap.de/def/contributors/beispiel"
    knowledge.save()
    contributor = dcat_record(client).find(".//dcat:Dataset/dcatde:contributorID", NS)
    assert contributor.get(RESOURCE) == "http://dcat-ap.de/def/contributors/beispiel"


def test_terms_have_the_same_stable_ids_in_both_languages(client):
    german = json.loads(body(export(client, "de", "json")))["records"]
    english = {
        r["reference_number"]: r for r in json.loads(body(export(client, "en", "json")))["records"]
    }
    pairs = [
        (r, english[r["reference_number"]]) for r in german if r["reference_number"] in english
    ]
    assert len(pairs) >= 3
    differing_names = 0
    for de, en in pairs:
        for ids, names in (
            ("topic_ids", "topics"),
            ("target_group_ids", "target_groups"),
            ("method_ids", "methods"),
        ):
            assert de[ids] == en[ids], (de["reference_number"], ids)
            assert len(de[ids]) == len(de[names])
            differing_names += de[names] != en[names]
        assert de["region_id"] == en["region_id"]
    assert differing_names  # the names are translated, the ids are not
    # The CSV joins the same ids; each one is explained in both codebooks.
    rows = list(csv.DictReader(io.StringIO(body(export(client, "de", "csv")))))
    csv_ids = {r["reference_number"]: r["topic_ids"] for r in rows}
    for de, _en in pairs:
        assert csv_ids[de["reference_number"]] == "; ".join(de["topic_ids"])
    for lang, segment in (("de", "codebuch/"), ("en", "codebook/")):
        codebook = client.get(INDEX[lang] + segment).content.decode()
        for de, _en in pairs:
            for key in ("topic_ids", "target_group_ids", "method_ids"):
                for term_id in de[key]:
                    assert f"<code>{term_id}</code>" in codebook, (lang, key, term_id)
            assert f"<code>{de['region_id']}</code>" in codebook


def test_json_values_are_typed(client):
    records = json.loads(body(export(client, "de", "json")))["records"]
    cases = {
        c.reference_number: c for c in CasePage.objects.live().filter(locale__language_code="de")
    }
    funded = [r for r in records if r["funding_amount"] is not None]
    assert funded
    for record in records:
        case = cases[record["reference_number"]]
        assert isinstance(record["is_example"], bool)
        if case.funding_amount is not None:
            assert isinstance(record["funding_amount"], (int, float))
            assert Decimal(str(record["funding_amount"])) == case.funding_amount
        if case.participant_count is not None:
            assert record["participant_count"] == case.participant_count
        if case.latitude is not None:
            assert isinstance(record["latitude"], float)
        if case.start_date:
            assert datetime.date.fromisoformat(record["start_date"]) == case.start_date
