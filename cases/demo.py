"""Demo content of the knowledge base: taxonomies, methods, funding programmes, example
cases and the page explaining the participation scale. German first, English translations
through wagtail-localize. Idempotent: existing objects are found and left alone."""

import datetime

from django.utils import timezone
from wagtail.models import Site

from home.demo import body, rich
from home.demo_utils import locale, page_with_translation, translate
from home.models import HomePage, StandardPage

from .demo_data.cases import CASES
from .demo_data.methods import M as METHODS
from .demo_data.taxonomies import ORGANISATIONS, TARGET_GROUPS, TOPICS
from .models import (
    CaseIndexPage,
    CasePage,
    FundingIndexPage,
    FundingProgrammePage,
    KnowledgeBaseSettings,
    MethodIndexPage,
    MethodPage,
    Organisation,
    Region,
    TargetGroup,
    Topic,
)


def load_terms(model, rows):
    german = locale("de")
    terms = {}
    for slug_de, slug_en, name_de, name_en in rows:
        term, _created = model.objects.get_or_create(
            slug=slug_de, locale=german, defaults={"name": name_de}
        )
        translate(term, {name_de: name_en, slug_de: slug_en})
        terms[slug_de] = term
    return terms


def load_organisations():
    regions = {r.slug: r for r in Region.objects.all()}
    return [
        Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "region": regions[region]}
        )[0]
        for name, kind, region in ORGANISATIONS
    ]


def load_indexes(home):
    cases = page_with_translation(
        home,
        CaseIndexPage,
        "verfahren",
        {
            "title": "Beteiligungsverfahren",
            "show_in_menus": True,
            "teaser": "Beteiligungsverfahren aus ganz Sachsen: wer, was, wo, wann, für wen und wie.",
            "intro": rich(
                "Hier sammeln wir Beteiligungsverfahren aus sächsischen Kommunen und Vereinen. "
                "Filtern Sie nach Region, Thema, Methode oder Beteiligungsstufe."
            ),
        },
        {
            "title": "Participation procedures",
            "teaser": "Participation procedures from all over Saxony: who, what, where, when, for whom and how.",
            "intro": rich(
                "We collect participation procedures from Saxon municipalities and associations. "
                "Filter by region, topic, method or level of participation."
            ),
        },
        en_slug="cases",
    )
    methods = page_with_translation(
        home,
        MethodIndexPage,
        "methoden",
        {
            "title": "Methoden",
            "show_in_menus": True,
            "teaser": "Bewährte Beteiligungsmethoden und ein Methodenfinder für Ihr Vorhaben.",
            "intro": rich(
                "Welche Methode passt zu Ihrem Vorhaben? Der Methodenfinder vergleicht Ihre Ziele und "
                "Rahmenbedingungen mit den Eigenschaften der Methoden."
            ),
        },
        {
            "title": "Methods",
            "teaser": "Proven participation methods and a method finder for your project.",
            "intro": rich(
                "Which method suits your project? The method finder compares your goals and constraints "
                "with the characteristics of each method."
            ),
        },
        en_slug="methods",
    )
    funding = page_with_translation(
        home,
        FundingIndexPage,
        "foerderung",
        {
            "title": "Förderung",
            "show_in_menus": True,
            "teaser": "Förderprogramme für Bürgerbeteiligung in Sachsen.",
            "intro": rich(
                "Diese Programme fördern Beteiligungsvorhaben in Sachsen. Offene Programme stehen oben."
            ),
        },
        {
            "title": "Funding",
            "teaser": "Funding programmes for citizen participation in Saxony.",
            "intro": rich(
                "These programmes fund participation projects in Saxony. Open programmes are listed first."
            ),
        },
        en_slug="funding",
    )
    return cases, methods, funding


