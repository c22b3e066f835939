"""Load the demo content: German pages with English translations. Idempotent."""

from contextlib import contextmanager
from importlib import import_module
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models.signals import post_save
from django.test import Client
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from home.bulk_index import batched_search_index
from home.site_url import sync_site_record

# Each app contributes a `demo` module with a `load()` function, run in this order.
DEMO_MODULES = [
    "home.demo",
    "cases.demo",
    "events.demo",
    "network.demo",
    "insights.demo",
    "newsletter.demo",
    "images.demo",
]


class Command(BaseCommand):
    help = "Load German/English demo content. Safe to run again: existing pages are kept."

    def handle(self, *args, **options):
        # Links in the demo's mails, feeds and exports use the Site record: keep it on SITE_URL.
        sync_site_record()
        newest_before = Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # A page is saved several times while it is created, published and translated; index
        # each saved object once at the end instead of on every save (same index, less work).
        with batched_search_index(), batched_reference_index():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as error:
                    if error.name != name:
                        raise
                    continue
                with transaction.atomic():
                    module.load()
                self.stdout.write(f"Loaded {name}")
        # Only after a run that added pages: a run that found everything in place adds nothing
        # new to show, and stays quick.
        created = Page.objects.filter(pk__gt=newest_before).exists()
        failed = render_every_page() if created else []
        for url, status in failed:
            self.stderr.write(f"{url} answered {status}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))


def render_every_page():
    """Ask for every live, public page once, through the whole request path, and return the
    [(url, status)] that did not answer 200. Why: the first request for a page makes the
    renditions of its images (AVIF and WebP at up to three widths, seconds of encoding), so
    this way neither the first readers of the demo nor each test that renders a page (its
    rendition rows roll back with its transaction) wait for the encoder."""
    site = urlsplit(settings.SITE_URL)
    client = Client(HTTP_HOST=site.netloc, secure=site.scheme == "https")
    client.raise_request_exception = False
    failed = []
    for page in Page.objects.live().public().filter(depth__gt=1).specific(defer=True):
        url = page.url
        if url:
            status = client.get(url).status_code
            if status != 200:
                failed.append((url, status))
    return failed


@contextmanager
def batched_reference_index():
    """Wagtail's reference index (the admin's "usage" counts), updated once per saved object
    at the end, by Wagtail's own task, instead of once per save."""
    saved = set()

    def collect(sender, instance, raw=False, **kwargs):
        if not raw and sender in ReferenceIndex.tracked_models:
            saved.add((instance._meta.app_label, instance._meta.model_name, str(instance.pk)))

    post_save.connect(collect, weak=False, dispatch_uid="demo-reference-index")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="demo-reference-index")
    for app_label, model_name, pk in sorted(saved):
        update_reference_index_task.enqueue(app_label, model_name, pk)
