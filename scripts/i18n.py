"""Translation helpers that work without GNU gettext at run time.

python scripts/i18n.py fill FILE.json   # set German msgstr for msgids (JSON object msgid -> msgstr)
python scripts/i18n.py compile          # compile locale/de/LC_MESSAGES/django.po to .mo (polib)
python scripts/i18n.py check            # fail on empty or fuzzy German entries
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "de" / "LC_MESSAGES" / "django.po"


def fill(path):
    catalog = polib.pofile(str(PO))
    wanted = json.loads(Path(path).read_text(encoding="utf-8"))
    for entry in catalog:
        if entry.msgid in wanted:
            value = wanted[entry.msgid]
            if entry.msgid_plural:
                values = value if isinstance(value, list) else [value, value]
                entry.msgstr_plural = {0: values[0], 1: values[1]}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    catalog.save()


def compile_mo():
    polib.pofile(str(PO)).save_as_mofile(str(PO.with_suffix(".mo")))


def missing():
    catalog = polib.pofile(str(PO))
    return [
        e.msgid for e in catalog if not e.obsolete and ("fuzzy" in e.flags or (not e.translated()))
    ]


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fill":
        fill(sys.argv[2])
        compile_mo()
    elif command == "compile":
        compile_mo()
    elif command == "check":
        gaps = missing()
        for msgid in gaps:
            print(f"untranslated: {msgid!r}")
        sys.exit(1 if gaps else 0)
    else:
        print(__doc__)
        sys.exit(2)
