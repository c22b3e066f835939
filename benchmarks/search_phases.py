"""Search phases of `make bench`, kept apart from run.py: each returns a results.md section.

- relevance: benchmarks/relevance.py on the demo content (its own database);
- speed: benchmarks/search_speed.py on the bench database (in-process latency, query plans).
Each runs in a subprocess (they set up Django on different databases)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def section(title, script, env=None):
    done = subprocess.run(
        [sys.executable, f"benchmarks/{script}"],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        return f"## {title}\n\nfailed: {done.stderr[-500:]}\n"
    return done.stdout


def run(bench_database_url, log):
    log("search relevance (demo content)")
    relevance = section("Search relevance", "relevance.py")
    log("search speed (bench database)")
    speed = section(
        "Search speed (in-process)",
        "search_speed.py",
        {"DATABASE_URL": bench_database_url, "DJANGO_SETTINGS_MODULE": "netzwerk.settings.dev"},
    )
    return relevance + "\n" + speed
