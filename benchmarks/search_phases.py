"""Search phases of `make bench`, kept apart from run.py: each returns a results.md section.

- relevance: benchmarks/relevance.py on the demo content (its own database);
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def relevance_section():
    done = subprocess.run(
        [sys.executable, "benchmarks/relevance.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        return f"## Search relevance\n\nfailed: {done.stderr[-500:]}\n"
    return done.stdout


def run(bench_database_url, log):
    log("search relevance (demo content)")
    return relevance_section()