def load_funding(index):
    # The Weltoffenes Sachsen deadline is an example: set relative to the first load.
    example_deadline = timezone.localdate() + datetime.timedelta(days=45)
    programmes = {}
    rows = [
        (
            "frl",
            "frl-buergerbeteiligung",
            "frl-citizen-participation",
            {
                "title": "FRL Bürgerbeteiligung",
                "teaser": "Die Förderrichtlinie des Freistaates für Beteiligungsvorhaben von Kommunen und Vereinen.",
                "funder": "Freistaat Sachsen, Antragstellung über die Sächsische Aufbaubank (SAB)",
                "eligible_applicants": rich(
                    "Gemeinden, kreisfreie Städte und Landkreise (auch gemeinsam) sowie gemeinnützige Vereine, Stiftungen "
                    "und gGmbHs mit Sitz in Sachsen. Nicht antragsberechtigt sind Einzelpersonen und informelle Gruppen."
                ),
                "contact": "Sächsische Aufbaubank – Förderbank (SAB)",
                "body": body(
                    (
                        "paragraph",
                        rich(
                            "Gefördert werden kommunale Vorhaben (Teil A) und zivilgesellschaftliche Vorhaben (Teil B). "
                            "Alle Vorhaben werden wissenschaftlich begleitet.",
                            "Der 6. Förderaufruf endete am 18. September 2025. Über neue Aufrufe informieren wir hier.",
                        ),
                    )
                ),
            },
            {
                "title": "FRL Citizen Participation",
                "teaser": "The state's funding guideline for participation projects of municipalities and associations.",
                "funder": "Free State of Saxony, applications through the Saxon development bank (SAB)",
                "eligible_applicants": rich(
                    "Municipalities, independent cities and districts (also jointly) as well as non-profit associations, "
                    "foundations and gGmbHs based in Saxony. Individuals and informal groups may not apply."
                ),
                "contact": "Sächsische Aufbaubank – Förderbank (SAB)",
                "body": body(
                    (
                        "paragraph",
                        rich(
                            "Funding covers municipal projects (part A) and civil-society projects (part B). "
                            "All projects are evaluated scientifically.",
                            "The 6th call closed on 18 September 2025. We announce new calls here.",
                        ),
                    )
                ),
            },
            {
                "amount_min": 5000,
                "funding_rate": 90,
                "deadline": datetime.date(2025, 9, 18),
                "rolling": False,
                "application_url": "https://www.sab.sachsen.de/",
                "is_example": False,
            },
        ),
        (
            "budget",
            "kommunales-buergerbudget",
            "municipal-citizens-budget",
            {
                "title": "Kommunales Bürgerbudget",
                "teaser": "Landesmittel für Projekte, über die Einwohnerinnen und Einwohner niedrigschwellig entscheiden.",
                "funder": "Freistaat Sachsen, ausgezahlt über Landkreise und kreisfreie Städte",
                "eligible_applicants": rich(
                    "Landkreise und kreisfreie Städte; sie vergeben die Mittel an lokale Projekte."
                ),
                "contact": "Ihr Landratsamt oder Ihre Stadtverwaltung",
                "body": body(
                    (
                        "paragraph",
                        rich(
                            "Die Angaben zu Fristen sind ein Beispiel. Bitte erkundigen Sie sich bei Ihrem Landkreis oder Ihrer Stadt."
                        ),
                    )
                ),
            },
            {
                "title": "Municipal citizens' budget",
                "teaser": "State funds for projects chosen by residents in a low-threshold procedure.",
                "funder": "Free State of Saxony, paid out through districts and independent cities",
                "eligible_applicants": rich(
                    "Districts and independent cities; they pass the funds on to local projects."
                ),
                "contact": "Your district office or town administration",
                "body": body(
                    (
                        "paragraph",
                        rich(
                            "The deadline information is an example. Please ask your district or town."
                        ),
                    )
                ),
            },
            {"rolling": True, "is_example": True},
        ),
        (
            "weltoffen",
            "weltoffenes-sachsen",
            "cosmopolitan-saxony",
            {
                "title": "Weltoffenes Sachsen",
                "teaser": "Landesprogramm für Demokratie und Toleranz, auch für Projekte der Beteiligungskultur.",
                "funder": "Freistaat Sachsen",
                "eligible_applicants": rich(
                    "Vereine und Träger der Demokratiearbeit in Sachsen (Beispielangabe)."
                ),
                "contact": "Zuständiges Staatsministerium (siehe Seitenfuß)",
                "body": body(
                    (
                        "paragraph",
                        rich(
                            "Aus dem Programm wurden unter anderem Projekte zur Stärkung der Beteiligungskultur vor Ort gefördert. "
                            "Frist und Beträge auf dieser Seite sind Beispiele."
                        ),
                    )
                ),
            },
            {
                "title": "Cosmopolitan Saxony",
                "teaser": "State programme for democracy and tolerance, also for projects on participation culture.",
                "funder": "Free State of Saxony",
                "eligible_applicants": rich(
                    "Associations and organisations working for democracy in Saxony (example)."
                ),
                "contact": "Responsible state ministry (see footer)",
                "body": body(
                    (
                        "paragraph",
                        rich(
                            "Among other things, the programme has funded projects strengthening local participation culture. "
                            "Deadline and amounts on this page are examples."
                        ),
                    )
                ),
            },
            {
                "amount_min": 10000,
                "amount_max": 70000,
                "deadline": example_deadline,
                "rolling": False,
                "is_example": True,
            },
        ),
    ]
    for key, slug, en_slug, de, en, facts in rows:
        programmes[key] = page_with_translation(
            index, FundingProgrammePage, slug, {**de, **facts}, en, en_slug=en_slug
        )
    return programmes


