"""First-load transfer of a page as Chromium receives it (a phase of `make bench`).

Each page is opened in a new browser context (empty cache, no cookies) of Debian's Chromium
at 1366 × 768 px, device pixel ratio 1, and every response the page load causes is counted
with the bytes that came over the wire for its body (`request.sizes()["responseBodySize"]`:
compressed when the server compressed it; woff2, AVIF and WebP are already compressed and
count as served). HTTP headers are summed apart. What is counted is what the browser
actually fetched: the HTML, every stylesheet and script it links, the fonts it preloads or
its CSS uses (an @font-face no element uses is never fetched), and the images Chromium loads
without scrolling (eager images and the lazy ones within its lazy-load margin, with the
srcset candidate it chose for 1366 px).

`Accept-Encoding` decides what the server compresses with: `gzip` (the budget of issue 12 is
stated in gzip) or Chromium's own header (`gzip, deflate, br, zstd`: whitenoise then serves
its precompressed .br files; Django's GZipMiddleware still answers the HTML with gzip).
"""

from urllib.parse import urlsplit

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 768}
KINDS = ("html", "css", "js", "font", "image", "other")
BUDGET_KINDS = ("html", "css", "js", "font")  # issue 12: HTML+CSS+JS+fonts


def classify(resource_type, content_type, url):
    """The kind of one response: Chromium's resource type first, the MIME type and the file
    extension as fallbacks (a preloaded font is a "font" request either way)."""
    content_type = (content_type or "").split(";")[0].strip().lower()
    path = urlsplit(url).path.lower()
    if resource_type == "document":
        return "html"
    if resource_type == "stylesheet" or content_type == "text/css" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "js"
    if resource_type == "font" or content_type.startswith("font/") or path.endswith(".woff2"):
        return "font"
    if resource_type == "image" or content_type.startswith("image/"):
        return "image"
    return "other"


def summarize(entries):
    """Totals per kind of a list of responses ({url, kind, body, headers, encoding});
    `budget` = HTML + CSS + JS + fonts, `total` = every body, `headers` = every header block."""
    totals = {kind: 0 for kind in KINDS}
    counts = {kind: 0 for kind in KINDS}
    for entry in entries:
        totals[entry["kind"]] += entry["body"]
        counts[entry["kind"]] += 1
    return {
        **totals,
        "counts": counts,
        "budget": sum(totals[kind] for kind in BUDGET_KINDS),
        "total": sum(totals.values()),
        "headers": sum(entry["headers"] for entry in entries),
        "entries": entries,
    }


def load(browser, url, accept_encoding=None):
    """Every response of one first visit to `url` (new context: empty cache)."""
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=1, extra_http_headers=headers
    )
    entries = []

    def finished(request):
        response = request.response()
        if response is None or urlsplit(request.url).scheme not in ("http", "https"):
            return
        sizes = request.sizes()
        entries.append(
            {
                "url": request.url,
                "status": response.status,
                "kind": classify(
                    request.resource_type, response.headers.get("content-type"), request.url
                ),
                "body": sizes["responseBodySize"],
                "headers": sizes["responseHeadersSize"],
                "encoding": response.headers.get("content-encoding", ""),
            }
        )

    try:
        page = context.new_page()
        page.on("requestfinished", finished)
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready.then(() => true)")
    finally:
        context.close()
    return entries


def measure(urls, chromium="/usr/bin/chromium", encodings=("gzip", None), browser=None):
    """{name: {encoding label: summary}} for {name: absolute URL}; one first visit per page
    and encoding (label "gzip" or "browser" for Chromium's own Accept-Encoding).

    `browser`: a running Playwright browser to use (the tests pass theirs: one process can
    hold only one sync Playwright); without it, Chromium is started and stopped here."""
    if browser is not None:
        return {
            name: {(e or "browser"): summarize(load(browser, url, e)) for e in encodings}
            for name, url in urls.items()
        }
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            results = measure(urls, encodings=encodings, browser=browser)
        finally:
            browser.close()
    return results
