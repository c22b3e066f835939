"""Create the English locale, the German home page with its English translation, the
default Site, and the locale synchronisation (new German pages get English placeholders)."""

import uuid

from django.db import migrations

ROOT_PATH = "0001"
STEP = 4


def child_path(parent_path, index):
    return parent_path + f"{index:0{STEP}d}"


def create_home_pages(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")

    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    LocaleSynchronization.objects.get_or_create(locale=en, defaults={"sync_from": de})

    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    root = Page.objects.get(depth=1)
    # Remove Wagtail's placeholder welcome page (a plain Page at depth 2), if untouched.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()

    existing = list(Page.objects.filter(depth=2).values_list("path", flat=True))
    next_index = max((int(p[-STEP:]) for p in existing), default=0) + 1
    key = uuid.uuid4()
    pages = {}
    for offset, (locale, title, slug) in enumerate(
        [
            (de, "Netzwerk Bürgerbeteiligung Sachsen", "de"),
            (en, "Civic Participation Network Saxony", "en"),
        ]
    ):
        pages[locale.language_code] = HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=home_type,
            path=child_path(root.path, next_index + offset),
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locale,
            translation_key=key,
            live=True,
            has_unpublished_changes=False,
        )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page_id=pages["de"].pk,
            is_default_site=True, site_name="Netzwerk Bürgerbeteiligung Sachsen",
        )
    else:
        site.root_page_id = pages["de"].pk
        site.site_name = "Netzwerk Bürgerbeteiligung Sachsen"
        site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_home_pages, migrations.RunPython.noop)]
