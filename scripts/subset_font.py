"""Build static/fonts/ from the npm package @fontsource-variable/atkinson-hyperlegible-next.

Subsets the variable Latin woff2 to what German and English text on this site needs (basic
Latin, Latin-1 with ä ö ü ß, typographic quotes and dashes, €, arrows, ✓ ✗), so the one font
file a page loads stays small. Run after changing the font version:

    npm ci && .venv/bin/python scripts/subset_font.py
"""

from pathlib import Path

from fontTools import subset
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules/@fontsource-variable/atkinson-hyperlegible-next"
SOURCE = PACKAGE / "files/atkinson-hyperlegible-next-latin-wght-normal.woff2"
TARGET = ROOT / "static/fonts/atkinson-hyperlegible-next-de-wght.woff2"
# Keep in sync with the unicode-range of the @font-face rule in static/css/site.css.
UNICODES = "U+0020-007E,U+00A0-00FF,U+0152-0153,U+2013-2014,U+2018-201E,U+2022,U+2026,U+2039-203A,U+20AC,U+2192,U+2212"


def main():
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga", "calt", "tnum", "lnum"]
    options.hinting = False
    options.name_IDs = ["*"]  # keep copyright and licence names (SIL OFL 1.1)
    font = subset.load_font(str(SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    # The site uses weights 400-700 only: a narrower axis drops variation data.
    font = instancer.instantiateVariableFont(font, {"wght": (400, 700)})
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(TARGET), options)
    license_file = PACKAGE / "LICENSE"
    if license_file.exists():
        (TARGET.parent / "OFL.txt").write_text(license_file.read_text(encoding="utf-8"))
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
