"""Search latency on the bench database (10 000 cases), in-process, and the query plans.

Runs the search page and the suggestions endpoint through Django's test client (full
middleware and templates, page cache off, no HTTP server), `REPEAT` rounds over the bench
queries of benchmarks/probe.py after one warm-up round (suggestions warm, as cached per
generation, and uncached); then EXPLAIN ANALYZE of each query of a search request that reads
the search index, for a broad, a narrow and a multi-word query. Fewer moving parts than the
gunicorn phases of run.py (which measure the same endpoints over HTTP), so small changes show.

    DATABASE_URL=postgres://…/nw_bench .venv/bin/python benchmarks/search_speed.py [--json]
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
REPEAT = int(os.environ.get("SEARCH_SPEED_REPEAT") or 5)
PLAN_QUERIES = ["Beteiligung", "Planungszelle", "Bürgerbeteiligung Leipzig"]
BASELINE = ROOT / "benchmarks" / "search-speed-baseline.json"  # recorded runs, shown in the table


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzwerk.settings.dev")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import django

    django.setup()


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed(client, urls):
    for url in urls:  # warm-up: connections, content types, compiled templates
        assert client.get(url).status_code == 200, url
    samples = []
    for _ in range(REPEAT):
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
    return {
        "n": len(samples),
        "p50": statistics.median(samples),
        "p95": percentile(samples, 0.95),
        "max": max(samples),
    }


def plans(client, search_url):
    """EXPLAIN ANALYZE of every query of a search request that reads the search index (the
    counts, the topic facet and the ranked page; German), as the search page runs them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    found = {}
    for text in PLAN_QUERIES:
        client.get(f"{search_url}?q={quote(text)}")  # warm: the query's row, content types
        with CaptureQueriesContext(connection) as captured:
            client.get(f"{search_url}?q={quote(text)}")
        statements = [q["sql"] for q in captured.captured_queries]
        for number, sql in enumerate(s for s in statements if "wagtailsearch_indexentry" in s):
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + sql)
                found[f"{text} ({number + 1})"] = [row[0] for row in cursor.fetchall()]
    return found


def measure():
    from unittest import mock

    import probe
    from django.db import connection
    from django.test import Client, override_settings
    from django.urls import reverse
    from django.utils import translation

    with translation.override("de"):
        search, suggest = reverse("search"), reverse("search_suggest")
    client = Client(HTTP_HOST="127.0.0.1")
    suggest_urls = [f"{suggest}?q={quote(q)}" for q in probe.SUGGEST_PREFIXES]
    with override_settings(PAGE_CACHE_ENABLED=False, ALLOWED_HOSTS=["*"]):
        result = {
            "search": timed(client, [f"{search}?q={quote(q)}" for q in probe.SEARCH_QUERIES]),
            # Suggestions are cached per generation: "suggest" is the warm case, as readers
            # mostly see it; "suggest_uncached" builds every answer (the cache bypassed).
            "suggest": timed(client, suggest_urls),
        }
        with mock.patch("search.views.cached_per_generation", lambda n, p, build: build()):
            result["suggest_uncached"] = timed(client, suggest_urls)
        result["plans"] = plans(client, search) if connection.vendor == "postgresql" else {}
    from cases.models import CasePage

    result["cases"] = CasePage.objects.count()
    result["vendor"] = connection.vendor
    if hasattr(os, "getloadavg"):
        result["load"] = round(os.getloadavg()[0], 1)
    return result


def markdown(result, label="this run"):
    lines = [
        "## Search speed (in-process)",
        "",
        f"`benchmarks/search_speed.py` on {result['cases']} cases ({result['vendor']}): the "
        f"{len(__import__('probe').SEARCH_QUERIES)} bench queries of `benchmarks/probe.py`, "
        f"{REPEAT} rounds after a warm-up, through Django's test client (page cache off, no HTTP).",
        "",
        "| run | endpoint | n | p50 ms | p95 ms | max ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    runs = json.loads(BASELINE.read_text())["runs"] if BASELINE.exists() else []
    for run in [*runs, {"label": label, **result}]:
        for name in ("search", "suggest", "suggest_uncached"):
            r = run.get(name)
            if r is None:
                continue
            lines.append(
                f"| {run['label']} | {name} | {r['n']} | {r['p50']:.1f} | {r['p95']:.1f} | "
                f"{r['max']:.1f} |"
            )
    if result.get("load") is not None:
        cores = os.cpu_count()
        lines += [
            "",
            f"Load average (1 min) at the end of this run: {result['load']} on {cores} cores.",
        ]
    for text, plan in result["plans"].items():
        lines += ["", f"Plan of search query {text}:", "", "```", *plan, "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    setup_django()
    measured = measure()
    print(json.dumps(measured, indent=1) if "--json" in sys.argv else markdown(measured))
