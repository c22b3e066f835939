"""Saxony's 13 districts as SVG paths (insights/data/saxony.json, built and committed by
scripts/build_saxony_map.py from the BKG's VG250 boundaries) and the same projection for
case coordinates."""

import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "saxony.json"
SOURCE_CREDIT = "© GeoBasis-DE / BKG 2017 (VG250)"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"


@cache
def geometry():
    return json.loads(DATA.read_text())


def project(latitude, longitude):
    """(x, y) in the map's coordinates, or None outside the drawn area."""
    if latitude is None or longitude is None:
        return None
    p = geometry()["projection"]
    x = (float(longitude) - p["lon_min"]) * p["kx"] * p["scale"]
    y = (p["lat_max"] - float(latitude)) * p["scale"]
    data = geometry()
    if not (0 <= x <= data["width"] and 0 <= y <= data["height"]):
        return None
    return round(x, 1), round(y, 1)
