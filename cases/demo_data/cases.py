"""Twelve-plus fictional example cases, one in every Saxon region. Real place names,
invented procedures: every case is marked `is_example` and shown with a badge."""

import datetime

D = datetime.date
CASES = []


def case(
    slugs,
    titles,
    teaser,
    subject,
    org,
    municipality,
    region,
    dates,
    status,
    fmt,
    level,
    justification,
    participants,
    recruitment,
    topics,
    groups,
    methods,
    funding,
    texts,
):
    CASES.append(
        {
            "slugs": slugs,
            "titles": titles,
            "teaser": teaser,
            "subject": subject,
            "organisation": org,
            "municipality": municipality,
            "region": region,
            "start_date": dates[0],
            "end_date": dates[1],
            "status": status,
            "format": fmt,
            "participation_level": level,
            "level_justification": justification,
            "participant_count": participants,
            "recruitment": recruitment,
            "topics": topics,
            "target_groups": groups,
            "methods": methods,
            "funding": funding,
            "texts": texts,
        }
    )


case(
    ("buergerrat-innenstadt-pirna", "citizens-assembly-pirna-centre"),
    ("Bürgerrat zur Innenstadt von Pirna", "Citizens' assembly on Pirna's town centre"),
    (
        "40 ausgeloste Menschen berieten, wie die Innenstadt belebt werden kann.",
        "40 people drawn by lot discussed how to revive the town centre.",
    ),
    ("Empfehlungen zur Belebung der Innenstadt", "Recommendations for reviving the town centre"),
    0,
    "Pirna",
    "saechsische-schweiz-osterzgebirge",
    (D(2024, 3, 1), D(2024, 7, 15)),
    "completed",
    "on-site",
    "consult",
    (
        "Der Bürgerrat gab Empfehlungen; der Stadtrat hat sie beraten, aber selbst entschieden.",
        "The assembly made recommendations; the council discussed them but decided itself.",
    ),
    40,
    "random",
    ["stadtentwicklung"],
    ["alle"],
    ["buergerrat"],
    ("frl", "Teil A – kommunale Vorhaben", 45000),
    {
        "context": (
            "Leerstand und wenig Aufenthaltsqualität prägten die Innenstadt.",
            "Empty shops and few places to linger marked the town centre.",
        ),
        "process": (
            "An vier Samstagen hörte der Bürgerrat Fachleute an und beriet in Kleingruppen.",
            "On four Saturdays the assembly heard experts and deliberated in small groups.",
        ),
        "results": (
            "Zwölf Empfehlungen, darunter Zwischennutzungen und mehr Grün.",
            "Twelve recommendations, including temporary uses and more greenery.",
        ),
        "outcome": (
            "Der Stadtrat beschloss acht Empfehlungen und berichtet jährlich über die Umsetzung.",
            "The council adopted eight recommendations and reports on them every year.",
        ),
        "lessons": (
            "Die Aufwandsentschädigung war entscheidend, um auch Berufstätige zu gewinnen.",
            "Compensation was key to winning working people for the assembly.",
        ),
    },
)
case(
    ("jugendforum-plauen", "youth-forum-plauen"),
    (
        "Jugendforum Plauen: Treffpunkte für junge Leute",
        "Plauen youth forum: places for young people",
    ),
    (
        "Jugendliche planten neue Treffpunkte in ihrer Stadt.",
        "Young people planned new meeting places in their town.",
    ),
    ("Treffpunkte für Jugendliche planen", "Planning meeting places for young people"),
    1,
    "Plauen",
    "vogtlandkreis",
    (D(2023, 4, 1), D(2023, 11, 30)),
    "completed",
    "hybrid",
    "co-create",
    (
        "Die Jugendlichen entwarfen die Treffpunkte selbst; die Stadt setzte die Entwürfe mit ihnen um.",
        "The young people designed the places themselves; the town built them together with them.",
    ),
    85,
    "open",
    ["kinder-jugend", "stadtentwicklung"],
    ["jugendliche"],
    ["zukunftswerkstatt", "online-umfrage"],
    ("frl", "Teil B – zivilgesellschaftliche Vorhaben", 18500),
    {
        "context": (
            "Es fehlten Orte, an denen sich Jugendliche ohne Konsumzwang treffen können.",
            "There were no places where young people could meet without having to buy anything.",
        ),
        "process": (
            "Nach einer Online-Umfrage folgte eine zweitägige Zukunftswerkstatt.",
            "An online survey was followed by a two-day future workshop.",
        ),
        "results": (
            "Drei Orte wurden ausgewählt und gestaltet.",
            "Three places were chosen and designed.",
        ),
        "outcome": (
            "Zwei Treffpunkte sind gebaut, der dritte folgt.",
            "Two places have been built, the third will follow.",
        ),
        "lessons": (
            "Jugendliche früh einbinden und schnell sichtbare Ergebnisse liefern.",
            "Involve young people early and deliver visible results quickly.",
        ),
    },
)
case(
    ("stadtteilbudget-chemnitz", "district-budget-chemnitz"),
    ("Stadtteilbudget Chemnitz", "Chemnitz district budget"),
    (
        "Einwohnerinnen und Einwohner entscheiden über kleine Projekte im Stadtteil.",
        "Residents decide on small projects in their district.",
    ),
    ("Vergabe eines Stadtteilbudgets", "Allocating a district budget"),
    2,
    "Chemnitz",
    "stadt-chemnitz",
    (D(2025, 2, 1), None),
    "running",
    "hybrid",
    "co-decide",
    (
        "Die Abstimmung der Einwohnerinnen und Einwohner ist für die Vergabe verbindlich.",
        "The residents' vote is binding for the allocation.",
    ),
    620,
    "open",
    ["haushalt", "zusammenhalt"],
    ["alle", "vereine"],
    ["buergerbudget"],
    ("budget", "", 25000),
    {
        "context": (
            "Viele kleine Ideen fanden bisher keinen Weg in den Haushalt.",
            "Many small ideas used to find no way into the budget.",
        ),
        "process": (
            "Vorschläge werden online und in Stadtteiltreffs gesammelt; abgestimmt wird an einem Aktionstag.",
            "Proposals are collected online and at district meeting points; the vote takes place on an action day.",
        ),
        "results": (
            "Bisher wurden 14 Projekte ausgewählt.",
            "So far 14 projects have been selected.",
        ),
        "outcome": (
            "Die Projekte werden mit Vereinen umgesetzt.",
            "Projects are carried out with local associations.",
        ),
        "lessons": (
            "Eine einfache Abstimmung vor Ort erreicht mehr Menschen als nur online.",
            "A simple vote on site reaches more people than online only.",
        ),
    },
)
case(
    ("online-dialog-radverkehr-dresden", "cycling-consultation-dresden"),
    ("Online-Dialog zum Radverkehrskonzept", "Online consultation on the cycling plan"),
    (
        "Der Entwurf des Radverkehrskonzepts wurde online kommentiert.",
        "The draft cycling plan was open for online comments.",
    ),
    ("Kommentierung eines Konzeptentwurfs", "Comments on a draft plan"),
    3,
    "Dresden",
    "stadt-dresden",
    (D(2023, 5, 2), D(2023, 6, 13)),
    "completed",
    "online",
    "consult",
    (
        "Die Kommentare flossen in die Abwägung ein; entschieden hat der Stadtrat.",
        "Comments were weighed in the planning; the council decided.",
    ),
    1450,
    "open",
    ["mobilitaet", "klima-energie"],
    ["alle"],
    ["online-dialog"],
    None,
    {
        "context": (
            "Das Radverkehrskonzept sollte mit Ortskenntnis der Radfahrenden verbessert werden.",
            "The cycling plan was to be improved with cyclists' local knowledge.",
        ),
        "process": (
            "Sechs Wochen Kommentierung auf dem Beteiligungsportal, begleitet von zwei Sprechstunden.",
            "Six weeks of comments on the participation portal, with two consultation hours.",
        ),
        "results": (
            "Über 2.000 Hinweise, vor allem zu Gefahrenstellen.",
            "More than 2,000 comments, mostly on dangerous spots.",
        ),
        "outcome": (
            "Ein Abwägungsbericht erklärt, welche Hinweise übernommen wurden.",
            "A report explains which comments were taken up.",
        ),
        "lessons": (
            "Eine Karte zum Verorten der Hinweise erhöhte die Qualität der Beiträge.",
            "A map for placing comments improved their quality.",
        ),
    },
)
case(
    ("planungswerkstatt-park-leipzig", "park-planning-workshop-leipzig"),
    ("Planungswerkstatt für einen Stadtteilpark", "Planning workshop for a neighbourhood park"),
    (
        "Anwohnende entwarfen mit Planerinnen einen Park.",
        "Residents designed a park with planners.",
    ),
    ("Gestaltung eines Stadtteilparks", "Designing a neighbourhood park"),
    4,
    "Leipzig",
    "stadt-leipzig",
    (D(2022, 9, 1), D(2022, 12, 10)),
    "completed",
    "on-site",
    "co-create",
    (
        "Die Entwürfe der Werkstatt wurden Grundlage der Ausführungsplanung.",
        "The workshop's designs became the basis of the detailed plans.",
    ),
    160,
    "open",
    ["stadtentwicklung", "klima-energie"],
    ["alle", "kinder"],
    ["charrette", "planning-for-real"],
    ("frl", "Teil B – zivilgesellschaftliche Vorhaben", 32000),
    {
        "context": (
            "Eine Brachfläche sollte zum Park werden.",
            "A brownfield site was to become a park.",
        ),
        "process": (
            "Ein Modell stand vier Wochen im Quartier, danach folgte eine viertägige Charrette.",
            "A model stood in the neighbourhood for four weeks, followed by a four-day charrette.",
        ),
        "results": (
            "Ein gemeinsamer Entwurf mit Spielbereich und Gemeinschaftsgarten.",
            "A joint design with a play area and a community garden.",
        ),
        "outcome": (
            "Der Park wird in zwei Bauabschnitten umgesetzt.",
            "The park is being built in two phases.",
        ),
        "lessons": (
            "Das Modell vor Ort erreichte Menschen, die nie zu Abendveranstaltungen kommen.",
            "The model on site reached people who never come to evening events.",
        ),
    },
)
case(
    ("runder-tisch-strukturwandel-borna", "round-table-structural-change-borna"),
    ("Runder Tisch Strukturwandel", "Round table on structural change"),
    (
        "Kommunen, Wirtschaft und Vereine beraten über die Zeit nach der Kohle.",
        "Municipalities, businesses and associations discuss life after coal.",
    ),
    ("Gemeinsame Leitlinien für den Strukturwandel", "Shared guidelines for structural change"),
    5,
    "Borna",
    "landkreis-leipzig",
    (D(2024, 1, 15), None),
    "running",
    "on-site",
    "co-create",
    (
        "Der Runde Tisch erarbeitet Leitlinien, die der Kreistag übernehmen will.",
        "The round table drafts guidelines that the district council intends to adopt.",
    ),
    24,
    "targeted",
    ["strukturwandel", "klima-energie"],
    ["vereine", "wirtschaft"],
    ["runder-tisch"],
    None,
    {
        "context": (
            "Der Kohleausstieg verändert Arbeit und Leben in der Region.",
            "The coal phase-out changes work and life in the region.",
        ),
        "process": (
            "Der Runde Tisch tagt alle zwei Monate, moderiert von einem externen Büro.",
            "The round table meets every two months, facilitated by an external agency.",
        ),
        "results": (
            "Ein erster Entwurf der Leitlinien liegt vor.",
            "A first draft of the guidelines is available.",
        ),
        "outcome": (
            "Der Kreistag berät den Entwurf im nächsten Jahr.",
            "The district council will discuss the draft next year.",
        ),
        "lessons": (
            "Klare Spielregeln zu Beginn verhindern spätere Konflikte.",
            "Clear ground rules at the start prevent later conflicts.",
        ),
    },
)
case(
    ("dorfgespraeche-grundschule", "village-talks-primary-school"),
    (
        "Dorfgespräche zur Zukunft der Grundschule",
        "Village talks on the future of the primary school",
    ),
    (
        "Eltern und Einwohnerschaft diskutierten Varianten für den Schulstandort.",
        "Parents and residents discussed options for the school site.",
    ),
    ("Varianten für einen Schulstandort", "Options for a school site"),
    6,
    "Gemeinde im Landkreis Bautzen",
    "landkreis-bautzen",
    (D(2024, 2, 5), D(2024, 4, 20)),
    "completed",
    "on-site",
    "consult",
    (
        "Die Meinungen wurden gesammelt und dem Gemeinderat vorgelegt.",
        "Views were collected and presented to the municipal council.",
    ),
    130,
    "open",
    ["bildung", "kinder-jugend"],
    ["alle", "kinder"],
    ["einwohnerversammlung", "world-cafe"],
    None,
    {
        "context": (
            "Sinkende Schülerzahlen stellten den Standort in Frage.",
            "Falling pupil numbers put the site in question.",
        ),
        "process": (
            "Eine Einwohnerversammlung informierte, ein World Café sammelte Ideen.",
            "A residents' meeting informed people, a World Café collected ideas.",
        ),
        "results": (
            "Eine klare Mehrheit wollte eine Kooperation mit dem Nachbarort.",
            "A clear majority favoured cooperation with the neighbouring village.",
        ),
        "outcome": (
            "Der Gemeinderat beschloss die Kooperation.",
            "The council decided on the cooperation.",
        ),
        "lessons": (
            "Kinderbetreuung während der Veranstaltungen brachte mehr Eltern.",
            "Childcare during events brought more parents.",
        ),
    },
)
case(
    ("seniorenmobilitaet-erzgebirge", "older-peoples-mobility-erzgebirge"),
    ("Mobil im Alter im Erzgebirge", "Staying mobile in old age in the Ore Mountains"),
    (
        "Fokusgruppen mit älteren Menschen zu Bus und Rufbus.",
        "Focus groups with older people on buses and on-demand buses.",
    ),
    ("Bedarfe älterer Menschen im Nahverkehr", "Older people's needs in public transport"),
    7,
    "Annaberg-Buchholz",
    "erzgebirgskreis",
    (D(2023, 9, 1), D(2023, 10, 31)),
    "completed",
    "on-site",
    "consult",
    (
        "Die Ergebnisse flossen als Hinweise in den Nahverkehrsplan ein.",
        "Results fed into the public transport plan as suggestions.",
    ),
    48,
    "targeted",
    ["mobilitaet", "gesundheit-pflege"],
    ["seniorinnen-senioren"],
    ["fokusgruppe", "stadtteilspaziergang"],
    None,
    {
        "context": (
            "Viele ältere Menschen erreichen Ärztinnen und Einkauf nur schwer.",
            "Many older people struggle to reach doctors and shops.",
        ),
        "process": (
            "Sechs Fokusgruppen in Dörfern und zwei Begehungen von Haltestellen.",
            "Six focus groups in villages and two walks along bus stops.",
        ),
        "results": (
            "Wunsch nach Rufbus-Bestellung per Telefon statt nur per App.",
            "People asked to book on-demand buses by phone, not only by app.",
        ),
        "outcome": (
            "Der Verkehrsverbund prüft eine Telefonbestellung.",
            "The transport association is examining telephone booking.",
        ),
        "lessons": (
            "Treffen im Dorfgemeinschaftshaus senken die Schwelle.",
            "Meeting in the village hall lowers the threshold.",
        ),
    },
)
case(
    ("mediation-windpark", "mediation-wind-farm"),
    ("Mediation zu einem Windpark", "Mediation on a wind farm"),
    (
        "Gegner und Befürworter eines Windparks suchten eine Einigung.",
        "Opponents and supporters of a wind farm sought agreement.",
    ),
    ("Konfliktklärung zu einem Windpark", "Resolving a wind farm conflict"),
    8,
    "Zittau",
    "landkreis-goerlitz",
    (D(2022, 3, 1), D(2022, 11, 30)),
    "completed",
    "on-site",
    "co-create",
    (
        "Die Parteien handelten eine Vereinbarung aus, die der Vorhabenträger umsetzt.",
        "The parties negotiated an agreement that the developer implements.",
    ),
    16,
    "targeted",
    ["klima-energie"],
    ["vereine", "wirtschaft"],
    ["mediation"],
    None,
    {
        "context": (
            "Ein geplanter Windpark spaltete die Nachbarschaft.",
            "A planned wind farm divided the neighbourhood.",
        ),
        "process": (
            "Acht Mediationssitzungen mit zwei Mediatorinnen.",
            "Eight mediation sessions with two mediators.",
        ),
        "results": (
            "Einigung auf Abstände, Bürgerbeteiligung am Ertrag und ein Monitoring.",
            "Agreement on distances, a community share in revenue and monitoring.",
        ),
        "outcome": (
            "Die Vereinbarung ist Teil der Genehmigung.",
            "The agreement is part of the permit.",
        ),
        "lessons": (
            "Vertraulichkeit schuf den Raum für Kompromisse.",
            "Confidentiality created room for compromise.",
        ),
    },
)
case(
    ("zukunftswerkstatt-kulturstandort", "future-workshop-cultural-venue"),
    ("Zukunftswerkstatt für einen Kulturstandort", "Future workshop for a cultural venue"),
    (
        "Ein leerstehendes Gebäude soll zum Kulturort werden.",
        "An empty building is to become a cultural venue.",
    ),
    ("Nutzungsideen für ein Kulturhaus", "Ideas for using a cultural centre"),
    9,
    "Radebeul",
    "landkreis-meissen",
    (D(2027, 3, 1), None),
    "planned",
    "on-site",
    "co-create",
    (
        "Die Ideen der Werkstatt sollen das Nutzungskonzept bestimmen.",
        "The workshop's ideas are to shape the usage concept.",
    ),
    None,
    "open",
    ["kultur"],
    ["vereine", "jugendliche"],
    ["zukunftswerkstatt"],
    None,
    {
        "context": (
            "Ein denkmalgeschütztes Gebäude steht leer.",
            "A listed building stands empty.",
        ),
        "process": (
            "Geplant ist eine zweitägige Zukunftswerkstatt.",
            "A two-day future workshop is planned.",
        ),
        "results": "",
        "outcome": "",
        "lessons": "",
    },
)
case(
    ("stadtteilspaziergang-barrierefreiheit", "accessibility-walk"),
    (
        "Barrieren entdecken: Stadtteilspaziergang in Freiberg",
        "Spotting barriers: neighbourhood walk in Freiberg",
    ),
    (
        "Menschen mit Behinderungen zeigten, wo es im Stadtzentrum hakt.",
        "People with disabilities showed where the town centre falls short.",
    ),
    ("Barrieren im öffentlichen Raum erfassen", "Recording barriers in public space"),
    10,
    "Freiberg",
    "landkreis-mittelsachsen",
    (D(2024, 5, 14), D(2024, 5, 14)),
    "completed",
    "on-site",
    "consult",
    (
        "Die Hinweise wurden gesammelt; über Maßnahmen entscheidet die Stadt.",
        "Suggestions were collected; the town decides on measures.",
    ),
    26,
    "open",
    ["stadtentwicklung", "zusammenhalt"],
    ["behinderung", "seniorinnen-senioren"],
    ["stadtteilspaziergang"],
    None,
    {
        "context": (
            "Kopfsteinpflaster und Stufen erschweren vielen den Weg.",
            "Cobblestones and steps make the way hard for many.",
        ),
        "process": (
            "Drei Routen mit Rollstuhl, Rollator und Langstock.",
            "Three routes with wheelchair, rollator and white cane.",
        ),
        "results": ("Eine Liste mit 37 Barrieren.", "A list of 37 barriers."),
        "outcome": (
            "Zehn Barrieren wurden bereits beseitigt.",
            "Ten barriers have already been removed.",
        ),
        "lessons": (
            "Betroffene als Expertinnen in eigener Sache ernst nehmen.",
            "Take affected people seriously as experts.",
        ),
    },
)
case(
    ("buergerpanel-torgau", "citizens-panel-torgau"),
    ("Bürgerpanel Lebensqualität", "Quality of life citizens' panel"),
    (
        "Eine Zufallsstichprobe wird zweimal im Jahr befragt.",
        "A random sample is surveyed twice a year.",
    ),
    ("Regelmäßige Befragung zur Lebensqualität", "Regular survey on quality of life"),
    11,
    "Torgau",
    "landkreis-nordsachsen",
    (D(2024, 6, 1), None),
    "running",
    "hybrid",
    "consult",
    (
        "Die Befragung informiert die Politik, bindet sie aber nicht.",
        "The survey informs politics but does not bind it.",
    ),
    800,
    "random",
    ["zusammenhalt", "gesundheit-pflege"],
    ["alle"],
    ["buergerpanel", "online-umfrage"],
    None,
    {
        "context": (
            "Die Stadt wollte verlässliche Daten zur Zufriedenheit.",
            "The town wanted reliable data on satisfaction.",
        ),
        "process": (
            "800 zufällig ausgewählte Personen antworten online oder auf Papier.",
            "800 randomly selected people answer online or on paper.",
        ),
        "results": (
            "Die erste Welle zeigte Bedarf bei Ärztinnen und Ärzten.",
            "The first wave showed a need for doctors.",
        ),
        "outcome": (
            "Die Ergebnisse gehen in die Haushaltsberatung ein.",
            "Results are fed into budget discussions.",
        ),
        "lessons": (
            "Papierfragebögen sind für Ältere weiter wichtig.",
            "Paper questionnaires remain important for older people.",
        ),
    },
)
case(
    ("kinder-jugendparlament-zwickau", "youth-parliament-zwickau"),
    ("Kinder- und Jugendparlament gründen", "Founding a youth parliament"),
    (
        "Junge Menschen entwickeln die Satzung ihres Parlaments selbst.",
        "Young people draft the statute of their parliament themselves.",
    ),
    ("Aufbau eines Jugendgremiums", "Setting up a youth body"),
    12,
    "Zwickau",
    "landkreis-zwickau",
    (D(2025, 9, 1), None),
    "running",
    "hybrid",
    "co-create",
    (
        "Die Jugendlichen schreiben die Satzung; der Stadtrat hat zugesagt, sie zu übernehmen.",
        "The young people write the statute; the council has promised to adopt it.",
    ),
    35,
    "open",
    ["kinder-jugend"],
    ["jugendliche", "kinder"],
    ["jugendparlament", "world-cafe"],
    ("frl", "Teil A – kommunale Vorhaben", 12000),
    {
        "context": (
            "Junge Menschen sollen nach § 47a SächsGemO beteiligt werden.",
            "Young people are to be involved under § 47a of the Saxon municipal code.",
        ),
        "process": (
            "Schulbesuche, ein Jugend-World-Café und eine Satzungswerkstatt.",
            "School visits, a youth World Café and a statute workshop.",
        ),
        "results": ("Ein Satzungsentwurf liegt vor.", "A draft statute exists."),
        "outcome": "",
        "lessons": "",
    },
)
