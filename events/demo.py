"""Demo content of the events app: the network's meetings and workshops (see DEMO-FACTS §5d),
two upcoming events dated relative to today, and the network survey. Idempotent."""

import datetime

from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Site

from home.demo_utils import child_page, collect_pairs, page_with_translation, translate

from .formatting import EVENT_TZ
from .models import EventIndexPage, EventPage, SurveyFormField, SurveyPage


def rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=EVENT_TZ)


def agenda(*items):
    return [
        {
            "type": "item",
            "value": {
                "time": time,
                "end_time": end,
                "title": title,
                "speakers": speakers,
                "description": "",
            },
        }
        for time, end, title, speakers in items
    ]


def documentation(*paragraphs):
    return [{"type": "paragraph", "value": rich(*paragraphs)}]


ORGANISER_DE = "Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung Sachsen"
ORGANISER_EN = "Experience and Advice Network for Citizen Participation Saxony"


def past_events():
    return [
        (
            "erstes-netzwerktreffen-2022",
            "first-network-meeting-2022",
            {
                "title": "1. Netzwerktreffen Bürgerbeteiligung",
                "event_type": "network_meeting",
                "format": "online",
                "start": at(2022, 5, 4, 10),
                "end": at(2022, 5, 4, 15),
                "online_info": "Videokonferenz mit Themenräumen",
                "organiser": ORGANISER_DE,
                "teaser": "Das erste, virtuelle Treffen des Netzwerks mit rund 150 Teilnehmenden.",
                "intro": "Beim ersten Netzwerktreffen kamen Kommunen, Landkreise und Zivilgesellschaft virtuell zusammen.",
                "agenda": agenda(
                    ("10:00:00", "10:30:00", "Begrüßung und Vorstellung des Netzwerks", ""),
                    (
                        "10:30:00",
                        "12:30:00",
                        "Themenräume: kommunale Beteiligung, Bürgerräte, Leitlinien und Satzungen, Förderrichtlinie",
                        "",
                    ),
                    ("13:30:00", "15:00:00", "Ergebnisse der Themenräume und Ausblick", ""),
                ),
                "documentation": documentation(
                    "Rund 150 Personen nahmen teil, etwa die Hälfte aus Kommunalverwaltungen.",
                    "Im Themenraum Bürgerräte wurde das Beispiel „Forum Corona“ vorgestellt. Weitere Räume behandelten Leitlinien und Satzungen für Bürgerbeteiligung sowie die Förderrichtlinie.",
                ),
            },
            {
                "title": "1st network meeting on citizen participation",
                "teaser": "The network's first, virtual meeting with around 150 participants.",
                "intro": "At the first network meeting, municipalities, districts and civil society met online.",
                "online_info": "Video conference with themed rooms",
                "organiser": ORGANISER_EN,
                "agenda": agenda(
                    ("10:00:00", "10:30:00", "Welcome and introduction of the network", ""),
                    (
                        "10:30:00",
                        "12:30:00",
                        "Themed rooms: municipal participation, citizens' assemblies, guidelines and statutes, funding guideline",
                        "",
                    ),
                    ("13:30:00", "15:00:00", "Results of the themed rooms and outlook", ""),
                ),
                "documentation": documentation(
                    "Around 150 people took part, about half of them from municipal administrations.",
                    "The citizens' assemblies room presented the example “Forum Corona”. Other rooms covered guidelines and statutes for citizen participation and the funding guideline.",
                ),
            },
        ),
        (
            "kommune-gemeinsam-gestalten",
            "shaping-municipalities-together",
            {
                "title": "Online-Workshop „Kommune gemeinsam gestalten. Beteiligung & Engagement stärken“",
                "event_type": "workshop",
                "format": "online",
                "all_day": True,
                "start": at(2022, 11, 15),
                "end": at(2022, 11, 15),
                "online_info": "Den Zugangslink erhalten Angemeldete per E-Mail.",
                "organiser": ORGANISER_DE,
                "registration_mode": "form",
                "teaser": "Ganztägiger Online-Workshop zu Beteiligung und Engagement in Kommunen.",
                "intro": "Der Workshop richtete sich an Kommunen, die Beteiligung und bürgerschaftliches Engagement zusammen denken wollen.",
                "documentation": documentation(
                    "Der Workshop fand ganztägig online statt. Die Teilnahme war nach Anmeldung möglich.",
                ),
            },
            {
                "title": "Online workshop “Shaping municipalities together. Strengthening participation & engagement”",
                "teaser": "All-day online workshop on participation and civic engagement in municipalities.",
                "intro": "The workshop was for municipalities that want to combine participation and civic engagement.",
                "online_info": "Registered participants receive the access link by email.",
                "organiser": ORGANISER_EN,
                "documentation": documentation(
                    "The workshop took place online all day. Participation required registration.",
                ),
            },
        ),
        (
            "zweites-netzwerktreffen-2022",
            "second-network-meeting-2022",
            {
                "title": "2. Netzwerktreffen Bürgerbeteiligung",
                "event_type": "network_meeting",
                "format": "online",
                "start": at(2022, 12, 8, 13),
                "end": at(2022, 12, 8, 17),
                "online_info": "Videokonferenz",
                "organiser": ORGANISER_DE,
                "teaser": "Beteiligung in der Krise und Jugendbeteiligung – mit rund 140 Angemeldeten.",
                "intro": "Das zweite Netzwerktreffen fragte, wie Beteiligung in Krisenzeiten gelingt und wie junge Menschen mitreden.",
                "agenda": agenda(
                    ("13:00:00", "13:15:00", "Begrüßung", ""),
                    (
                        "13:15:00",
                        "14:15:00",
                        "Beteiligung in der Krise",
                        "Prof. Oliver Decker (Else-Frenkel-Brunswik-Institut)",
                    ),
                    (
                        "14:30:00",
                        "15:30:00",
                        "Jugendbeteiligung in Kommunen",
                        "Hannah Schmidt (Kinder- und Jugendring Sachsen), Arno Jesse (Bürgermeister von Brandis)",
                    ),
                    ("15:45:00", "17:00:00", "Austausch in Sessions und Abschluss", ""),
                ),
                "documentation": documentation(
                    "Rund 140 Personen hatten sich angemeldet.",
                    "Prof. Oliver Decker sprach über Beteiligung in Krisenzeiten. Hannah Schmidt und Arno Jesse zeigten, wie Jugendbeteiligung in einer Kommune gelingt.",
                ),
            },
            {
                "title": "2nd network meeting on citizen participation",
                "teaser": "Participation in times of crisis and youth participation – with around 140 registrations.",
                "intro": "The second network meeting asked how participation works in times of crisis and how young people have a say.",
                "online_info": "Video conference",
                "organiser": ORGANISER_EN,
                "agenda": agenda(
                    ("13:00:00", "13:15:00", "Welcome", ""),
                    (
                        "13:15:00",
                        "14:15:00",
                        "Participation in times of crisis",
                        "Prof. Oliver Decker (Else-Frenkel-Brunswik-Institut)",
                    ),
                    (
                        "14:30:00",
                        "15:30:00",
                        "Youth participation in municipalities",
                        "Hannah Schmidt (Kinder- und Jugendring Sachsen), Arno Jesse (Mayor of Brandis)",
                    ),
                    ("15:45:00", "17:00:00", "Exchange in sessions and closing", ""),
                ),
                "documentation": documentation(
                    "Around 140 people had registered.",
                    "Prof. Oliver Decker spoke about participation in times of crisis. Hannah Schmidt and Arno Jesse showed how youth participation succeeds in a municipality.",
                ),
            },
        ),
    ]


