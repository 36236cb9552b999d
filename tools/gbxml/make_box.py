#!/usr/bin/env python3
"""Writes the hand-made test boxes core/tests/data/gbxml/box_m.xml and box_ft.xml.

A rectangular box, x (east) 0..L, y (north) 0..D, z 0..H, one space, every loop counter-clockwise seen
from outside. Windows on the south and east walls, an opaque door on the north wall, one skylight, a
shade over the south windows. Areas are worked out by hand in core/tests/gbxml.rs.

  box_m.xml : L = 10 m, D = 20 m, H = 3 m (Meters)
  box_ft.xml: L = 30 ft, D = 60 ft, H = 10 ft (Feet), wall U given in Btu/(h ft2 F)

Usage: python3 tools/gbxml/make_box.py
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "core", "tests", "data", "gbxml")


def loop(points, indent):
    pad = " " * indent
    out = [pad + "<PolyLoop>"]
    for p in points:
        coords = "".join(f"<Coordinate>{c:g}</Coordinate>" for c in p)
        out.append(f"{pad}  <CartesianPoint>{coords}</CartesianPoint>")
    out.append(pad + "</PolyLoop>")
    return "\n".join(out)


def planar(points, indent):
    pad = " " * indent
    return f"{pad}<PlanarGeometry>\n{loop(points, indent + 2)}\n{pad}</PlanarGeometry>"


def box(units, L, D, H, win, wall_u, wall_u_unit, area, volume):
    s, e, n, w = [(0, 0, 0), (L, 0, 0), (L, 0, H), (0, 0, H)], [(L, 0, 0), (L, D, 0), (L, D, H), (L, 0, H)], \
        [(L, D, 0), (0, D, 0), (0, D, H), (L, D, H)], [(0, D, 0), (0, 0, 0), (0, 0, H), (0, D, H)]
    roof = [(0, 0, H), (L, 0, H), (L, D, H), (0, D, H)]
    slab = [(0, 0, 0), (0, D, 0), (L, D, 0), (L, 0, 0)]
    (wx, wz, ww, wh) = win  # south windows: left edges wx, sill wz, width ww, height wh
    south_windows = [[(x, 0, wz), (x + ww, 0, wz), (x + ww, 0, wz + wh), (x, 0, wz + wh)] for x in wx]
    ew, eh = 2 * ww, wh  # east window: twice as wide, centred
    y0 = D / 2 - ew / 2
    east_window = [(L, y0, wz), (L, y0 + ew, wz), (L, y0 + ew, wz + eh), (L, y0, wz + eh)]
    dw, dh = L / 10, 0.7 * H
    door = [(L / 2, D, 0), (L / 2 - dw, D, 0), (L / 2 - dw, D, dh), (L / 2, D, dh)]
    sk = L / 5
    sky = [(L / 2 - sk / 2, D / 2 - sk / 2, H), (L / 2 + sk / 2, D / 2 - sk / 2, H),
           (L / 2 + sk / 2, D / 2 + sk / 2, H), (L / 2 - sk / 2, D / 2 + sk / 2, H)]
    zs = wz + wh + 0.1 * H
    shade = [(0, -L / 10, zs), (L, -L / 10, zs), (L, 0, zs), (0, 0, zs)]

    def surface(sid, kind, pts, cons, openings="", adjacent=True):
        adj = '\n      <AdjacentSpaceId spaceIdRef="sp1"/>' if adjacent else ""
        c = f' constructionIdRef="{cons}"' if cons else ""
        return (f'    <Surface id="{sid}" surfaceType="{kind}"{c}>{adj}\n'
                f'{planar(pts, 6)}\n{openings}    </Surface>\n')

    def opening(oid, kind, pts, wtype=None):
        wt = f' windowTypeIdRef="{wtype}"' if wtype else ""
        return (f'      <Opening id="{oid}" openingType="{kind}"{wt}>\n{planar(pts, 8)}\n'
                f'        <CADObjectId>{kind} [{oid}]</CADObjectId>\n      </Opening>\n')

    shell = "\n".join(loop(p, 12) for p in (s, e, n, w, roof, slab))
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- Hand-made test box in {units[0]}, no RectangularGeometry; see tools/gbxml/make_box.py and core/tests/gbxml.rs. -->
<gbXML xmlns="http://www.gbxml.org/schema" version="6.01" temperatureUnit="C" lengthUnit="{units[0]}" areaUnit="{units[1]}" volumeUnit="{units[2]}" useSIUnitsForResults="true">
  <Campus id="campus">
    <Location>
      <Name>Hebi</Name>
      <CADModelAzimuth>0</CADModelAzimuth>
    </Location>
    <Building id="b1" buildingType="MultiFamily">
      <Name>Test box</Name>
      <BuildingStorey id="st1">
        <Name>Level 1</Name>
        <Level>0</Level>
      </BuildingStorey>
      <Space id="sp1" buildingStoreyIdRef="st1">
        <Name>Room</Name>
        <Area>{area:g}</Area>
        <Volume>{volume:g}</Volume>
        <ShellGeometry id="sh1">
          <ClosedShell>
{shell}
          </ClosedShell>
        </ShellGeometry>
      </Space>
    </Building>
{surface("s-south", "ExteriorWall", s, "wall",
         "".join(opening(f"w-s{i + 1}", "OperableWindow", p, "glass") for i, p in enumerate(south_windows)))}\
{surface("s-east", "ExteriorWall", e, "wall", opening("w-e1", "FixedWindow", east_window, "glass"))}\
{surface("s-north", "ExteriorWall", n, "wall", opening("d-n1", "NonSlidingDoor", door))}\
{surface("s-west", "ExteriorWall", w, "wall")}\
{surface("s-roof", "Roof", roof, "roof", opening("k-1", "FixedSkylight", sky, "skyglass"))}\
{surface("s-slab", "SlabOnGrade", slab, "slab")}\
{surface("s-shade", "Shade", shade, None, adjacent=False)}\
  </Campus>
  <Construction id="wall"><U-value unit="{wall_u_unit}">{wall_u}</U-value><Name>Wall</Name></Construction>
  <Construction id="roof"><U-value unit="WPerSquareMeterK">0.35</U-value><Name>Roof</Name></Construction>
  <Construction id="slab"><U-value unit="WPerSquareMeterK">0.5</U-value><Name>Slab</Name></Construction>
  <WindowType id="glass">
    <Name>Double glazing</Name>
    <U-value unit="WPerSquareMeterK">2.0</U-value>
    <SolarHeatGainCoeff unit="Fraction" solarIncidentAngle="0">0.40</SolarHeatGainCoeff>
    <SolarHeatGainCoeff unit="Fraction" solarIncidentAngle="60">0.30</SolarHeatGainCoeff>
    <SolarHeatGainCoeff unit="Fraction">0.35</SolarHeatGainCoeff>
  </WindowType>
  <WindowType id="skyglass">
    <Name>Skylight</Name>
    <U-value unit="WPerSquareMeterK">2.5</U-value>
    <SolarHeatGainCoeff unit="Percent">30</SolarHeatGainCoeff>
  </WindowType>
</gbXML>
'''


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "box_m.xml"), "w", newline="\n") as f:
        f.write(box(("Meters", "SquareMeters", "CubicMeters"), 10, 20, 3, ([1, 6], 1, 2, 1.5),
                    0.45, "WPerSquareMeterK", 200, 600))
    with open(os.path.join(OUT, "box_ft.xml"), "w", newline="\n") as f:
        f.write(box(("Feet", "SquareFeet", "CubicFeet"), 30, 60, 10, ([3, 18], 3, 6, 4),
                    0.08, "BtuPerHourSquareFtF", 1800, 18000))
