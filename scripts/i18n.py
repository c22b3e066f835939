"""Translation helpers that work without GNU gettext at run time.

python scripts/i18n.py fill FILE.json   # set German msgstr for msgids (JSON object msgid -> msgstr)
python scripts/i18n.py compile          # compile locale/de/LC_MESSAGES/django.po to .mo (polib)
python scripts/i18n.py drift FRESH.po   # fail when the catalog's msgids differ from a fresh extraction
python scripts/i18n.py check            # fail on empty or fuzzy German entries, and on
                                        # gettext calls makemessages cannot see
"""

import ast
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "de" / "LC_MESSAGES" / "django.po"
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
}
ALLOW_MARK = "i18n: marked elsewhere"
SKIP_DIRS = {".venv", "node_modules", ".git", "staticfiles", "media", "test-results"}


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


def _literal_args(call, name):
    """The message arguments: (context, message) for pgettext, (singular, plural) for ngettext."""
    count = 2 if name.startswith(("pgettext", "ngettext")) else 1
    return call.args[:count]


def hidden_strings(root=ROOT):
    """gettext calls whose message makemessages never extracts: a call inside an f-string
    (xgettext does not look into f-string expressions) or a message that is not a string
    literal (an f-string, a variable, a concatenation). Returns "path:line: why" lines."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        if SKIP_DIRS & set(path.relative_to(root).parts):
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, filename=str(path))
        in_fstring = {
            id(node)
            for joined in ast.walk(tree)
            if isinstance(joined, ast.JoinedStr)
            for node in ast.walk(joined)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in GETTEXT_NAMES:
                continue
            if ALLOW_MARK in lines[node.lineno - 1]:
                continue  # translates a message marked elsewhere (e.g. a lazy setting)
            where = f"{path.relative_to(root)}:{node.lineno}"
            if id(node) in in_fstring:
                problems.append((str(path), node.lineno, f"{where}: {name}() inside an f-string"))
            elif any(
                not (isinstance(arg, ast.Constant) and isinstance(arg.value, str))
                for arg in _literal_args(node, name)
            ):
                why = f"{where}: {name}() with a message that is not a string literal"
                problems.append((str(path), node.lineno, why))
    return [why for _path, _line, why in sorted(problems)]


def drift(fresh_path):
    """msgids (with context and plural) in a fresh extraction but not in the catalog, and back.
    Compared as entries, not as text lines: polib and gettext wrap long strings differently."""

    def keys(catalog):
        return {(e.msgctxt, e.msgid, e.msgid_plural) for e in catalog if not e.obsolete}

    ours, fresh = keys(polib.pofile(str(PO))), keys(polib.pofile(str(fresh_path)))
    return sorted(fresh - ours, key=str), sorted(ours - fresh, key=str)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "fill":
        fill(sys.argv[2])
        compile_mo()
    elif command == "compile":
        compile_mo()
    elif command == "drift":
        new, gone = drift(sys.argv[2])
        for _ctx, msgid, _plural in new:
            print(f"missing from locale/de: {msgid!r}")
        for _ctx, msgid, _plural in gone:
            print(f"no longer in the source: {msgid!r}")
        if new or gone:
            print("locale/de is out of date: run make messages")
        sys.exit(1 if new or gone else 0)
    elif command == "check":
        gaps = missing()
        for msgid in gaps:
            print(f"untranslated: {msgid!r}")
        hidden = hidden_strings()
        for problem in hidden:
            print(f"not extractable: {problem}")
        sys.exit(1 if gaps or hidden else 0)
    else:
        print(__doc__)
        sys.exit(2)
