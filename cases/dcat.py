"""The dataset description (cases/dataset.py) as a DCAT-AP.de record in RDF/XML, the form
GovData and other CKAN-based portals harvest: one `dcat:Catalog` with one `dcat:Dataset`
and a `dcat:Distribution` per export format, licences from the dcat-ap.de vocabulary
(http://dcat-ap.de/def/licenses/), Saxony as political geocoding (state key 14)."""

from datetime import datetime
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.utils.http import http_date

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"
EU = "http://publications.europa.eu/resource/authority/"
LANGUAGES = {"de": EU + "language/DEU", "en": EU + "language/ENG"}
THEME = EU + "data-theme/GOVE"  # government and public sector
SAXONY = "http://dcat-ap.de/def/politicalGeocoding/stateKey/14"
STATE_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/state"
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
CONTENT_TYPE = "application/rdf+xml; charset=utf-8"

for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def q(name):
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def add(parent, name, text=None, resource=None, lang=None, datatype=None):
    element = ET.SubElement(parent, q(name))
    if resource is not None:
        element.set(q("rdf:resource"), resource)
    if text is not None:
        element.text = text
    if lang:
        element.set(XML_LANG, lang)
    if datatype:
        element.set(q("rdf:datatype"), datatype)
    return element


def node(parent, name, type_name, about=None):
    """`<name><type_name rdf:about=…>` (a resource described in place); returns the inner."""
    inner = ET.SubElement(add(parent, name), q(type_name))
    if about:
        inner.set(q("rdf:about"), about)
    return inner


def dcat_document(dataset):
    """The RDF/XML document (bytes) of `dataset`."""
    lang = dataset.language
    root = ET.Element(q("rdf:RDF"))
    catalog = ET.SubElement(root, q("dcat:Catalog"), {q("rdf:about"): dataset.dcat_url})
    add(catalog, "dct:title", dataset.title, lang=lang)
    add(catalog, "dct:description", dataset.description, lang=lang)
    add(catalog, "foaf:homepage", resource=dataset.home_url)
    add(catalog, "dct:language", resource=LANGUAGES.get(lang, LANGUAGES["de"]))
    publisher(catalog, dataset)
    if dataset.modified:
        add(catalog, "dct:modified", dataset.modified, datatype=XSD_DATETIME)

    item = node(catalog, "dcat:dataset", "dcat:Dataset", dataset.landing_page + "#dataset")
    add(item, "dct:identifier", dataset.landing_page + "#dataset")
    add(item, "dct:title", dataset.title, lang=lang)
    add(item, "dct:description", dataset.description, lang=lang)
    add(item, "dcat:landingPage", resource=dataset.landing_page)
    add(item, "dct:language", resource=LANGUAGES.get(lang, LANGUAGES["de"]))
    add(item, "dcat:theme", resource=THEME)
    add(item, "dct:spatial", resource=SAXONY)
    add(item, "dcatde:politicalGeocodingURI", resource=SAXONY)
    add(item, "dcatde:politicalGeocodingLevelURI", resource=STATE_LEVEL)
    if dataset.modified:
        add(item, "dct:modified", dataset.modified, datatype=XSD_DATETIME)
    publisher(item, dataset)
    if dataset.contact_email:
        contact = node(item, "dcat:contactPoint", "vcard:Organization")
        add(contact, "vcard:fn", dataset.publisher)
        add(contact, "vcard:hasEmail", resource="mailto:" + dataset.contact_email)
    if dataset.contributor_id:
        add(item, "dcatde:contributorID", resource=dataset.contributor_id)
    for distribution in dataset.distributions:
        part = node(item, "dcat:distribution", "dcat:Distribution", distribution.url)
        add(part, "dct:title", distribution.title, lang=lang)
        add(part, "dcat:accessURL", resource=distribution.url)
        add(part, "dcat:downloadURL", resource=distribution.url)
        add(part, "dct:format", resource=EU + "file-type/" + distribution.file_type)
        add(part, "dcat:mediaType", resource=MEDIA_TYPES + distribution.media_type)
        add(part, "dct:license", resource=dataset.licence.dcat_uri)
        add(part, "dcatde:licenseAttributionByText", dataset.attribution, lang=lang)
        add(part, "foaf:page", resource=dataset.codebook_url)
        if dataset.modified:
            add(part, "dct:modified", dataset.modified, datatype=XSD_DATETIME)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def publisher(parent, dataset):
    agent = node(parent, "dct:publisher", "foaf:Agent")
    add(agent, "foaf:name", dataset.publisher)


def dcat_response(dataset):
    """The record, with Last-Modified for harvesters that ask If-Modified-Since (Django's
    ConditionalGetMiddleware answers them with a 304)."""
    response = HttpResponse(dcat_document(dataset), content_type=CONTENT_TYPE)
    response["Link"] = f'<{dataset.licence.url}>; rel="license"'
    if dataset.modified:
        response["Last-Modified"] = http_date(datetime.fromisoformat(dataset.modified).timestamp())
    return response
