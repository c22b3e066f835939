"""Saxony's 10 Landkreise and 3 kreisfreie Städte (since the Kreisreform of 1 Aug 2008).
Regions are found by slug, so running this again (or after edits) creates nothing twice."""

from django.db import migrations

REGIONS = [
    ("Bautzen", "landkreis-bautzen", "district", "Bautzen"),
    ("Erzgebirgskreis", "erzgebirgskreis", "district", "Annaberg-Buchholz"),
    ("Görlitz", "landkreis-goerlitz", "district", "Görlitz"),
    ("Leipzig", "landkreis-leipzig", "district", "Borna"),
    ("Meißen", "landkreis-meissen", "district", "Meißen"),
    ("Mittelsachsen", "landkreis-mittelsachsen", "district", "Freiberg"),
    ("Nordsachsen", "landkreis-nordsachsen", "district", "Torgau"),
    ("Sächsische Schweiz-Osterzgebirge", "saechsische-schweiz-osterzgebirge", "district", "Pirna"),
    ("Vogtlandkreis", "vogtlandkreis", "district", "Plauen"),
    ("Zwickau", "landkreis-zwickau", "district", "Zwickau"),
    ("Chemnitz", "stadt-chemnitz", "city", ""),
    ("Dresden", "stadt-dresden", "city", ""),
    ("Leipzig", "stadt-leipzig", "city", ""),
]


def create_regions(apps, schema_editor):
    Region = apps.get_model("cases", "Region")
    for name, slug, kind, seat in REGIONS:
        Region.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "seat": seat})


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(create_regions, migrations.RunPython.noop)]
