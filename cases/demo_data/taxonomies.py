"""Topics, target groups and organisations of the demo. Organisations are fictional
offices or associations in real Saxon places."""

TOPICS = [  # slug_de, slug_en, name_de, name_en
    (
        "stadtentwicklung",
        "urban-development",
        "Stadt- und Ortsentwicklung",
        "Urban and village development",
    ),
    ("klima-energie", "climate-energy", "Klimaschutz und Energie", "Climate protection and energy"),
    ("mobilitaet", "mobility", "Mobilität und Verkehr", "Mobility and transport"),
    ("kinder-jugend", "children-youth", "Kinder und Jugend", "Children and youth"),
    ("bildung", "education", "Bildung und Schule", "Education and schools"),
    ("zusammenhalt", "social-cohesion", "Soziales und Zusammenhalt", "Social affairs and cohesion"),
    ("haushalt", "budget", "Haushalt und Finanzen", "Budget and finance"),
    ("kultur", "culture", "Kultur und Freizeit", "Culture and leisure"),
    ("strukturwandel", "structural-change", "Strukturwandel", "Structural change"),
    ("gesundheit-pflege", "health-care", "Gesundheit und Pflege", "Health and care"),
]

TARGET_GROUPS = [
    ("alle", "everyone", "Alle Einwohnerinnen und Einwohner", "All residents"),
    ("kinder", "children", "Kinder", "Children"),
    ("jugendliche", "young-people", "Jugendliche", "Young people"),
    ("seniorinnen-senioren", "older-people", "Seniorinnen und Senioren", "Older people"),
    (
        "migration",
        "migration",
        "Menschen mit Migrationsgeschichte",
        "People with a migration background",
    ),
    ("behinderung", "disabilities", "Menschen mit Behinderungen", "People with disabilities"),
    ("vereine", "associations", "Vereine und Initiativen", "Associations and initiatives"),
    ("wirtschaft", "businesses", "Unternehmen und Gewerbe", "Businesses"),
]

ORGANISATIONS = [  # name, kind, region slug
    (
        "Stadtverwaltung Pirna – Beispielamt für Bürgerbeteiligung",
        "municipality",
        "saechsische-schweiz-osterzgebirge",
    ),
    ("Jugendring Vogtland (Beispiel)", "association", "vogtlandkreis"),
    ("Stadt Chemnitz – Bürgerbüro (Beispiel)", "municipality", "stadt-chemnitz"),
    ("Landeshauptstadt Dresden – Beispielreferat Mobilität", "municipality", "stadt-dresden"),
    ("Quartiersverein Leipzig-Ost (Beispiel)", "association", "stadt-leipzig"),
    (
        "Landratsamt Landkreis Leipzig – Beispielstab Strukturwandel",
        "district",
        "landkreis-leipzig",
    ),
    ("Gemeinde am Bautzener Land (Beispiel)", "municipality", "landkreis-bautzen"),
    ("Seniorenbeirat Erzgebirge (Beispiel)", "association", "erzgebirgskreis"),
    ("Energiedialog Oberlausitz (Beispiel)", "association", "landkreis-goerlitz"),
    ("Kulturverein Elbland (Beispiel)", "association", "landkreis-meissen"),
    ("Inklusionsnetz Mittelsachsen (Beispiel)", "association", "landkreis-mittelsachsen"),
    ("Stadt Torgau – Beispielstelle Statistik", "municipality", "landkreis-nordsachsen"),
    ("Kinder- und Jugendbüro Zwickau (Beispiel)", "municipality", "landkreis-zwickau"),
]
