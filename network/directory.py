"""Finding peers: the directory's filters, localised relations without per-member queries,
and the members and cases behind a method ("Wer hat damit Erfahrung?")."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import CasePage, MethodPage, Region, Topic
from cases.models.utils import active_locale, localize_all

from .choices import MemberKind
from .geo import distance_km
from .models.members import Member


class SlugChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return getattr(obj, "title", None) or obj.name


class DirectoryFilterForm(forms.Form):
    """GET filters; a forged or stale value is a form error, never a failure."""

    region = SlugChoiceField(
        Region.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Region"),
        empty_label=_("All regions"),
    )
    kind = forms.ChoiceField(
        choices=[("", _("All kinds"))] + list(MemberKind.choices), required=False, label=_("Kind")
    )
    method = SlugChoiceField(
        MethodPage.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Method"),
        empty_label=_("All methods"),
    )
    topic = SlugChoiceField(
        Topic.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Topic"),
        empty_label=_("All topics"),
    )
    exchange = forms.BooleanField(required=False, label=_("Only members open to exchange"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = active_locale()
        self.fields["method"].queryset = (
            MethodPage.objects.live()
            .public()
            .filter(locale=locale)
            .defer_streamfields()
            .order_by("title")
        )
        self.fields["topic"].queryset = Topic.objects.filter(locale=locale)
        for name in ("region", "kind", "method", "topic"):
            self.fields[name].widget.attrs["id"] = f"filter-{name}"
        self.fields["exchange"].widget.attrs["id"] = "filter-exchange"

    def apply(self, members):
        data = self.cleaned_data
        if data.get("region"):
            members = members.filter(region=data["region"])
        if data.get("kind"):
            members = members.filter(kind=data["kind"])
        if data.get("method"):
            members = members.filter(
                methods__translation_key=data["method"].translation_key
            ).distinct()
        if data.get("topic"):
            members = members.filter(
                topics__translation_key=data["topic"].translation_key
            ).distinct()
        if data.get("exchange"):
            members = members.filter(open_to_exchange=True)
        return members


def localize_members(members):
    """Attach `shown_methods` and `shown_topics` in the active language to each member,
    with a constant number of queries however many members there are."""
    members = list(members)
    if not members:
        return members
    locale = active_locale()
    ids = [m.pk for m in members]
    method_links = list(
        Member.methods.through.objects.filter(member_id__in=ids).select_related("methodpage")
    )
    topic_links = list(
        Member.topics.through.objects.filter(member_id__in=ids).select_related("topic")
    )
    methods = localize_all([link.methodpage for link in method_links], locale)
    topics = localize_all([link.topic for link in topic_links], locale)
    method_by_key = {m.translation_key: m for m in methods if m.live}
    topic_by_key = {t.translation_key: t for t in topics}
    for member in members:
        member.shown_methods = sorted(
            {
                method_by_key[link.methodpage.translation_key]
                for link in method_links
                if link.member_id == member.pk and link.methodpage.translation_key in method_by_key
            },
            key=lambda m: m.title,
        )
        member.shown_topics = sorted(
            {
                topic_by_key[link.topic.translation_key]
                for link in topic_links
                if link.member_id == member.pk
            },
            key=lambda t: t.name,
        )
    return members


def member_cases(member, limit=50):
    if not member.organisation_id:
        return []
    return list(
        CasePage.objects.live()
        .public()
        .filter(locale=active_locale(), organisation_id=member.organisation_id)
        .select_related("region")
        .only(*CasePage.LISTING_FIELDS)
        .order_by("-start_date", "title")[:limit]
    )


def experience_with(method, region=None, limit=20):
    """Members and cases that used `method`, nearest to `region` first when one is given."""
    members = list(
        Member.objects.listed()
        .filter(methods__translation_key=method.translation_key)
        .select_related("region")
        .distinct()
        .order_by("name")
    )
    cases = list(method.used_in_cases()[:limit])
    if region is not None:

        def by_distance(item):
            return distance_km(region, item.region)

        members.sort(key=by_distance)
        cases.sort(key=by_distance)
    return members[:limit], cases
