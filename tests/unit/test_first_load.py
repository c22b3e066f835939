"""benchmarks/first_load.py, the first-load transfer of `make bench`: its sums and the report
block (the count in Chromium: tests/e2e/test_first_load.py)."""

import importlib.util

from tests.tooling import ROOT

spec = importlib.util.spec_from_file_location("first_load", ROOT / "benchmarks" / "first_load.py")
first_load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(first_load)


def test_summarize_counts_fonts_in_the_budget_and_images_apart():
    entries = [
        {"url": "/", "kind": "html", "body": 100, "headers": 10},
        {"url": "/a.css", "kind": "css", "body": 200, "headers": 10},
        {"url": "/f.woff2", "kind": "font", "body": 3000, "headers": 10},
        {"url": "/i.avif", "kind": "image", "body": 5000, "headers": 10},
    ]
    summary = first_load.summarize(entries)
    assert summary["font"] == 3000
    assert summary["budget"] == 3300
    assert summary["total"] == 8300
    assert summary["headers"] == 40
    assert first_load.classify("font", "", "http://x/f.woff2") == "font"
    assert first_load.classify("fetch", "font/woff2", "http://x/f") == "font"
    assert first_load.classify("image", "image/avif", "http://x/i.avif") == "image"


def test_the_pages_phase_replaces_only_its_block_of_results_md():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    block = f"{run.PAGES_START}\nnew numbers\n{run.PAGES_END}\n"
    text = f"# Results\n\nkept\n\n{run.PAGES_START}\nold numbers\n{run.PAGES_END}\n\n# Search\nkept too\n"
    assert run.replace_pages_section(text, block) == (
        f"# Results\n\nkept\n\n{run.PAGES_START}\nnew numbers\n{run.PAGES_END}\n\n# Search\nkept too\n"
    )
    assert run.replace_pages_section("# Results\n", block) == f"# Results\n\n{block}"
