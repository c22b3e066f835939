"""What the home page shows besides its own text: next events, featured cases, open funding
calls, latest news and a line of numbers. Automatic, with editor overrides on the HomePage
(chosen cases, fixed numbers); cached per page-cache generation and language like the rest of
the frame (home/caching), so a publish anywhere shows up at once.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from home.caching import cached_per_generation
from home.untranslated import without_untranslated_aliases

HOME_ITEMS = 3


def _model(label):
    return apps.get_model(label)


def _live(label):
    """Live, public pages of a type, without untranslated aliases (German text presented
    as English)."""
    return without_untranslated_aliases(_model(label).objects.live().public())


def next_events(locale_id):
    return list(
        _live("events.EventPage")
        .filter(locale_id=locale_id, end__gte=timezone.now())
        .defer_streamfields()
        .select_related("image", "locale")  # takes_registrations reads the locale
        .order_by("start", "pk")[:HOME_ITEMS]
    )


def with_places_left(events):
    """Set `home_places_left` on each event from ONE query (not one per event). Registrations
    belong to the event in the default language (shared by its translations); they are
    counted on every request, outside the generation cache, since they change without a
    publish."""
    Registration = _model("events.EventRegistration")
    keys = [e.translation_key for e in events if e.capacity is not None]
    confirmed = (
        dict(
            Registration.objects.filter(
                event__translation_key__in=keys,
                event__locale__language_code=settings.LANGUAGE_CODE,
                status=Registration.Status.CONFIRMED,
            )
            .values("event__translation_key")
            .annotate(n=Count("pk"))
            .values_list("event__translation_key", "n")
        )
        if keys
        else {}
    )
    for event in events:
        if event.capacity is not None:
            # The property on EventPage counts with a query of its own; this is the same rule.
            event.home_places_left = max(
                event.capacity - confirmed.get(event.translation_key, 0), 0
            )
        else:
            event.home_places_left = None
    return events


def featured_cases(home):
    CasePage = _model("cases.CasePage")
    chosen = [block.value for block in home.featured_cases if block.value is not None]
    if chosen:
        ids = []
        for case in chosen:
            localized = case.localized
            if localized.live:
                ids.append(localized.pk)
        by_id = {
            c.pk: c
            for c in CasePage.objects.filter(pk__in=ids)
            .live()
            .public()
            .defer_streamfields()
            .select_related("image", "listing_image", "region")
        }
        return [by_id[pk] for pk in ids if pk in by_id][:HOME_ITEMS]
    return list(
        _live("cases.CasePage")
        .filter(locale_id=home.locale_id)
        .defer_streamfields()
        .select_related("image", "listing_image", "region")
        .order_by("-featured", "-start_date", "pk")[:HOME_ITEMS]
    )


def open_funding(locale_id):
    FundingProgrammePage = _model("cases.FundingProgrammePage")
    programmes = (
        _live("cases.FundingProgrammePage").filter(locale_id=locale_id).defer_streamfields()
    )
    return sorted((p for p in programmes if p.is_open), key=FundingProgrammePage.listing_order)[
        :HOME_ITEMS
    ]


def latest_news(locale_id):
    return list(
        _live("home.NewsPage")
        .filter(locale_id=locale_id)
        .defer_streamfields()
        .select_related("image")
        .order_by("-date", "-pk")[:HOME_ITEMS]
    )


def numbers(home):
    CasePage, MethodPage = _model("cases.CasePage"), _model("cases.MethodPage")
    cases = CasePage.objects.live().public().filter(locale_id=home.locale_id)
    automatic = {
        "cases": cases.count(),
        "methods": MethodPage.objects.live().public().filter(locale_id=home.locale_id).count(),
        "regions": cases.exclude(region=None).aggregate(n=Count("region", distinct=True))["n"],
    }
    overrides = {
        "cases": home.cases_count_override,
        "methods": home.methods_count_override,
        "regions": home.regions_count_override,
    }
    return {
        key: overrides[key] if overrides[key] is not None else automatic[key] for key in automatic
    }


def section_url(model_label, locale_id):
    page = _model(model_label).objects.live().filter(locale_id=locale_id).first()
    return page.url if page else ""


def home_content(home):
    def build():
        return {
            "events": next_events(home.locale_id),
            "cases": featured_cases(home),
            "funding": open_funding(home.locale_id),
            "news": latest_news(home.locale_id),
            "numbers": numbers(home),
            "finder_url": section_url("cases.MethodIndexPage", home.locale_id),
            "events_url": section_url("events.EventIndexPage", home.locale_id),
            "cases_url": section_url("cases.CaseIndexPage", home.locale_id),
            "funding_url": section_url("cases.FundingIndexPage", home.locale_id),
            "news_url": section_url("home.NewsIndexPage", home.locale_id),
        }

    # Events leave the list when they end: the date is part of the key.
    content = cached_per_generation(
        "home:content", [home.pk, timezone.localdate().isoformat()], build
    )
    with_places_left(content["events"])
    return content