def upcoming_events(today):
    """Two events relative to the day the loader runs: on-site with few places, and online."""
    onsite_day = today + datetime.timedelta(days=30)
    online_day = today + datetime.timedelta(days=45)
    return [
        (
            "praxiswerkstatt-buergerrat",
            "practice-workshop-citizens-assembly",
            {
                "title": "Praxiswerkstatt: Einen Bürgerrat in der Kommune planen",
                "event_type": "workshop",
                "format": "on-site",
                "start": at(onsite_day.year, onsite_day.month, onsite_day.day, 10),
                "end": at(onsite_day.year, onsite_day.month, onsite_day.day, 15),
                "venue_name": "Stadtforum Dresden",
                "venue_address": "Ammonstraße 74\n01067 Dresden",
                "organiser": ORGANISER_DE,
                "registration_mode": "form",
                "capacity": 3,
                "registration_deadline": at(onsite_day.year, onsite_day.month, onsite_day.day, 10)
                - datetime.timedelta(days=7),
                "teaser": "Kleine Werkstatt für Kommunen, die einen Bürgerrat vorbereiten. Begrenzte Plätze.",
                "intro": "In der Praxiswerkstatt planen wir gemeinsam die Schritte eines Bürgerrats: Auftrag, Losverfahren, Moderation und Umgang mit den Ergebnissen.",
                "agenda": agenda(
                    ("10:00:00", "10:30:00", "Ankommen und Einführung", ""),
                    ("10:30:00", "12:30:00", "Vom Auftrag zur Losauswahl", ""),
                    ("13:30:00", "15:00:00", "Moderation und Umgang mit den Ergebnissen", ""),
                ),
            },
            {
                "title": "Practice workshop: planning a citizens' assembly in your municipality",
                "teaser": "Small workshop for municipalities preparing a citizens' assembly. Limited places.",
                "intro": "In the practice workshop we plan the steps of a citizens' assembly together: mandate, random selection, facilitation and what happens with the results.",
                "organiser": ORGANISER_EN,
                "agenda": agenda(
                    ("10:00:00", "10:30:00", "Arrival and introduction", ""),
                    ("10:30:00", "12:30:00", "From the mandate to random selection", ""),
                    ("13:30:00", "15:00:00", "Facilitation and what happens with the results", ""),
                ),
            },
        ),
        (
            "online-sprechstunde-foerderung",
            "online-consultation-funding",
            {
                "title": "Online-Sprechstunde: Förderung für Beteiligungsprojekte",
                "event_type": "other",
                "format": "online",
                "start": at(online_day.year, online_day.month, online_day.day, 16),
                "end": at(online_day.year, online_day.month, online_day.day, 17, 30),
                "online_info": "Den Zugangslink erhalten Angemeldete per E-Mail.",
                "organiser": ORGANISER_DE,
                "registration_mode": "form",
                "teaser": "Fragen zur Förderung von Beteiligungsprojekten – offen für alle Kommunen und Vereine.",
                "intro": "In der Online-Sprechstunde beantworten wir Fragen zu Förderprogrammen für Bürgerbeteiligung in Sachsen.",
            },
            {
                "title": "Online consultation hour: funding for participation projects",
                "teaser": "Questions about funding participation projects – open to all municipalities and associations.",
                "intro": "In the online consultation hour we answer questions about funding programmes for citizen participation in Saxony.",
                "online_info": "Registered participants receive the access link by email.",
                "organiser": ORGANISER_EN,
            },
        ),
    ]