def method_fields(data, lang):
    index = 0 if lang == "de" else 1
    fields = {
        "title": data["titles"][index],
        "teaser": data["teaser"][index],
        "description": rich(data["description"][index]),
        "use_when": rich(data["use_when"][index]),
        "avoid_when": rich(data["avoid_when"][index]),
        "duration_text": data["facts"]["duration_text"][index],
    }
    for name in ("strengths", "weaknesses", "variants"):
        if data[name]:
            fields[name] = rich(data[name][index])
    if data["steps"]:
        fields["steps"] = [
            {"type": "step", "value": {"title": step[index], "description": ""}}
            for step in data["steps"]
        ]
    return fields


# Related methods point to methods created earlier; pages show both directions.
RELATED_METHODS = {
    "buergerrat": ["planungszelle"],
    "deliberative-polling": ["buergerrat", "planungszelle"],
    "open-space": ["world-cafe"],
    "zukunftskonferenz": ["zukunftswerkstatt"],
    "buergerbudget": ["buergerhaushalt"],
    "planning-for-real": ["charrette"],
    "mediation": ["runder-tisch"],
    "online-umfrage": ["online-dialog"],
    "stadtteilspaziergang": ["fokusgruppe"],
    "buergerpanel": ["online-umfrage", "deliberative-polling"],
    "fishbowl": ["world-cafe"],
    "appreciative-inquiry": ["zukunftswerkstatt"],
    "delphi": ["szenario-workshop"],
}


def load_methods(index, target_groups):
    methods = {}
    groups_for_purpose = {
        "random": ["alle"],
        "open": ["alle", "vereine"],
        "targeted": ["vereine", "wirtschaft"],
    }
    for data in METHODS:
        slug, en_slug = data["slugs"]
        facts = {k: v for k, v in data["facts"].items() if k != "duration_text"}
        group_slugs = {g for sel in facts["selection"] for g in groups_for_purpose[sel]}
        if slug in ("jugendparlament", "world-cafe", "zukunftswerkstatt"):
            group_slugs |= {"jugendliche", "kinder"}
        if slug == "jugendparlament":  # a body of young people, not for businesses
            group_slugs = {"jugendliche", "kinder"}
        if slug in ("stadtteilspaziergang", "fokusgruppe", "einwohnerversammlung"):
            group_slugs |= {"seniorinnen-senioren", "behinderung", "migration"}
        de = {
            **method_fields(data, "de"),
            **facts,
            "target_groups": [target_groups[g] for g in sorted(group_slugs)],
            "related_methods": [methods[m] for m in RELATED_METHODS.get(slug, [])],
        }
        methods[slug] = page_with_translation(
            index, MethodPage, slug, de, method_fields(data, "en"), en_slug=en_slug
        )
    return methods


def load_cases(index, topics, target_groups, methods, organisations, regions, programmes):
    for number, data in enumerate(CASES, start=1):
        slug, en_slug = data["slugs"]
        texts = data["texts"]
        funding = data["funding"]
        year = data["start_date"].year
        de = {
            "title": data["titles"][0],
            "teaser": data["teaser"][0],
            "subject": data["subject"][0],
            "level_justification": data["level_justification"][0],
            **{key: rich(value[0]) for key, value in texts.items() if value},
        }
        en = {
            "title": data["titles"][1],
            "teaser": data["teaser"][1],
            "subject": data["subject"][1],
            "level_justification": data["level_justification"][1],
            **{key: rich(value[1]) for key, value in texts.items() if value},
        }
        de.update(
            {
                "reference_number": f"{year}-{number:05d}",
                "organisation": organisations[data["organisation"]],
                "municipality": data["municipality"],
                "region": regions[data["region"]],
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "status": data["status"],
                "format": data["format"],
                "participation_level": data["participation_level"],
                "participant_count": data["participant_count"],
                "recruitment": data["recruitment"],
                "topics": [topics[t] for t in data["topics"]],
                "target_groups": [target_groups[g] for g in data["target_groups"]],
                "methods": [methods[m] for m in data["methods"]],
                "funding_programme": programmes[funding[0]] if funding else None,
                "funding_strand": funding[1] if funding else "",
                "funding_amount": funding[2] if funding else None,
                "contact_email": "beteiligung@example.org",
                "contact_name": organisations[data["organisation"]].name,
                "is_example": True,
                "featured": number in (1, 5),
            }
        )
        if funding and funding[1]:
            en["funding_strand"] = (
                funding[1]
                .replace("Teil A – kommunale Vorhaben", "Part A – municipal projects")
                .replace(
                    "Teil B – zivilgesellschaftliche Vorhaben", "Part B – civil-society projects"
                )
            )
        page_with_translation(index, CasePage, slug, de, en, en_slug=en_slug)


