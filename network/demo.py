"""Demo content of the network: its four pages in German and English, and a few fictional
members built on the demo organisations (so their example cases show on the profiles).
Idempotent: pages are found by slug, members by slug."""

from django.utils import timezone
from wagtail.models import Locale, Site

from cases.models import MethodPage, Organisation, Topic
from home.demo_utils import page_with_translation

from .choices import MemberStatus
from .models import (
    AdviceRequestPage,
    JoinNetworkPage,
    Member,
    MemberDirectoryPage,
    ReportProcedurePage,
)

PAGES = [
    (
        AdviceRequestPage,
        "beratung-anfragen",
        "advice",
        {
            "title": "Beratung anfragen",
            "teaser": "Die Geschäftsstelle des Netzwerks berät Kommunen und Initiativen kostenlos.",
            "intro": "<p>Sie planen ein Beteiligungsverfahren, einen Förderantrag nach der FRL "
            "Bürgerbeteiligung oder eine Auswertung? Die Geschäftsstelle des Netzwerks berät Sie "
            "kostenlos und vermittelt Kommunen, die schon Erfahrung haben.</p>",
            "thank_you_text": "<p>Vielen Dank. Wir haben Ihre Anfrage erhalten und melden uns "
            "in der Regel innerhalb von fünf Arbeitstagen. Eine Bestätigung ist per E-Mail "
            "unterwegs.</p>",
        },
        {
            "title": "Ask for advice",
            "teaser": "The network office advises municipalities and initiatives free of charge.",
            "intro": "<p>Planning a participation process, an application under the FRL "
            "Bürgerbeteiligung or an evaluation? The network office advises you free of charge "
            "and puts you in touch with municipalities that have done it before.</p>",
            "thank_you_text": "<p>Thank you. We have received your request and usually reply "
            "within five working days. A confirmation is on its way by email.</p>",
        },
    ),
    (
        JoinNetworkPage,
        "mitmachen",
        "join",
        {
            "title": "Im Netzwerk mitmachen",
            "teaser": "Kommunen, Landkreise, Vereine, Initiativen, Stiftungen, Forschung und "
            "Einzelpersonen teilen ihre Erfahrung mit Bürgerbeteiligung.",
            "intro": "<p>Mitglied werden alle, die in Sachsen Beteiligung gestalten: Gemeinden, "
            "Landkreise, Vereine, Initiativen, Stiftungen, Hochschulen und Einzelpersonen. Sie "
            "bestätigen Ihre Anmeldung per E-Mail; danach prüft die Geschäftsstelle sie.</p>",
            "thank_you_text": "<p>Vielen Dank, Ihre E-Mail-Adresse ist bestätigt. Die "
            "Geschäftsstelle prüft Ihre Anmeldung und meldet sich per E-Mail.</p>",
        },
        {
            "title": "Join the network",
            "teaser": "Municipalities, districts, associations, initiatives, foundations, "
            "research and individuals share their experience with civic participation.",
            "intro": "<p>Everyone who shapes participation in Saxony can join: municipalities, "
            "districts, associations, initiatives, foundations, universities and individuals. "
            "You confirm your registration by email; the network office then reviews it.</p>",
            "thank_you_text": "<p>Thank you, your email address is confirmed. The network "
            "office will review your registration and let you know by email.</p>",
        },
    ),
    (
        MemberDirectoryPage,
        "mitglieder",
        "members",
        {
            "title": "Mitglieder",
            "show_in_menus": True,
            "teaser": "Wer im Netzwerk womit Erfahrung hat – nach Region, Methode und Thema.",
            "intro": "<p>Finden Sie Kommunen und Organisationen, die ein Verfahren schon "
            "durchgeführt haben. Angezeigt werden nur Mitglieder, die dem zugestimmt haben; "
            "Nachrichten laufen über die Website, E-Mail-Adressen bleiben privat.</p>",
        },
        {
            "title": "Members",
            "teaser": "Who in the network has experience with what – by region, method and topic.",
            "intro": "<p>Find municipalities and organisations that have run a procedure before. "
            "Only members who agreed are shown; messages go through the website, email "
            "addresses stay private.</p>",
        },
    ),
    (
        ReportProcedurePage,
        "verfahren-melden",
        "report-a-procedure",
        {
            "title": "Verfahren melden",
            "teaser": "Ihr Beteiligungsverfahren in die sächsische Sammlung aufnehmen – ohne "
            "Konto.",
            "intro": "<p>Melden Sie ein Beteiligungsverfahren aus Ihrer Kommune. Sie brauchen "
            "kein Konto: Fünf kurze Schritte fragen die Angaben des Steckbriefs ab, am Ende "
            "sehen Sie eine Zusammenfassung. Die Redaktion prüft den Entwurf, bevor er "
            "erscheint.</p>",
            "thank_you_text": "<p>Vielen Dank! Ihr Verfahren liegt der Redaktion als Entwurf "
            "vor. Wir schreiben Ihnen, sobald es veröffentlicht ist.</p>",
        },
        {
            "title": "Report a procedure",
            "teaser": "Add your participation procedure to the Saxon collection – no account "
            "needed.",
            "intro": "<p>Report a participation procedure from your municipality. No account is "
            "needed: five short steps ask for the fact-box details, and at the end you see a "
            "summary. The editorial team reviews the draft before it appears.</p>",
            "thank_you_text": "<p>Thank you! Your procedure is with the editorial team as a "
            "draft. We will write to you as soon as it is published.</p>",
        },
    ),
]

