"""Editorial roles (DESIGN §5): the groups "Ministry editors" and "Guest editors" with admin access,
the "Partner" collection for guest uploads, media permissions, page permissions on each locale's
home page and sections, and the "Ministry editors approval" workflow.

Idempotent: objects are found by name. The same code runs again after every migrate and when
sections or translations are created (home/signals.py), see home/permissions.py."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from home.permissions import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_locales_and_home_pages"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
