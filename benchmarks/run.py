"""`make bench`: content on the bench database, the production server, latency against the floor.

Steps (each bounded in requests and seconds; traffic only to 127.0.0.1):
 1. BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/nw_bench; created if
    missing): migrate, demo content, `generate_bench_content --cases BENCH_CASES` (10 000) when
    fewer cases exist, collectstatic, timed `update_index`.
 2. Queries per page (benchmarks/probe.py, page cache off, header/footer fragments warm/cold).
 3. gunicorn with the production settings, twice: page cache off ("uncached"), then on
    ("cached"). Each phase measures the floor (/bench/floor/: the full middleware stack, no
    database, no template; routed only with BENCH_FLOOR=1) and every endpoint: p50/p95 of
    sequential requests and the throughput of BENCH_CONCURRENCY parallel clients.
 4. Pages (`measure_pages`): first-load transfer in Chromium (benchmarks/first_load.py:
    HTML, CSS, JS, fonts and first-viewport images as transferred, gzip and br) and Lighthouse
    12.2.3 on Debian's Chromium when Node is there.
 5. Writes benchmarks/results.md. Numbers are never asserted anywhere.

`BENCH_PHASES=pages` (`make bench-pages`) runs only step 4 on the demo content (no bench
cases, no latency phases) and replaces only its block of results.md (between the
`<!-- bench:pages -->` markers), leaving every other section as it is.
"""

