""" "Verfahren melden": the steps' progress travels in one signed hidden field (no cookie, no
server state until the report is sent); the final step creates the report, a German draft
CasePage submitted to the moderation workflow, and queues the mails."""

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from wagtail.models import Locale

from cases.models import CaseIndexPage, CasePage, Organisation

from . import emails
from .forms import REPORT_STEPS
from .models.reports import ProcedureReport

STATE_SALT = "network.report.state"
STATE_MAX_AGE = 7 * 24 * 3600  # a report may take a few days to finish


class BadState(Exception):
    pass


def dump_state(state):
    return signing.dumps(state, salt=STATE_SALT, compress=True)


def load_state(value):
    if not value:
        return {}
    if len(value) > 100_000:
        raise BadState
    try:
        state = signing.loads(value, salt=STATE_SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature:
        raise BadState from None
    if not isinstance(state, dict):
        raise BadState
    return state


def raw_values(form):
    """What the user typed for the form's fields (lists for multi-value fields)."""
    values = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if hasattr(field, "queryset") and getattr(field.widget, "allow_multiple_selected", False):
            values[name] = form.data.getlist(key)
        else:
            values[name] = form.data.get(key, "")
    return values


def bound_form(index, state):
    name, _title, form_class = REPORT_STEPS[index]
    data = state.get(name)
    if data is None:
        return form_class()
    return form_class(
        MultiValueDict({k: (v if isinstance(v, list) else [v]) for k, v in data.items()})
    )


def first_invalid_step(state):
    for index in range(len(REPORT_STEPS)):
        form = bound_form(index, state)
        if not form.is_bound or not form.is_valid():
            return index
    return None


def cleaned(state):
    data = {}
    for index in range(len(REPORT_STEPS)):
        form = bound_form(index, state)
        form.is_valid()
        data.update(form.cleaned_data)
    return data


def _german(obj, german):
    """The German version of a synchronised relation (the case is created in German)."""
    if obj is None or obj.locale_id == german.pk:
        return obj
    return obj.get_translation_or_none(german) or obj


def _paragraphs(text):
    return linebreaks(escape(text)) if text else ""


def _unique_slug(index, title):
    base = slugify(title)[:70] or "verfahren"
    slug, number = base, 2
    while CasePage.objects.filter(slug=slug, path__startswith=index.path).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def answers_for_storage(data):
    """The answers as plain JSON for the editors' record (no contact details)."""
    skip = {"reporter_name", "reporter_email", "reporter_phone", "consent"}
    out = {}
    for key, value in data.items():
        if key in skip:
            continue
        if hasattr(value, "all") or isinstance(value, list | tuple):
            out[key] = [str(v) for v in value]
        elif value is None or isinstance(value, bool | int | str):
            out[key] = value
        else:
            out[key] = str(value)
    return out


def create_report(data, language):
    """Store the report and the draft case, submit the case for moderation, queue the mails."""
    german = Locale.objects.get(language_code="de")
    index = CaseIndexPage.objects.filter(locale=german).first()
    if index is None:
        raise RuntimeError("There is no German case index page to add reported cases to.")
    with transaction.atomic():
        organisation = Organisation.objects.filter(name__iexact=data["organisation"]).first()
        case = CasePage(
            title=data["title"],
            slug=_unique_slug(index, data["title"]),
            live=False,
            subject=data["subject"],
            organisation=organisation,
            municipality=data["municipality"],
            region=data["region"],
            start_date=data.get("start_date"),
            end_date=data.get("end_date"),
            status=data["status"],
            format=data["format"],
            participant_count=data.get("participant_count"),
            recruitment=data.get("recruitment") or "",
            funding_programme=_german(data.get("funding_programme"), german),
            funding_amount=data.get("funding_amount"),
            participation_level=data["participation_level"],
            level_justification=data["level_justification"],
            context=_paragraphs(data.get("context")),
            results=_paragraphs(data.get("results")),
            lessons=_paragraphs(data.get("lessons")),
        )
        # Parental relations are saved with the page by add_child.
        case.methods = [_german(m, german) for m in data.get("methods") or []]
        case.target_groups = [_german(t, german) for t in data.get("target_groups") or []]
        index.add_child(instance=case)
        case.save_revision(log_action=True)
        workflow = case.get_workflow()
        if workflow is not None:
            workflow.start(case, user=None)
        report = ProcedureReport.objects.create(
            case=case,
            title=case.title,
            reporter_name=data["reporter_name"],
            reporter_email=data["reporter_email"],
            reporter_phone=data.get("reporter_phone") or "",
            language=language,
            consent_at=timezone.now(),
            answers=answers_for_storage(data),
        )
        emails.report_received(report, case)
    return report


def summary_rows(form):
    """(label, shown value) for every answered field of a valid step form."""
    from django import forms as django_forms
    from django.utils.formats import date_format, number_format

    rows = []
    if not form.is_bound or not form.is_valid():
        return rows
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name == "consent" or value in (None, "", []) or (hasattr(value, "exists") and not value):
            continue
        if isinstance(field, django_forms.ModelMultipleChoiceField):
            shown = ", ".join(field.label_from_instance(obj) for obj in value)
        elif isinstance(field, django_forms.ModelChoiceField):
            shown = field.label_from_instance(value)
        elif isinstance(field, django_forms.ChoiceField):
            shown = str(dict(field.choices).get(value, value))
        elif isinstance(field, django_forms.DateField):
            shown = date_format(value, "DATE_FORMAT")
        elif isinstance(field, django_forms.DecimalField | django_forms.IntegerField):
            shown = number_format(value)
        else:
            shown = value
        if shown:
            rows.append((field.label, shown))
    return rows
