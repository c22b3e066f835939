"""Django's Redis cache backend that degrades instead of failing.

A cache is an optimisation: when Redis is stopped, unreachable or frozen, every operation
answers "not cached" (reads return the default, writes do nothing) and the site renders
pages itself. Bounded time: the socket connect and read timeouts in CACHES["OPTIONS"] limit
one failing call, and after a failure the backend does not try Redis again for
`CACHE_RETRY_SECONDS` (a frozen Redis costs one timeout per worker and interval, not one per
call). The outage is logged once per interval; the first call after it that succeeds logs
the recovery. No restart is needed.
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)


class _Breaker:
    """Per process: when Redis failed last, and whether that was logged."""

    down_until = 0.0
    failing = False
    error = ""


def _retry_seconds():
    return getattr(settings, "CACHE_RETRY_SECONDS", 5)


def health():
    """(ok, detail) of the cache for /healthz/: one real round trip, bounded by the socket
    timeouts; "unavailable" also while the backend is waiting to retry."""
    from django.core.cache import caches

    backend = caches["default"]
    if not isinstance(backend, ResilientRedisCache):
        return True, "local memory"
    if _Breaker.failing and time.monotonic() < _Breaker.down_until:
        return False, f"unavailable: {_Breaker.error}"
    try:
        backend._cache.get_client(write=False).ping()
    except Exception as error:  # any failure of the cache is "down", never a 500
        backend._failed(error)
        return False, f"unavailable: {type(error).__name__}"
    backend._recovered()
    return True, "ok"


def _guarded(name, fallback):
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        if _Breaker.failing and time.monotonic() < _Breaker.down_until:
            return fallback(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except self._errors as error:
            self._failed(error)
            return fallback(*args, **kwargs)
        self._recovered()
        return result

    call.__name__ = name
    call.__doc__ = method.__doc__
    return call


def _default(key, default=None, *args, **kwargs):
    return default


def _incr(key, delta=1, version=None):
    return delta  # as if the counter had just been created


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        import redis

        self._errors = (redis.exceptions.RedisError, OSError)

    def _failed(self, error):
        # Calls inside the waiting interval never get here: one line per interval.
        logger.warning(
            "Cache (Redis) unavailable, serving without it; next try in %s s: %r",
            _retry_seconds(),
            error,
        )
        _Breaker.failing, _Breaker.error = True, type(error).__name__
        _Breaker.down_until = time.monotonic() + _retry_seconds()

    def _recovered(self):
        if _Breaker.failing:
            _Breaker.failing = False
            logger.warning("Cache (Redis) available again")

    get = _guarded("get", _default)
    set = _guarded("set", lambda *a, **k: None)
    add = _guarded("add", lambda *a, **k: False)
    touch = _guarded("touch", lambda *a, **k: False)
    delete = _guarded("delete", lambda *a, **k: False)
    get_many = _guarded("get_many", lambda *a, **k: {})
    set_many = _guarded("set_many", lambda *a, **k: [])
    delete_many = _guarded("delete_many", lambda *a, **k: None)
    has_key = _guarded("has_key", lambda *a, **k: False)
    incr = _guarded("incr", _incr)
    clear = _guarded("clear", lambda *a, **k: None)
