"""About 25 well-known participation methods. Figures follow DEMO-FACTS.md §5b; values
marked there as unconfirmed are kept plausible and typical."""

# key: (slug_de, slug_en, title_de, title_en)
# facts: participants (min, max), duration, duration text (de, en), effort, cost, levels,
# formats, phases, purposes, selection, conflicts, facilitation
# texts: teaser, description, use_when, avoid_when  (each (de, en))

M = []


def method(
    slugs,
    titles,
    facts,
    teaser,
    description,
    use_when,
    avoid_when,
    steps=(),
    strengths=None,
    weaknesses=None,
    variants=None,
):
    M.append(
        {
            "slugs": slugs,
            "titles": titles,
            "facts": facts,
            "teaser": teaser,
            "description": description,
            "use_when": use_when,
            "avoid_when": avoid_when,
            "steps": steps,
            "strengths": strengths,
            "weaknesses": weaknesses,
            "variants": variants,
        }
    )


def facts(
    people,
    duration,
    duration_text,
    effort,
    cost,
    levels,
    formats,
    phases,
    purposes,
    selection,
    conflicts=False,
    facilitation="helpful",
):
    return {
        "participants_min": people[0],
        "participants_max": people[1],
        "duration": duration,
        "duration_text": duration_text,
        "preparation_effort": effort,
        "cost": cost,
        "levels": levels,
        "formats": formats,
        "phases": phases,
        "purposes": purposes,
        "selection": selection,
        "suitable_for_conflicts": conflicts,
        "facilitation": facilitation,
    }


