"""Spreadsheet exports that are safe to open: no cell starts a formula (CSV injection: a value
like ``=HYPERLINK(...)`` typed into a public form must not run in an editor's Excel), UTF-8 with
a BOM so Excel recognises the encoding, and for the admin's exports a semicolon as separator,
which German Excel opens into columns with a double click. XLSX exports are safe already:
Wagtail stores every cell that looks like a formula as text."""

import csv
import functools

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
BOM = "\ufeff"


def spreadsheet_safe(value):
    """A text cell that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class Echo:
    def write(self, value):
        return value


class SafeSpreadsheetExportMixin:
    """For views with Wagtail's SpreadsheetExportMixin (snippet listings, form submissions)."""

    csv_delimiter = ";"

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if export_format == self.FORMAT_CSV else value

    def stream_csv(self, queryset):
        # Wagtail's own stream_csv with our separator and the BOM in front.
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=self.csv_delimiter)
        headings = {field: self.get_heading(queryset, field) for field in self.list_export}
        yield BOM + writer.writerow(headings)
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response


@functools.cache
def safe_submissions_list_view():
    """Form submissions (survey answers, barrier reports) exported safely. Built on first use:
    Wagtail's admin views cannot be imported while models load (cases.export imports us)."""
    from wagtail.contrib.forms.views import SubmissionsListView

    return type("SafeSubmissionsListView", (SafeSpreadsheetExportMixin, SubmissionsListView), {})