# Fictional members on the demo organisations (all names there are marked as examples).
MEMBERS = [
    {
        "organisation": "Stadtverwaltung Pirna – Beispielamt für Bürgerbeteiligung",
        "slug": "beispielamt-pirna",
        "kind": "municipality",
        "about": "Beispielmitglied: Erfahrung mit Bürgerräten und Einwohnerversammlungen.",
        "methods": ["Bürgerrat", "Einwohnerversammlung"],
        "topics": ["stadtentwicklung"],
        "open_to_exchange": True,
    },
    {
        "organisation": "Jugendring Vogtland (Beispiel)",
        "slug": "jugendring-vogtland-beispiel",
        "kind": "association",
        "about": "Beispielmitglied: Jugendbeteiligung im ländlichen Raum.",
        "methods": ["Zukunftswerkstatt", "World Café"],
        "topics": ["kinder-jugend"],
        "open_to_exchange": True,
    },
    {
        "organisation": "Quartiersverein Leipzig-Ost (Beispiel)",
        "slug": "quartiersverein-leipzig-ost-beispiel",
        "kind": "association",
        "about": "Beispielmitglied: Stadtteilspaziergänge und Planungswerkstätten im Quartier.",
        "methods": ["Stadtteilspaziergang", "World Café"],
        "topics": ["stadtentwicklung", "zusammenhalt"],
        "open_to_exchange": False,
    },
]


def load():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    for model, slug, en_slug, de, en in PAGES:
        page_with_translation(home, model, slug, de, en, en_slug=en_slug)
    load_members()


def _methods(prefixes, german):
    methods = MethodPage.objects.filter(locale=german).defer_streamfields()
    found = []
    for prefix in prefixes:
        method = methods.filter(title__startswith=prefix).first()
        if method:
            found.append(method)
    return found


def load_members():
    german = Locale.objects.get(language_code="de")
    for data in MEMBERS:
        if Member.objects.filter(slug=data["slug"]).exists():
            continue
        organisation = Organisation.objects.filter(name=data["organisation"]).first()
        if organisation is None:
            continue
        member = Member.objects.create(
            name=organisation.name,
            slug=data["slug"],
            kind=data["kind"],
            organisation=organisation,
            region=organisation.region,
            about=data["about"],
            open_to_exchange=data["open_to_exchange"],
            listed=True,
            contact_name="Beispielkontakt",
            email=f"{data['slug']}@example.org",
            status=MemberStatus.APPROVED,
            language="de",
            consent_at=timezone.now(),
            confirmed_at=timezone.now(),
            approved_at=timezone.now(),  # set: no welcome mail for demo members
        )
        # Parental relations are written by save().
        member.methods = _methods(data["methods"], german)
        member.topics = list(Topic.objects.filter(locale=german, slug__in=data["topics"]))
        member.save()