import http.client
import json
import math
import os
import platform
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DB_URL = os.environ.get("BENCH_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/nw_bench"
CASES = int(os.environ.get("BENCH_CASES") or 10000)
EVENTS = int(os.environ.get("BENCH_EVENTS") or 500)
INDEX_SECONDS = float(os.environ.get("BENCH_INDEX_SECONDS") or 1800)
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY") or 4)
WORKERS = int(os.environ.get("BENCH_WORKERS") or 3)
MAX_REQUESTS = int(os.environ.get("BENCH_REQUESTS") or 200)  # per endpoint and phase
MAX_SECONDS = float(os.environ.get("BENCH_SECONDS") or 8)  # per endpoint, phase and kind
WAVE_REGISTRATIONS = int(os.environ.get("BENCH_WAVE_REGISTRATIONS") or 50)
WAVE_SECONDS = float(os.environ.get("BENCH_WAVE_SECONDS") or 30)
LIGHTHOUSE_VERSION = "12.2.3"
CHROME = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
RESULTS = ROOT / "benchmarks" / "results.md"
PHASES = os.environ.get("BENCH_PHASES") or "all"  # "pages": first-load + Lighthouse only
HOST = "127.0.0.1"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def base_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="netzwerk.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        SITE_URL=f"http://{HOST}",
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=DB_URL,
        BENCH_FLOOR="1",
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESSLOG="",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(*args, env=None, timeout=3600):
    started = time.perf_counter()
    subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=env or base_env(),
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def ensure_database():
    if not DB_URL.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    parts = urlsplit(DB_URL)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            log(f"creating database {name}")
            conn.execute(f'CREATE DATABASE "{name}"')


def probe(*args):
    out = subprocess.run(
        [PY, "benchmarks/probe.py", *args],
        cwd=ROOT,
        env=base_env(),
        check=True,
        capture_output=True,
        text=True,
        timeout=1800,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def has_command(name):
    return (
        subprocess.run(
            [PY, "manage.py", "help", name],
            cwd=ROOT,
            env=base_env(),
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )


# --- HTTP ----------------------------------------------------------------------------------
def fetch(port, path, headers=None):
    """One request on a new connection (gunicorn's sync workers close after each answer)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=40)
    try:
        conn.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = conn.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    except (http.client.HTTPException, OSError):
        return 599, {}, b""  # the server dropped the connection (a crashed request)
    finally:
        conn.close()


def latency(port, paths, before_each=None, max_requests=MAX_REQUESTS):
    """Sequential requests cycling through `paths`: milliseconds per request.
    `before_each` runs untimed before every request (the cold phase bumps the generation)."""
    for path in paths[:3]:  # warm up (fragment caches, page cache, connections)
        fetch(port, path)
        fetch(port, path)
    samples, statuses = [], set()
    deadline = time.perf_counter() + MAX_SECONDS
    for i in range(max_requests):
        # Enough once time is up; errors (timeouts) don't deserve five tries.
        if time.perf_counter() > deadline and (len(samples) >= 5 or statuses - {200}):
            break
        if before_each:
            before_each()
        started = time.perf_counter()
        status, headers, _ = fetch(port, paths[i % len(paths)])
        samples.append((time.perf_counter() - started) * 1000)
        statuses.add(status)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, int(len(samples) * 0.95))],
        "n": len(samples),
        "status": sorted(statuses),
        "x_cache": headers.get("X-Cache", "-"),
    }


def throughput(port, paths):
    """CONCURRENCY client threads for at most MAX_SECONDS / 2 × MAX_REQUESTS requests each."""
    count = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + MAX_SECONDS

    def worker(offset):
        for i in range(MAX_REQUESTS):
            if time.perf_counter() > deadline:
                return
            fetch(port, paths[(i + offset) % len(paths)])
            with lock:
                count[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=MAX_SECONDS + 120)
    return count[0] / (time.perf_counter() - started)


class Server:
    def __init__(self, page_cache):
        self.port = free_port()
        self.env = base_env(
            PAGE_CACHE_ENABLED="1" if page_cache else "0",
            PORT=str(self.port),
            SITE_URL=f"http://{HOST}:{self.port}",
            WEB_CONCURRENCY=str(WORKERS),
        )

    def __enter__(self):
        gunicorn = Path(PY).with_name("gunicorn")
        self.proc = subprocess.Popen(
            [str(gunicorn), "-c", "netzwerk/gunicorn.conf.py", "netzwerk.wsgi"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(1200):  # 2 minutes: startup is slow on a busy shared machine
            try:
                if fetch(self.port, "/healthz/")[0] == 200:
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(self.proc.stderr.read().decode()[-2000:])
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer within 120 s")

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def measure_phase(page_cache, endpoints):
    label = "cached" if page_cache else "uncached"
    log(f"phase {label}: starting gunicorn ({WORKERS} workers)")
    results = {}
    with Server(page_cache) as server:
        for name, paths in [("floor", ["/bench/floor/"])] + list(endpoints.items()):
            log(f"  {label} {name}")
            results[name] = latency(server.port, paths)
            results[name]["rps"] = throughput(server.port, paths)
        if page_cache:
            results["_pages"] = measure_pages(server.port, endpoints)
    return results


def measure_cold(endpoints, generation_file):
    """Page cache off and the generation bumped before every request, as right after a
    publish: every generation-keyed cache (routes, fragments, facets, counts) is cold."""
    if os.environ.get("REDIS_URL"):
        return {"_note": "skipped: REDIS_URL is set (the generation lives in Redis)"}
    path = Path(generation_file)

    def bump():  # what home.caching.bump_generation does without Redis
        path.touch(exist_ok=True)
        previous = os.stat(path).st_mtime_ns
        now = time.time_ns()
        os.utime(path, ns=(now, max(now, previous + 1)))

    log("phase cold: starting gunicorn")
    results = {}
    with Server(False) as server:
        for name, paths in [("floor", ["/bench/floor/"])] + list(endpoints.items()):
            log(f"  cold {name}")
            results[name] = latency(server.port, paths, before_each=bump, max_requests=50)
            results[name]["rps"] = float("nan")
    return results


def post_registration(port, url, n):
    """GET the registration form at `url` (CSRF cookie + token), POST a registration;
    returns the status."""
    status, headers, body = fetch(port, url)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    if status != 200 or not token or not cookie:
        return status
    form = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "name": f"Bench Person {n}",
            "email": f"bench-{secrets.token_hex(6)}@example.org",
            "consent": "on",
        }
    )
    conn = http.client.HTTPConnection(HOST, port, timeout=40)
    try:
        conn.request(
            "POST",
            url,
            body=form,
            headers={
                "Host": HOST,
                "Cookie": f"csrftoken={cookie.group(1)}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{HOST}:{port}{url}",
            },
        )
        response = conn.getresponse()
        response.read()
        return response.status
    except (http.client.HTTPException, OSError):
        return 599
    finally:
        conn.close()


def measure_wave(wave):
    """WAVE_REGISTRATIONS registrations spread over WAVE_SECONDS across the open events
    (at most 9 per event and client address: the registration rate limit) while
    CONCURRENCY readers browse case pages, the event listing and the event pages. Reports
    the X-Cache HIT ratio per kind of page: case pages must stay cached."""
    events = wave["events"]
    if not events:
        return {"_note": "skipped: no open event takes registrations on this site"}
    log(f"phase registration wave: {WAVE_REGISTRATIONS} registrations over {WAVE_SECONDS:.0f} s")
    kinds = {"case page": wave["cases"], "event page": events}
    if wave.get("event_index"):
        kinds["event listing"] = [wave["event_index"]]
    counts = {kind: {"HIT": 0, "MISS": 0, "other": 0} for kind in kinds}
    registrations = []
    lock = threading.Lock()
    stop = threading.Event()
    with Server(True) as server:
        for urls in kinds.values():  # prime the cache
            for url in urls:
                fetch(server.port, url)

        def reader(offset):
            i = offset
            names = list(kinds)
            while not stop.is_set():
                kind = names[i % len(names)]
                urls = kinds[kind]
                status, headers, _ = fetch(server.port, urls[(i // len(names)) % len(urls)])
                label = headers.get("X-Cache") if status == 200 else None
                with lock:
                    counts[kind][label if label in ("HIT", "MISS") else "other"] += 1
                i += 1

        threads = [threading.Thread(target=reader, args=(n * 7,)) for n in range(CONCURRENCY)]
        for t in threads:
            t.start()
        started = time.perf_counter()
        per_event = min(9, math.ceil(WAVE_REGISTRATIONS / len(events)))
        plan = [
            events[n % len(events)] for n in range(min(WAVE_REGISTRATIONS, per_event * len(events)))
        ]
        for n, url in enumerate(plan):
            due = started + WAVE_SECONDS * n / len(plan)
            time.sleep(max(0.0, due - time.perf_counter()))
            t0 = time.perf_counter()
            registrations.append((post_registration(server.port, url, n), time.perf_counter() - t0))
        time.sleep(max(0.0, started + WAVE_SECONDS - time.perf_counter()))
        stop.set()
        for t in threads:
            t.join(timeout=60)
    statuses = sorted({status for status, _ in registrations})
    seconds = sorted(s for _, s in registrations)
    return {
        "kinds": counts,
        "registrations": len(registrations),
        "registration_status": statuses,
        "registration_p50_ms": statistics.median(seconds) * 1000 if seconds else float("nan"),
        "events": len(events),
    }


PAGES = ("home", "case_index", "case_page", "method_finder", "event_index", "event_page")
LIGHTHOUSE_PAGES = ("home", "case_index", "case_page", "event_page")
BUDGET_PAGE, BUDGET_BYTES = "home", 100 * 1024  # issue 12: HTML+CSS+JS+fonts, gzip, ≤ 100 KB


def measure_pages(port, endpoints):
    """The pages phase on a running server: first-load transfer, then Lighthouse."""
    before = os.getloadavg()[0]
    for name in PAGES:  # fill the page cache and the image renditions first
        if name in endpoints:
            fetch(port, endpoints[name][0])
    return {
        "first_load": first_load_bytes(port, endpoints),
        "lighthouse": lighthouse(port, endpoints),
        "load": (before, os.getloadavg()[0]),
    }


def first_load_bytes(port, endpoints):
    """benchmarks/first_load.py: what Chromium transfers on a first visit, per page, with
    `Accept-Encoding: gzip` and with Chromium's own header (br from whitenoise)."""
    if not Path(CHROME).exists():
        return {"_note": f"skipped: no Chromium at {CHROME}"}
    import first_load

    urls = {
        name: f"http://{HOST}:{port}{endpoints[name][0]}" for name in PAGES if name in endpoints
    }
    log(f"  first-load transfer ({', '.join(urls)})")
    return first_load.measure(urls, chromium=CHROME)


def lighthouse(port, endpoints):
    node = shutil.which("node")
    if not node or not Path(CHROME).exists():
        return {"_note": "skipped: Node.js or Chromium is missing"}
    # Installed outside the tree (no node_modules in the repository), once per machine.
    prefix = Path(
        os.environ.get("BENCH_LIGHTHOUSE_PREFIX")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "netzwerk-lighthouse"
    )
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        log(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {prefix}")
        done = subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(prefix),
                f"lighthouse@{LIGHTHOUSE_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0 or not cli.exists():
            return {"_note": f"skipped: npm install failed: {done.stderr[-300:]}"}
    scores = {}
    for name in LIGHTHOUSE_PAGES:
        if name not in endpoints:
            continue
        url = f"http://{HOST}:{port}{endpoints[name][0]}"
        log(f"  lighthouse {name}")
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "report.json"
            run = subprocess.run(
                [
                    node,
                    str(cli),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={out}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                ],
                env={**os.environ, "CHROME_PATH": CHROME},
                capture_output=True,
                text=True,
                timeout=180,
            )
            if run.returncode != 0 or not out.exists():
                scores[name] = {"error": (run.stderr or "no report")[-200:]}
                continue
            report = json.loads(out.read_text())
        scores[name] = {
            key: round((cat.get("score") or 0) * 100) for key, cat in report["categories"].items()
        }
        failing = [
            audit_id
            for audit_id, audit in report["audits"].items()
            if audit.get("score") is not None
            and audit["score"] < 0.9
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        ]
        scores[name]["failing_audits"] = failing[:8]
        metrics = report["audits"]
        scores[name]["lcp_ms"] = round(metrics["largest-contentful-paint"]["numericValue"])
        scores[name]["cls"] = round(metrics["cumulative-layout-shift"]["numericValue"], 3)
    return scores


# --- report --------------------------------------------------------------------------------
def versions():
    code = (
        "import django, wagtail, sys, gunicorn; "
        "print(f'Python {sys.version.split()[0]}, Django {django.__version__}, '"
        "f'Wagtail {wagtail.__version__}, gunicorn {gunicorn.__version__}')"
    )
    text = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    if DB_URL.startswith("postgres"):
        import psycopg

        with psycopg.connect(DB_URL) as conn:
            server = conn.execute("SHOW server_version").fetchone()[0]
        text += f", PostgreSQL {server.split()[0]}"
    else:
        text += ", SQLite"
    return text


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        mem = f"{int(mem) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        mem = ""
    return f"{cpu}, {os.cpu_count()} cores, {mem}, {platform.platform()}"


def fmt_row(name, res, floor):
    ratio = res["p50"] / floor["p50"] if floor["p50"] else float("nan")
    rps = "–" if math.isnan(res["rps"]) else f"{res['rps']:.0f}"
    return (
        f"| {name} | {res['p50']:.1f} | {res['p95']:.1f} | {ratio:.1f}× | {rps} | "
        f"{res['n']} | {','.join(map(str, res['status']))} | {res['x_cache']} |"
    )


def write_results(info, phases, queries, index_seconds, generated, started):
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
        f"(run took {(time.perf_counter() - started) / 60:.1f} min).",
        "",
        f"- Machine: {machine()}",
        f"- Software: {versions()}",
        f"- Database: `{urlsplit(DB_URL)._replace(netloc=urlsplit(DB_URL).hostname or '').geturl()}` "
        f"with {info['cases_de']} German cases (demo + bench, BENCH_CASES={CASES}), "
        f"{info.get('events_de', '?')} German events{generated}",
        f"- Server: gunicorn, production settings, {WORKERS} sync workers, local-memory cache "
        "(no REDIS_URL), whitenoise; client and server share the machine.",
        f"- Method: per endpoint up to {MAX_REQUESTS} sequential requests or {MAX_SECONDS:.0f} s "
        f"for p50/p95 (new connection each), then {CONCURRENCY} parallel clients for "
        f"{MAX_SECONDS:.0f} s for throughput. **Floor** = `/bench/floor/`, a trivial view "
        "through the full middleware stack (no database, no template), measured in the same "
        "phase; ratio = p50 / floor p50.",
        "- Uncached = page cache off (`PAGE_CACHE_ENABLED=0`); the small generation-keyed "
        "caches (routes, header/footer fragments, facet options, counts, see README) are warm. "
        "Cold = page cache off and the generation bumped before every request (untimed), as "
        "right after a publish: every cache is cold (sequential requests only, no req/s). "
        "Cached = page cache on, after a warm-up request. Search and suggestions are never "
        "page-cached (free text), so every phase shows their real cost.",
        "",
    ]
    titles = {"uncached": "Uncached", "cold": "Cold (right after a publish)", "cached": "Cached"}
    for phase in ("uncached", "cold", "cached"):
        res = phases[phase]
        if "_note" in res:
            lines += [f"## {titles[phase]}", "", res["_note"], ""]
            continue
        floor = res["floor"]
        lines += [
            f"## {titles[phase]}",
            "",
            "| endpoint | p50 ms | p95 ms | p50 / floor | req/s | n | status | X-Cache |",
            "|---|---:|---:|---:|---:|---:|---|---|",
        ]
        for name, value in res.items():
            if not name.startswith("_"):
                lines.append(fmt_row(name, value, floor))
        lines.append("")
    wave = phases["wave"]
    lines += ["## Registration wave (page cache on)", ""]
    if "_note" in wave:
        lines += [wave["_note"], ""]
    else:
        lines += [
            f"{wave['registrations']} registrations (status {', '.join(map(str, wave['registration_status']))}, "
            f"p50 {wave['registration_p50_ms']:.0f} ms) spread over {WAVE_SECONDS:.0f} s across "
            f"{wave['events']} open events, while {CONCURRENCY} readers browse. A registration "
            "makes its event page and the event listing stale (places left), nothing else.",
            "",
            "| pages | requests | HIT | MISS | other | HIT ratio |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for kind, c in wave["kinds"].items():
            total = sum(c.values())
            ratio = c["HIT"] / total if total else float("nan")
            lines.append(
                f"| {kind} | {total} | {c['HIT']} | {c['MISS']} | {c['other']} | {ratio:.1%} |"
            )
        lines.append("")
    lines += [
        "## Queries per page (page cache off)",
        "",
        "`warm` = header/footer fragments cached (the normal uncached case); `cold` = right "
        "after a publish or a cache clear.",
        "",
        "| page | status | queries warm | queries cold |",
        "|---|---|---:|---:|",
    ]
    for name, q in queries.items():
        lines.append(f"| {name} | {q['status']} | {q['warm']} | {q['cold']} |")
    lines.append("")
    if index_seconds is None:
        index_text = "not measured (BENCH_INDEX_SECONDS=0)."
    elif index_seconds < 0:
        index_text = (
            f"did not finish within {-index_seconds:.0f} s (stopped; BENCH_INDEX_SECONDS). "
            "The generator indexes new cases in batches, which the measurements above used."
        )
    else:
        index_text = f"{index_seconds:.1f} s."
    lines += ["", "## Search index", "", f"Full `manage.py update_index`: {index_text}", ""]
    lines += pages_section(phases["cached"]["_pages"], started).splitlines()
    RESULTS.write_text("\n".join(lines) + "\n")
    log(f"wrote {RESULTS.relative_to(ROOT)}")


PAGES_START, PAGES_END = "<!-- bench:pages -->", "<!-- /bench:pages -->"


def kb(n):
    return f"{n / 1024:.1f} KB"


def pages_section(pages, started, info=None):
    """The first-load and Lighthouse sections, between markers: the pages phase alone
    (`BENCH_PHASES=pages`) replaces only this block of results.md."""
    load = pages["load"]
    lines = [PAGES_START, "# Pages: first-load transfer and Lighthouse", ""]
    if info is not None:  # the pages phase alone: say where its numbers come from
        lines += [
            f"Written by `make bench BENCH_PHASES=pages` on {datetime.now(UTC):%Y-%m-%d %H:%M} "
            f"UTC (took {(time.perf_counter() - started) / 60:.1f} min) on "
            f"`{urlsplit(DB_URL).path.lstrip('/')}` with the demo content "
            f"({info['cases_de']} German cases); {machine()}; {versions()}; gunicorn with the "
            f"production settings, {WORKERS} sync workers, page cache on, static files "
            "collected by whitenoise's CompressedManifestStaticFilesStorage (.gz and .br).",
            "",
        ]
    lines += [
        f"Load average (1 min) before this phase {load[0]:.1f}, after Lighthouse "
        f"{load[1]:.1f}, on {os.cpu_count()} cores. The machine may be shared: a busy machine lowers the "
        "performance score and raises LCP; the other three categories don't depend on load.",
        "",
        "## First-load transfer",
        "",
        "A first visit with an empty cache in Debian's Chromium (`benchmarks/first_load.py`) at "
        "1366 × 768 px, device pixel ratio 1: every response the load causes, counted with the "
        "bytes of its body on the wire. HTML, CSS and JS with `Accept-Encoding: gzip` (the HTML "
        "compressed by Django's GZipMiddleware, CSS/JS from whitenoise's precompressed .gz); "
        "fonts are the woff2 files the page preloads or its CSS uses (an unused @font-face is "
        "never fetched), counted as served; images are those Chromium loads without scrolling "
        "(eager images and lazy ones within its lazy-load margin, the srcset candidate it chose "
        "for 1366 px), counted apart from the budget. Headers are not in any column but the "
        "last. `br` = the same visit with Chromium's own `Accept-Encoding` (whitenoise serves "
        "its .br files). KB = 1024 bytes. Media are served by Django in the bench (production: "
        "S3 or the web server), whose GZipMiddleware also gzips the AVIF/WebP renditions (a "
        "few bytes either way; images are outside the budget). The SVG icon sprite counts as "
        "an image.",
        "",
    ]
    first = pages["first_load"]
    if "_note" in first:
        lines += [first["_note"], ""]
    else:
        home = first.get(BUDGET_PAGE, {}).get("gzip")
        if home:
            verdict = "within budget" if home["budget"] <= BUDGET_BYTES else "over budget"
            lines += [
                f"**Budget: home page, HTML+CSS+JS+fonts (gzip) {kb(home['budget'])} of "
                f"{kb(BUDGET_BYTES)}: {verdict}.**",
                "",
            ]
        lines += [
            "| page | HTML | CSS | JS | fonts | HTML+CSS+JS+fonts | same, br | images | "
            "all bodies | + headers |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, by_encoding in first.items():
            g, br = by_encoding["gzip"], by_encoding.get("browser")
            lines.append(
                f"| {name} | {kb(g['html'])} | {kb(g['css'])} ({g['counts']['css']}) | "
                f"{kb(g['js'])} ({g['counts']['js']}) | {kb(g['font'])} ({g['counts']['font']}) | "
                f"**{kb(g['budget'])}** | {kb(br['budget']) if br else '–'} | "
                f"{kb(g['image'])} ({g['counts']['image']}) | {kb(g['total'])} | "
                f"{kb(g['total'] + g['headers'])} |"
            )
        lines += ["", "(n) = number of files.", ""]
    lines += ["## Lighthouse " + LIGHTHOUSE_VERSION, ""]
    lh = pages["lighthouse"]
    if "_note" in lh:
        lines += [lh["_note"], ""]
    else:
        lines += [
            "Default Lighthouse run (mobile emulation, simulated throttling) on Debian's "
            "Chromium, headless (`--headless=new --no-sandbox --disable-gpu`).",
            "",
            "| page | performance | accessibility | best practices | SEO | LCP ms | CLS | audits below 0.9 |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for name, sc in lh.items():
            if "error" in sc:
                lines.append(f"| {name} | error: {sc['error'][:80]} | | | | | | |")
                continue
            lines.append(
                f"| {name} | {sc.get('performance')} | {sc.get('accessibility')} | "
                f"{sc.get('best-practices')} | {sc.get('seo')} | {sc['lcp_ms']} | {sc['cls']} | "
                f"{', '.join(sc['failing_audits']) or '-'} |"
            )
        lines += [
            "",
            "Lighthouse runs over plain HTTP on 127.0.0.1 (no TLS, no HTTP/2): the "
            "`is-on-https`/`uses-http2` style audits reflect the bench setup, not production.",
            "",
        ]
    lines.append(PAGES_END)
    return "\n".join(lines) + "\n"


def replace_pages_section(text, section):
    """results.md with the pages block replaced (or appended when it has none yet)."""
    if PAGES_START in text and PAGES_END in text:
        head, rest = text.split(PAGES_START, 1)
        tail = rest.split(PAGES_END, 1)[1]
        return head + section.rstrip("\n") + tail
    return text.rstrip("\n") + "\n\n" + section


def prepare(generate=True):
    """The bench database with the demo content (and, with `generate`, the bench cases and
    events, then ANALYZE), and the collected static files; returns (probe urls, note)."""
    ensure_database()
    log(f"database {urlsplit(DB_URL).path.lstrip('/') or DB_URL}: migrate + demo content")
    manage("migrate", "--noinput")
    manage("load_demo_content")
    generated = ""
    if generate and has_command("generate_bench_content"):
        # Tops up to N bench cases: a second run on the same database creates nothing.
        log(f"generate_bench_content --cases {CASES} --events {EVENTS}")
        seconds = manage(
            "generate_bench_content", "--cases", str(CASES), "--events", str(EVENTS), timeout=7200
        )
        generated = f"; generate_bench_content took {seconds:.0f} s"
    elif generate:
        generated = " — generate_bench_content is missing, so only the demo content was measured"
    if generate:
        analyze()
    info = probe("urls")
    log("collectstatic")
    manage("collectstatic", "--noinput")
    return info, generated


def main_pages():
    """`BENCH_PHASES=pages`: first-load transfer and Lighthouse on the demo content only
    (no bench cases), on the production server; rewrites only its block of results.md."""
    started = time.perf_counter()
    info, _ = prepare(generate=False)
    endpoints = {name: [url] for name, url in info["urls"].items()}
    log("phase pages: starting gunicorn (page cache on)")
    with Server(True) as server:
        pages = measure_pages(server.port, endpoints)
    section = pages_section(pages, started, info)
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    RESULTS.write_text(replace_pages_section(text, section))
    log(f"pages section of {RESULTS.relative_to(ROOT)} updated")


def main():
    started = time.perf_counter()
    if PHASES == "pages":
        return main_pages()
    if PHASES != "all":
        raise SystemExit(f"BENCH_PHASES={PHASES!r}: use 'all' (default) or 'pages'")
    info, generated = prepare()

    urls = info["urls"]
    endpoints = {name: [url] for name, url in urls.items()}
    endpoints["search"] = info["search"]
    endpoints["suggest"] = info["suggest"]
    log("queries per page")
    queries = probe("queries", json.dumps({**urls, "search": info["search"][0]}))

    phases = {
        "uncached": measure_phase(False, endpoints),
        "cold": measure_cold(endpoints, probe("generation_file")["path"]),
        "cached": measure_phase(True, endpoints),
    }
    phases["wave"] = measure_wave(probe("wave"))
    index_seconds = timed_update_index()
    write_results(info, phases, queries, index_seconds, generated, started)
    append_search_phases()


def append_search_phases():
    """The search phases (benchmarks/search_phases.py: relevance on the demo content, search
    latency on the bench database) add their own sections to results.md."""
    import search_phases

    with RESULTS.open("a") as results:
        results.write("\n" + search_phases.run(bench_database_url=DB_URL, log=log))
    log(f"search phases added to {RESULTS.relative_to(ROOT)}")


def analyze():
    """Planner statistics after the bulk load, as autovacuum would gather them in production
    (PostgreSQL's advice after bulk loading): without them every plan assumes a few rows."""
    if not DB_URL.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    log("ANALYZE")
    with psycopg.connect(DB_URL, autocommit=True) as conn:
        conn.execute("ANALYZE")


def timed_update_index():
    """Full rebuild of the search index, last (the generator already indexed the new cases
    in batches, so the measurements above don't depend on it); bounded by BENCH_INDEX_SECONDS."""
    if INDEX_SECONDS <= 0:
        return None
    log(f"update_index (at most {INDEX_SECONDS:.0f} s)")
    try:
        return manage("update_index", timeout=INDEX_SECONDS)
    except subprocess.TimeoutExpired:
        return -INDEX_SECONDS


if __name__ == "__main__":
    main()