LEVELS_DE = {
    "title": "Stufen der Beteiligung",
    "teaser": "Eine Skala für alle Verfahren und Methoden: Information, Konsultation, Mitgestaltung, Mitentscheidung.",
    "intro": "Wir ordnen jedes Verfahren und jede Methode auf derselben vierstufigen Skala ein.",
    "body": body(
        ("heading", {"text": "Information", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Die Menschen erfahren, was geplant ist und warum. Sie können Fragen stellen, aber nicht mitreden.",
                "Entspricht „Inform“ im IAP2-Spektrum und der Stufe Information der sächsischen Beteiligungsstufen.",
            ),
        ),
        ("heading", {"text": "Konsultation", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Die Menschen äußern Meinungen und Hinweise. Die Entscheidenden wägen sie ab und erklären, was sie übernehmen.",
                "Entspricht „Consult“ im IAP2-Spektrum und der Stufe Konsultation.",
            ),
        ),
        ("heading", {"text": "Mitgestaltung", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Die Menschen entwickeln Lösungen mit. Ihre Vorschläge prägen das Ergebnis, die formale Entscheidung bleibt bei Rat oder Verwaltung.",
                "Entspricht „Involve“ und „Collaborate“ im IAP2-Spektrum und der Stufe Kooperation beziehungsweise Mitgestaltung.",
            ),
        ),
        ("heading", {"text": "Mitentscheidung", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Die Menschen entscheiden selbst oder ihr Votum ist verbindlich, zum Beispiel bei einem Bürgerbudget.",
                "Entspricht „Empower“ im IAP2-Spektrum und der Stufe Mitentscheidung.",
            ),
        ),
        ("heading", {"text": "Wie wir einstufen", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Maßgeblich ist die höchste Stufe, die die Teilnehmenden tatsächlich erreicht haben. Jede Einstufung wird kurz begründet."
            ),
        ),
    ),
}
LEVELS_EN = {
    "title": "Levels of participation",
    "teaser": "One scale for all procedures and methods: information, consultation, co-creation, co-decision.",
    "intro": "We place every procedure and every method on the same four-step scale.",
    "body": body(
        ("heading", {"text": "Information", "level": "h2"}),
        (
            "paragraph",
            rich(
                "People learn what is planned and why. They can ask questions but have no say.",
                "Corresponds to “Inform” in the IAP2 spectrum and to the level Information of the Saxon participation levels.",
            ),
        ),
        ("heading", {"text": "Consultation", "level": "h2"}),
        (
            "paragraph",
            rich(
                "People give opinions and suggestions. Decision-makers weigh them and explain what they take up.",
                "Corresponds to “Consult” in the IAP2 spectrum and to the level Konsultation.",
            ),
        ),
        ("heading", {"text": "Co-creation", "level": "h2"}),
        (
            "paragraph",
            rich(
                "People help develop solutions. Their proposals shape the result; the formal decision stays with the council or administration.",
                "Corresponds to “Involve” and “Collaborate” in the IAP2 spectrum and to the level Kooperation or Mitgestaltung.",
            ),
        ),
        ("heading", {"text": "Co-decision", "level": "h2"}),
        (
            "paragraph",
            rich(
                "People decide themselves or their vote is binding, for example in a citizens' budget.",
                "Corresponds to “Empower” in the IAP2 spectrum and to the level Mitentscheidung.",
            ),
        ),
        ("heading", {"text": "How we classify", "level": "h2"}),
        (
            "paragraph",
            rich(
                "What counts is the highest level participants actually reached. Every classification is briefly justified."
            ),
        ),
    ),
}


def load():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)

    topics = load_terms(Topic, TOPICS)
    target_groups = load_terms(TargetGroup, TARGET_GROUPS)
    organisations = load_organisations()
    regions = {r.slug: r for r in Region.objects.all()}

    levels_page = page_with_translation(
        home,
        StandardPage,
        "beteiligungsstufen",
        LEVELS_DE,
        LEVELS_EN,
        en_slug="participation-levels",
    )
    settings = KnowledgeBaseSettings.for_site(site)
    if settings.participation_levels_page_id is None:
        settings.participation_levels_page = levels_page
        settings.save()

    case_index, method_index, funding_index = load_indexes(home)
    programmes = load_funding(funding_index)
    methods = load_methods(method_index, target_groups)
    load_cases(case_index, topics, target_groups, methods, organisations, regions, programmes)
