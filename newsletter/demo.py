"""Demo content of the newsletter: the subscribe page and a first (unsent) issue. Idempotent."""

from wagtail.models import Site

from home.demo_utils import page_with_translation

from .models import NewsletterIssuePage, NewsletterPage


def load():
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = page_with_translation(
        home,
        NewsletterPage,
        "newsletter",
        {
            "title": "Newsletter",
            "teaser": "Neue Termine, Verfahren, Förderaufrufe und Nachrichten aus dem Netzwerk – per E-Mail.",
            "intro": "<p>Wählen Sie, worüber wir Sie informieren sollen. Sie können sich jederzeit mit einem Klick abmelden.</p>",
        },
        {
            "title": "Newsletter",
            "teaser": "New events, cases, funding calls and news from the network – by email.",
            "intro": "<p>Choose what we should tell you about. You can unsubscribe at any time with one click.</p>",
        },
        en_slug="newsletter",
    )
    page_with_translation(
        page,
        NewsletterIssuePage,
        "newsletter-dezember-2026",
        {
            "title": "Newsletter Dezember 2026",
            "teaser": "Rückblick auf das Netzwerktreffen und die nächsten Termine.",
            "body": [
                (
                    "paragraph",
                    "<p>Liebe Leserinnen und Leser, in diesem Newsletter blicken wir auf das Netzwerktreffen zurück und stellen neue Verfahren aus Sachsen vor.</p>",
                ),
            ],
        },
        {
            "title": "Newsletter December 2026",
            "teaser": "A look back at the network meeting and the next dates.",
            "body": [
                (
                    "paragraph",
                    "<p>Dear readers, in this newsletter we look back at the network meeting and present new cases from Saxony.</p>",
                ),
            ],
        },
        en_slug="newsletter-december-2026",
    )
