"""Ministry editors may send newsletter issues (found by group name; idempotent)."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="newsletter", model="newsletterissuepage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="send_newsletterissuepage",
        defaults={"name": "Can send newsletter issues"},
    )
    group, _ = Group.objects.get_or_create(name="Ministry editors")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_subscribers_issues_deliveries"),
        ("home", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