SURVEY_DE = {
    "title": "Umfrage zum Netzwerk",
    "show_in_menus": True,
    "teaser": "Was brauchen Sie vom Netzwerk? Die Umfrage dauert etwa fünf Minuten.",
    "intro": "Wir möchten das Angebot des Netzwerks an Ihren Bedarf anpassen. Die Antworten werden anonym ausgewertet.",
    "thank_you_text": "Vielen Dank für Ihre Antworten! Sie helfen uns, das Netzwerk weiterzuentwickeln.",
}
SURVEY_EN = {
    "title": "Survey on the network",
    "teaser": "What do you need from the network? The survey takes about five minutes.",
    "intro": "We want to adapt the network's offer to your needs. Answers are evaluated anonymously.",
    "thank_you_text": "Thank you for your answers! They help us develop the network further.",
}
# (label, type, required, choices) in German and English.
SURVEY_QUESTIONS = [
    (
        ("Planen Sie, sich am Netzwerk zu beteiligen?", "Do you plan to take part in the network?"),
        "radio",
        True,
        (
            "Ja, aktiv\nJa, gelegentlich\nNoch unentschieden\nNein",
            "Yes, actively\nYes, occasionally\nUndecided\nNo",
        ),
    ),
    (
        ("Wie möchten Sie sich beteiligen?", "How would you like to take part?"),
        "checkboxes",
        False,
        (
            "Netzwerktreffen besuchen\nAn Online-Workshops teilnehmen\nEigene Verfahren und Erfahrungen teilen\nBeratung in Anspruch nehmen",
            "Attend network meetings\nJoin online workshops\nShare my own procedures and experience\nUse the advice service",
        ),
    ),
    (
        (
            "Für welche Art von Organisation sind Sie tätig?",
            "What kind of organisation do you work for?",
        ),
        "dropdown",
        False,
        (
            "Kommunalverwaltung\nLandkreis\nVerein oder Initiative\nWissenschaft\nPrivatperson\nSonstiges",
            "Municipal administration\nDistrict\nAssociation or initiative\nResearch\nPrivate citizen\nOther",
        ),
    ),
    (
        ("Was brauchen Sie vom Netzwerk?", "What do you need from the network?"),
        "multiline",
        False,
        ("", ""),
    ),
    (
        ("Was erwarten Sie vom Netzwerk?", "What do you expect from the network?"),
        "multiline",
        False,
        ("", ""),
    ),
]


