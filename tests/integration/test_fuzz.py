"""Property-based robustness: random and hostile GET parameters never produce a server error.

Endpoints are discovered from the demo site: one live page of every page type in each language,
plus search and the machine endpoints. Every known filter parameter (and an unknown one) gets
values from Hypothesis: arbitrary text, NUL bytes, lone surrogates (sent as the invalid UTF-8
bytes a real client would send), huge and negative numbers, SQL and HTML injection attempts,
malformed dates. The test client re-raises any exception a view lets escape, so a crash fails the
test even when a handler would have turned it into a 500 page."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Page, get_page_models

# GET parameters used by the site's listings, filters, search, finder, exports and the API.
PARAMS = [
    "q",
    "kind",
    "exchange",
    "token",
    "page",
    "region",
    "topic",
    "format",
    "year",
    "sort",
    "type",
    "level",
    "status",
    "target_group",
    "method",
    "methods",
    "purpose",
    "phase",
    "people",
    "participants",
    "budget",
    "time",
    "duration",
    "organisation",
    "month",
    "date",
    "from",
    "to",
    "order",
    "open",
    "funder",
    "event_type",
    "p",
    "limit",
    "offset",
    "fields",
    "search",
    "locale",
    "unknown",
]

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\ud800",
    "\udfff",
    "x\ud83d",
    "%",
    "%00",
    "%ZZ",
    "&",
    "=",
    "?",
    "'",
    '"',
    "' OR 1=1 --",
    "1; DROP TABLE wagtailcore_page;--",
    "\\",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7*7 }}",
    "{% debug %}",
    "-1",
    "0",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "9" * 40,
    "-" + "9" * 40,
    str(2**63),
    str(-(2**63) - 1),
    "2026-13-45",
    "0000-00-00",
    "2026-02-30",
    "99999-01-01",
    "1.5",
    "0x10",
    "٣",
    "①",
    "Ⅻ",
    "ä" * 3000,
    "a" * 10000,
    "\u202e",
    "\ufeff",
    "\r\nSet-Cookie: x=1",
    "null",
    "true",
    "[]",
    "{}",
]

values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.text(st.characters(categories=["Cs", "Cc", "Zs", "Nd", "So"]), max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(str),
)
query = st.dictionaries(st.sampled_from(PARAMS), values, min_size=1, max_size=4)
# Some parameters twice (?region=a&region=b) as multi-value filters do.
repeated = st.lists(st.tuples(st.sampled_from(PARAMS), values), min_size=2, max_size=6)


def encode(pairs):
    """Percent-encode like a browser would, lone surrogates included (as invalid UTF-8)."""
    return "&".join(
        f"{quote(key, safe='')}={quote(value, safe='', errors='surrogatepass')}"
        for key, value in pairs
    )


def page_type_labels():
    return sorted(model._meta.label_lower for model in get_page_models() if model is not Page)


FIXED_ENDPOINTS = [
    "/de/suche/",
    "/en/search/",
    "/api/v2/pages/",
    "/sitemap.xml",
    "/robots.txt",
    "/",
]


def endpoints_for(label):
    app_label, model = label.split(".")
    urls = []
    for locale in Locale.objects.all():
        page = (
            Page.objects.live()
            .public()
            .filter(content_type__app_label=app_label, content_type__model=model, locale=locale)
            .order_by("path")
            .first()
        )
        if page is not None and page.get_url():
            urls.append(page.get_url())
    return urls


def assert_no_server_error(client, url, pairs):
    full = f"{url}?{encode(pairs)}"
    response = client.get(full)
    assert response.status_code < 500, full


FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # reproducible in CI; change the seed by editing HOSTILE or PARAMS
)


@pytest.mark.parametrize("label", page_type_labels())
def test_page_types_survive_hostile_parameters(client, db, label):
    urls = endpoints_for(label)
    if not urls:
        pytest.skip(f"no live {label} in the demo content")

    @FUZZ
    @given(params=st.one_of(query.map(lambda d: list(d.items())), repeated))
    def run(params):
        for url in urls:
            assert_no_server_error(client, url, params)

    run()


@pytest.mark.parametrize("url", FIXED_ENDPOINTS)
def test_fixed_endpoints_survive_hostile_parameters(client, db, url):
    @FUZZ
    @given(params=st.one_of(query.map(lambda d: list(d.items())), repeated))
    def run(params):
        assert_no_server_error(client, url, params)

    run()


@FUZZ
@given(segment=values)
def test_unknown_paths_give_not_found_not_errors(client, db, segment):
    for prefix in ("/de/", "/en/", "/de/aktuelles/", "/documents/"):
        url = prefix + quote(segment, safe="", errors="surrogatepass") + "/"
        response = client.get(url)
        assert response.status_code < 500, url
