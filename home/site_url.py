"""The public base URL (settings.SITE_URL) and the Wagtail Site record that follows it.

Absolute URLs come from two places: our own code (`absolute_url`) and Wagtail's
`page.get_full_url()` / the API's `html_url`, which read the default Site's hostname and port.
`sync_site_record()` keeps that record in step with SITE_URL; it runs after every `migrate`
(home/signals.py) and in load_demo_content, so nobody edits the Site by hand.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(url):
    """`url` (a root-relative path such as "/de/verfahren/") on the public base URL; URLs
    that are already absolute are returned unchanged."""
    if not url or urlsplit(url).scheme:
        return url
    return settings.SITE_URL + "/" + url.lstrip("/")


def site_host_and_port():
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_site_record(using="default"):
    """Point the default Wagtail Site at SITE_URL's host and port. Returns the Site when it
    changed, None otherwise (nothing to do, or no default Site yet)."""
    from wagtail.models import Site

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    return site
