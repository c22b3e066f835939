"""Events: the index with upcoming events and an archive, event pages with registration,
calendar export and documentation, the registration model and the network survey."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cases.choices import Format
from cases.derived import Counted
from home.blocks import BodyBlock
from home.models import BasePage, paginate
from home.untranslated import without_untranslated_aliases

from .blocks import AgendaBlock, DocumentationBlock
from .formatting import EVENT_TZ, format_event_date, local
from .listing import cached_until, count_events

PER_PAGE = 10
# What an event teaser in the index shows (plus what Wagtail needs for a page instance).
TEASER_FIELDS = (
    "title",
    "slug",
    "teaser",
    "event_type",
    "format",
    "start",
    "end",
    "all_day",
    "is_cancelled",
    "venue_name",
)
# Bookmarked filter links from before events shared the knowledge base's Format values.
LEGACY_FORMATS = {"on_site": Format.ON_SITE}


class EventType(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    OTHER = "other", _("Other event")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    FORM = "form", _("Registration form on this website")
    EXTERNAL = "external", _("External registration link")


class EventIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    # GET parameters the shared page cache may key on (see home/cache.py).
    cache_query_params = ("type", "format", "year", "page")

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return (
            without_untranslated_aliases(EventPage.objects.child_of(self).live().public())
            .defer_streamfields()  # listings and the feed show no body/agenda
            .select_related("locale", "listing_image")
        )

    def upcoming_events(self):
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    @staticmethod
    def _choice(request, name, choices, aliases=None):
        """The GET value if it is a known choice; otherwise None and whether it was invalid."""
        value = request.GET.get(name, "")
        value = (aliases or {}).get(value, value)
        if not value:
            return None, False
        return (value, False) if value in choices else (None, True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        invalid = []
        filters = {}
        event_type, bad = self._choice(request, "type", EventType.values)
        if bad:
            invalid.append(_("type"))
        if event_type:
            events = events.filter(event_type=event_type)
            filters["type"] = event_type
        event_format, bad = self._choice(request, "format", Format.values, LEGACY_FORMATS)
        if bad:
            invalid.append(_("format"))
        if event_format:
            events = events.filter(format=event_format)
            filters["format"] = event_format

        past = events.filter(end__lt=now)
        # Archive years and the paginator's count in one query, cached until the next
        # upcoming event ends (events/listing.py).
        key = [self.pk, event_type, event_format]
        counts = cached_until("counts", key, now, lambda: count_events(events, now))
        years, total = counts["years"], counts["total"]
        year_value = request.GET.get("year", "")
        year = None
        if year_value:
            if year_value.isdigit() and int(year_value) in {y for y, _c in years}:
                year = int(year_value)
                start_of_year = datetime.datetime(year, 1, 1, tzinfo=EVENT_TZ)
                events = past.filter(
                    start__gte=start_of_year, start__lt=start_of_year.replace(year=year + 1)
                )
                filters["year"] = str(year)
                total = dict(years)[year]
            else:
                invalid.append(_("year"))

        # Upcoming events first, soonest first; then past events, latest first.
        events = events.order_by(
            Case(When(end__lt=now, then=Value(1)), default=Value(0)).asc(),
            Case(When(end__gte=now, then=F("start"))).asc(),
            F("start").desc(),
            "pk",
        )
        page_obj = paginate(request, Counted(events.values_list("pk", flat=True), total), PER_PAGE)
        # The teasers of this page as plain data, cached like the counts: planning the
        # sorted query and building page instances cost more than the rest of the view.
        # Labels and dates are translated, URLs depend on the site: both are in the key.
        index_url = self.get_url(request)
        language = translation.get_language()
        page_obj.object_list = cached_until(
            "teasers",
            [*key, year, page_obj.number, index_url, language],
            now,
            lambda: {
                "rows": teaser_rows(list(page_obj.object_list), index_url),
                "until": counts["until"],
            },
        )["rows"]
        context.update(
            events_page=page_obj,
            event_groups=group_events(page_obj.object_list, now, year),
            archive_years=years,
            selected={"type": event_type, "format": event_format, "year": year},
            invalid_filters=invalid,
            type_choices=EventType.choices,
            format_choices=Format.choices,
            filter_querystring="&".join(f"{k}={v}" for k, v in filters.items()),
            feed_url=self.url + self.reverse_subpage("feed"),
            index_url=index_url,  # the page's own URL, looked up once
        )
        return context

    @path("calendar/", name="feed")
    def feed(self, request):
        from .ical import cached_feed, calendar_response

        limit = getattr(settings, "EVENTS_FEED_LIMIT", 1000)
        body = cached_feed(request, self, lambda: self.upcoming_events()[:limit])
        return calendar_response(body, "calendar.ics", inline=True)


def teaser_rows(ids, index_url):
    """What an event teaser in the index shows, as plain data in the order of `ids`."""
    events = EventPage.objects.only(*TEASER_FIELDS).in_bulk(ids)
    return [
        {
            "title": event.title,
            # A child page's URL is its parent's plus its slug: no site lookup per teaser.
            "url": f"{index_url}{event.slug}/",
            "start": event.start,
            "end": event.end,
            "date_display": event.date_display,
            "type_label": str(event.get_event_type_display()),
            "format_label": str(event.get_format_display()),
            "is_cancelled": event.is_cancelled,
            "venue_name": event.venue_name,
            "teaser": event.teaser,
        }
        for event in (events[pk] for pk in ids if pk in events)
    ]


def group_events(events, now, archive_year=None):
    """Split a page of event teasers into 'upcoming' and per-year archive groups."""
    groups = []
    for event in events:
        past = event["end"] < now
        key = ("past", local(event["start"]).year) if past else ("upcoming", None)
        if not groups or groups[-1]["key"] != key:
            # Past events sit under a year heading (h3) unless the archive shows one year.
            hlevel = 4 if past and not archive_year else 3
            groups.append(
                {"key": key, "kind": key[0], "year": key[1], "hlevel": hlevel, "events": []}
            )
        groups[-1]["events"].append(event)
    return groups


class RegistrationSummaryPanel(HelpPanel):
    """Confirmed and waiting counts on the event's edit page; the link to the personal data
    only for editors allowed to see registrations."""

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            user = getattr(self.request, "user", None)
            context["can_view_registrations"] = bool(
                user and user.has_perm("events.view_eventregistration")
            )
            return context


class EventPage(RoutablePageMixin, BasePage):
    event_type = models.CharField(
        _("type"), max_length=30, choices=EventType.choices, default=EventType.NETWORK_MEETING
    )
    start = models.DateTimeField(
        _("start"), help_text=_("Date and time in German time (Europe/Berlin).")
    )
    end = models.DateTimeField(_("end"), help_text=_("For all-day events only the dates count."))
    all_day = models.BooleanField(_("all day"), default=False)
    is_cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("The event will not take place.")
    )
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.ON_SITE
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True, max_length=500)
    online_info = models.CharField(
        _("online access"),
        max_length=250,
        blank=True,
        help_text=_("E.g. which video platform is used and when the access link is sent."),
    )
    organiser = models.CharField(_("organiser"), max_length=250, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("programme"))
    documentation = StreamField(
        DocumentationBlock(),
        blank=True,
        verbose_name=_("documentation"),
        help_text=_("Shown once the event is over: report, photos, presentation files."),
    )

    related_cases = ParentalManyToManyField(
        "cases.CasePage", verbose_name=_("related cases"), blank=True, related_name="related_events"
    )
    related_methods = ParentalManyToManyField(
        "cases.MethodPage",
        verbose_name=_("related methods"),
        blank=True,
        related_name="related_events",
    )

    registration_mode = models.CharField(
        _("registration"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
    )
    registration_url = models.URLField(_("external registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Maximum number of confirmed participants; further registrations go to the waiting list. Empty: no limit."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("is_cancelled"),
            ],
            heading=_("Date"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_info"),
                FieldPanel("organiser"),
            ],
            heading=_("Place and organiser"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                RegistrationSummaryPanel(template="events/admin/registration_summary.html"),
                FieldPanel("registration_mode"),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("documentation"),
        MultiFieldPanel(
            [FieldPanel("related_cases"), FieldPanel("related_methods")],
            heading=_("Related cases and methods"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("agenda"),
        index.SearchField("organiser"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.FilterField("event_type"),
        index.FilterField("format"),
    ]
    # The facts of an event are the same in every language; home/translation_sync.py copies
    # them into the English page whenever the German one is published.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "event_type",
            "start",
            "end",
            "all_day",
            "is_cancelled",
            "format",
            "venue_name",
            "venue_address",
            "capacity",
            "registration_mode",
            "registration_url",
            "registration_deadline",
            "related_cases",
            "related_methods",
        )
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.registration_mode == RegistrationMode.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Enter the link to the external registration.")
        if self.format != Format.ONLINE and not self.venue_name:
            errors["venue_name"] = _("Enter the venue of an on-site or hybrid event.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # All-day events span whole days in Berlin, so 'upcoming' and the calendar agree.
        if self.all_day and self.start and self.end:
            first = local(self.start).date()
            last = max(local(self.end).date(), first)
            self.start = datetime.datetime.combine(first, datetime.time.min, EVENT_TZ)
            self.end = datetime.datetime.combine(last, datetime.time(23, 59, 59), EVENT_TZ)
        return super().save(*args, **kwargs)

    # --- display -------------------------------------------------------------------------
    @property
    def date_display(self):
        return format_event_date(self.start, self.end, self.all_day)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return self.format == Format.ONLINE

    @property
    def address_one_line(self):
        return ", ".join(line.strip() for line in self.venue_address.splitlines() if line.strip())

    @property
    def location_text(self):
        """One line for calendars: venue and address, or 'Online'."""
        parts = [self.venue_name, self.address_one_line]
        if self.format != Format.ON_SITE:
            parts.append(str(Format.ONLINE.label))
        return ", ".join(p for p in parts if p)

    # --- registration --------------------------------------------------------------------
    @cached_property
    def registration_event(self):
        """The page registrations belong to: the original in the default language, so that
        German and English visitors share one capacity and one waiting list."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        original = EventPage.objects.filter(
            translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        return original or self

    @property
    def takes_registrations(self):
        return self.registration_mode == RegistrationMode.FORM

    @property
    def registration_open(self):
        if self.registration_mode == RegistrationMode.NONE or self.is_cancelled:
            return False
        now = timezone.now()
        if self.registration_deadline and now > self.registration_deadline:
            return False
        return now < self.end

    def registration_counts(self):
        counts = self.registration_event.registrations.aggregate(
            confirmed=Count("pk", filter=Q(status=EventRegistration.Status.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=EventRegistration.Status.WAITING)),
        )
        return counts

    @property
    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.registration_counts()["confirmed"], 0)

    def related_pages(self, name):
        """Live related pages in this page's language (falling back to the original); the
        translations of all of them come from one query."""
        related = list(getattr(self, name).live().public().defer_streamfields())
        keys = [page.translation_key for page in related if page.locale_id != self.locale_id]
        translations = {}
        if keys:
            model = getattr(type(self), name).field.related_model
            translations = {
                page.translation_key: page
                for page in model.objects.live()
                .defer_streamfields()
                .filter(translation_key__in=keys, locale_id=self.locale_id)
            }
        return [translations.get(page.translation_key, page) for page in related]

    # Loaded with the page when it is served from the route cache (home/routing.py).
    route_select_related = ("locale",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from .jsonld import event_jsonld

        context["related_cases"] = self.related_pages("related_cases")
        context["related_methods"] = self.related_pages("related_methods")
        context["jsonld"] = event_jsonld(self, request)
        context["ics_url"] = self.url + self.reverse_subpage("ics")
        context["register_url"] = self.url + self.reverse_subpage("register")
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        from .ical import calendar_response, event_calendar

        return calendar_response(event_calendar(self, request), f"{self.slug}.ics")

    @path("register/", name="register")
    def register(self, request):
        from .views import register

        return register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        # The signed token travels in the query string (or the POSTed form): it contains
        # ':' which Wagtail's page URLs do not allow in path segments.
        from .views import cancel

        return cancel(request, self)


class EventRegistration(models.Model):
    """A person registered for an event. Personal data is deleted by `purge_registrations`
    a configurable number of days after the event."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    organisation = models.CharField(_("organisation or municipality"), max_length=200, blank=True)
    needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    cancel_token = models.UUIDField(
        _("cancel token"), default=uuid.uuid4, unique=True, editable=False
    )
    language = models.CharField(_("language"), max_length=10, default="de", editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="unique_registration_per_email"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} – {self.event.title}"

    def page_for_language(self):
        """The event page in the registrant's language (for links in emails)."""
        with translation.override(self.language):
            from wagtail.models import Locale

            locale = Locale.objects.filter(language_code=self.language).first()
            page = self.event.get_translation_or_none(locale) if locale else None
            return (page or self.event).specific


class SurveyFormField(AbstractFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")


class SurveyPage(AbstractEmailForm, BasePage):
    """The network survey: editors compose the questions; answers are stored as Wagtail
    form submissions (listed and exported in the admin); emails only when an address is set."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("teaser"),
        FieldPanel("intro"),
        "form_fields",
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Email"),
        ),
    ]
    promote_panels = BasePage.promote_panels
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("survey")

    def serve(self, request, *args, **kwargs):
        from .spam import honeypot_filled, rate_limited, too_many_requests

        if request.method == "POST":
            if rate_limited(request, f"survey:{self.pk}"):
                return too_many_requests(request, self)
            if honeypot_filled(request):
                # Pretend success so bots learn nothing; store nothing.
                return self.render_landing_page(request)
        return super().serve(request, *args, **kwargs)
