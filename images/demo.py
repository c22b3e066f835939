"""Demo images: illustrations drawn locally (images/illustrations.py), credited like any
upload, placed as lead images on a sample of every page type, German and English. Idempotent:
pages that already have a lead image are left alone."""

from io import BytesIO

from django.apps import apps
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from .illustrations import illustration_png
from .models import Licence

CREDIT = "Redaktion Netzwerk Bürgerbeteiligung Sachsen (Illustration)"

# motif: (title, German alt text, English alt text)
MOTIFS = {
    "round-table": (
        "Runder Tisch",
        "Illustration: Menschen sitzen gemeinsam an einem runden Tisch und sprechen miteinander.",
        "Illustration: people sit together at a round table and talk.",
    ),
    "conversation": (
        "Gespräch",
        "Illustration: zwei Menschen im Gespräch, über ihnen Sprechblasen.",
        "Illustration: two people in conversation with speech bubbles above them.",
    ),
    "network": (
        "Netzwerk",
        "Illustration: gelbe Punkte, durch grüne Linien zu einem Netz verbunden.",
        "Illustration: yellow dots joined by green lines into a network.",
    ),
    "calendar": (
        "Kalender",
        "Illustration: ein Kalenderblatt, ein Tag ist gelb markiert.",
        "Illustration: a calendar page with one day marked in yellow.",
    ),
    "voting": (
        "Abstimmung",
        "Illustration: eine Gruppe von Menschen, einige heben die Hand, darüber ein Häkchen.",
        "Illustration: a group of people, some raising a hand, a tick above them.",
    ),
    "funding": (
        "Förderung",
        "Illustration: steigende Balken und ein Stapel Münzen.",
        "Illustration: rising bars and a stack of coins.",
    ),
    "town": (
        "Stadt",
        "Illustration: eine Reihe bunter Häuser einer Kleinstadt.",
        "Illustration: a row of colourful houses in a small town.",
    ),
    "news": (
        "Zeitung",
        "Illustration: eine Zeitungsseite mit Überschrift und Bild.",
        "Illustration: a newspaper page with a headline and a picture.",
    ),
}

# Page type -> motifs used in turn, and how many German pages of that type get one.
PLACEMENTS = [
    ("home.HomePage", ["round-table"], None),
    ("home.StandardPage", ["network"], 1),
    ("home.NewsPage", ["news", "calendar"], None),
    ("cases.CasePage", ["town", "round-table", "conversation", "voting"], 8),
    ("cases.MethodPage", ["conversation", "round-table", "voting", "network"], 8),
    ("cases.FundingProgrammePage", ["funding"], None),
    ("events.EventPage", ["calendar", "round-table", "conversation"], None),
]


def demo_image(motif):
    Image = get_image_model()
    title, _de, _en = MOTIFS[motif]
    image = Image.objects.filter(title=title, credit=CREDIT).first()
    if image is None:
        image = Image(
            title=title,
            credit=CREDIT,
            licence=Licence.OWN,
            collection=Collection.get_first_root_node(),
            file=ImageFile(BytesIO(illustration_png(motif)), name=f"demo-{motif}.png"),
        )
        image.save()
    return image


def place(page, image, alt):
    page.image = image
    page.image_alt = alt
    page.save_revision().publish()


def load():
    german = Locale.objects.get(language_code="de")
    english = Locale.objects.filter(language_code="en").first()
    for model_label, motifs, limit in PLACEMENTS:
        model = apps.get_model(model_label)
        pages = model.objects.filter(locale=german).live().order_by("path")
        if model_label == "cases.CasePage":
            pages = pages.order_by("-featured", "path")
        for number, page in enumerate(pages[:limit] if limit else pages):
            if page.image_id:
                continue
            motif = motifs[number % len(motifs)]
            image = demo_image(motif)
            _title, alt_de, alt_en = MOTIFS[motif]
            place(page, image, alt_de)
            translation = page.get_translation_or_none(english) if english else None
            if translation is not None and not translation.alias_of_id:
                place(translation.specific, image, alt_en)
