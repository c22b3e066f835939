"""JSON-LD as a data block (`application/ld+json`), escaped like Django's json_script so that
no text in it can close the script element. CSP does not apply: data blocks never run."""

import json

from django.utils.html import mark_safe

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def jsonld_script(data):
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
