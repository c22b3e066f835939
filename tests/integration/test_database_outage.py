"""A database restart and a database outage (issue 14), against the demo site served by the
production gunicorn configuration on PostgreSQL (tests/servers.py `gunicorn_site`).

- After its connections are terminated (`pg_terminate_backend`, what a restart does to
  them) no request fails: persistent connections (CONN_MAX_AGE) are checked before reuse
  (CONN_HEALTH_CHECKS, netzwerk/settings/base.py).
- While the database refuses connections, cached pages are still served and everything
  else is the localised 503 maintenance page (home.views.server_error), which needs no
  database; once it accepts connections again the site recovers without a restart.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.demo_db import admin_connection
from tests.servers import get

pytestmark = [
    pytest.mark.postgres(reason="terminates and refuses the site's PostgreSQL connections"),
    pytest.mark.xdist_group("gunicorn_site"),
]

# Each answer needs the database: healthz runs `SELECT 1`, the API is not page-cached.
DATABASE_URLS = ("/healthz/", "/api/v2/pages/?limit=1")


def statuses(site, paths, times=4):
    """Statuses of `times` rounds of GETs of `paths`, several at once (every worker busy)."""
    urls = [site.url + path for path in paths] * times
    with ThreadPoolExecutor(max_workers=site.workers * 2) as pool:
        return [status for status, _headers, _body in pool.map(lambda u: get(u, 30), urls)]


def _name(site):
    return site.database_url.rsplit("/", 1)[1]


def terminate_connections(site):
    """End every connection to the site's database (what a restart does); the number ended."""
    with admin_connection(site.database_url) as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [_name(site)],
        ).fetchall()
    return len(rows)


def allow_connections(site, allowed):
    """ALLOW_CONNECTIONS false: every new connection is refused, a superuser's too."""
    with admin_connection(site.database_url) as conn:
        conn.execute(f'ALTER DATABASE "{_name(site)}" ALLOW_CONNECTIONS {str(allowed).lower()}')


def test_no_request_fails_after_the_database_connections_are_terminated(gunicorn_site):
    assert set(statuses(gunicorn_site, DATABASE_URLS)) == {200}  # workers keep connections
    assert terminate_connections(gunicorn_site) >= 1
    assert set(statuses(gunicorn_site, DATABASE_URLS)) == {200}


def test_while_the_database_refuses_connections_cached_pages_answer_and_others_get_503(
    gunicorn_site,
):
    site = gunicorn_site
    cached = f"{site.url}/de/veranstaltungen/"
    assert get(cached)[0] == 200
    assert get(cached)[1]["X-Cache"] == "HIT"  # one page cache for all workers
    allow_connections(site, False)
    try:
        terminate_connections(site)
        status, headers, _body = get(cached)
        assert status == 200 and headers["X-Cache"] == "HIT"
        # Not cached (the query string is never stored): the maintenance page.
        status, headers, body = get(f"{site.url}/de/?outage=1")
        assert status == 503 and headers["Retry-After"] == "60"
        assert '<html lang="de">' in body and "Wartung" in body
        status, _headers, body = get(f"{site.url}/en/?outage=1")
        assert status == 503 and '<html lang="en">' in body and "Maintenance" in body
        assert get(f"{site.url}/healthz/")[0] == 503
    finally:
        allow_connections(site, True)
    # The same processes, no restart: every answer needs the database and gets it.
    assert set(statuses(site, DATABASE_URLS, times=2)) == {200}
    assert get(f"{site.url}/de/?outage=1")[0] == 200
