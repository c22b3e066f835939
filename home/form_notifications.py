"""Every public form reaches a person (issue 13).

Barrier reports, survey answers and later form pages notify the address in the site settings
("form notifications", else the contact email; a page's own "to address" wins when an editor
set one), so the promise on the thank-you page ("we answer within six weeks") has someone
behind it. The submission is stored first; the mail goes through home.outbox.queue_mail, so a
mail problem never loses it. The mail is in the site's default language (the editors'), names
the page and its language, carries the answers and links to the submissions in the admin.
"""

from django import forms
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import FormBuilder

from .outbox import queue_mail


class OptionalChoiceFormBuilder(FormBuilder):
    """An optional dropdown starts with an explicit "no answer" instead of preselecting its
    first option (which recorded everyone who skipped it as that option)."""

    def create_dropdown_field(self, field, options):
        form_field = super().create_dropdown_field(field, options)
        if not field.required:
            form_field.choices = [("", _("– No answer –")), *form_field.choices]
        return form_field


def notification_addresses(page):
    # Looked up through the app registry: home.models imports this mixin.
    SiteSettings = apps.get_model("home", "SiteSettings")

    own = [a.strip() for a in (page.to_address or "").split(",") if a.strip()]
    if own:
        return own
    site = page.get_site()
    if site is None:
        return []
    site_settings = SiteSettings.for_site(site)
    address = site_settings.form_notification_email or site_settings.contact_email
    return [address] if address else []


class NotifyingFormMixin:
    """For AbstractEmailForm pages: store the submission, then queue the notification."""

    form_builder = OptionalChoiceFormBuilder

    def process_form_submission(self, form):
        from wagtail.contrib.forms.models import AbstractForm

        # AbstractForm's version only stores; AbstractEmailForm's would send_mail() directly.
        submission = AbstractForm.process_form_submission(self, form)
        addresses = notification_addresses(self)
        if addresses:
            self.notify(form, submission, addresses)
        return submission

    def notify(self, form, submission, addresses):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "wagtailforms:list_submissions", args=[self.pk]
        )
        with translation.override(settings.LANGUAGE_CODE):
            subject = self.subject or _("New submission: %(title)s") % {"title": self.title}
            body = "\n\n".join(
                [
                    _("A new submission arrived through “%(title)s” (%(language)s).")
                    % {"title": self.title, "language": self.locale.get_display_name()},
                    self.render_email(form),
                    _("All submissions in the admin: %(url)s") % {"url": admin_url},
                ]
            )
        reply_to = [
            value
            for name, value in form.cleaned_data.items()
            if isinstance(form.fields.get(name), forms.EmailField) and value
        ]
        queue_mail(
            to=addresses,
            subject=subject,
            body=body,
            reply_to=reply_to[:1] or None,
            dedupe_key=f"form-submission:{submission.pk}",
        )