method(
    ("planungszelle", "planning-cell"),
    ("Planungszelle / Bürgergutachten", "Planning cell / citizens' report"),
    facts(
        (25, 100),
        "days",
        ("etwa 4 aufeinanderfolgende Tage je Zelle", "about 4 consecutive days per cell"),
        "high",
        "high",
        ["consult", "co-create"],
        ["on-site"],
        ["planning", "decision"],
        ["opinions", "plan"],
        ["random"],
        True,
        "professional",
    ),
    (
        "Zufällig ausgewählte Bürgerinnen und Bürger erarbeiten ein Bürgergutachten.",
        "Randomly selected residents write a citizens' report.",
    ),
    (
        "Etwa 25 per Los ausgewählte Personen wägen in einer Planungszelle mit Input von Fachleuten Lösungen ab. "
        "Oft arbeiten mehrere Zellen parallel; das Ergebnis ist ein schriftliches Bürgergutachten für die Auftraggeber.",
        "About 25 people drawn by lot weigh options with input from experts. Often several cells work in parallel; "
        "the result is a written citizens' report for the commissioning body.",
    ),
    (
        "Eine konkrete, umstrittene Planungsfrage soll ausgewogen beraten werden.",
        "A concrete, contested planning question needs balanced deliberation.",
    ),
    (
        "Die Entscheidung ist bereits gefallen oder es fehlt das Budget für Aufwandsentschädigungen.",
        "The decision has already been made or there is no budget for compensating participants.",
    ),
    steps=[
        ("Auftrag und Fragestellung klären", "Clarify the mandate and the question"),
        (
            "Teilnehmende per Zufall auswählen und einladen",
            "Select and invite participants at random",
        ),
        (
            "Informationsphasen mit Fachleuten und Interessenvertretungen",
            "Information sessions with experts and stakeholders",
        ),
        ("Beratung in wechselnden Kleingruppen", "Deliberation in changing small groups"),
        ("Bürgergutachten schreiben und übergeben", "Write and hand over the citizens' report"),
    ],
    strengths=(
        "Hohe Legitimität durch Zufallsauswahl; Menschen, die sonst nicht teilnehmen, kommen zu Wort.",
        "High legitimacy through random selection; people who rarely take part are heard.",
    ),
    weaknesses=(
        "Aufwendig und teuer; Teilnehmende brauchen Freistellung.",
        "Costly and time-consuming; participants need time off work.",
    ),
)
method(
    ("buergerrat", "citizens-assembly"),
    ("Bürgerrat", "Citizens' assembly"),
    facts(
        (30, 200),
        "weeks",
        (
            "mehrere Sitzungen an Abenden und Wochenenden, mind. 3 Monate Vorbereitung",
            "several sessions on evenings and weekends, at least 3 months of preparation",
        ),
        "high",
        "high",
        ["consult"],
        ["on-site", "hybrid"],
        ["agenda", "planning"],
        ["opinions", "ideas", "conflict"],
        ["random"],
        True,
        "professional",
    ),
    (
        "Eine per Los ausgewählte, vielfältige Gruppe berät eine öffentliche Frage.",
        "A diverse group drawn by lot deliberates a public question.",
    ),
    (
        "Ein Bürgerrat bringt zufällig ausgewählte Menschen zusammen, die eine Frage gründlich beraten und dem Rat "
        "oder Parlament Empfehlungen geben.",
        "A citizens' assembly brings together randomly selected people who deliberate a question thoroughly and give "
        "recommendations to the council or parliament.",
    ),
    (
        "Eine grundsätzliche Frage braucht die Perspektive der ganzen Bevölkerung.",
        "A fundamental question needs the perspective of the whole population.",
    ),
    (
        "Es gibt keine Bereitschaft, sich mit den Empfehlungen öffentlich auseinanderzusetzen.",
        "There is no willingness to respond publicly to the recommendations.",
    ),
    steps=[
        ("Frage und Verbindlichkeit festlegen", "Define the question and the commitment"),
        ("Losverfahren mit Gewichtung durchführen", "Draw participants by weighted lot"),
        ("Lernphase mit Expertinnen und Experten", "Learning phase with experts"),
        (
            "Moderierte Beratung und Abstimmung der Empfehlungen",
            "Facilitated deliberation and voting on recommendations",
        ),
        (
            "Übergabe und öffentliche Antwort der Politik",
            "Handover and public response by decision-makers",
        ),
    ],
    strengths=(
        "Vielfältige Zusammensetzung, gut begründete Empfehlungen.",
        "Diverse membership, well-reasoned recommendations.",
    ),
    weaknesses=(
        "Beratend; Wirkung hängt von der Selbstverpflichtung der Politik ab.",
        "Advisory; its impact depends on the commitment of decision-makers.",
    ),
    variants=(
        "Wisdom Council mit 10–30 Personen an 1,5 Tagen.",
        "Wisdom council with 10–30 people over 1.5 days.",
    ),
)
method(
    ("world-cafe", "world-cafe"),
    ("World Café", "World Café"),
    facts(
        (15, 200),
        "hours",
        ("3 Runden zu je 20–30 Minuten", "3 rounds of 20–30 minutes"),
        "low",
        "low",
        ["consult"],
        ["on-site", "online"],
        ["agenda", "planning", "evaluation"],
        ["opinions", "ideas"],
        ["open"],
    ),
    (
        "Gespräche an wechselnden Tischen öffnen ein Thema für viele.",
        "Conversations at changing tables open a topic to many.",
    ),
    (
        "An Tischen mit vier bis fünf Personen wird zu einer Frage diskutiert; nach jeder Runde wechseln die Gäste "
        "die Tische, nur die Gastgeberin bleibt.",
        "Four to five people discuss a question at each table; after each round the guests change tables, only the host stays.",
    ),
    (
        "Ein Thema soll geöffnet und Menschen sollen vernetzt werden.",
        "A topic should be opened up and people connected.",
    ),
    (
        "Es geht um detaillierte Planung oder um Entscheidungen.",
        "Detailed planning or decisions are needed.",
    ),
    steps=[
        ("Fragen formulieren", "Formulate questions"),
        ("Gesprächsrunden an Tischen", "Rounds of table conversations"),
        ("Tische wechseln", "Change tables"),
        ("Ergebnisse im Plenum sammeln", "Harvest results in plenary"),
    ],
    variants=("Als Online-Café mit Breakout-Räumen.", "As an online café with breakout rooms."),
)
method(
    ("open-space", "open-space"),
    ("Open-Space-Konferenz", "Open Space Technology"),
    facts(
        (20, 2000),
        "days",
        ("1–5 Tage, oft etwa 2,5 Tage", "1–5 days, often about 2.5 days"),
        "medium",
        "medium",
        ["inform", "consult", "co-create"],
        ["on-site"],
        ["agenda", "planning", "implementation"],
        ["ideas", "plan"],
        ["open"],
        False,
        "professional",
    ),
    (
        "Die Teilnehmenden setzen selbst die Tagesordnung.",
        "Participants set the agenda themselves.",
    ),
    (
        "Zu einem Leitthema schlagen die Teilnehmenden eigene Arbeitsgruppen vor; daraus entstehen oft Projekte.",
        "On one guiding theme, participants propose their own working groups, which often turn into projects.",
    ),
    (
        "Viele Menschen wollen sich mit eigenen Ideen einbringen.",
        "Many people want to contribute their own ideas.",
    ),
    ("Das Ergebnis steht schon fest.", "The outcome is already fixed."),
)
method(
    ("zukunftswerkstatt", "future-workshop"),
    ("Zukunftswerkstatt", "Future workshop"),
    facts(
        (15, 30),
        "days",
        ("1–3 Tage", "1–3 days"),
        "medium",
        "low",
        ["co-create"],
        ["on-site"],
        ["agenda", "planning"],
        ["ideas", "plan"],
        ["open", "targeted"],
        False,
        "professional",
    ),
    (
        "Von der Kritik über die Utopie zu konkreten Projekten.",
        "From critique through utopia to concrete projects.",
    ),
    (
        "Nach Robert Jungk durchläuft eine Gruppe Kritik-, Fantasie- und Verwirklichungsphase und macht aus Beschwerden Projektideen.",
        "Following Robert Jungk, a group moves through critique, fantasy and realisation phases and turns complaints into project ideas.",
    ),
    (
        "Eine Gruppe soll eigene Ideen für ihr Umfeld entwickeln.",
        "A group should develop its own ideas for its surroundings.",
    ),
    ("Es gibt keinen Spielraum für die Umsetzung.", "There is no room for implementation."),
    steps=[
        ("Kritikphase", "Critique phase"),
        ("Fantasiephase", "Fantasy phase"),
        ("Verwirklichungsphase", "Realisation phase"),
    ],
)
method(
    ("zukunftskonferenz", "future-search"),
    ("Zukunftskonferenz", "Future search conference"),
    facts(
        (30, 80),
        "days",
        ("2,5–3 Tage", "2.5–3 days"),
        "high",
        "medium",
        ["co-create"],
        ["on-site"],
        ["agenda", "planning"],
        ["plan", "ideas"],
        ["targeted"],
        True,
        "professional",
    ),
    (
        "Alle Beteiligten entwickeln ein gemeinsames Zukunftsbild.",
        "All stakeholders build a shared picture of the future.",
    ),
    (
        "Ein Querschnitt der Beteiligten betrachtet Vergangenheit, Gegenwart und gewünschte Zukunft und vereinbart Maßnahmen.",
        "A cross-section of stakeholders looks at past, present and desired future and agrees on action.",
    ),
    (
        "Viele Akteure sollen sich auf eine Richtung einigen.",
        "Many actors need to agree on a direction.",
    ),
    ("Wichtige Akteure können nicht teilnehmen.", "Key actors cannot take part."),
)
method(
    ("konsensuskonferenz", "consensus-conference"),
    ("Konsensuskonferenz / Bürgerkonferenz", "Consensus conference"),
    facts(
        (10, 30),
        "weeks",
        (
            "2 Vorbereitungswochenenden und eine etwa dreitägige öffentliche Konferenz",
            "2 preparation weekends and a public conference of about three days",
        ),
        "high",
        "high",
        ["consult"],
        ["on-site"],
        ["planning", "decision"],
        ["opinions", "decide"],
        ["random"],
        True,
        "professional",
    ),
    (
        "Ein Laienpanel befragt Fachleute und veröffentlicht eine Stellungnahme.",
        "A lay panel questions experts and publishes a statement.",
    ),
    (
        "Nach dänischem Vorbild befragen informierte Laien selbst gewählte Fachleute und veröffentlichen ein gemeinsames Votum.",
        "Following the Danish model, informed lay people question experts of their choice and publish a joint statement.",
    ),
    (
        "Eine technische oder wissenschaftliche Frage ist gesellschaftlich umstritten.",
        "A technical or scientific question is disputed in society.",
    ),
    ("Es geht um eine kleine lokale Frage.", "The question is small and local."),
)
method(
    ("deliberative-polling", "deliberative-polling"),
    ("Deliberative Polling", "Deliberative polling"),
    facts(
        (100, 500),
        "days",
        ("ein Wochenende", "one weekend"),
        "high",
        "high",
        ["consult"],
        ["on-site", "online"],
        ["decision"],
        ["opinions"],
        ["random"],
        True,
        "professional",
    ),
    (
        "Misst, wie sich Meinungen nach Information und Diskussion ändern.",
        "Measures how opinions change after information and discussion.",
    ),
    (
        "Eine Zufallsstichprobe wird vor und nach ausgewogener Information und moderierten Kleingruppen befragt.",
        "A random sample is surveyed before and after balanced information and facilitated small groups.",
    ),
    (
        "Man will wissen, was die Bevölkerung nach gründlicher Beratung denkt.",
        "You want to know what people think after careful deliberation.",
    ),
    ("Das Budget ist klein.", "The budget is small."),
)
method(
    ("buergerhaushalt", "participatory-budgeting"),
    ("Bürgerhaushalt", "Participatory budgeting"),
    facts(
        (100, None),
        "months",
        ("jährlich wiederkehrend", "recurring every year"),
        "high",
        "medium",
        ["consult", "co-decide"],
        ["hybrid", "online", "on-site"],
        ["planning", "decision"],
        ["ideas", "decide"],
        ["open"],
    ),
    (
        "Einwohnerinnen und Einwohner schlagen Ausgaben vor und setzen Prioritäten.",
        "Residents propose spending and set priorities.",
    ),
    (
        "Die Bevölkerung macht Vorschläge für einen Teil des kommunalen Haushalts und bewertet sie; der Rat entscheidet.",
        "Residents propose and rate how part of the municipal budget is spent; the council decides.",
    ),
    (
        "Die Kommune will Haushaltsentscheidungen transparent machen.",
        "The municipality wants transparent budget decisions.",
    ),
    ("Es gibt keinen finanziellen Spielraum.", "There is no financial leeway."),
)
method(
    ("buergerbudget", "citizens-budget"),
    ("Bürgerbudget", "Citizens' budget"),
    facts(
        (50, None),
        "months",
        ("jährlich", "annually"),
        "medium",
        "low",
        ["co-decide"],
        ["hybrid", "online", "on-site"],
        ["decision", "implementation"],
        ["ideas", "decide"],
        ["open"],
    ),
    (
        "Über einen festen Betrag für kleine Projekte entscheiden die Menschen selbst.",
        "People decide themselves on a fixed sum for small projects.",
    ),
    (
        "Ein fester Betrag wird in einem niedrigschwelligen Verfahren an Projekte aus der Bevölkerung vergeben; "
        "in Sachsen fördert der Freistaat dies über die Landkreise und kreisfreien Städte.",
        "A fixed sum goes to residents' projects in a low-threshold procedure; in Saxony the state funds this "
        "through the districts and independent cities.",
    ),
    (
        "Viele kleine Ideen sollen schnell umgesetzt werden.",
        "Many small ideas should be realised quickly.",
    ),
    ("Es geht um eine große strategische Entscheidung.", "A large strategic decision is at stake."),
)
method(
    ("charrette", "charrette"),
    ("Charrette", "Charrette"),
    facts(
        (30, 300),
        "days",
        (
            "mindestens 4 Tage plus Auftakt und Abschluss",
            "at least 4 days plus kick-off and wrap-up",
        ),
        "high",
        "high",
        ["inform", "consult", "co-create"],
        ["on-site"],
        ["planning"],
        ["plan", "ideas"],
        ["open"],
        True,
        "professional",
    ),
    (
        "Bürgerschaft und Planende entwerfen öffentlich Varianten für einen Ort.",
        "Residents and planners draft options for a site in public.",
    ),
    (
        "In einem öffentlichen, zeitlich begrenzten Workshop entwickeln Bürgerinnen, Planer und Gestalterinnen gemeinsam Entwürfe.",
        "In a public, time-boxed workshop, residents, planners and designers draft design alternatives together.",
    ),
    ("Ein konkreter Ort soll neu gestaltet werden.", "A concrete site is to be redesigned."),
    ("Es gibt keine planerischen Spielräume.", "There is no planning leeway."),
)
method(
    ("planning-for-real", "planning-for-real"),
    ("Planning for Real", "Planning for Real"),
    facts(
        (20, 300),
        "weeks",
        ("mehrere Wochen", "several weeks"),
        "medium",
        "medium",
        ["co-create"],
        ["on-site"],
        ["planning"],
        ["ideas", "plan"],
        ["open"],
    ),
    (
        "Vorschläge am dreidimensionalen Modell des Viertels.",
        "Suggestions on a 3-D model of the neighbourhood.",
    ),
    (
        "Bewohnerinnen und Bewohner platzieren Vorschlagskarten an einem Modell ihres Viertels und planen so Verbesserungen.",
        "Residents place suggestion cards on a model of their neighbourhood to plan improvements.",
    ),
    (
        "Menschen ohne Planungserfahrung sollen mitplanen.",
        "People without planning experience should help plan.",
    ),
    ("Das Gebiet ist sehr groß.", "The area is very large."),
)
method(
    ("runder-tisch", "round-table"),
    ("Runder Tisch", "Round table"),
    facts(
        (10, 25),
        "months",
        ("wiederholte Sitzungen über Wochen oder Monate", "repeated meetings over weeks or months"),
        "medium",
        "low",
        ["co-create"],
        ["on-site"],
        ["planning", "decision", "implementation"],
        ["conflict", "plan"],
        ["targeted"],
        True,
        "professional",
    ),
    (
        "Vertretungen aller Interessen verhandeln gleichberechtigt.",
        "Representatives of all interests negotiate as equals.",
    ),
    (
        "Vertreterinnen und Vertreter der betroffenen Interessen suchen auf Augenhöhe eine gemeinsame Lösung.",
        "Representatives of the affected interests look for a joint solution on an equal footing.",
    ),
    ("Organisierte Interessen stehen sich gegenüber.", "Organised interests face each other."),
    ("Die breite Öffentlichkeit soll erreicht werden.", "The broad public should be reached."),
)
method(
    ("mediation", "mediation"),
    ("Mediation", "Mediation"),
    facts(
        (2, 20),
        "months",
        ("Wochen bis Monate", "weeks to months"),
        "high",
        "high",
        ["co-create"],
        ["on-site"],
        # Conflicts block plans, decisions and their implementation alike.
        ["planning", "decision", "implementation"],
        ["conflict"],
        ["targeted"],
        True,
        "professional",
    ),
    (
        "Eine neutrale Person hilft Konfliktparteien zu einer Einigung.",
        "A neutral mediator helps conflicting parties agree.",
    ),
    (
        "Eine allparteiliche Mediatorin oder ein Mediator begleitet die Konfliktparteien zu einer verbindlichen Vereinbarung.",
        "An impartial mediator guides the parties to a binding agreement.",
    ),
    ("Ein Konflikt blockiert ein Vorhaben.", "A conflict blocks a project."),
    ("Eine Partei ist nicht gesprächsbereit.", "One party is unwilling to talk."),
)
method(
    ("szenario-workshop", "scenario-workshop"),
    ("Szenario-Workshop", "Scenario workshop"),
    facts(
        (25, 30),
        "days",
        ("etwa 2 Tage", "about 2 days"),
        "medium",
        "medium",
        ["consult"],
        ["on-site"],
        ["agenda", "planning"],
        ["ideas", "opinions"],
        ["targeted"],
        False,
        "professional",
    ),
    ("Gemischte Gruppen bewerten Zukunftsszenarien.", "Mixed groups assess future scenarios."),
    (
        "Bürgerschaft, Verwaltung, Wirtschaft und Fachleute bewerten alternative Szenarien und leiten Empfehlungen ab.",
        "Residents, administration, business and experts assess alternative scenarios and derive recommendations.",
    ),
    ("Langfristige Entwicklungen sind unsicher.", "Long-term developments are uncertain."),
    ("Eine schnelle Entscheidung ist nötig.", "A quick decision is needed."),
)
method(
    ("fokusgruppe", "focus-group"),
    ("Fokusgruppe", "Focus group"),
    facts(
        (6, 12),
        "hours",
        ("etwa 2 Stunden", "about 2 hours"),
        "low",
        "low",
        ["consult"],
        ["on-site", "online"],
        ["agenda", "planning", "evaluation"],
        ["opinions"],
        ["targeted"],
    ),
    (
        "Eine kleine Gruppe diskutiert moderiert und in die Tiefe.",
        "A small facilitated group discusses in depth.",
    ),
    (
        "In einer moderierten Kleingruppe werden Sichtweisen und Begründungen zu einem Thema sichtbar.",
        "A facilitated small group reveals views and reasons on a topic.",
    ),
    (
        "Man will Gründe und Bedürfnisse einer Gruppe verstehen.",
        "You want to understand a group's reasons and needs.",
    ),
    ("Repräsentative Zahlen werden gebraucht.", "Representative figures are needed."),
)
method(
    ("stadtteilspaziergang", "neighbourhood-walk"),
    ("Stadtteilspaziergang", "Neighbourhood walk"),
    facts(
        (10, 30),
        "hours",
        ("1–3 Stunden", "1–3 hours"),
        "low",
        "low",
        ["inform", "consult"],
        ["on-site"],
        ["agenda", "planning"],
        ["inform", "opinions"],
        ["open"],
    ),
    ("Vor Ort gemeinsam hinschauen.", "Looking closely together on site."),
    (
        "Bewohnerschaft und Verwaltung gehen gemeinsam durch das Gebiet und sammeln Beobachtungen direkt vor Ort.",
        "Residents and officials walk the area together and collect observations on site.",
    ),
    (
        "Ein Ort soll aus Sicht der Nutzenden betrachtet werden.",
        "A place should be seen from its users' perspective.",
    ),
    (
        "Der Weg ist nicht barrierefrei und es gibt keine Alternative.",
        "The route is not accessible and there is no alternative.",
    ),
)
method(
    ("online-dialog", "online-consultation"),
    ("Online-Dialog", "Online consultation"),
    facts(
        (30, None),
        "weeks",
        ("meist 2–6 Wochen", "usually 2–6 weeks"),
        "medium",
        "medium",
        ["consult"],
        ["online"],
        ["planning", "decision"],
        ["opinions", "ideas"],
        ["open"],
    ),
    ("Entwürfe werden online kommentiert.", "Drafts are commented on online."),
    (
        "In einem festgelegten Zeitraum kommentieren Menschen Entwürfe oder Fragen online; die Beiträge werden "
        "ausgewertet und beantwortet. In Sachsen steht dafür das Beteiligungsportal zur Verfügung.",
        "Within a set period people comment online on drafts or questions; contributions are evaluated and answered. "
        "In Saxony the state's participation portal can be used for this.",
    ),
    (
        "Viele Menschen sollen zeit- und ortsunabhängig mitreden.",
        "Many people should be able to contribute any time, anywhere.",
    ),
    ("Die Zielgruppe ist kaum online.", "The target group is rarely online."),
)
method(
    ("online-umfrage", "online-survey"),
    ("Online-Umfrage", "Online survey"),
    facts(
        (50, None),
        "weeks",
        ("einige Wochen", "a few weeks"),
        "low",
        "low",
        ["consult"],
        ["online"],
        ["agenda", "evaluation"],
        ["opinions"],
        ["open", "random"],
        False,
        "none",
    ),
    (
        "Schnelles Stimmungsbild zu Meinungen und Bedarfen.",
        "A quick snapshot of opinions and needs.",
    ),
    (
        "Eine Umfrage liefert schnell ein quantitatives Bild von Meinungen oder Bedarfen.",
        "A survey quickly gives a quantitative picture of opinions or needs.",
    ),
    ("Man braucht einen Überblick über viele Meinungen.", "You need an overview of many opinions."),
    ("Es geht um Aushandlung und Begründungen.", "Negotiation and reasons matter."),
)
method(
    ("einwohnerversammlung", "residents-assembly"),
    ("Einwohnerversammlung", "Residents' meeting"),
    facts(
        (20, None),
        "hours",
        ("ein Abend", "one evening"),
        "low",
        "low",
        ["inform", "consult"],
        ["on-site"],
        ["agenda", "planning"],
        ["inform", "opinions"],
        ["open"],
    ),
    (
        "Die Gemeinde informiert und beantwortet Fragen.",
        "The municipality informs and answers questions.",
    ),
    (
        "Die Gemeinde unterrichtet über wichtige Angelegenheiten und nimmt Fragen und Anregungen auf; die "
        "Einwohnerversammlung ist in der Sächsischen Gemeindeordnung verankert.",
        "The municipality reports on important matters and takes questions and suggestions; the residents' meeting is "
        "a formal instrument of the Saxon municipal code.",
    ),
    ("Alle sollen früh informiert werden.", "Everyone should be informed early."),
    ("Eine vertiefte Beratung ist nötig.", "In-depth deliberation is needed."),
)
method(
    ("appreciative-inquiry", "appreciative-inquiry"),
    ("Appreciative Inquiry", "Appreciative Inquiry"),
    facts(
        (10, 200),
        "days",
        ("1–4 Tage", "1–4 days"),
        "medium",
        "medium",
        ["co-create"],
        ["on-site"],
        ["agenda", "planning"],
        ["ideas", "plan"],
        ["targeted"],
        False,
        "professional",
    ),
    (
        "Veränderung aus dem, was schon gut funktioniert.",
        "Change built on what already works well.",
    ),
    (
        "In den Schritten Entdecken, Träumen, Gestalten und Umsetzen wird auf Stärken aufgebaut.",
        "Discovery, dream, design and delivery steps build on existing strengths.",
    ),
    (
        "Eine Gemeinschaft soll positiv in die Zukunft blicken.",
        "A community should look ahead positively.",
    ),
    (
        "Akute Konflikte müssen zuerst bearbeitet werden.",
        "Acute conflicts must be dealt with first.",
    ),
)
method(
    ("delphi", "delphi"),
    ("Delphi-Befragung", "Delphi survey"),
    facts(
        (12, 36),
        "months",
        ("Prozess etwa 5 Monate", "process about 5 months"),
        "high",
        "medium",
        ["consult"],
        ["on-site", "online"],
        ["agenda", "planning"],
        ["opinions"],
        ["targeted"],
        False,
        "professional",
    ),
    (
        "Fachleute beantworten mehrfach dieselben Fragen.",
        "Experts answer the same questions several times.",
    ),
    (
        "In mehreren Runden werden Konsens und Dissens unter Fachleuten zu einer Zukunftsfrage sichtbar.",
        "Several rounds reveal consensus and dissent among experts on a question about the future.",
    ),
    (
        "Fachwissen zu einer unsicheren Zukunftsfrage wird gebraucht.",
        "Expert knowledge on an uncertain future question is needed.",
    ),
    ("Die Bürgerschaft selbst soll sprechen.", "Residents themselves should speak."),
)
method(
    ("jugendparlament", "youth-parliament"),
    ("Kinder- und Jugendparlament", "Youth parliament"),
    facts(
        (10, 40),
        "months",
        ("dauerhaftes Gremium", "permanent body"),
        "medium",
        "low",
        ["consult", "co-create"],
        ["on-site", "hybrid"],
        ["agenda", "planning", "decision", "implementation", "evaluation"],
        ["opinions", "ideas", "plan"],
        ["open", "targeted"],
    ),
    (
        "Ein dauerhaftes Gremium vertritt die Interessen junger Menschen.",
        "A standing body represents young people's interests.",
    ),
    (
        "Ein Jugendparlament oder Jugendbeirat bringt die Sicht junger Menschen in Ratsentscheidungen ein; "
        "§ 47a SächsGemO verlangt, junge Menschen angemessen zu beteiligen.",
        "A youth parliament or council brings young people's views into council decisions; § 47a of the Saxon "
        "municipal code asks municipalities to involve young people appropriately.",
    ),
    ("Jugendliche sollen dauerhaft mitreden.", "Young people should have a lasting say."),
    (
        "Es fehlt eine verlässliche Begleitung durch die Verwaltung.",
        "Reliable support by the administration is missing.",
    ),
)
method(
    ("buergerpanel", "citizens-panel"),
    ("Bürgerpanel", "Citizens' panel"),
    facts(
        (500, 2500),
        "months",
        ("wiederholte Befragungswellen über Jahre", "repeated survey waves over years"),
        "high",
        "medium",
        ["consult"],
        ["online", "hybrid"],
        ["agenda", "evaluation"],
        ["opinions"],
        ["random"],
        False,
        "none",
    ),
    (
        "Eine feste Zufallsstichprobe wird regelmäßig befragt.",
        "A standing random sample is surveyed regularly.",
    ),
    (
        "Ein Panel aus zufällig ausgewählten Einwohnerinnen und Einwohnern wird mehrmals im Jahr online, per Post "
        "oder Telefon befragt.",
        "A panel of randomly selected residents is surveyed several times a year online, by post or by phone.",
    ),
    ("Entwicklungen sollen über Jahre verfolgt werden.", "Trends should be followed over years."),
    ("Es geht um ein einmaliges Vorhaben.", "It is a one-off project."),
)
method(
    ("fishbowl", "fishbowl"),
    ("Fishbowl", "Fishbowl"),
    facts(
        (10, 100),
        "hours",
        ("1–2 Stunden", "1–2 hours"),
        "low",
        "low",
        ["inform", "consult"],
        ["on-site", "online"],
        ["agenda", "planning"],
        ["inform", "opinions", "conflict"],
        ["open"],
        True,
    ),
    (
        "Diskussion im Innenkreis mit einem freien Stuhl.",
        "A discussion in an inner circle with one free chair.",
    ),
    (
        "Eine kleine Runde diskutiert im Innenkreis; wer aus dem Publikum mitreden will, setzt sich auf den freien Stuhl.",
        "A small group discusses in an inner circle; anyone from the audience who wants to speak takes the free chair.",
    ),
    (
        "Ein Podium soll lebendiger und offener werden.",
        "A panel discussion should become livelier and more open.",
    ),
    ("Vertrauliche Themen werden besprochen.", "Confidential topics are discussed."),
)
