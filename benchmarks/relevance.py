"""Search relevance: MRR and recall@5 of the queries in benchmarks/relevance.json.

`make relevance` runs it on its own (fast: a database that already has the demo content is
reused); `make bench` runs it as one phase and adds the table to benchmarks/results.md.

The database is RELEVANCE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/nw_relevance;
created, migrated and loaded with the demo content when needed). Only the demo content is
measured: the bench database's generated cases would make every expectation arbitrary. With
ELASTICSEARCH_URL set the same queries run against Elasticsearch (the index is rebuilt first).

Every query goes through search.engine, as on the search page: the exact matches, best first,
else the fuzzy ones. MRR = mean of 1 / rank of the first expected page (0 when it is not in
the first RESULTS); recall@5 = mean share of a query's expected pages among its first five.
"""

import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "benchmarks" / "relevance.json"
BASELINE = ROOT / "benchmarks" / "relevance-baseline.json"
DB_URL = (
    os.environ.get("RELEVANCE_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/nw_relevance"
)
RESULTS = 10  # ranks beyond the first results page count as not found


def log(message):
    print(f"[relevance {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def prepare_database():
    """Create, migrate and fill the relevance database (demo content only), in subprocesses
    so this process can set up Django on it afterwards."""
    env = {**os.environ, "DATABASE_URL": DB_URL, "DJANGO_SETTINGS_MODULE": "netzwerk.settings.dev"}
    if DB_URL.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(DB_URL)
        name = parts.path.lstrip("/")
        with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                log(f"creating database {name}")
                conn.execute(f'CREATE DATABASE "{name}"')
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log("migrate")
    run("migrate", "--noinput")
    if not has_demo_content(env):
        log("load_demo_content")
        run("load_demo_content")
    if os.environ.get("ELASTICSEARCH_URL") or os.environ.get("RELEVANCE_REINDEX"):
        log("update_index")
        run("update_index")
    if DB_URL.startswith(("postgres://", "postgresql://")):
        # Fresh planner statistics, as autovacuum keeps them in production: the search reads
        # which words are common from them (search.backends.postgres.lexeme_shares).
        import psycopg

        with psycopg.connect(DB_URL, autocommit=True) as conn:
            conn.execute("ANALYZE wagtailsearch_indexentry")


def has_demo_content(env):
    code = "from cases.models import CasePage; print(CasePage.objects.count())"
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(out.strip().splitlines()[-1] or 0) > 0


def setup_django():
    os.environ["DATABASE_URL"] = DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netzwerk.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ranked_paths(query, language):
    """Site-relative URLs of the pages found for `query` in `language`, best first."""
    from django.utils import translation
    from wagtail.models import Locale, Page

    from search import engine

    with translation.override(language):
        locale = Locale.get_active()
        rows, fuzzy = engine.ranked_rows(
            engine.public_pages(locale), engine.searchable(query), limit=RESULTS
        )
        pks = [row.pk for row in rows[:RESULTS]]
        pages = Page.objects.in_bulk(pks)
        return [pages[pk].get_url() for pk in pks if pk in pages], fuzzy


def score(expected, found):
    rank = next((i + 1 for i, path in enumerate(found) if path in expected), None)
    recall = len(set(expected) & set(found[:5])) / len(expected)
    return (1 / rank if rank else 0.0), recall, rank


def evaluate():
    """{"overall": {...}, "de": {...}, "en": {...}, "queries": [...]} for the relevance set."""
    from django.db import connection

    cases = json.loads(QUERIES.read_text())["queries"]
    details, groups = [], defaultdict(list)
    started = time.perf_counter()
    for case in cases:
        found, fuzzy = ranked_paths(case["query"], case["language"])
        rr, recall, rank = score(case["expected"], found)
        details.append(
            {**case, "rank": rank, "rr": rr, "recall5": recall, "fuzzy": fuzzy, "top": found[:3]}
        )
        for key in ("overall", case["language"], f"kind:{case['kind']}"):
            groups[key].append((rr, recall))
    summary = {
        key: {
            "n": len(values),
            "mrr": sum(v[0] for v in values) / len(values),
            "recall5": sum(v[1] for v in values) / len(values),
        }
        for key, values in groups.items()
    }
    from django.conf import settings

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return {
        "backend": f"{backend} on {connection.vendor}",
        "seconds": time.perf_counter() - started,
        "summary": summary,
        "queries": details,
    }


def markdown(result):
    """The results.md section: totals (with the recorded baseline) and the misses."""
    summary = result["summary"]
    lines = [
        "## Search relevance",
        "",
        f"`make relevance`: {summary['overall']['n']} queries of `benchmarks/relevance.json` "
        f"(demo content, {result['backend']}). MRR counts the rank of the first expected page "
        f"within the first {RESULTS} results; recall@5 the share of the expected pages among the "
        "first five.",
        "",
        "| run | queries | MRR | recall@5 | MRR de | MRR en |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = []
    if BASELINE.exists():
        rows += json.loads(BASELINE.read_text()).get("runs", [])
    rows.append({"label": "this run", "summary": summary})
    for run in rows:
        s = run["summary"]
        lines.append(
            f"| {run['label']} | {s['overall']['n']} | {s['overall']['mrr']:.3f} | "
            f"{s['overall']['recall5']:.3f} | {s['de']['mrr']:.3f} | {s['en']['mrr']:.3f} |"
        )
    kinds = sorted(k for k in summary if k.startswith("kind:"))
    lines += ["", "| kind | queries | MRR | recall@5 |", "|---|---:|---:|---:|"]
    for kind in kinds:
        s = summary[kind]
        lines.append(f"| {kind[5:]} | {s['n']} | {s['mrr']:.3f} | {s['recall5']:.3f} |")
    misses = [q for q in result["queries"] if q["rank"] != 1]
    lines += ["", f"Queries whose first result is not an expected page ({len(misses)}):", ""]
    for q in misses:
        rank = q["rank"] or f">{RESULTS}"
        lines.append(
            f"- {q['language']} “{q['query']}”: expected page at rank {rank}"
            f"{' (fuzzy)' if q['fuzzy'] else ''}; first: {', '.join(q['top']) or 'nothing'}"
        )
    return "\n".join(lines) + "\n"


def main(argv):
    prepare_database()
    setup_django()
    result = evaluate()
    s = result["summary"]
    log(
        f"{s['overall']['n']} queries in {result['seconds']:.1f} s: MRR {s['overall']['mrr']:.3f}, "
        f"recall@5 {s['overall']['recall5']:.3f} (de {s['de']['mrr']:.3f}, en {s['en']['mrr']:.3f})"
    )
    if "--json" in argv:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(markdown(result))


if __name__ == "__main__":
    main(sys.argv[1:])
