"""Slow clients cannot starve the workers (issue 14): nginx from deploy/nginx/ in front of the
production gunicorn (sync workers) keeps answering while more slowloris sockets than there
are workers trickle partial headers; the same sockets against gunicorn alone stop it. Also
what nginx must pass on and hold back: X-Forwarded-* of its own (TRUSTED_PROXY_COUNT=1),
static files from disk, the request size limit."""

import socket
import time
import urllib.error
from urllib.parse import urlsplit

import pytest

from tests.servers import SITE_WORKERS, get, nginx, require_nginx

pytestmark = pytest.mark.xdist_group("gunicorn_site")

HASHED = "app.0123456789ab.css"  # a collectstatic-style hashed name


@pytest.fixture(scope="module")
def servers(gunicorn_site, tmp_path_factory):
    """(gunicorn alone, nginx in front of it, gunicorn's access log)."""
    require_nginx()
    tmp = tmp_path_factory.mktemp("nginx")
    static = tmp / "static"
    static.mkdir()
    (static / HASHED).write_text("body{}")
    with nginx(gunicorn_site.url, tmp / "prefix", static) as proxy:
        yield gunicorn_site.url, proxy, gunicorn_site.access_log


class Slowloris:
    """Sockets that send a request's first header lines and then one byte now and then."""

    def __init__(self, url, count):
        parts = urlsplit(url)
        self.sockets = []
        for _ in range(count):
            sock = socket.create_connection((parts.hostname, parts.port), timeout=5)
            sock.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            self.sockets.append(sock)

    def trickle(self):
        for sock in self.sockets:
            try:
                sock.sendall(b"a")
            except OSError:
                pass  # a server that hangs up on a slow client is fine

    def close(self):
        for sock in self.sockets:
            sock.close()


def answers_within(url, seconds, slow, path="/robots.txt"):
    """True when a normal GET of url answers within `seconds` while `slow` keeps trickling."""
    slow.trickle()
    time.sleep(0.3)  # the workers have picked up the slow sockets
    try:
        status, _headers, _body = get(f"{url}{path}", timeout=seconds)
        return status == 200
    except (TimeoutError, urllib.error.URLError):
        return False


def logged(log, text):
    """The access log line with `text` (gunicorn writes it just after the answer)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [line for line in log.read_text().splitlines() if text in line]
        if lines:
            return lines[0]
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not in {log}")


def test_slow_clients_hold_gunicorn_alone_but_not_nginx_in_front(servers):
    app, proxy, _log = servers
    slow_sockets = 2 * SITE_WORKERS
    slow = Slowloris(proxy, slow_sockets)
    try:
        started = time.monotonic()
        assert answers_within(proxy, 5, slow), "nginx in front: the site must still answer"
        assert answers_within(proxy, 10, slow, path="/de/veranstaltungen/")  # a page too
        assert time.monotonic() - started < 10
    finally:
        slow.close()
    # The proof that nginx matters: the same sockets against gunicorn itself block every
    # worker (until gunicorn's 30 s timeout), and a normal request gets no answer.
    slow = Slowloris(app, slow_sockets)
    try:
        assert not answers_within(app, 3, slow), "gunicorn alone should be blocked"
    finally:
        slow.close()
    assert answers_within(app, 10, Slowloris(app, 0))  # free again once they are gone


def test_nginx_sets_the_forwarded_headers_itself(servers):
    _app, proxy, log = servers
    forged = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    status, _headers, _body = get(f"{proxy}/robots.txt?probe=forwarded", headers=forged)
    assert status == 200
    line = logged(log, "probe=forwarded")
    # The client's own claims are replaced: its address as nginx saw it, plain HTTP.
    assert "xff=127.0.0.1 " in line and line.endswith("proto=http")


def test_nginx_serves_static_files_and_limits_request_bodies(servers):
    _app, proxy, log = servers
    status, headers, body = get(f"{proxy}/static/{HASHED}")
    assert status == 200 and body == "body{}"
    assert headers["Cache-Control"] == "public, max-age=315360000, immutable"
    get(f"{proxy}/robots.txt?probe=static")
    logged(log, "probe=static")  # written after the static request would have been
    assert f"/static/{HASHED}" not in log.read_text()  # no worker was needed
    # An announced body over client_max_body_size is refused before anything is read.
    parts = urlsplit(proxy)
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
        sock.sendall(b"POST /de/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 413")
