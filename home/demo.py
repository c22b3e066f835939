"""Demo content of the core app: home page, about, legal and accessibility pages, news."""

import datetime

from wagtail.models import Site

from .demo_utils import page_with_translation, translate
from .models import BarrierReportPage, HomePage, NewsIndexPage, NewsPage, SiteSettings, StandardPage


def rich(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def body(*blocks):
    """StreamField data from (type, value) pairs."""
    return [{"type": kind, "value": value} for kind, value in blocks]


HOME = {
    "de": {
        "intro": rich(
            "Das Erfahrungs- und Beratungsnetzwerk Bürgerbeteiligung verbindet Kommunen, Landkreise "
            "und zivilgesellschaftliche Akteure in ganz Sachsen, die Bürgerinnen und Bürger an "
            "Entscheidungen beteiligen wollen."
        ),
        "body": body(
            ("heading", {"text": "Voneinander lernen", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Im Netzwerk tauschen sich Verwaltungen und Vereine über ihre Erfahrungen aus: Was hat "
                    "funktioniert, was nicht, und warum? Wir sammeln Beteiligungsverfahren aus Sachsen, "
                    "stellen bewährte Methoden vor und beraten zu Fördermöglichkeiten.",
                    "So wird sichtbar, wie viel Bürgerbeteiligung in Sachsen schon heute stattfindet.",
                ),
            ),
        ),
    },
    "en": {
        "intro": rich(
            "The experience and advice network for citizen participation connects municipalities, "
            "districts and civil-society actors across Saxony who want to involve citizens in decisions."
        ),
        "body": body(
            ("heading", {"text": "Learning from each other", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "In the network, administrations and associations share their experience: what worked, "
                    "what did not, and why? We collect participation procedures from Saxony, present proven "
                    "methods and advise on funding.",
                    "This makes visible how much citizen participation already happens in Saxony today.",
                ),
            ),
        ),
    },
}


def load_home(home):
    if home.intro:
        return
    home.intro = HOME["de"]["intro"]
    home.body = HOME["de"]["body"]
    home.teaser = "Netzwerk für Bürgerbeteiligung in Sachsen"
    home.save_revision().publish()
    english = home.get_translation(home.locale.__class__.objects.get(language_code="en")).specific
    english.intro = HOME["en"]["intro"]
    english.body = HOME["en"]["body"]
    english.teaser = "Network for citizen participation in Saxony"
    english.save_revision().publish()


STANDARD_PAGES = [
    (
        "ueber-das-netzwerk",
        "about-the-network",
        {
            "title": "Über das Netzwerk",
            "show_in_menus": True,
            "teaser": "Wer wir sind und was das Netzwerk leistet.",
            "intro": "Ein landesweites Netzwerk für den Austausch über gute Bürgerbeteiligung.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Das Netzwerk richtet sich an Kommunalverwaltungen, Landkreise, Vereine und Initiativen in Sachsen.",
                        "Es bietet Austausch bei Netzwerktreffen und Workshops, Beratung zu Förderprogrammen und zur Wahl "
                        "passender Beteiligungsmethoden sowie eine Sammlung sächsischer Beteiligungsverfahren.",
                        "Für laufende Online-Beteiligungen verweisen wir auf das Beteiligungsportal Sachsen.",
                    ),
                )
            ),
        },
        {
            "title": "About the network",
            "teaser": "Who we are and what the network offers.",
            "intro": "A state-wide network for exchange on good citizen participation.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "The network is for municipal administrations, districts, associations and initiatives in Saxony.",
                        "It offers exchange at network meetings and workshops, advice on funding programmes and on choosing "
                        "suitable participation methods, and a collection of Saxon participation procedures.",
                        "For live online consultations we refer to the state's participation portal Beteiligungsportal Sachsen.",
                    ),
                )
            ),
        },
    ),
    (
        "impressum",
        "imprint",
        {
            "title": "Impressum",
            "intro": "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Abs. 2 Medienstaatsvertrag (MStV).",
            "body": body(
                ("heading", {"text": "Haftung für Links", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Für die Inhalte verlinkter externer Seiten sind ausschließlich deren Betreiber verantwortlich."
                    ),
                ),
                ("heading", {"text": "Bildnachweise", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Wer ein Bild gemacht hat und unter welcher Lizenz es steht, steht direkt unter jedem Bild."
                    ),
                ),
            ),
        },
        {
            "title": "Imprint",
            "intro": "Information according to § 5 Digital Services Act (DDG) and § 18 (2) Interstate Media Treaty (MStV).",
            "body": body(
                ("heading", {"text": "Liability for links", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "The operators of linked external pages are solely responsible for their content."
                    ),
                ),
                ("heading", {"text": "Image credits", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Who made an image and under which licence it is published is stated directly below each image."
                    ),
                ),
            ),
        },
    ),
    (
        "datenschutz",
        "privacy",
        {
            "title": "Datenschutzerklärung",
            "intro": "Informationen nach Art. 13 Datenschutz-Grundverordnung (DSGVO).",
            "body": body(
                ("heading", {"text": "Verantwortlicher", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Verantwortlich ist das im Impressum genannte Staatsministerium.",
                        "Die oder den Datenschutzbeauftragten des Ministeriums erreichen Sie unter datenschutz@example.org (Beispieladresse).",
                    ),
                ),
                ("heading", {"text": "Was wir wofür verarbeiten und wie lange", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Aufruf der Seiten: IP-Adresse, Zeitpunkt und aufgerufene Seite, zur Auslieferung und Sicherheit (Art. 6 Abs. 1 lit. e DSGVO). Speicherdauer: 7 Tage.</li>"
                    "<li>Anmeldung zu Veranstaltungen: Name, E-Mail, Organisation und Bedarfe, zur Durchführung (Art. 6 Abs. 1 lit. a und e DSGVO). Speicherdauer: 90 Tage nach der Veranstaltung.</li>"
                    "<li>Umfrage: Ihre Antworten ohne Namen, zur Verbesserung des Netzwerks (Art. 6 Abs. 1 lit. a DSGVO). Speicherdauer: bis zur Auswertung, höchstens 12 Monate.</li>"
                    "<li>Barriere melden: Ihre Meldung und freiwillig Ihre E-Mail, zur Beantwortung (Art. 6 Abs. 1 lit. c DSGVO mit BITV 2.0). Speicherdauer: 12 Monate nach Abschluss.</li></ul>",
                ),
                (
                    "paragraph",
                    rich(
                        "Wir setzen keine Cookies zur Analyse ein und binden keine Inhalte Dritter ein.",
                        "Nur Seiten mit einem Formular setzen ein technisch notwendiges Sicherheits-Cookie.",
                        "Kommen neue Formulare hinzu, ergänzen wir diese Liste.",
                    ),
                ),
                ("heading", {"text": "Empfänger", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Eine Weitergabe an Dritte erfolgt nicht, außer an beauftragte Dienstleister im Rahmen der Auftragsverarbeitung."
                    ),
                ),
                ("heading", {"text": "Ihre Rechte", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Widerspruch und Widerruf einer Einwilligung."
                    ),
                ),
                ("heading", {"text": "Aufsichtsbehörde", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Sie können sich bei der Sächsischen Datenschutz- und Transparenzbeauftragten beschweren."
                    ),
                ),
            ),
        },
        {
            "title": "Privacy policy",
            "intro": "Information according to Art. 13 General Data Protection Regulation (GDPR).",
            "body": body(
                ("heading", {"text": "Controller", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "The controller is the State Ministry named in the imprint.",
                        "You can reach the ministry's data protection officer at datenschutz@example.org (example address).",
                    ),
                ),
                ("heading", {"text": "What we process, why and for how long", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Visiting the pages: IP address, time and page requested, to deliver and secure the website (Art. 6 (1) (e) GDPR). Retention: 7 days.</li>"
                    "<li>Event registration: name, email, organisation and needs, to run the event (Art. 6 (1) (a) and (e) GDPR). Retention: 90 days after the event.</li>"
                    "<li>Survey: your answers without names, to improve the network (Art. 6 (1) (a) GDPR). Retention: until evaluated, at most 12 months.</li>"
                    "<li>Reporting a barrier: your report and optionally your email, to answer it (Art. 6 (1) (c) GDPR with BITV 2.0). Retention: 12 months after it is closed.</li></ul>",
                ),
                (
                    "paragraph",
                    rich(
                        "We use no analytics cookies and embed no third-party content.",
                        "Only pages with a form set a technically necessary security cookie.",
                        "When new forms are added, we extend this list.",
                    ),
                ),
                ("heading", {"text": "Recipients", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Data is not passed on to third parties, except to processors acting on our behalf."
                    ),
                ),
                ("heading", {"text": "Your rights", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "You have the right of access, rectification, erasure, restriction of processing, objection and withdrawal of consent."
                    ),
                ),
                ("heading", {"text": "Supervisory authority", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "You can lodge a complaint with the Saxon Data Protection and Transparency Commissioner."
                    ),
                ),
            ),
        },
    ),
    (
        "barrierefreiheit",
        "accessibility",
        {
            "title": "Erklärung zur Barrierefreiheit",
            "intro": "Diese Erklärung gilt für die Website des Netzwerks Bürgerbeteiligung Sachsen (BITV 2.0).",
            "body": body(
                ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Die Website ist weitgehend mit der BITV 2.0 und WCAG 2.1 Stufe AA vereinbar."
                    ),
                ),
                ("heading", {"text": "Nicht barrierefreie Inhalte", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Einige ältere PDF-Dokumente sind noch nicht vollständig barrierefrei. Wir stellen sie auf Anfrage in einem zugänglichen Format bereit."
                    ),
                ),
                ("heading", {"text": "Erstellung dieser Erklärung", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Die Erklärung wurde am 25. November 2026 auf Grundlage einer Selbstbewertung erstellt."
                    ),
                ),
                ("heading", {"text": "Feedback und Kontakt", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Sind Ihnen Barrieren aufgefallen? Melden Sie sie uns über das Formular „Barriere melden“."
                    ),
                ),
                ("heading", {"text": "Durchsetzungsverfahren", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Durchsetzungsstelle beim Beauftragten der Sächsischen Staatsregierung für die Belange von Menschen mit Behinderungen wenden."
                    ),
                ),
            ),
        },
        {
            "title": "Accessibility statement",
            "intro": "This statement applies to the website of the Civic Participation Network Saxony (BITV 2.0).",
            "body": body(
                ("heading", {"text": "Compliance status", "level": "h2"}),
                (
                    "paragraph",
                    rich("The website is largely compliant with BITV 2.0 and WCAG 2.1 level AA."),
                ),
                ("heading", {"text": "Non-accessible content", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Some older PDF documents are not yet fully accessible. We provide them in an accessible format on request."
                    ),
                ),
                ("heading", {"text": "Preparation of this statement", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "This statement was prepared on 25 November 2026 based on a self-assessment."
                    ),
                ),
                ("heading", {"text": "Feedback and contact", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Have you noticed barriers? Report them to us with the form “Report a barrier”."
                    ),
                ),
                ("heading", {"text": "Enforcement procedure", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "If you do not receive a satisfactory answer to your report, you can contact the enforcement body at the Saxon State Government Commissioner for People with Disabilities."
                    ),
                ),
            ),
        },
    ),
    (
        "leichte-sprache",
        "easy-language",
        {
            "title": "Leichte Sprache",
            "intro": "Hier erklären wir unsere Internet-Seite in Leichter Sprache.",
            "body": body(
                ("heading", {"text": "Was steht auf dieser Seite?", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Wer wir sind.</li><li>Was Bürger-Beteiligung ist.</li>"
                    "<li>Was Sie auf der Internet-Seite finden.</li><li>Wie Sie uns erreichen.</li></ul>",
                ),
                ("heading", {"text": "Wer wir sind", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Wir sind ein Netzwerk.",
                        "Ein Netzwerk ist eine Gruppe.",
                        "In der Gruppe sind Menschen aus Städten und Dörfern in Sachsen.",
                        "Und Menschen aus Vereinen.",
                    ),
                ),
                ("heading", {"text": "Was Bürger-Beteiligung ist", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Bürger-Beteiligung heißt:",
                        "Die Menschen in einer Stadt reden mit.",
                        "Sie sagen ihre Meinung.",
                        "Dann wird entschieden.",
                    ),
                ),
                ("heading", {"text": "Was Sie auf der Internet-Seite finden", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Sie finden Beispiele für Bürger-Beteiligung.",
                        "Sie finden Termine für Treffen.",
                        "Sie finden Geld für Projekte.",
                        "Das Geld heißt: Förderung.",
                    ),
                ),
                ("heading", {"text": "Wie Sie uns erreichen", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Sie können uns eine E-Mail schreiben.",
                        "Die Adresse ist: netzwerk@example.org",
                    ),
                ),
            ),
        },
        {
            "title": "Easy Language",
            "intro": "Here we explain our website in Easy Language.",
            "body": body(
                ("heading", {"text": "What is on this page?", "level": "h2"}),
                (
                    "paragraph",
                    "<ul><li>Who we are.</li><li>What citizen participation is.</li>"
                    "<li>What you find on the website.</li><li>How to reach us.</li></ul>",
                ),
                ("heading", {"text": "Who we are", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "We are a network.",
                        "A network is a group.",
                        "In the group are people from towns and villages in Saxony.",
                        "And people from associations.",
                    ),
                ),
                ("heading", {"text": "What citizen participation is", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "Citizen participation means:",
                        "The people in a town have a say.",
                        "They give their opinion.",
                        "Then a decision is made.",
                    ),
                ),
                ("heading", {"text": "What you find on the website", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "You find examples of citizen participation.",
                        "You find dates for meetings.",
                        "You find money for projects.",
                        "The money is called: funding.",
                    ),
                ),
                ("heading", {"text": "How to reach us", "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        "You can write us an email.",
                        "The address is: netzwerk@example.org",
                    ),
                ),
            ),
        },
    ),
    (
        "gebaerdensprache",
        "sign-language",
        {
            "title": "Gebärdensprache",
            "intro": "Informationen zu dieser Website in Deutscher Gebärdensprache (DGS).",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Auf dieser Seite zeigen wir ein Video in Deutscher Gebärdensprache. Es erklärt, was das Netzwerk macht und wie Sie die Website nutzen.",
                        "Das Video stellt die Redaktion bereit; es ist noch nicht veröffentlicht. Bis dahin erreichen Sie uns per E-Mail an netzwerk@example.org.",
                    ),
                )
            ),
        },
        {
            "title": "Sign language",
            "intro": "Information about this website in German Sign Language (DGS).",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "On this page we show a video in German Sign Language. It explains what the network does and how to use the website.",
                        "The video is provided by the editorial team and has not been published yet. Until then, you can reach us by email at netzwerk@example.org.",
                    ),
                )
            ),
        },
    ),
]

