"""Starting synonym groups for both languages; editors change them under Settings."""

from django.db import migrations

GROUPS = [
    ("de", "Senioren, Seniorinnen, Seniorinnen und Senioren, ältere Menschen"),
    ("de", "Radverkehr, Fahrrad, Fahrräder, Radfahren"),
    ("de", "Jugendliche, junge Menschen, junge Leute"),
    ("de", "Bürgerhaushalt, Beteiligungshaushalt"),
    ("en", "elderly, older people, senior citizens, seniors"),
    ("en", "cycling, bicycle, bicycles, bike, bikes"),
    ("en", "young people, youth"),
]


def add_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language, terms in GROUPS:
        SynonymGroup.objects.get_or_create(language=language, terms=terms)


def remove_groups(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language, terms in GROUPS:
        SynonymGroup.objects.filter(language=language, terms=terms).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0004_synonym_group")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
