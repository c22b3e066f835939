"""How near two Saxon regions are: the distance between their seats of administration.
Thirteen fixed points (public facts), so a table beats a geodata dependency."""

from math import asin, cos, radians, sin, sqrt

# Region slug -> (latitude, longitude) of the seat of administration (cities: the city).
SEATS = {
    "landkreis-bautzen": (51.181, 14.424),
    "erzgebirgskreis": (50.578, 13.003),
    "landkreis-goerlitz": (51.153, 14.987),
    "landkreis-leipzig": (51.123, 12.497),
    "landkreis-meissen": (51.163, 13.471),
    "landkreis-mittelsachsen": (50.912, 13.342),
    "landkreis-nordsachsen": (51.560, 13.006),
    "saechsische-schweiz-osterzgebirge": (50.963, 13.941),
    "vogtlandkreis": (50.495, 12.138),
    "landkreis-zwickau": (50.718, 12.496),
    "stadt-chemnitz": (50.833, 12.925),
    "stadt-dresden": (51.051, 13.738),
    "stadt-leipzig": (51.340, 12.375),
}
FAR = 10_000.0  # regions without a known seat sort last


def distance_km(region, other):
    if region is None or other is None:
        return FAR
    if region.pk == other.pk:
        return 0.0
    a, b = SEATS.get(region.slug), SEATS.get(other.slug)
    if a is None or b is None:
        return FAR
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * asin(sqrt(h))
