"""benchmarks/first_load.py in Chromium: it counts what the browser fetches, fonts included
(and only fonts the page uses), compressed bodies as compressed. A browser test, because one
process holds one sync Playwright: this uses the browser tests' Chromium."""

import gzip
import importlib.util
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.tooling import ROOT

spec = importlib.util.spec_from_file_location("first_load", ROOT / "benchmarks" / "first_load.py")
first_load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(first_load)

pytestmark = pytest.mark.e2e

CSS = (
    b'@font-face { font-family: "Used"; src: url("/used.woff2") format("woff2"); }\n'
    b'@font-face { font-family: "Unused"; src: url("/unused.woff2") format("woff2"); }\n'
    b'body { font-family: "Used", sans-serif; }\n' + b"/* padding */\n" * 400
)
HTML = (
    b"<!doctype html><html lang=de><head><meta charset=utf-8><title>t</title>"
    b'<link rel="preload" href="/used.woff2" as="font" type="font/woff2" crossorigin>'
    b'<link rel="stylesheet" href="/site.css"><script src="/site.js" defer></script>'
    b"</head><body><p>Gr\xc3\xbc\xc3\x9fe</p></body></html>"
)
FILES = {
    "/": ("text/html; charset=utf-8", HTML),
    "/site.css": ("text/css", CSS),
    "/site.js": ("text/javascript", b"document.documentElement.dataset.js = 1;\n"),
    "/used.woff2": ("font/woff2", os.urandom(3000)),
    "/unused.woff2": ("font/woff2", os.urandom(5000)),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        content_type, body = FILES[self.path]
        compress = content_type.startswith("text/") and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if compress:
            body = gzip.compress(body)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Access-Control-Allow-Origin", "*")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_chromium_first_load_counts_the_used_font_once_and_gzip_as_transferred(browser):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        result = first_load.measure({"page": url}, encodings=("gzip",), browser=browser)
    finally:
        server.shutdown()
    summary = result["page"]["gzip"]
    fonts = [e for e in summary["entries"] if e["kind"] == "font"]
    assert [e["url"].rsplit("/", 1)[1] for e in fonts] == ["used.woff2"]  # preload + @font-face
    assert summary["font"] == 3000  # woff2 counted as served
    css = next(e for e in summary["entries"] if e["kind"] == "css")
    assert css["encoding"] == "gzip" and css["body"] == len(gzip.compress(CSS))
    assert summary["counts"]["js"] == 1 and summary["counts"]["html"] == 1
    assert summary["budget"] == summary["html"] + summary["css"] + summary["js"] + 3000
