"""Carry images uploaded before the credited image model existed over with the same ids, so the
page fields and StreamField blocks that point at them keep working. Their credit is left empty:
editors must add it (the admin form requires it) before the image is saved again."""

from django.db import migrations

FIELDS = (
    "id",
    "title",
    "file",
    "description",
    "width",
    "height",
    "created_at",
    "uploaded_by_user_id",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "collection_id",
)


def copy_images(apps, schema_editor):
    Old = apps.get_model("wagtailimages", "Image")
    New = apps.get_model("images", "CustomImage")
    copied = [
        New(**{field: getattr(old, field) for field in FIELDS}, credit="", licence="")
        for old in Old.objects.all().iterator()
        if not New.objects.filter(pk=old.pk).exists()
    ]
    if not copied:
        return
    New.objects.bulk_create(copied)
    # Explicit ids leave PostgreSQL's sequence behind; the next upload would collide.
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(schema_editor.connection.no_style(), [New]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_custom_image"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
