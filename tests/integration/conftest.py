"""Fixtures of the integration tests that need real server processes (tests/servers.py)."""

from tests.servers import gunicorn_site  # noqa: F401
