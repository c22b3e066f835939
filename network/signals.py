"""Mails that follow editors' actions: a member approved, a reported case published."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Locale
from wagtail.signals import page_published

from .choices import ReportStatus


@receiver(post_save, sender="network.Member", dispatch_uid="network_member_approved")
def welcome_approved_member(sender, instance, created, raw=False, **kwargs):
    if raw or not getattr(instance, "_just_approved", False):
        return
    instance._just_approved = False
    from . import emails
    from .models import MemberDirectoryPage

    directories = MemberDirectoryPage.objects.live()
    directory = (
        directories.filter(locale__language_code=instance.language).first() or directories.first()
    )
    profile_url = ""
    if directory is not None and instance.listed:
        profile_url = directory.get_full_url() + directory.reverse_subpage(
            "profile", args=[instance.slug]
        )
    emails.member_approved(instance, profile_url)


def _url_in_language(page, language):
    locale = Locale.objects.filter(language_code=language).first()
    translation = page.get_translation_or_none(locale) if locale else None
    if translation is not None and translation.live:
        return translation.get_full_url()
    return page.get_full_url()


@receiver(page_published, dispatch_uid="network_report_published")
def tell_reporter_when_published(sender, instance, **kwargs):
    if sender._meta.label_lower != "cases.casepage":
        return
    from . import emails
    from .models import ProcedureReport

    reports = ProcedureReport.objects.filter(case_id=instance.pk, status=ReportStatus.SUBMITTED)
    for report in reports:
        report.status = ReportStatus.PUBLISHED
        report.published_at = timezone.now()
        report.save(update_fields=["status", "published_at"])
        if report.reporter_email:
            emails.report_published(report, _url_in_language(instance, report.language))
