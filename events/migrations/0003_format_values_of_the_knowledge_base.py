"""Events share the knowledge base's Format choices (cases.choices.Format): the stored value
"on_site" becomes "on-site" ("online" and "hybrid" are the same in both).

Converted: the live field, every revision of an event (drafts, history, what "publish" or
"revert" would bring back) and wagtail-localize's translation sources (it copies synchronised
fields such as the format from them into translations). Reversible. With Elasticsearch, run
`update_index` afterwards: the indexed documents carry the value as a filter field."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

FORWARDS = {"on_site": "on-site"}
BACKWARDS = {new: old for old, new in FORWARDS.items()}


def convert(apps, mapping):
    EventPage = apps.get_model("events", "EventPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for old, new in mapping.items():
        EventPage.objects.filter(format=old).update(format=new)

    event = {"app_label": "events", "model": "eventpage"}
    revisions = Revision.objects.filter(
        content_type__app_label=event["app_label"],
        content_type__model=event["model"],
        content__format__in=list(mapping),
    ).only("pk", "content")
    changed = []
    for revision in revisions.iterator(chunk_size=500):
        revision.content["format"] = mapping[revision.content["format"]]
        changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=500)

    sources = TranslationSource.objects.filter(
        specific_content_type__app_label=event["app_label"],
        specific_content_type__model=event["model"],
    ).only("pk", "content_json")
    changed = []
    for source in sources.iterator(chunk_size=500):
        content = json.loads(source.content_json)
        if content.get("format") in mapping:
            content["format"] = mapping[content["format"]]
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            changed.append(source)
    TranslationSource.objects.bulk_update(changed, ["content_json"], batch_size=500)


def forwards(apps, schema_editor):
    convert(apps, FORWARDS)


def backwards(apps, schema_editor):
    convert(apps, BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_related_cases_methods"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventpage",
            name="format",
            field=models.CharField(
                choices=[("on-site", "On site"), ("online", "Online"), ("hybrid", "Hybrid")],
                default="on-site",
                max_length=20,
                verbose_name="format",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
