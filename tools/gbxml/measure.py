#!/usr/bin/env python3
"""Independent measurement of gbXML files, for the expected values of the Rust importer's tests.

Written apart from core/src/gbxml/ (stdlib only: xml.etree, math, json) from the gbXML schema and
docs/gbxml-import.md, never from the importer's output. For each file it prints, in metres:

- per GB 55015 B.0.5 orientation class (N = (300, 360) U [0, 60), E = [60, 150), S = [150, 210],
  W = (210, 300], of the true azimuth = polygon azimuth + CADModelAzimuth): exterior wall gross area
  (openings included) and glazed area (FixedWindow, OperableWindow, FixedSkylight, OperableSkylight,
  SlidingDoor in ExteriorWall surfaces), and the distinct wall azimuths with their areas;
- roof area and skylight area (glazed openings in Roof surfaces), floors over outside air (RaisedFloor,
  ExposedFloor);
- floor area and volume (sum of Space/Area and Space/Volume; a space without them is measured from its
  ShellGeometry), storeys (BuildingStorey count, else distinct space floor levels 1 m apart);
- the shape factor (walls + roof) / volume.

Polygon areas use a triangle fan, A = 1/2 |sum (p_i - p_0) x (p_i+1 - p_0)|, and the azimuth of that
vector (atan2(x, y), clockwise from +Y): the same quantities as Newell's method the importer uses, by
another formula. Glazed area on one surface is capped at the surface's area.

Usage: python3 tools/gbxml/measure.py FILE.xml...   (prints JSON)
"""

import json
import math
import sys
import xml.etree.ElementTree as ET

# Exact unit definitions: 1 ft = 0.3048 m, 1 in = 0.0254 m, 1 yd = 0.9144 m, 1 mile = 1609.344 m.
LENGTH = {"kilometers": 1000.0, "meters": 1.0, "centimeters": 0.01, "millimeters": 0.001,
          "miles": 1609.344, "yards": 0.9144, "feet": 0.3048, "inches": 0.0254}
GLAZED = {"FixedWindow", "OperableWindow", "FixedSkylight", "OperableSkylight", "SlidingDoor"}
MIN_AREA = 1e-6  # m²; smaller polygons are degenerate


def local(tag):
    return tag.rsplit("}", 1)[-1]


def kids(el, name):
    return [c for c in el if local(c.tag) == name]


def kid(el, name):
    k = kids(el, name)
    return k[0] if k else None


def unit_factor(root, attr, power):
    value = (root.get(attr) or "").strip().lower()
    if not value:
        return 1.0
    for prefix in ("square", "cubic"):
        if value.startswith(prefix):
            value = value[len(prefix):]
    return LENGTH[value] ** power


def points(loop):
    pts = []
    for cp in kids(loop, "CartesianPoint"):
        coords = [float(c.text) for c in kids(cp, "Coordinate")]
        if len(coords) != 3 or not all(math.isfinite(c) for c in coords):
            return None
        pts.append(coords)
    return pts


def polygon_points(el):
    pg = kid(el, "PlanarGeometry")
    loop = kid(pg, "PolyLoop") if pg is not None else None
    return points(loop) if loop is not None else None


def fan_vector(pts):
    """Vector area by a triangle fan from the first point."""
    p0 = pts[0]
    v = [0.0, 0.0, 0.0]
    for a, b in zip(pts[1:-1], pts[2:]):
        u = [a[i] - p0[i] for i in range(3)]
        w = [b[i] - p0[i] for i in range(3)]
        v[0] += u[1] * w[2] - u[2] * w[1]
        v[1] += u[2] * w[0] - u[0] * w[2]
        v[2] += u[0] * w[1] - u[1] * w[0]
    return [c / 2.0 for c in v]


def area_m2(pts, lf):
    if pts is None or len(pts) < 3:
        return None, None
    v = [c * lf * lf for c in fan_vector(pts)]
    a = math.sqrt(sum(c * c for c in v))
    return (a, v) if a >= MIN_AREA else (None, None)


