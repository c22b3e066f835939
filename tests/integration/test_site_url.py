"""SITE_URL is the one public base URL: every absolute URL the site writes (mails, .ics,
CSV/JSON exports, JSON-LD, sitemap, robots.txt, API, canonical and hreflang links) uses its
scheme, host and port, and the Wagtail Site record follows it after migrate and the demo load.

The outputs are parsed (mail bodies, iCalendar, CSV, JSON, XML, HTML) and every absolute URL in
them is checked, with a base that is neither the test client's host nor a default port."""

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse
from wagtail.models import Site

from home.site_url import sync_site_record
from tests.integration.test_events import cancel_link, jsonld, make_event, parse_ics, register
from tests.integration.test_roles import make_user, submitted_by_guest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8123"
EVENT_DE = "/de/veranstaltungen/zweites-netzwerktreffen-2022/"
URLS_IN_TEXT = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def public_url(settings):
    """The settings as SITE_URL=BASE in the environment makes them, and the Site record as
    `migrate` leaves it."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = BASE
    assert sync_site_record() is not None
    return BASE


def assert_on_base(url):
    parts = urlsplit(url)
    assert (parts.scheme, parts.hostname, parts.port) == ("http", "127.0.0.1", 8123), url


def assert_all_on_base(text, at_least=1):
    """Every absolute URL in `text` except schema.org vocabulary is on BASE."""
    urls = [u for u in URLS_IN_TEXT.findall(text) if not u.startswith("https://schema.org")]
    assert len(urls) >= at_least, text
    for url in urls:
        assert_on_base(url)
    return urls


# --- settings and the Site record ---------------------------------------------------------------


def _settings_in_subprocess(**env):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SITE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL]))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WAGTAIL"))}
    clean.update(DJANGO_SETTINGS_MODULE="netzwerk.settings.dev", **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_one_variable_sets_the_public_admin_and_api_base_urls():
    result = _settings_in_subprocess(SITE_URL="HTTP://Demo.Example.org:8123/")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["http://demo.example.org:8123"] * 3


@pytest.mark.parametrize(
    "value", ["demo.example.org", "ftp://demo.example.org", "https://a.b/sub/", "https://a.b:8443"]
)
def test_a_malformed_site_url_is_refused(value):
    result = _settings_in_subprocess(SITE_URL=value)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SITE_URL" in result.stderr


def test_migrate_points_the_site_record_at_site_url(settings):
    settings.SITE_URL = "https://netzwerk.example.org"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # as `migrate` does
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "netzwerk.example.org",
        443,
        "https://netzwerk.example.org",
    )


def test_demo_load_points_the_site_record_at_site_url(settings):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    settings.SITE_URL = BASE
    call_command("load_demo_content", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == BASE


# --- what readers and registrants receive -------------------------------------------------------


def test_registration_and_cancellation_mails_link_to_the_public_url(
    client, public_url, django_capture_on_commit_callbacks
):
    event = make_event("basis-url", registration_mode="form", capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert register(client, event).status_code == 200
    confirmation = mail.outbox[-1]
    urls = assert_all_on_base(confirmation.body, at_least=2)
    assert any(urlsplit(u).path == event.url for u in urls), urls
    cancel = cancel_link(confirmation)
    _name, content, _type = confirmation.attachments[0]
    assert_on_base(str(parse_ics(content)[1][0]["URL"]))

    # The cancel link works on the path it names and the cancellation mail links back too.
    parts = urlsplit(cancel)
    assert client.get(f"{parts.path}?{parts.query}").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(parts.path, {"token": parse_qs(parts.query)["token"][0]})
    assert response.status_code == 200
    assert mail.outbox[-1] is not confirmation
    assert_all_on_base(mail.outbox[-1].body)


def test_ics_and_calendar_feed_urls(client, public_url):
    _cal, events = parse_ics(client.get(EVENT_DE + "ics/").content)
    assert_on_base(str(events[0]["URL"]))
    feed = client.get("/de/veranstaltungen/kalender/")
    assert feed.status_code == 200
    _cal, events = parse_ics(feed.content)
    assert events
    for event in events:
        assert_on_base(str(event["URL"]))


def test_json_ld_url(client, public_url):
    data = jsonld(client.get(EVENT_DE))
    assert_on_base(data["url"])
    assert urlsplit(data["url"]).path == EVENT_DE


def _body(response):
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def test_case_exports_url_column(client, public_url):
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/de/verfahren/?format=csv")))))
    assert rows
    for row in rows:
        assert_on_base(row["url"])
    export = json.loads(_body(client.get("/en/cases/?format=json")))
    for key in ("source", "codebook", "dataset"):
        assert_on_base(export[key])
    records = export["records"]
    assert records
    for record in records:
        assert_on_base(record["url"])


def test_sitemap_and_robots(client, public_url):
    robots = client.get("/robots.txt").text
    sitemap_line = next(line for line in robots.splitlines() if line.startswith("Sitemap:"))
    assert_on_base(sitemap_line.split(None, 1)[1])
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = [loc.text for loc in root.findall("s:url/s:loc", ns)]
    alternates = [link.get("href") for link in root.findall("s:url/x:link", ns)]
    assert len(locations) > 20 and alternates
    for url in locations + alternates:
        assert_on_base(url)


def test_api_detail_and_html_urls(client, public_url):
    listing = client.get("/api/v2/pages/?type=events.EventPage").json()
    assert listing["items"]
    for item in listing["items"]:
        assert_on_base(item["meta"]["detail_url"])
        assert_on_base(item["meta"]["html_url"])
    detail = client.get(urlsplit(listing["items"][0]["meta"]["detail_url"]).path).json()
    assert_on_base(detail["meta"]["html_url"])


def test_canonical_and_hreflang_links(client, public_url):
    html = client.get(EVENT_DE).text
    links = re.findall(r'<link rel="(canonical|alternate)"[^>]*href="([^"]+)"', html)
    absolute = [href for _rel, href in links if "://" in href]
    assert any(rel == "canonical" for rel, _href in links)
    assert len(absolute) >= 3  # canonical, de, en (+ x-default)
    for url in absolute:
        assert_on_base(url)
    for url in re.findall(r'<meta property="og:[a-z:]+" content="(https?://[^"]+)"', html):
        assert_on_base(url)


def test_atom_feeds_and_webcal_link(client, public_url):
    import feedparser

    for path in ("/de/feeds/aktuelles/", "/en/feeds/news/", "/de/feeds/veranstaltungen/"):
        response = client.get(path)
        assert response.status_code == 200, path
        parsed = feedparser.parse(response.content)
        links = [link["href"] for link in parsed.feed.links]
        links += [link["href"] for entry in parsed.entries for link in entry.links]
        assert links, path
        for url in links:
            assert_on_base(url)
    html = client.get("/de/veranstaltungen/").text
    for url in re.findall(r'href="(webcal://[^"]+)"', html):
        assert_on_base(url.replace("webcal://", "http://", 1))


# --- what editors receive -----------------------------------------------------------------------


def test_moderation_and_approval_mails_link_to_the_admin_on_the_public_url(client, public_url):
    from home.permissions import GUEST_EDITORS, MINISTRY_EDITORS

    ministry = make_user("url-ministry", MINISTRY_EDITORS)
    guest = make_user("url-guest", GUEST_EDITORS)
    mail.outbox.clear()
    page, task_state = submitted_by_guest(client, guest, "Basis-URL", "basis-url-news")
    to_reviewer = [m for m in mail.outbox if ministry.email in m.to]
    assert to_reviewer
    assert any(u.startswith(BASE + "/admin/") for u in assert_all_on_base(to_reviewer[0].body))

    mail.outbox.clear()
    client.force_login(ministry)
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    client.post(approve, {"comment": ""})
    to_guest = [m for m in mail.outbox if guest.email in m.to]
    assert to_guest
    assert_all_on_base(to_guest[0].body)


def test_invitation_mail_links_to_the_public_url(public_url, django_capture_on_commit_callbacks):
    from cases.models import Organisation
    from home.invitations import invite_guest_editor

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invite_guest_editor("url-invite@example.org", Organisation.objects.first())
    (message,) = mail.outbox
    urls = assert_all_on_base(message.body)
    assert any("/admin/password_reset/" in u for u in urls), urls
