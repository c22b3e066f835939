"""Ministry editors may mark cases as featured; guest editors may not (DESIGN §5)."""

from django.db import migrations

MINISTRY_EDITORS = "Ministry editors"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="cases", model="casepage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="feature_casepage", defaults={"name": "Can mark cases as featured"}
    )
    group, _ = Group.objects.get_or_create(name=MINISTRY_EDITORS)
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_feature_permission"),
        ("home", "0003_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