def orientation(true_az):
    a = true_az % 360.0
    if 60.0 <= a < 150.0:
        return "E"
    if 150.0 <= a <= 210.0:
        return "S"
    if 210.0 < a <= 300.0:
        return "W"
    return "N"


def shell_volume(loops):
    """Divergence theorem over a closed shell: V = 1/3 sum(p0 . A_face)."""
    total = 0.0
    for pts in loops:
        v = fan_vector(pts)
        total += sum(pts[0][i] * v[i] for i in range(3)) / 3.0
    return abs(total)


def measure(path):
    root = ET.fromstring(open(path, "rb").read())
    lf = unit_factor(root, "lengthUnit", 1)
    af = unit_factor(root, "areaUnit", 2)
    vf = unit_factor(root, "volumeUnit", 3)
    campus = kid(root, "Campus")
    loc = kid(campus, "Location")
    cad_el = kid(loc, "CADModelAzimuth") if loc is not None else None
    cad = float(cad_el.text) if cad_el is not None else 0.0
    building = kid(campus, "Building")

    classes = {k: {"wall_m2": 0.0, "window_m2": 0.0, "walls": 0, "azimuths": {}} for k in "NESW"}
    out = {"file": path.rsplit("/", 1)[-1], "cad_model_azimuth": cad, "roof_m2": 0.0,
           "skylight_m2": 0.0, "floor_over_outside_m2": 0.0, "exterior_walls": 0}
    for s in kids(campus, "Surface"):
        kind = s.get("surfaceType")
        if kind not in ("ExteriorWall", "Roof", "RaisedFloor", "ExposedFloor"):
            continue
        a, v = area_m2(polygon_points(s), lf)
        if a is None:
            continue
        glass = 0.0
        for o in kids(s, "Opening"):
            if o.get("openingType") in GLAZED:
                oa, _ = area_m2(polygon_points(o), lf)
                glass += oa or 0.0
        glass = min(glass, a)
        if kind == "ExteriorWall":
            if math.hypot(v[0], v[1]) <= 1e-6 * a:
                continue
            az = math.degrees(math.atan2(v[0], v[1])) % 360.0
            c = classes[orientation(az + cad)]
            c["wall_m2"] += a
            c["window_m2"] += glass
            c["walls"] += 1
            key = f"{round(az, 2) % 360.0:.2f}"
            c["azimuths"][key] = c["azimuths"].get(key, 0.0) + a
            out["exterior_walls"] += 1
        elif kind == "Roof":
            out["roof_m2"] += a
            out["skylight_m2"] += glass
        else:
            out["floor_over_outside_m2"] += a

    floor, volume, levels = 0.0, 0.0, []
    spaces = kids(building, "Space")
    for sp in spaces:
        shell = []
        sg = kid(sp, "ShellGeometry")
        cs = kid(sg, "ClosedShell") if sg is not None else None
        if cs is not None:
            shell = [p for p in (points(l) for l in kids(cs, "PolyLoop")) if p]
        ar, vo = kid(sp, "Area"), kid(sp, "Volume")
        floor += float(ar.text) * af if ar is not None else \
            sum(abs(fan_vector(p)[2]) for p in shell) / 2.0 * lf * lf
        volume += float(vo.text) * vf if vo is not None else shell_volume(shell) * lf ** 3
        if shell:
            levels.append(min(p[2] for loop in shell for p in loop) * lf)
    storeys = len(kids(building, "BuildingStorey"))
    if storeys == 0:
        levels.sort()
        start = None
        for z in levels:
            if start is None or z - start > 1.0:
                storeys += 1
                start = z
    walls = sum(c["wall_m2"] for c in classes.values())
    out.update({
        "classes": classes, "wall_m2": walls, "spaces": len(spaces), "floor_area_m2": floor,
        "volume_m3": volume, "storeys": storeys,
        "shape_factor": (walls + out["roof_m2"]) / volume,
    })
    return out


if __name__ == "__main__":
    print(json.dumps([measure(p) for p in sys.argv[1:]], indent=1, sort_keys=True))
