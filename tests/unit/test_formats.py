"""Dates are formatted per locale (German by Django, English by netzwerk/formats/en)."""

import datetime

from django.utils import formats, translation


def test_dates_per_locale():
    day = datetime.date(2022, 5, 4)
    with translation.override("de"):
        assert formats.date_format(day) == "4. Mai 2022"
    with translation.override("en"):
        assert formats.date_format(day) == "4 May 2022"


def test_numbers_per_locale():
    with translation.override("de"):
        assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == "1.234,5"
    with translation.override("en"):
        assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == "1,234.5"
