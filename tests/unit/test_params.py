"""`home.params`: the lenient GET forms every listing reads its parameters with."""

import pytest
from django.http import QueryDict

from home.params import ParamsForm, vocabulary

COLOURS = [("red", "Red"), ("blue", "Blue")]


class Params(vocabulary("page", "q", format=COLOURS)):
    pass


def read(query, form_class=Params):
    return form_class(QueryDict(query))


def test_the_first_usable_value_counts_and_the_others_are_reported():
    form = read("format=teleport&format=blue&format=red&format=blue&format=")
    assert form.value("format") == "blue"
    assert [(str(i.label), i.value) for i in form.ignored] == [
        ("Format", "teleport"),
        ("Format", "red"),  # a second usable value: only the first counts
    ]
    assert [str(i.reason) for i in form.ignored] == [
        "Keine der angebotenen Möglichkeiten.",
        "Es zählt nur der erste verwendbare Wert.",
    ]


def test_nothing_usable_gives_the_empty_value():
    form = read("format=%20&page=&q=")
    assert form.value("format") == "" and form.value("page") is None and form.value("q") == ""
    assert form.ignored == []
    assert form.is_valid() and form.cleaned_data == {"page": None, "q": "", "format": ""}


@pytest.mark.parametrize(
    "value", ["abc", "0", "-1", "1.5", "1e3", "%2B2", "٣", "9" * 5000, "\x00", "%ED%A0%80"]
)
def test_malformed_numbers_are_ignored_with_the_reason(value):
    form = read(f"page={value}")
    assert form.value("page") is None
    [ignored] = form.ignored
    assert str(ignored.label) == "Seite" and ignored.reason
    assert len(ignored.value) <= 40 and "\x00" not in ignored.value  # shown safely


def test_old_values_are_read_as_todays():
    class Formats(vocabulary(format=[("on-site", "On site")])):
        pass

    assert read("format=on_site", Formats).value("format") == "on-site"


def test_search_words_are_cleaned_never_refused():
    form = read("q=" + "a%00b%20%20c" + "x" * 300)
    assert form.value("q").startswith("ab c") and len(form.value("q")) == 200
    assert form.ignored == []


def test_options_known_per_request_and_many_values():
    from home.params import MultipleOptionField

    class Many(ParamsForm):
        purpose = MultipleOptionField(label="Purpose")

    form = Many(
        QueryDict("purpose=b&purpose=x&purpose=a&purpose=b"),
        choices={"purpose": COLOURS + [("a", "A"), ("b", "B")]},
    )
    assert form.value("purpose") == ["b", "a"]
    assert [i.value for i in form.ignored] == ["x"]
