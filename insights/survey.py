"""Published survey results: answers to the questions editors chose, counted per choice.

Privacy rules (stated on the page): only choice questions (never free text), no answer
times beyond the month, every group under MIN_GROUP answers is suppressed, and in
single-choice questions further groups are suppressed while the hidden ones could be worked
out from the total as fewer than MIN_GROUP people."""

from dataclasses import dataclass, field

from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import FormSubmission

from .charts import bar_layout

MIN_GROUP = 5
CHOICE_TYPES = ("radio", "dropdown", "checkboxes", "multiselect", "checkbox")
SINGLE_CHOICE = ("radio", "dropdown", "checkbox")


@dataclass
class Group:
    label: str
    count: int
    suppressed: bool = False
    secondary: bool = False  # hidden although >= MIN_GROUP, so the small ones stay hidden

    def percent(self, total):
        return round(100 * self.count / total) if total and not self.suppressed else None


@dataclass
class QuestionResult:
    label: str
    answered: int
    multiple: bool
    groups: list = field(default_factory=list)
    suppressed: bool = False  # fewer than MIN_GROUP answers: nothing shown
    layout: dict = field(default_factory=dict)


def choice_values(form_field):
    """The field's choices as Wagtail's form builder offers them, in order."""
    if form_field.field_type == "checkbox":
        return ["on"]
    builder = FormBuilder([form_field])
    return [value for value, _label in builder.get_formatted_field_choices(form_field)]


def choice_labels(form_field):
    if form_field.field_type == "checkbox":
        return [form_field.label]
    builder = FormBuilder([form_field])
    return [label for _value, label in builder.get_formatted_field_choices(form_field)]


def suppress(groups, single_choice):
    for group in groups:
        if group.count < MIN_GROUP:
            group.suppressed = True
    if single_choice:
        # The hidden groups together are the total minus the shown ones: hide more until
        # that sum is 0 or at least MIN_GROUP, so no small group can be worked out.
        while 0 < sum(g.count for g in groups if g.suppressed) < MIN_GROUP:
            shown = [g for g in groups if not g.suppressed]
            if not shown:
                break
            smallest = min(shown, key=lambda g: g.count)
            smallest.suppressed = smallest.secondary = True
    return groups


def aggregate(survey, questions, language_page):
    """Results of `questions` (form fields of the `survey` page) over the submissions to
    every translation of the survey; labels from `language_page` (the reader's language)."""
    pages = list(type(survey).objects.filter(translation_key=survey.translation_key))
    fields_by_page = {p.pk: list(p.form_fields.all()) for p in pages}
    # A question is identified by its position: translations have their own field rows.
    positions = {f.pk: i for fields in fields_by_page.values() for i, f in enumerate(fields)}
    source_fields = fields_by_page.get(language_page.pk) or fields_by_page.get(survey.pk, [])
    submissions = list(
        FormSubmission.objects.filter(page__in=pages).values_list(
            "page_id", "form_data", "submit_time"
        )
    )
    results = []
    for question in questions:
        if question.field_type not in CHOICE_TYPES or question.pk not in positions:
            continue
        position = positions[question.pk]
        shown = source_fields[position] if position < len(source_fields) else question
        labels = choice_labels(shown)
        counts = [0] * len(labels)
        answered = 0
        for page_id, data, _time in submissions:
            page_fields = fields_by_page[page_id]
            if position >= len(page_fields):
                continue
            page_field = page_fields[position]
            values = (data or {}).get(page_field.clean_name)
            if values in (None, "", [], False):
                continue
            if not isinstance(values, list):
                values = [values]
            options = choice_values(page_field)
            hits = {options.index(v) for v in map(str, values) if v in options}
            if page_field.field_type == "checkbox":
                hits = {0} if values[0] in (True, "on", "True") else set()
            if not hits:
                continue
            answered += 1
            for index in hits:
                if index < len(counts):
                    counts[index] += 1
        result = QuestionResult(
            label=shown.label,
            answered=answered,
            multiple=question.field_type in ("checkboxes", "multiselect"),
        )
        if answered < MIN_GROUP:
            result.suppressed = True
        else:
            result.groups = suppress(
                [Group(label, count) for label, count in zip(labels, counts, strict=True)],
                question.field_type in SINGLE_CHOICE,
            )
            result.layout = bar_layout(result.groups, answered)
        results.append(result)
    times = [t for _p, _d, t in submissions]
    return {
        "total": len(submissions),
        "first": min(times) if times else None,
        "last": max(times) if times else None,
        "questions": results,
        "enough": len(submissions) >= MIN_GROUP,
        "min_group": MIN_GROUP,
    }
