"""Form questions become translatable (wagtail-localize): each barrierreportfield row gets its page's
locale, and the German and English rows of one question (same page translation, same position)
share one translation key, so syncing a translation updates instead of duplicating them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def set_locales(apps, schema_editor):
    # Plain values: historical form page models cannot be instantiated (their form mixins need
    # attributes that only the real classes have).
    Field = apps.get_model("home", "barrierreportfield")
    Page = apps.get_model("wagtailcore", "Page")
    rows = list(Field.objects.order_by("pk").values_list("pk", "page_id", "sort_order"))
    pages = dict(
        (pk, (key, locale))
        for pk, key, locale in Page.objects.filter(pk__in={r[1] for r in rows}).values_list(
            "pk", "translation_key", "locale_id"
        )
    )
    keys = {}
    for pk, page_id, sort_order in rows:
        page_key, locale_id = pages[page_id]
        key = keys.setdefault((page_key, sort_order), uuid.uuid4())
        Field.objects.filter(pk=pk).update(locale_id=locale_id, translation_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_outbox_mail"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="barrierreportfield",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="barrierreportfield",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(set_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="barrierreportfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="barrierreportfield",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="barrierreportfield", unique_together={("translation_key", "locale")}
        ),
        migrations.AddField(
            model_name="sitesettings",
            name="form_notification_email",
            field=models.EmailField(
                blank=True,
                help_text="Who is told about barrier reports, survey answers and other form submissions. Empty: the contact email.",
                max_length=254,
                verbose_name="form notifications",
            ),
        ),
    ]
