"""Synthetic cases for benchmarks (`generate_bench_content`).

Creating 10 000 pages through `add_child` + revisions + translations would take hours, so
cases are written in bulk: tree paths are computed with treebeard's own path helpers, the
`wagtailcore_page` rows are bulk-inserted, then the `cases_casepage` rows (multi-table
inheritance, which `bulk_create` refuses, so we use the queryset's batched insert for the
child table only), then the many-to-many rows, and the parent's `numchild` is bumped.
Cases are live, German, without revisions or translations, and marked `is_example`.
Running again tops up to N: existing bench cases (slug prefix) are kept.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from home.bulk_index import index_objects
from home.caching import bump_generation

from .choices import Format, ParticipationLevel, Recruitment, Status
from .models import CaseIndexPage, CasePage, MethodPage, Organisation, Region, TargetGroup, Topic

SLUG_PREFIX = "bench-case-"
BATCH = 1000
WORDS = (
    "Beteiligung Zukunft Stadtteil Dorf Schule Park Radweg Jugend Klima Haushalt Kultur Markt "
    "Bibliothek Spielplatz Nahverkehr Energie Senioren Quartier Leitbild Innenstadt"
).split()


def _index_page():
    locale = Locale.objects.get(language_code="de")
    index = CaseIndexPage.objects.filter(locale=locale).first()
    if index is None:
        from django.core.management import call_command

        call_command("load_demo_content", verbosity=0)
        index = CaseIndexPage.objects.get(locale=locale)
    return index


def generate(cases=1000, seed=7, search_index=True, stdout=None):
    """Make sure `cases` bench cases exist; returns how many were created."""
    rng = random.Random(seed)
    index = _index_page()
    existing = CasePage.objects.child_of(index).filter(slug__startswith=SLUG_PREFIX).count()
    missing = max(0, cases - existing)
    if not missing:
        return 0

    regions = list(Region.objects.all())
    topics = list(Topic.objects.filter(locale=index.locale))
    groups = list(TargetGroup.objects.filter(locale=index.locale))
    methods = list(MethodPage.objects.live().filter(locale=index.locale))
    organisations = list(Organisation.objects.all())
    content_type = ContentType.objects.get_for_model(CasePage)
    created_pks = []

    for start in range(existing, existing + missing, BATCH):
        stop = min(start + BATCH, existing + missing)
        with transaction.atomic():
            created_pks += _create_batch(
                index,
                range(start, stop),
                rng,
                content_type,
                regions,
                topics,
                groups,
                methods,
                organisations,
            )
        if stdout:
            stdout.write(f"  {stop - existing}/{missing} cases")
    if search_index:
        index_objects({CasePage: created_pks})
    analyze()
    # Bulk inserts send no signals: tell the page cache and derived caches (home/caching).
    bump_generation("bench cases")
    return missing


# Tables the case listing reads; the many-to-many tables are named after the fields.
LISTING_TABLES = (
    "wagtailcore_page",
    "cases_casepage",
    "cases_casepage_topics",
    "cases_casepage_target_groups",
    "cases_casepage_methods",
)


def analyze(connection=None):
    """Refresh PostgreSQL's planner statistics after a bulk insert, so the listing's
    queries get sensible plans before (or without) autovacuum."""
    connection = connection or db_connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(LISTING_TABLES))


def _create_batch(
    index, numbers, rng, content_type, regions, topics, groups, methods, organisations
):
    index = Page.objects.select_for_update().get(pk=index.pk)  # fresh numchild, serialised writers
    last_child = index.get_last_child()
    position = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    now = timezone.now()
    used_refs = set(
        CasePage.objects.filter(reference_number__startswith="19").values_list(
            "reference_number", flat=True
        )
    )

    base_pages, details = [], []
    for n in numbers:
        position += 1
        slug = f"{SLUG_PREFIX}{n}"
        title = f"{rng.choice(WORDS)}-Dialog {n}"
        start_date = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 11))
        status = rng.choice(Status.values)
        # Reference numbers from a year no real case uses (19xx), unique per bench case.
        ref = f"{1900 + n // 100000}-{n % 100000:05d}"
        while ref in used_refs:  # pragma: no cover - only if someone used 19xx numbers
            ref = f"{int(ref[:4]) + 1}-{ref[5:]}"
        used_refs.add(ref)
        base_pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                locale_id=index.locale_id,
                path=Page._get_path(index.path, index.depth + 1, position),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                live_revision=None,
                latest_revision=None,
                translation_key=uuid.uuid4(),
                show_in_menus=False,
            )
        )
        details.append(
            {
                "teaser": "Synthetisches Beteiligungsverfahren für Lasttests.",
                "reference_number": ref,
                "subject": f"{rng.choice(WORDS)} und {rng.choice(WORDS)}",
                "municipality": rng.choice(["Musterstadt", "Beispieldorf", "Neustadt", "Altdorf"]),
                "region_id": rng.choice(regions).pk,
                "organisation_id": rng.choice(organisations).pk if organisations else None,
                "start_date": start_date,
                "end_date": start_date + datetime.timedelta(days=rng.randint(30, 400))
                if status == Status.COMPLETED
                else None,
                "status": status,
                "format": rng.choice(Format.values),
                "participation_level": rng.choice(ParticipationLevel.values),
                "level_justification": "Synthetische Begründung.",
                "participant_count": rng.randint(5, 2000),
                "recruitment": rng.choice(Recruitment.values),
                "is_example": True,
            }
        )
    base_pages = Page.objects.bulk_create(base_pages, batch_size=BATCH)
    if any(page.pk is None for page in base_pages):  # backends without RETURNING
        by_slug = dict(
            Page.objects.filter(path__in=[p.path for p in base_pages]).values_list("path", "pk")
        )
        for page in base_pages:
            page.pk = by_slug[page.path]

    cases = []
    for page, fields in zip(base_pages, details, strict=True):
        case = CasePage(page_ptr_id=page.pk, **fields)
        case.id = page.pk
        cases.append(case)
    local_fields = [f for f in CasePage._meta.local_concrete_fields]
    CasePage.objects.all()._batched_insert(cases, local_fields, batch_size=BATCH)

    links = []
    for relation, pool, count in (
        ("topics", topics, 2),
        ("target_groups", groups, 2),
        ("methods", methods, 2),
    ):
        through = getattr(CasePage, relation).through
        target = through._meta.get_field(
            {"topics": "topic", "target_groups": "targetgroup", "methods": "methodpage"}[relation]
        ).attname
        rows = []
        for case in cases:
            for obj in rng.sample(pool, min(count, len(pool))):
                rows.append(through(casepage_id=case.pk, **{target: obj.pk}))
        through.objects.bulk_create(rows, batch_size=BATCH)
        links.append(len(rows))

    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(cases))
    return [case.pk for case in cases]
