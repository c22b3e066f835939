"""Generations: counters whose current value is part of cache keys, so a bump makes every
entry built under the old value unreachable (it ages out by itself).

`SITE` covers everything published; narrower scopes (e.g. "registrations:<event id>") cover
what changes often and is cheap to name exactly. Each scope is read at most once per request
(`request_scope()` is entered by the page-cache middleware): a request sees one consistent
set of values, and costs one read per scope whatever the number of cached fragments.

The values live in the shared cache (Redis) when there is one. With the per-process
local-memory cache (no REDIS_URL) every gunicorn worker has its own cache, so a generation is
a file's modification time instead: a bump in one worker is seen by all of them.
"""

import contextlib
import contextvars
import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction

logger = logging.getLogger(__name__)

SITE = "site"
DERIVED_TIMEOUT = 60 * 60  # generations in the key make stale entries unreachable
_read = contextvars.ContextVar("cache_generations", default=None)


@contextlib.contextmanager
def request_scope():
    """Read each generation once while this is active (one request)."""
    token = _read.set({})
    try:
        yield
    finally:
        _read.reset(token)


def _uses_local_memory():
    return isinstance(caches["default"], LocMemCache)  # `cache` is a proxy: ask the backend


def _file(scope):
    """One file per project checkout, database and scope, shared by the processes that share
    the database. An in-memory SQLite database (tests) belongs to one process, so the process
    id is part of the identity there: parallel test runs don't make each other's caches stale."""
    from django.db import connection

    ident = f"{settings.BASE_DIR}|{connection.settings_dict.get('NAME')}"
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        ident += f"|pid={os.getpid()}"
    digest = hashlib.sha1(ident.encode()).hexdigest()[:16]
    suffix = "" if scope == SITE else "-" + hashlib.sha1(scope.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"netzwerk-pagecache-{digest}{suffix}"


def _key(scope):
    return "pagecache:generation" if scope == SITE else f"pagecache:generation:{scope}"


def _fetch(scopes):
    if _uses_local_memory():
        values = {}
        for scope in scopes:
            try:
                values[scope] = str(os.stat(_file(scope)).st_mtime_ns)
            except FileNotFoundError:
                values[scope] = "0"
        return values
    found = cache.get_many([_key(scope) for scope in scopes])
    return {scope: str(found.get(_key(scope), 0)) for scope in scopes}


def current(*scopes):
    """{scope: value} of the given scopes, each read once per request."""
    memo = _read.get()
    missing = [s for s in scopes if memo is None or s not in memo]
    if missing:
        fetched = _fetch(missing)
        if memo is not None:
            memo.update(fetched)
    else:
        fetched = {}
    return {s: fetched[s] if s in fetched else memo[s] for s in scopes}


def site():
    return current(SITE)[SITE]


def _bump_now(scopes, reason):
    memo = _read.get()
    for scope in scopes:
        if _uses_local_memory():
            path = _file(scope)
            path.touch(exist_ok=True)
            now = time.time_ns()
            # Guarantee a new value even when two bumps fall into the same clock tick.
            previous = os.stat(path).st_mtime_ns
            os.utime(path, ns=(now, max(now, previous + 1)))
        else:
            try:
                cache.incr(_key(scope))
            except ValueError:  # missing (first bump or evicted): any new value will do
                cache.set(_key(scope), time.time_ns(), timeout=None)
        if memo is not None:
            memo.pop(scope, None)  # this request reads the new value from now on
    logger.debug("cache generations %s bumped (%s)", ", ".join(scopes), reason)


def bump(*scopes, reason=""):
    """Make every entry keyed by these scopes (default: SITE) stale: now, and again once the
    transaction commits, so that a reader who rebuilt an entry from the not yet committed
    state in between cannot keep it."""
    scopes = scopes or (SITE,)
    _bump_now(scopes, reason)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump_now(scopes, f"{reason}, committed"))


def key(name, parts, scopes=(SITE,)):
    """Cache key of a value derived from content: stale after a bump of any of `scopes`."""
    values = current(*scopes)
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"{name}:{':'.join(values[s] for s in scopes)}:{digest}"


def cached(name, parts, build, scopes=(SITE,), timeout=DERIVED_TIMEOUT):
    """`build()` once per generation of `scopes` and `parts` (strings or numbers). For small
    values derived from published content (facet options, counts, URLs, language links)."""
    return cache.get_or_set(key(name, parts, scopes), build, timeout)