def load_survey(home):
    survey = home.get_children().filter(slug="umfrage").first()
    if survey is None:
        survey = SurveyPage(slug="umfrage", **SURVEY_DE)
        for order, ((label, _en), field_type, required, (choices, _en_choices)) in enumerate(
            SURVEY_QUESTIONS
        ):
            survey.form_fields.add(
                SurveyFormField(
                    sort_order=order,
                    label=label,
                    field_type=field_type,
                    required=required,
                    choices=choices,
                )
            )
        home.add_child(instance=survey)
        survey.save_revision().publish()
    pairs = {SURVEY_DE[k]: SURVEY_EN[k] for k in SURVEY_EN}
    pairs["umfrage"] = "survey"
    for (label, en_label), _type, _required, (choices, en_choices) in SURVEY_QUESTIONS:
        pairs[label] = en_label
        if choices:
            pairs[choices] = en_choices
            pairs.update(zip(choices.split("\n"), en_choices.split("\n"), strict=True))
    english = translate(survey.specific, pairs)
    localise_survey(english.pk, pairs)
    return survey


def localise_survey(page_pk, pairs):
    english = SurveyPage.objects.get(pk=page_pk)
    changed = english.slug != "survey"
    english.slug = "survey"
    # Form fields are plain child objects, not translatable segments: set the English texts.
    fields = list(english.form_fields.all())
    for field in fields:
        if field.label in pairs:
            field.label, field.choices = pairs[field.label], pairs.get(field.choices, field.choices)
            field.clean_name = ""  # recomputed from the English label on save
            changed = True
    if changed:
        english.form_fields = fields
        english.save_revision().publish()


def with_translation(parent, model, slug, de, en, en_slug):
    """Like home.demo_utils.page_with_translation, but also pairs the HTML-escaped form of
    strings: wagtail-localize stores "&" in plain-text segments as "&amp;"."""
    page = child_page(parent, model, slug, **de)
    pairs = collect_pairs(de, en)
    pairs.update({escape(k): escape(v) for k, v in list(pairs.items()) if escape(k) != k})
    pairs[slug] = en_slug
    english = translate(page, pairs)
    if english.slug != en_slug:
        english.slug = en_slug
        english.save_revision().publish()
    return page


def load():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    index = page_with_translation(
        home,
        EventIndexPage,
        "veranstaltungen",
        {
            "title": "Veranstaltungen",
            "show_in_menus": True,
            "intro": "Netzwerktreffen, Workshops und Sprechstunden – zum Mitmachen und Nachlesen.",
            "teaser": "Termine des Netzwerks und Dokumentationen vergangener Treffen.",
        },
        {
            "title": "Events",
            "intro": "Network meetings, workshops and consultation hours – to join and to read up on.",
            "teaser": "The network's dates and documentation of past meetings.",
        },
        en_slug="events",
    )
    today = timezone.localdate(timezone=EVENT_TZ)
    for slug, en_slug, de, en in past_events() + upcoming_events(today):
        with_translation(index, EventPage, slug, de, en, en_slug)
    link_knowledge_base(de_locale_pages(index))
    load_survey(home)


RELATED = {
    # event slug: (case slugs, method slugs) from the knowledge-base demo content
    "praxiswerkstatt-buergerrat": (["buergerrat-innenstadt-pirna"], ["buergerrat"]),
    "zweites-netzwerktreffen-2022": (["jugendforum-plauen"], []),
}


def de_locale_pages(index):
    return {page.slug: page for page in EventPage.objects.child_of(index)}


def link_knowledge_base(events):
    """Relate demo events to demo cases and methods, when the knowledge base has them."""
    try:
        from cases.models import CasePage, MethodPage
    except ImportError:
        return
    for slug, (case_slugs, method_slugs) in RELATED.items():
        event = events.get(slug)
        if event is None or event.related_cases.exists() or event.related_methods.exists():
            continue
        cases = list(CasePage.objects.filter(slug__in=case_slugs, locale=event.locale))
        methods = list(MethodPage.objects.filter(slug__in=method_slugs, locale=event.locale))
        if not cases and not methods:
            continue
        for page in [event, *[t.specific for t in event.get_translations()]]:
            page.related_cases.set(cases)
            page.related_methods.set(methods)
            page.save_revision().publish()
