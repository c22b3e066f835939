"""Mails of the network, all through home.outbox.queue_mail. Requesters and members get them
in the language they used; the network office gets German (the office works in German)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from home.outbox import queue_mail
from home.public_forms import text_for_mail

from .models.settings import NetworkSettings


def office_address():
    site = Site.objects.filter(is_default_site=True).first()
    return NetworkSettings.for_site(site).office_email if site else None


def admin_url(model_name, pk):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse(f"wagtailsnippets_network_{model_name}:edit", args=[pk])


def _typed(value):
    """Text someone typed into a form, for a mail to an address someone typed in: one short
    line, never a link (home.public_forms.text_for_mail), so the site cannot be made to deliver
    a stranger's message to an arbitrary address."""
    return text_for_mail(value)


def _mail(language, to, subject, template, context, reply_to=None, dedupe_key=None):
    with translation.override(language):
        context = {"site_name": _("Civic Participation Network Saxony"), **context}
        queue_mail(
            to=to,
            subject=str(subject),
            body=render_to_string(f"network/email/{template}.txt", context),
            reply_to=reply_to,
            dedupe_key=dedupe_key,
        )


def _to_office(subject, template, context, reply_to=None, dedupe_key=None):
    office = office_address()
    if office:
        _mail(
            settings.LANGUAGE_CODE,
            [office],
            subject,  # lazy: rendered in the office language by _mail
            template,
            context,
            reply_to=reply_to,
            dedupe_key=dedupe_key,
        )


def advice_request_received(advice):
    _mail(
        advice.language,
        [advice.email],
        gettext_lazy("We have received your advice request"),
        "advice_confirmation",
        {
            "advice": advice,
            "greeting_name": _typed(advice.name),
            "organisation_name": _typed(advice.organisation_name),
        },
        dedupe_key=f"advice:confirm:{advice.pk}",
    )
    _to_office(
        gettext_lazy("New advice request"),
        "advice_office",
        {"advice": advice, "admin_url": admin_url("advicerequest", advice.pk)},
        reply_to=[advice.email],
        dedupe_key=f"advice:office:{advice.pk}",
    )


def member_opt_in(member, confirm_url):
    _mail(
        member.language,
        [member.email],
        gettext_lazy("Please confirm your registration with the network"),
        "member_opt_in",
        {
            "greeting_name": _typed(member.contact_name),
            "member_name": _typed(member.name),
            "confirm_url": confirm_url,
        },
    )


def member_already_registered(email, language, join_url):
    _mail(
        language,
        [email],
        gettext_lazy("Your registration with the network"),
        "member_already",
        {"join_url": join_url},
    )


def member_confirmed(member):
    _to_office(
        gettext_lazy("New membership request to approve"),
        "member_office",
        {"member": member, "admin_url": admin_url("member", member.pk)},
        dedupe_key=f"member:office:{member.pk}",
    )


def member_approved(member, profile_url):
    _mail(
        member.language,
        [member.email],
        gettext_lazy("Welcome to the network"),
        "member_approved",
        {
            "greeting_name": _typed(member.contact_name),
            "member_name": _typed(member.name),
            "profile_url": profile_url,
        },
        dedupe_key=f"member:approved:{member.pk}",
    )


def member_rejected(member):
    _mail(
        member.language,
        [member.email],
        gettext_lazy("Your registration with the network"),
        "member_rejected",
        {"greeting_name": _typed(member.contact_name)},
        dedupe_key=f"member:rejected:{member.pk}",
    )


def relay_message(*, to, sender_name, sender_email, message, about, about_url, language):
    """The message to the contact (Reply-To: the sender), in full: the contact's address is
    the real one of the case or member. The sender's copy goes to a typed-in address, so it
    says that the message went out but repeats nothing the sender typed."""
    with translation.override(language):
        subject = _("Message via the network: %(about)s") % {"about": about}
        copy_subject = _("Your message via the network: %(about)s") % {"about": about}
    _mail(
        language,
        [to],
        subject,
        "message",
        {"sender_name": sender_name, "message": message, "about": about, "about_url": about_url},
        reply_to=[sender_email],
    )
    _mail(
        language,
        [sender_email],
        copy_subject,
        "message_copy",
        {"about": about, "about_url": about_url},
    )


def report_received(report, case):
    _mail(
        report.language,
        [report.reporter_email],
        gettext_lazy("We have received your procedure"),
        "report_confirmation",
        {"greeting_name": _typed(report.reporter_name), "title": _typed(report.title)},
        dedupe_key=f"report:confirm:{report.pk}",
    )
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    _to_office(
        gettext_lazy("New procedure reported"),
        "report_office",
        {
            "report": report,
            "case_admin_url": base + reverse("wagtailadmin_pages:edit", args=[case.pk]),
        },
        dedupe_key=f"report:office:{report.pk}",
    )


def report_published(report, case_url):
    _mail(
        report.language,
        [report.reporter_email],
        gettext_lazy("Your procedure is now online"),
        "report_published",
        {
            "greeting_name": _typed(report.reporter_name),
            "title": _typed(report.title),
            "case_url": case_url,
        },
        dedupe_key=f"report:published:{report.pk}",
    )
