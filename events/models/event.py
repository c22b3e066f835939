"""The event page: date, place, programme, registration state, calendar file and
documentation. Registering and cancelling are routed here and handled by events.views."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cases.choices import Format
from home.blocks import BodyBlock
from home.caching import depends_on
from home.models import BasePage
from home.routing import LocalizedRoutablePageMixin

from .. import registration as service
from .. import views
from ..blocks import AgendaBlock, DocumentationBlock
from ..formatting import EVENT_TZ, format_event_date, local
from ..ical import calendar_response, event_calendar
from ..jsonld import event_jsonld
from .choices import EventType, RegistrationMode
from .registration import event_scope


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


class EventPage(LocalizedRoutablePageMixin, BasePage):
    event_type = models.CharField(
        _("type"), max_length=30, choices=EventType.choices, default=EventType.NETWORK_MEETING
    )
    # Nullable so that a first draft saves with only a title; publishing requires both
    # (blank=False: Wagtail defers the required fields only when a draft is saved).
    start = models.DateTimeField(
        _("start"), null=True, help_text=_("Date and time in German time (Europe/Berlin).")
    )
    end = models.DateTimeField(
        _("end"), null=True, help_text=_("For all-day events only the dates count.")
    )
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
    organiser_url = models.URLField(
        _("organiser's website"),
        blank=True,
        help_text=_("Named in search engines' event data. Empty: the address of this website."),
    )
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
                FieldPanel("organiser_url"),
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
            "organiser_url",
            "related_cases",
            "related_methods",
        )
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    api_fields = BasePage.api_fields + [
        APIField(name)
        for name in [
            "event_type",
            "start",
            "end",
            "all_day",
            "is_cancelled",
            "format",
            "venue_name",
            "venue_address",
            "online_info",
            "organiser",
            "organiser_url",
            "intro",
            "body",
            "agenda",
            "registration_mode",
            "registration_url",
            "registration_deadline",
            "capacity",
            "documentation",
        ]
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        # What readers need before the event is published; a first draft may do without.
        if self.validates_for_publishing:
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
        if self.start is None:  # a draft without a date yet (preview)
            return ""
        return format_event_date(self.start, self.end, self.all_day)

    @property
    def is_past(self):
        return self.end is not None and self.end < timezone.now()

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

    # A translation shows and books the original's state (registrations belong to it), at
    # once, even before an editor has synchronised the translation.
    @property
    def takes_registrations(self):
        return self.registration_event.registration_mode == RegistrationMode.FORM

    @property
    def cancelled(self):
        return self.registration_event.is_cancelled

    @property
    def registration_open(self):
        source = self.registration_event
        if source.registration_mode == RegistrationMode.NONE or source.is_cancelled:
            return False
        if not source.live:
            return False
        now = timezone.now()
        if source.registration_deadline and now > source.registration_deadline:
            return False
        return source.end is not None and now < source.end

    def registration_counts(self):
        return service.counts(self.registration_event)

    @property
    def places_left(self):
        return service.places_left(self.registration_event, self.registration_event.capacity)

    def related_pages(self, name):
        """Live related pages in this page's language (falling back to the original); the
        translations of all of them come from one query."""
        model = getattr(type(self), name).field.related_model
        chosen = getattr(self, name).all()
        if isinstance(chosen, FakeQuerySet):  # a preview or a revision: the in-memory choice
            chosen = model.objects.filter(pk__in=[page.pk for page in chosen])
        related = list(chosen.live().public().defer_streamfields())
        keys = [page.translation_key for page in related if page.locale_id != self.locale_id]
        translations = {}
        if keys:
            translations = {
                page.translation_key: page
                for page in model.objects.live()
                .defer_streamfields()
                .filter(translation_key__in=keys, locale_id=self.locale_id)
            }
        return [translations.get(page.translation_key, page) for page in related]

    # Loaded with the page when it is served from the route cache (home/caching/routes.py).
    route_select_related = ("locale",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.takes_registrations:  # shows the places left: stale after a registration
            depends_on(request, event_scope(self.registration_event.pk))
        context["related_cases"] = self.related_pages("related_cases")
        context["related_methods"] = self.related_pages("related_methods")
        context["jsonld"] = event_jsonld(self, request) if self.start and self.end else ""
        context["ics_url"] = self.url + self.reverse_subpage("ics")
        context["register_url"] = self.url + self.reverse_subpage("register")
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        changed = self.last_published_at or self.latest_revision_created_at
        return calendar_response(
            event_calendar(self, request), f"{self.slug}.ics", last_modified=changed
        )

    @path(_("register/"), name="register")
    def register(self, request):
        return views.register(request, self)

    @path(_("cancel/"), name="cancel")
    def cancel(self, request):
        # The signed token travels in the query string (or the POSTed form): it contains
        # ':' which Wagtail's page URLs do not allow in path segments.
        return views.cancel(request, self)
