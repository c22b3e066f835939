"""Core page types, site settings and the abstract BasePage every app builds on."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from images.api import CreditedImageField

from .admin_forms import BasePageForm
from .blocks import BodyBlock
from .caching.privacy import PrivacyCachedPageManager, may_have_view_restrictions
from .form_notifications import NotifyingFormMixin
from .outbox_models import OutboxMail  # noqa: F401  (the model behind home.outbox)
from .page_visibility import shows_published_title
from .public_forms import ProtectedFormPageMixin, no_shared_cache
from .untranslated import without_untranslated_aliases


def paginate(request, items, per_page=10, number=None):
    """Paginate by `number` (a listing's form reads it, home/params.py) or else the `page`
    GET parameter; malformed values give the first page, values past the end the last page,
    so a bookmarked or mistyped URL never fails."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get("page", 1) if number is None else number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class BasePage(Page):
    """Abstract base for every public page: listing fields and shared behaviour."""

    teaser = models.TextField(
        _("teaser"),
        blank=True,
        max_length=400,
        help_text=_("Short summary shown in listings and search results."),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page, in listings and when the page is shared."),
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when an image is set."),
    )
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: a different image for listings (uses the lead image's alt text)."),
    )

    # `.public()` with the restricted sections cached per generation (home/caching/privacy.py).
    objects = PrivacyCachedPageManager()

    search_fields = Page.search_fields + [index.SearchField("teaser")]
    # The API (/api/v2/) shows these fields of every page type; each type adds its own.
    # The lead image comes with its credit and licence.
    api_fields = [
        APIField("teaser"),
        APIField("image", serializer=CreditedImageField()),
        APIField("image_alt"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Lead image")),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("listing_image")]
    # Drafts save with only a title; errors name their tab (home/admin_forms.py).
    base_form_class = BasePageForm

    # GET parameters whose responses the page cache may store (keyed by the full URL);
    # index pages with filters extend this with their filter names. Cache-Control is set
    # once for every served page by home.caching.pages.PageCacheMiddleware.
    cache_query_params = frozenset({"page"})

    class Meta:
        abstract = True

    def get_admin_display_title(self):
        # Guest editors see no other organisation's pending change (home/page_visibility.py).
        if shows_published_title(self):
            return self.title
        return super().get_admin_display_title()

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )

    @property
    def validates_for_publishing(self):
        """False while the admin saves a draft (BasePageForm): checks that matter only for
        publishing wait until the page is submitted for review or published, like the
        required fields Wagtail defers then."""
        return not getattr(self, "is_draft_save", False)

    @property
    def card_image(self):
        """The image listings show: the listing image if set, else the lead image."""
        return self.listing_image or self.image

    def get_view_restrictions(self):
        # Skips Wagtail's two queries for pages outside every restricted section.
        if not may_have_view_restrictions(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @property
    def is_untranslated_alias(self):
        """True for a wagtail-localize placeholder: an alias in another locale that still
        shows the source-language content."""
        return bool(self.alias_of_id) and self.alias_of.locale_id != self.locale_id

    @property
    def content_language(self):
        """The language the content is written in when it differs from the page's tree (an
        untranslated alias shows the German original): templates mark it with `lang`."""
        if self.is_untranslated_alias:
            return self.alias_of.locale.language_code
        return None


class HomePage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    featured_cases = StreamField(
        [("case", blocks.PageChooserBlock(page_type="cases.CasePage", label=_("Case")))],
        blank=True,
        max_num=3,
        verbose_name=_("featured cases"),
        help_text=_("Leave empty to show the cases marked as featured, newest first."),
    )
    cases_count_override = models.PositiveIntegerField(
        _("number of cases"), null=True, blank=True, help_text=_("Leave empty to count.")
    )
    methods_count_override = models.PositiveIntegerField(
        _("number of methods"), null=True, blank=True, help_text=_("Leave empty to count.")
    )
    regions_count_override = models.PositiveIntegerField(
        _("number of regions"), null=True, blank=True, help_text=_("Leave empty to count.")
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("featured_cases"),
        MultiFieldPanel(
            [
                FieldPanel("cases_count_override"),
                FieldPanel("methods_count_override"),
                FieldPanel("regions_count_override"),
            ],
            heading=_("Numbers"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .home_content import home_content

        context = super().get_context(request, *args, **kwargs)
        context["home"] = home_content(self)
        context["latest_news"] = context["home"]["news"]
        return context


class StandardPage(BasePage):
    """About, legal pages, accessibility statement, Leichte Sprache, sign language."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    video_url = models.URLField(
        _("video URL"),
        blank=True,
        help_text=_("Optional self-hosted video, e.g. for sign language (no third-party embeds)."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("video_url"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    api_fields = BasePage.api_fields + [APIField(name) for name in ["intro", "body", "video_url"]]

    class Meta:
        verbose_name = _("standard page")

    def barrier_report_page(self):
        """The barrier-report form below this page (the accessibility statement's feedback
        mechanism, BITV 2.0), or None."""
        return BarrierReportPage.objects.child_of(self).live().public().order_by("path").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        report = self.barrier_report_page() if self.numchild else None  # no query when childless
        if report is not None:
            # The statement shows the form itself; it posts to the form's own page, which
            # stores the report and answers (or shows the form again with the errors).
            context["barrier_report"] = report
            context["barrier_form"] = report.get_form(page=report, user=request.user)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data and "barrier_form" in response.context_data:
            return no_shared_cache(response)  # the form carries a per-visit start time
        return response


class NewsIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            without_untranslated_aliases(NewsPage.objects.child_of(self).live().public())
            .select_related("listing_image")
            .defer_streamfields()
            .order_by("-date", "-pk")
        )
        context["news_page"] = paginate(request, news)
        return context


class NewsPage(BasePage):
    # Nullable so that a first draft saves with only a title; publishing requires it.
    date = models.DateField(_("date"), null=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("date"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body"), index.FilterField("date")]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    api_fields = BasePage.api_fields + [APIField(name) for name in ["date", "body"]]

    class Meta:
        verbose_name = _("news page")


class TranslatableFormField(TranslatableMixin, AbstractFormField):
    """A form page's question: label, help text and choices are translated with the page in
    wagtail-localize; type, required and the stored key (`clean_name`) stay the same in every
    language, so German and English answers have the same columns."""

    override_translatable_fields = [
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = True


class BarrierReportField(TranslatableFormField):
    page = ParentalKey("BarrierReportPage", on_delete=models.CASCADE, related_name="form_fields")


class BarrierReportPage(ProtectedFormPageMixin, NotifyingFormMixin, AbstractEmailForm):
    """Feedback mechanism of the accessibility statement (BITV 2.0): reports are stored
    as form submissions and visible to editors."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = models.TextField(_("thank-you text"), blank=True)
    # Not a BasePage: no teaser or lead image. The mail settings stay out of the API.
    api_fields = [APIField("intro"), APIField("thank_you_text")]

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        "form_fields",
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("Email"),
        ),
    ]
    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("barrier report form")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What changes without a release: the responsible ministry has changed before."""

    ministry_name = models.CharField(
        _("responsible ministry"),
        max_length=255,
        default="Sächsisches Staatsministerium für Soziales, Gesundheit und Gesellschaftlichen Zusammenhalt",
    )
    ministry_address = models.TextField(
        _("ministry address"), blank=True, default="Albertstraße 10\n01097 Dresden"
    )
    contact_email = models.EmailField(
        _("contact email"), blank=True, default="netzwerk@example.org"
    )
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    responsible_person = models.TextField(
        _("responsible for content (§ 18 (2) MStV)"),
        blank=True,
        help_text=_("Name and address of the person responsible for the content, for the imprint."),
    )
    data_protection_officer = models.TextField(
        _("data protection officer"),
        blank=True,
        help_text=_("Name and contact of the data protection officer, for the privacy page."),
    )
    publisher_logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("publisher's logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The ministry's signet for the header, uploaded here."),
    )
    publisher_logo_alt = models.CharField(
        _("publisher's logo alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty to use the ministry's name."),
    )
    form_notification_email = models.EmailField(
        _("form notifications"),
        blank=True,
        help_text=_(
            "Who is told about barrier reports, survey answers and other form submissions. "
            "Empty: the contact email."
        ),
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    participation_portal_url = models.URLField(
        _("e-participation portal"),
        blank=True,
        default="https://buergerbeteiligung.sachsen.de/",
        help_text=_("Beteiligungsportal Sachsen: we link to it for live consultations."),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imprint page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Easy Language page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sign language page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("ministry_name"),
                FieldPanel("ministry_address"),
                FieldPanel("responsible_person"),
                FieldPanel("data_protection_officer"),
                FieldPanel("publisher_logo"),
                FieldPanel("publisher_logo_alt"),
            ],
            heading=_("Ministry"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("form_notification_email"),
                FieldPanel("contact_phone"),
                FieldPanel("footer_text"),
            ],
            heading=_("Contact and footer"),
        ),
        FieldPanel("participation_portal_url"),
        MultiFieldPanel(
            [
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("easy_language_page"),
                FieldPanel("sign_language_page"),
            ],
            heading=_("Legal and accessibility pages"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


class EditorProfile(models.Model):
    """Links a guest editor to the partner organisation they write for (DESIGN §5): cases they
    create default to it. Maintained by `manage.py invite_guest_editor` and the admin."""

    user = models.OneToOneField(
        "auth.User", verbose_name=_("user"), on_delete=models.CASCADE, related_name="editor_profile"
    )
    organisation = models.ForeignKey(
        "cases.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editor_profiles",
    )

    class Meta:
        verbose_name = _("editor profile")
        verbose_name_plural = _("editor profiles")

    def __str__(self):
        return f"{self.user} ({self.organisation or '-'})"