NEWS = [
    (
        "erstes-netzwerktreffen",
        "first-network-meeting",
        datetime.date(2022, 5, 4),
        {
            "title": "Erstes Netzwerktreffen mit rund 150 Teilnehmenden",
            "teaser": "Am 4. Mai 2022 traf sich das Netzwerk zum ersten Mal – virtuell und mit großer Resonanz aus den Kommunen.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Rund 150 Teilnehmende kamen zum ersten, virtuellen Netzwerktreffen zusammen, etwa die Hälfte aus Kommunalverwaltungen.",
                        "In Themenräumen ging es um kommunale Beteiligung, Bürgerräte, Leitlinien und Satzungen sowie um die Förderrichtlinie Bürgerbeteiligung.",
                    ),
                )
            ),
        },
        {
            "title": "First network meeting with around 150 participants",
            "teaser": "On 4 May 2022 the network met for the first time – online and with a strong response from municipalities.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Around 150 participants joined the first, virtual network meeting, about half of them from municipal administrations.",
                        "Themed rooms covered municipal participation, citizens' assemblies, guidelines and statutes, and the state's participation funding guideline.",
                    ),
                )
            ),
        },
    ),
    (
        "zweites-netzwerktreffen",
        "second-network-meeting",
        datetime.date(2022, 12, 8),
        {
            "title": "Zweites Netzwerktreffen am 8. Dezember 2022",
            "teaser": "Von 13 bis 17 Uhr ging es um Beteiligung in Krisenzeiten und um Jugendbeteiligung.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Rund 140 Angemeldete diskutierten am 8. Dezember 2022 von 13 bis 17 Uhr über Beteiligung in Zeiten der Krise.",
                        "Ein Schwerpunkt war die Beteiligung junger Menschen in den Kommunen.",
                    ),
                )
            ),
        },
        {
            "title": "Second network meeting on 8 December 2022",
            "teaser": "From 1 pm to 5 pm the topics were participation in times of crisis and youth participation.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Around 140 registered participants discussed participation in times of crisis on 8 December 2022 from 1 pm to 5 pm.",
                        "One focus was the participation of young people in municipalities.",
                    ),
                )
            ),
        },
    ),
    (
        "umfrage-netzwerk",
        "network-survey",
        datetime.date(2026, 11, 2),
        {
            "title": "Machen Sie mit: Umfrage zum Netzwerk",
            "teaser": "Was brauchen Sie vom Netzwerk? Unsere Online-Umfrage dauert etwa fünf Minuten.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "Wir möchten das Angebot des Netzwerks an Ihren Bedarf anpassen. Bitte nehmen Sie sich fünf Minuten Zeit für unsere Umfrage.",
                    ),
                )
            ),
        },
        {
            "title": "Take part: survey on the network",
            "teaser": "What do you need from the network? Our online survey takes about five minutes.",
            "body": body(
                (
                    "paragraph",
                    rich(
                        "We want to adapt the network's offer to your needs. Please take five minutes for our survey.",
                    ),
                )
            ),
        },
    ),
]


