"""One vocabulary for URL parameters across the case listing, the method finder, the event
listing and the search page, and redirects from the names used before.

Shared names: `format` (participation format: on-site, online, hybrid), `type`, `region`,
`topic`, `target_group`, `level`, `status`, `year`, `page`, `q`. On the case listing
`format=csv|json` also asks for the open-data export, as it always did (the values never
overlap, so `?format=hybrid&format=csv` exports the hybrid cases). Before, the case listing
and the finder said `mode` for the participation format: those bookmarks are answered with a
permanent redirect to the same selection in today's names.
"""

from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect

EXPORT_FORMATS = ("html", "csv", "json")  # what the case listing can answer with
# Parameter names used before the shared vocabulary: old name -> today's name.
RENAMED = {"mode": "format"}


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
