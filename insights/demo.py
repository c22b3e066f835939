"""Demo content of the insights app: "Beteiligung in Zahlen", the published survey
results (with example answers so the page has something to show) and coordinates for a
few demo cases, so the map shows points. Idempotent."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Site

from cases.models import CasePage
from events.models import SurveyPage
from home.demo_utils import page_with_translation, translate

from .models import PublishedQuestion, StatisticsPage, SurveyResultsPage

# Demo case slug -> (latitude, longitude) of its municipality.
COORDINATES = {
    "buergerrat-innenstadt-pirna": (50.9627, 13.9403),
    "jugendforum-plauen": (50.4977, 12.1372),
    "stadtteilbudget-chemnitz": (50.8278, 12.9214),
    "online-dialog-radverkehr-dresden": (51.0504, 13.7373),
    "planungswerkstatt-park-leipzig": (51.3397, 12.3731),
    "runder-tisch-strukturwandel-borna": (51.1242, 12.4963),
    "buergerpanel-torgau": (51.5603, 13.0039),
    "kinder-jugendparlament-zwickau": (50.7189, 12.4964),
}
EXAMPLE_ANSWERS = 30
INTRO_DE = "Hier veröffentlichen wir die Antworten auf ausgewählte Fragen der Umfrage zum Netzwerk – zusammengefasst und anonym."
INTRO_EN = "Here we publish the answers to selected questions of the network survey – summarised and anonymous."


def load_coordinates():
    for slug, (lat, lon) in COORDINATES.items():
        german = CasePage.objects.filter(slug=slug, locale__language_code="de").first()
        if german is None or german.latitude is not None:
            continue
        # Coordinates are synchronised fields: set them on every translation.
        for case in CasePage.objects.filter(translation_key=german.translation_key):
            case.latitude, case.longitude = Decimal(str(lat)), Decimal(str(lon))
            case.save_revision().publish()


def load_statistics(home):
    return page_with_translation(
        home,
        StatisticsPage,
        "beteiligung-in-zahlen",
        {
            "title": "Beteiligung in Zahlen",
            "show_in_menus": True,  # the home page lists menu sections
            "teaser": "Wie viele Verfahren gibt es, auf welcher Stufe, zu welchen Themen und wo in Sachsen?",
            "intro": "<p>Die Zahlen beruhen auf den hier veröffentlichten Verfahren. Mit den Filtern zählen Sie nur die Verfahren, die Sie interessieren.</p>",
        },
        {
            "title": "Participation in numbers",
            "teaser": "How many cases are there, at which level, on which topics and where in Saxony?",
            "intro": "<p>The numbers are based on the cases published here. Use the filters to count only the cases you are interested in.</p>",
        },
        en_slug="participation-in-numbers",
    )


def load_example_answers(survey):
    """Fictional answers to the demo survey (only while it has none)."""
    if FormSubmission.objects.filter(page=survey).exists():
        return
    fields = [
        f for f in survey.form_fields.all() if f.field_type in ("radio", "checkboxes", "dropdown")
    ]
    rng = random.Random(17)
    start = timezone.now() - datetime.timedelta(days=60)
    for i in range(EXAMPLE_ANSWERS):
        data = {}
        for field in fields:
            choices = [c.strip() for c in field.choices.splitlines() if c.strip()]
            weights = [len(choices) - k for k in range(len(choices))]  # first choices likelier
            if field.field_type == "checkboxes":
                data[field.clean_name] = sorted(
                    set(rng.choices(choices, weights, k=2)), key=choices.index
                )
            else:
                data[field.clean_name] = rng.choices(choices, weights)[0]
        submission = FormSubmission.objects.create(page=survey, form_data=data)
        # Spread over two months: the results page states the period.
        FormSubmission.objects.filter(pk=submission.pk).update(
            submit_time=start + datetime.timedelta(days=2 * i)
        )


def load_survey_results(home):
    survey = SurveyPage.objects.filter(locale=home.locale, slug="umfrage").first()
    if survey is None:
        return None
    results = home.get_children().filter(slug="umfrage-ergebnisse").first()
    if results is None:
        results = SurveyResultsPage(
            title="Ergebnisse der Umfrage",
            slug="umfrage-ergebnisse",
            survey=survey,
            teaser="Was die Teilnehmenden der Umfrage zum Netzwerk geantwortet haben.",
            intro=f"<p>{INTRO_DE}</p>",
        )
        for field in survey.form_fields.all():
            if field.field_type in ("radio", "checkboxes", "dropdown"):
                results.questions.add(PublishedQuestion(question_id=field.pk))
        home.add_child(instance=results)
        results.save_revision().publish()
    english = translate(
        results,
        {
            "Ergebnisse der Umfrage": "Survey results",
            "Was die Teilnehmenden der Umfrage zum Netzwerk geantwortet haben.": "What the participants of the network survey answered.",
            # Rich text is translated paragraph by paragraph (wagtail-localize segments).
            INTRO_DE: INTRO_EN,
            "umfrage-ergebnisse": "survey-results",
        },
    )
    if english.slug != "survey-results":
        english.slug = "survey-results"
        english.save_revision().publish()
    load_example_answers(survey.specific)
    return results


def load():
    home = Site.objects.get(is_default_site=True).root_page.specific
    load_coordinates()
    load_statistics(home)
    load_survey_results(home)
