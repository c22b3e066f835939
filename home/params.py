"""URL parameters of the listings and the finder: one vocabulary, read by Django forms.

The case listing, the method finder, the event listing and the search page each read their
GET parameters with a `ParamsForm`. The names they share (`format`, `type`, `region`, `topic`,
`target_group`, `level`, `status`, `year`, `page`, `q`) come from `vocabulary()`: one label
and one validation per name; a page only supplies its options (regions, years with entries),
loaded once per request from its caches. Reading is lenient, as bookmarks and hand-edited
addresses need: blank values count as absent, the first usable value of a parameter is taken
(every usable one for a multi-value field), and each value that cannot be used is ignored and
listed with the reason in `form.ignored`, which the page shows. `form.value(name)` reads one
parameter ahead of the others (the event listing's years depend on its type and format).

Forms, not django-filter FilterSets: a FilterSet ties validation to filtering one queryset,
and an invalid FilterSet filters nothing (or raises, in strict mode) where the pages apply the
valid values and report the rest. Only the case listing filters a queryset; the finder ranks
methods in Python, the search filters full-text matches in memory, the event listing checks
the year against the years its other filters leave.

`format` is the participation format everywhere; on the case listing `format=csv|json` also
asks for the open-data export (`split_formats`; the values never overlap, so
`?format=hybrid&format=csv` exports the hybrid cases). Old names (`mode`) are answered with a
permanent redirect to today's (`legacy_redirect`); old values (`format=on_site`) are read as
today's.
"""

import copy
from collections import namedtuple
from urllib.parse import urlencode

from django import forms
from django.forms.utils import ErrorDict
from django.http import HttpResponsePermanentRedirect
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

EXPORT_FORMATS = ("html", "csv", "json")  # what the case listing can answer with
# Parameter names used before the shared vocabulary: old name -> today's name.
RENAMED = {"mode": "format"}
# Values used before, read as today's: {name: {old value: today's value}}.
RENAMED_VALUES = {"format": {"on_site": "on-site"}}
MAX_QUERY_LENGTH = 200

Ignored = namedtuple("Ignored", "label value reason")  # a value the page could not use


def clean_query(raw):
    """Drop characters no backend can store (NUL, other control characters, lone surrogates),
    collapse spaces and cap the length."""
    text = "".join(
        ch for ch in raw if ch >= " " and ch != "\x7f" and not 0xD800 <= ord(ch) <= 0xDFFF
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def shown(value):
    """A value as the page reports it: control characters replaced, at most 40 characters."""
    printable = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in value)
    return Truncator(printable).chars(40)


class Optional:
    """A parameter may always be left out. The fields are never changed in place (options
    are replaced, not edited), so each form gets shallow copies, not Django's deep ones."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def __deepcopy__(self, memo):
        return copy.copy(self)


class Options(Optional):
    """Options kept as given and checked in a set: the pages render their own <option>s, and
    Django's normalising and copying of ~100 regions per request cost ~0.5 ms. The widget
    is left without options."""

    default_error_messages = {"invalid_choice": _("Not one of the options.")}

    @property
    def choices(self):
        return self._choices

    @choices.setter
    def choices(self, value):
        self._choices = list(value)
        self._values = {str(key) for key, _label in self._choices}

    def valid_value(self, value):
        return str(value) in self._values


class OptionField(Options, forms.ChoiceField):
    """One of the page's options (a region's slug, a format, a year with entries)."""


class MultipleOptionField(Options, forms.MultipleChoiceField):
    """Any number of the page's options (`?purpose=ideas&purpose=plan`)."""


class NumberField(Optional, forms.IntegerField):
    """A whole number in ASCII digits: no sign, decimals, exponent or other scripts' digits."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not (value.isascii() and value.isdigit() and len(value) <= 18):  # fits 64 bits
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(value)


class SearchTextField(Optional, forms.CharField):
    """Search words (`clean_query`): never invalid, cleaned and capped instead."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


# The shared names and how each is read; `vocabulary()` builds a form from them.
FIELDS = {
    "format": lambda: OptionField(label=_("Format")),
    "type": lambda: OptionField(label=_("Type")),
    "region": lambda: OptionField(label=_("Region")),
    "topic": lambda: OptionField(label=_("Topic")),
    "target_group": lambda: OptionField(label=_("Target group")),
    "level": lambda: OptionField(label=_("Participation level")),
    "status": lambda: OptionField(label=_("Status")),
    "year": lambda: OptionField(label=_("Year")),
    "page": lambda: NumberField(label=_("Page"), min_value=1),
    "q": lambda: SearchTextField(label=_("Search term")),
}


class ParamsForm(forms.Form):
    """A GET form that never fails: each field's value is the first usable one sent, the
    rest is in `ignored` as (label, value as shown, reason)."""

    def __init__(self, params, choices=None):
        """`params`: request.GET; `choices`: {field name: options} known only per request."""
        super().__init__(params)
        for name, options in (choices or {}).items():
            self.fields[name].choices = options
        self.ignored = []
        self._read = {}

    def values(self, name):
        """The values sent for `name`, old values renamed (a subclass may leave some out)."""
        renamed = RENAMED_VALUES.get(name, {})
        return [renamed.get(value, value) for value in self.data.getlist(name)]

    def value(self, name):
        """The cleaned value of parameter `name` ("", None or [] when nothing is usable)."""
        if name not in self._read:
            self._read[name] = self._first_usable(name)
        return self._read[name]

    def _first_usable(self, name):
        field = self.fields[name]
        many = isinstance(field, forms.MultipleChoiceField)
        chosen = []
        for raw in self.values(name):
            text = raw.strip()
            if not text:
                continue
            try:
                value = field.clean([text] if many else text)
            except forms.ValidationError as error:
                self.ignored.append(Ignored(field.label, shown(text), error.messages[0]))
                continue
            value = value[0] if many else value
            if value in field.empty_values or value in chosen:
                continue
            if chosen and not many:
                reason = _("Only the first usable value counts.")
                self.ignored.append(Ignored(field.label, shown(text), reason))
                continue
            chosen.append(value)
        if many:
            return chosen
        return chosen[0] if chosen else field.clean("")

    def full_clean(self):
        self._errors = ErrorDict()  # nothing fails: what cannot be used is in `ignored`
        self.cleaned_data = {name: self.value(name) for name in self.fields}


def vocabulary(*names, **choices):
    """A ParamsForm base with the shared fields `names` and `choices` (name=fixed options)."""
    fields = {name: FIELDS[name]() for name in [*names, *choices]}
    for name, options in choices.items():
        fields[name].choices = options
    return type("SharedParams", (ParamsForm,), fields)


def legacy_redirect(request, renames=RENAMED):
    """A 301 to the same URL with renamed parameters, or None when nothing is renamed.

    `renames` maps an old name to today's name (default: RENAMED)."""
    items, changed = [], False
    for name, values in request.GET.lists():
        target = renames.get(name, name)
        changed |= target != name
        items.extend((target, value) for value in values)
    if not changed:
        return None
    query = urlencode(items)
    return HttpResponsePermanentRedirect(f"{request.path}?{query}" if query else request.path)


def split_formats(values):
    """(export formats, participation formats) of the `format` values of a request."""
    exports = [v.strip().lower() for v in values if v.strip().lower() in EXPORT_FORMATS]
    return exports, [v for v in values if v.strip().lower() not in EXPORT_FORMATS]
