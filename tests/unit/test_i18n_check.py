"""`make messages-check` (scripts/i18n.py check) catches messages makemessages cannot see, and
German translations stay formal ("Sie") even where installed packages say "du"."""

import importlib.util
import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n", ROOT / "scripts" / "i18n.py")
i18n = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n)

INFORMAL = re.compile(
    r"\b(Gib|gib|Du|du|dein|Dein|deine|deinen|Wähle|Beachte|Klicke|klicke|Versuche|hast|bist|kannst|füge)\b"
)


def test_hidden_strings_are_reported(tmp_path):
    (tmp_path / "bad.py").write_text(
        "from django.utils.translation import gettext as _\n"
        "a = f\"{x} – {_('missing')}\"\n"
        "b = _(f'{x} missing')\n"
        "c = _('fine')\n"
        "d = _('%(n)s fine') % {'n': 1}\n"
        "e = _(name)  # i18n: marked elsewhere\n",
        encoding="utf-8",
    )
    problems = i18n.hidden_strings(tmp_path)
    assert problems == [
        "bad.py:2: _() inside an f-string",
        "bad.py:3: _() with a message that is not a string literal",
    ]


def test_the_project_has_no_hidden_strings():
    assert i18n.hidden_strings() == []


def test_no_informal_german_survives_from_installed_packages():
    """Every message an installed package translates with "du" has a formal German text in
    our catalogue, which Django prefers (LOCALE_PATHS)."""
    ours = {e.msgid: e.msgstr for e in polib.pofile(str(i18n.PO)) if e.msgstr}
    informal = set()
    for mo in (ROOT / ".venv").glob("lib/python*/site-packages/**/locale/de/LC_MESSAGES/django.mo"):
        if "treebeard" in str(mo):
            continue  # a developer error message, never shown to editors
        informal |= {
            e.msgid for e in polib.mofile(str(mo)) if e.msgstr and INFORMAL.search(e.msgstr)
        }
    assert informal, "the scan found nothing: the pattern or the paths are wrong"
    for msgid in informal:
        assert msgid in ours, msgid
        assert not INFORMAL.search(ours[msgid]), ours[msgid]
