"""Runs inside Django on the bench database (called by benchmarks/run.py).

`probe.py urls`    → JSON: the URLs to measure, found in the page tree (nothing hard-coded
                     but the search words), and the number of cases.
`probe.py wave`    → JSON: for the registration wave, upcoming German events that take
                     registrations on this site (with room) and case page URLs to read.
`probe.py queries` → JSON: database queries per page with the page cache off and the
                     header/footer fragments warm (second request counted), and with a cold
                     cache (first request after a clear).
"""

import json
import os
import sys
from urllib.parse import quote

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Locale  # noqa: E402

SEARCH_QUERIES = [
    # German, with inflected forms (stemming), typical topics, places, methods
    "Beteiligung",
    "Beteiligungen",
    "Bürgerrat",
    "Bürgerräte",
    "Jugendbeteiligung",
    "Jugendliche",
    "Dresden",
    "Leipzig",
    "Chemnitz",
    "Planungszelle",
    "Zukunftswerkstatt",
    "Klimaschutz",
    "Stadtentwicklung",
    "Haushalt",
    "Bürgerhaushalt",
    "Workshops",
    "Mitentscheidung",
    "Online Umfrage",
    # no hits
    "Raumfahrtbahnhof",
    "xqzvw",
]
SUGGEST_PREFIXES = ["Bet", "Bür", "Jug", "Dre", "Lei", "Kli", "Sta", "Wor", "Pla", "zz"]


def model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def first_url(label, locale, **filters):
    m = model(label)
    if m is None:
        return None
    page = m.objects.live().filter(locale=locale, **filters).order_by("-pk").first()
    return page.url if page else None


def wave(events=6, cases=30):
    """Open events with a registration form (once full, people join the waiting list: a
    registration all the same) and the newest case pages."""
    from django.utils import timezone

    de = Locale.objects.get(language_code="de")
    event_model, case_model = model("events.EventPage"), model("cases.CasePage")
    open_events = [
        e
        for e in event_model.objects.live()
        .filter(locale=de, registration_mode="form", is_cancelled=False, end__gt=timezone.now())
        .order_by("start")[:50]
        if e.registration_open
    ][:events]
    case_urls = [c.url for c in case_model.objects.live().filter(locale=de).order_by("-pk")[:cases]]
    index = first_url("events.EventIndexPage", de)
    # Each event's registration form, on its German sub-route (home/routing.py).
    forms = [e.url + e.reverse_subpage("register") for e in open_events]
    return {"events": forms, "cases": case_urls, "event_index": index}


def urls():
    de = Locale.objects.get(language_code="de")
    found = {"home": "/de/"}
    case_index = first_url("cases.CaseIndexPage", de)
    if case_index:
        found["case_index"] = case_index
        filters = filtered_case_query(de)
        found["case_index_filtered"] = case_index + filters
        found["csv_export"] = case_index + "?format=csv"
        found["csv_export_filtered"] = case_index + filters + "&format=csv"
    found["case_page"] = first_url("cases.CasePage", de)
    method_index = first_url("cases.MethodIndexPage", de)
    if method_index:
        found["method_finder"] = (
            method_index + "?purpose=ideas&level=consult&people=40&format=hybrid"
        )
    found["event_index"] = first_url("events.EventIndexPage", de)
    index_page = model("events.EventIndexPage").objects.live().filter(locale=de).first()
    if found["event_index"] and index_page:
        # iCalendar feed of upcoming events (a quarter of the bench events are upcoming).
        found["event_feed"] = found["event_index"] + index_page.reverse_subpage("feed")
    found["event_page"] = first_url("events.EventPage", de)
    found = {k: v for k, v in found.items() if v}
    case_model = model("cases.CasePage")
    count = case_model.objects.filter(locale=de).count() if case_model else 0
    event_model = model("events.EventPage")
    events = event_model.objects.filter(locale=de).count() if event_model else 0
    with translation.override("de"):
        search, suggest = reverse("search"), reverse("search_suggest")
    return {
        "urls": found,
        "search": [f"{search}?q={quote(q)}" for q in SEARCH_QUERIES],
        "suggest": [f"{suggest}?q={quote(q)}" for q in SUGGEST_PREFIXES],
        "cases_de": count,
        "events_de": events,
    }


def filtered_case_query(locale):
    """?region=<a region with cases>&status=running — values as the filter form sends them."""
    parts = []
    region_model = model("cases.Region")
    if region_model is not None:
        region = region_model.objects.order_by("pk").first()
        if region is not None:
            value = getattr(region, "slug", None) or region.pk
            parts.append(f"region={value}")
    parts.append("status=running")
    return "?" + "&".join(parts)


def queries(url_map):
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    result = {}
    with override_settings(PAGE_CACHE_ENABLED=False):
        for name, url in url_map.items():
            cache.clear()
            with CaptureQueriesContext(connection) as cold:
                response = client.get(url)
            with CaptureQueriesContext(connection) as warm:
                client.get(url)
            result[name] = {"status": response.status_code, "cold": len(cold), "warm": len(warm)}
    return result


if __name__ == "__main__":
    if sys.argv[1] == "urls":
        print(json.dumps(urls()))
    elif sys.argv[1] == "generation_file":
        from home.caching.generations import SITE, _file

        print(json.dumps({"path": str(_file(SITE))}))
    elif sys.argv[1] == "wave":
        print(json.dumps(wave()))
    elif sys.argv[1] == "queries":
        print(json.dumps(queries(json.loads(sys.argv[2]))))