def load():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    load_home(home)

    pages = {}
    for slug, en_slug, de, en in STANDARD_PAGES:
        pages[slug] = page_with_translation(home, StandardPage, slug, de, en, en_slug=en_slug)

    statement = pages["barrierefreiheit"]
    form_de = {
        "title": "Barriere melden",
        "intro": "Beschreiben Sie kurz, wo Sie auf welche Barriere gestoßen sind.",
        "thank_you_text": "Vielen Dank. Wir prüfen Ihre Meldung und antworten innerhalb von sechs Wochen.",
    }
    form_en = {
        "title": "Report a barrier",
        "intro": "Briefly describe where you encountered which barrier.",
        "thank_you_text": "Thank you. We will review your report and reply within six weeks.",
    }
    report = statement.get_children().filter(slug="barriere-melden").first()
    if report is None:
        report = BarrierReportPage(slug="barriere-melden", **form_de)
        for order, (label, field_type, required) in enumerate(
            [
                ("Wo ist die Barriere?", "singleline", True),
                ("Beschreibung", "multiline", True),
                ("E-Mail für Rückfragen", "email", False),
            ]
        ):
            report.form_fields.add(
                report.form_fields.model(
                    sort_order=order, label=label, field_type=field_type, required=required
                )
            )
        statement.add_child(instance=report)
        report.save_revision().publish()
    pairs = {
        **{form_de[k]: form_en[k] for k in form_de},
        "barriere-melden": "report-a-barrier",
        "Wo ist die Barriere?": "Where is the barrier?",
        "Beschreibung": "Description",
        "E-Mail für Rückfragen": "Email for questions",
    }
    translate(report.specific, pairs)

    news_index = page_with_translation(
        home,
        NewsIndexPage,
        "aktuelles",
        {"title": "Aktuelles", "show_in_menus": True, "intro": "Neuigkeiten aus dem Netzwerk."},
        {"title": "News", "intro": "News from the network."},
        en_slug="news",
    )
    for slug, en_slug, date, de, en in NEWS:
        page_with_translation(news_index, NewsPage, slug, {**de, "date": date}, en, en_slug=en_slug)

    settings = SiteSettings.for_site(site)
    if not settings.responsible_person:
        settings.responsible_person = (
            "Leitung der Geschäftsstelle des Netzwerks Bürgerbeteiligung (Beispielangabe)\n"
            "Anschrift wie oben"
        )
        settings.data_protection_officer = (
            "Datenschutzbeauftragte des Staatsministeriums (Beispielangabe)\n"
            "datenschutz@example.org"
        )
        settings.contact_phone = settings.contact_phone or "+49 351 00000-0 (Beispielnummer)"
        settings.save()
    if settings.imprint_page_id is None:
        settings.imprint_page = pages["impressum"]
        settings.privacy_page = pages["datenschutz"]
        settings.accessibility_page = pages["barrierefreiheit"]
        settings.easy_language_page = pages["leichte-sprache"]
        settings.sign_language_page = pages["gebaerdensprache"]
        settings.save()
