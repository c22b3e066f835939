"""Synthetic events for `make bench` (called by cases' generate_bench_content).

Pages are added with treebeard's add_child but without revisions or translations, which is
what makes thousands of them affordable; they are live, German, under the German index."""

import datetime
import random

from django.utils import timezone
from wagtail.models import Locale

from cases.choices import Format

from .formatting import EVENT_TZ
from .models import EventIndexPage, EventPage, EventType, RegistrationMode

SLUG_PREFIX = "bench-event-"


def generate(events=100, upcoming_share=0.25, seed=4):
    """Create `events` synthetic events (a quarter upcoming by default); returns how many
    were created. Existing bench events are kept, so running it again adds none twice."""
    rng = random.Random(seed)
    locale = Locale.objects.get(language_code="de")
    index = EventIndexPage.objects.filter(locale=locale).first()
    if index is None:
        from .demo import load

        load()
        index = EventIndexPage.objects.get(locale=locale)
    existing = set(
        EventPage.objects.child_of(index)
        .filter(slug__startswith=SLUG_PREFIX)
        .values_list("slug", flat=True)
    )
    today = timezone.localdate(timezone=EVENT_TZ)
    types, formats = EventType.values, Format.values
    created = 0
    for n in range(events):
        slug = f"{SLUG_PREFIX}{n}"
        if slug in existing:
            continue
        upcoming = n < events * upcoming_share
        offset = rng.randint(1, 400) if upcoming else -rng.randint(1, 3650)
        start = datetime.datetime.combine(
            today + datetime.timedelta(days=offset),
            datetime.time(rng.choice([9, 10, 13, 16])),
            EVENT_TZ,
        )
        event_format = rng.choice(formats)
        page = EventPage(
            slug=slug,
            title=f"Bench-Veranstaltung {n}",
            teaser="Synthetische Veranstaltung für Lasttests.",
            event_type=rng.choice(types),
            format=event_format,
            venue_name="" if event_format == Format.ONLINE else "Rathaus",
            venue_address="" if event_format == Format.ONLINE else "Markt 1\n01067 Dresden",
            organiser="Netzwerk Bürgerbeteiligung",
            start=start,
            end=start + datetime.timedelta(hours=rng.randint(1, 6)),
            registration_mode=rng.choice(RegistrationMode.values),
            registration_url="https://example.org/anmeldung",
            capacity=rng.choice([None, 20, 50]),
            locale=locale,
            live=True,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        index.add_child(instance=page)
        created += 1
    return created
