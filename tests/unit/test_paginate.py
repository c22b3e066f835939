"""`home.models.paginate`: never raises, whatever the `page` parameter says."""

import pytest
from django.test import RequestFactory

from home.models import paginate

ITEMS = list(range(25))


@pytest.mark.parametrize(
    "value,number",
    [
        (None, 1),
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("4", 3),
        ("0", 3),
        ("-5", 3),
        ("abc", 1),
        ("1e3", 1),
        ("9" * 40, 3),
        ("\x00", 1),
        ("", 1),
    ],
)
def test_paginate_clamps_to_existing_pages(value, number):
    request = RequestFactory().get("/", {} if value is None else {"page": value})
    page = paginate(request, ITEMS, per_page=10)
    assert page.number == number
    assert list(page.object_list) == ITEMS[(number - 1) * 10 : number * 10]


def test_paginate_empty_list_gives_an_empty_first_page():
    page = paginate(RequestFactory().get("/", {"page": "7"}), [], per_page=10)
    assert page.number == 1
    assert list(page.object_list) == []
