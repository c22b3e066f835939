"""Degrade, never die: the site on a real Redis that the test starts, stops, freezes
(SIGSTOP) and resumes. Every public page keeps answering, bypassing the cache, within a
bounded time (socket timeouts and a retry interval, not gunicorn's 30 s); the outage is
logged once per interval; the cache is used again without a restart.

The time bounds below catch hanging, not slowness: they are far above a normal answer."""

import logging
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
from django.core.cache import cache

from cases.models import CasePage
from events.models import EventIndexPage, EventPage
from home.caching import health
from home.caching.backend import _Breaker
from home.public_forms import start_token

from .test_cache_scopes import make_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]

RETRY = 1.0  # CACHE_RETRY_SECONDS in these tests
BOUND = 5.0  # seconds: a frozen Redis without timeouts would hang far longer


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGCONT)  # a frozen server cannot exit otherwise
            self.proc.terminate()
            self.proc.wait(timeout=10)

    def freeze(self):
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.proc.pid, signal.SIGCONT)


@pytest.fixture
def redis_server(settings):
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "home.caching.backend.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "KEY_FUNCTION": "home.caching.release.make_key",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    settings.CACHE_RETRY_SECONDS = RETRY
    _Breaker.failing, _Breaker.down_until = False, 0.0
    yield server
    server.stop()
    _Breaker.failing, _Breaker.down_until = False, 0.0


@pytest.fixture
def urls(db):
    case = CasePage.objects.live().filter(locale__language_code="de").first()
    event = EventPage.objects.live().filter(locale__language_code="de").first()
    listing = EventIndexPage.objects.get(locale__language_code="de").url
    return ["/de/", "/en/", case.url, event.url, listing, case.get_parent().url]


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def assert_pages_answer(client, urls):
    for url in urls:
        response, seconds = timed_get(client, url)
        assert response.status_code == 200, url
        assert response.get("X-Cache") != "HIT", f"{url} cannot come from a cache that is down"
        assert seconds < BOUND, f"{url} took {seconds:.1f} s"


def wait_until_cached(client, url):
    """After the retry interval the cache is used again: MISS (stored), then HIT."""
    deadline = time.monotonic() + RETRY * 10
    while time.monotonic() < deadline:
        if client.get(url).get("X-Cache") == "HIT":
            return
        time.sleep(RETRY / 4)
    pytest.fail(f"{url} was not cached again after Redis came back")


def test_pages_are_cached_in_redis(client, redis_server, urls):
    for url in urls:
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"
    assert health() == (True, "ok")


def test_stopped_redis_every_page_answers_and_recovers(client, redis_server, urls, caplog):
    for url in urls:
        client.get(url)
    redis_server.stop()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="home.caching.backend"):
        for _ in range(3):
            assert_pages_answer(client, urls)  # dozens of cache calls per page
    intervals = (time.monotonic() - started) / RETRY
    warnings = [r for r in caplog.records if r.name == "home.caching.backend"]
    assert 1 <= len(warnings) <= intervals + 1, [r.getMessage() for r in warnings]
    ok, detail = health()
    assert not ok and detail.startswith("unavailable")
    healthz = client.get("/healthz/")
    assert healthz.status_code == 503 and healthz.json()["cache"].startswith("unavailable")

    redis_server.start()  # same port, empty: no restart of the site
    wait_until_cached(client, urls[0])
    assert health() == (True, "ok")
    recovered = client.get("/healthz/").json()
    assert recovered["status"] == "ok" and recovered["cache"] == "ok"


def test_frozen_redis_every_page_answers_within_the_timeouts(client, redis_server, urls):
    for url in urls:
        client.get(url)
    redis_server.freeze()
    try:
        assert_pages_answer(client, urls)
        time.sleep(RETRY)  # the next try after the interval times out again, once
        assert_pages_answer(client, urls)
        assert not health()[0]
    finally:
        redis_server.resume()
    wait_until_cached(client, urls[2])
    assert health()[0]


def test_forms_and_rate_limits_work_while_redis_is_down(client, redis_server, urls):
    """The registration form (rate-limited through the cache) still takes registrations."""
    event = make_event(capacity=5)
    redis_server.stop()
    response = client.post(
        event.url + event.reverse_subpage("register"),
        {
            "name": "Ohne Cache",
            "email": "ohne@example.org",
            "consent": "on",
            "form_started": start_token(time.time() - 30),  # shown half a minute ago
        },
    )
    assert response.status_code == 200
    assert event.registrations.filter(email="ohne@example.org").exists()
    assert cache.get("anything") is None
