#!/usr/bin/env python3
"""PV yield of greencheck vs pvlib on the Anyang CSWD EPW (not part of CI).

Two comparisons per plane:
1. Irradiation only: annual plane irradiation from core/data/climate/hebi.climate (bilinear between grid
   tilts/azimuths, as greencheck_core::climate does) vs pvlib's Perez POA, both x (1 - 0.20).
2. The product's full yield: kWh/kWp from the greencheck CLI (`check --json`, report `pv.kwh_per_kwp`: plane
   irradiation x annual IAM factor x monthly cell-temperature factor x (1 - 0.20), greencheck_core::pv) vs
   pvlib's full PVWatts chain hour by hour: Perez POA, physical IAM (De Soto; n 1.526, K 4/m, L 2 mm) on the
   beam (as pvlib's ModelChain), SAPM open-rack glass/polymer cell temperature from the EPW's air temperature
   and wind speed, pvwatts_dc with gamma -0.37 %/K, x (1 - 0.20). Goal: within +/-3 % (issue 14).
pvlib: SPA solar position at the hour midpoint (EPW hours end at the stamp; pvlib's read_epw indexes the hour
start, so +30 min), Perez 1990 (allsitescomposite1990) with the file's DNI/DHI/GHI, albedo 0.2.

Usage: python3 -m venv /tmp/pvenv && /tmp/pvenv/bin/pip install pvlib
       /tmp/pvenv/bin/python tools/validation/pv_pvlib.py [path/to/shared/data/climate]
(builds and runs the greencheck CLI with cargo; CARGO_TARGET_DIR is honoured.)
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pvlib

ROOT = Path(__file__).resolve().parents[2]
WEATHER = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/climate"
EPW = WEATHER / "CHN_Henan.Anyang.538980_CSWD.epw"
LOSS = 0.20
ALBEDO = 0.2
PLANES = [(30, 180), (0, 180), (15, 135), (45, 225), (90, 180), (35, 180), (20, 90), (20, 270), (90, 0)]


def read_table(path):
    """Decodes a `greencheck-climate 1` table (format: tools/climate/README.md)."""
    data = path.read_bytes()
    table, pos = {}, 0
    while "irradiation" not in table:
        end = data.index(b"\n", pos)
        key, _, value = data[pos:end].decode("utf-8").partition(" ")
        table[key], pos = value, end + 1
    tilts = [float(x) for x in table["tilts_deg"].split()]
    azs = [float(x) for x in table["azimuths_deg"].split()]
    res = []
    while pos < len(data):
        u = shift = 0
        while True:
            b = data[pos]
            pos += 1
            u |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                break
        res.append((u >> 1) ^ -(u & 1))
    assert len(res) == int(table["irradiation"]) == 12 * len(tilts) * len(azs)
    r = np.array(res).reshape(12, len(tilts), len(azs))
    irr = np.cumsum(np.cumsum(r, axis=2), axis=1) / 10.0  # undo the azimuth, then the tilt delta
    return {"tilts_deg": tilts, "azimuths_deg": azs, "irradiation_kwh_m2": irr}


def ours_annual(table, tilt, az):
    tilts, azs, irr = table["tilts_deg"], table["azimuths_deg"], np.array(table["irradiation_kwh_m2"])
    tilt = min(max(tilt, tilts[0]), tilts[-1])
    az = az % 360.0
    ti = max(i for i, t in enumerate(tilts) if t <= tilt)
    t1 = min(ti + 1, len(tilts) - 1)
    wt = 0.0 if t1 == ti else (tilt - tilts[ti]) / (tilts[t1] - tilts[ti])
    ai = max(i for i, a in enumerate(azs) if a <= az)
    a1 = (ai + 1) % len(azs)
    span = (azs[a1] - azs[ai]) % 360.0 or 360.0
    wa = (az - azs[ai]) / span
    row = lambda t: irr[:, t, ai] * (1 - wa) + irr[:, t, a1] * wa
    return float((row(ti) * (1 - wt) + row(t1) * wt).sum())


def greencheck_kwh_per_kwp(planes):
    """kWh/kWp of each plane from the product: the office template with a 100 m2 array, via the CLI."""
    template = json.loads((ROOT / "core/data/templates/office.json").read_text(encoding="utf-8"))
    tmp = tempfile.mkdtemp(prefix="gc-pv-")
    files = []
    for k, (tilt, az) in enumerate(planes):
        p = dict(template, pv={"module_area_m2": 100.0, "tilt_deg": tilt, "azimuth_deg": az})
        files.append(os.path.join(tmp, f"pv{k}.json"))
        Path(files[-1]).write_text(json.dumps(p), encoding="utf-8")
    env = dict(os.environ, CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", "/tmp/target-energy"))
    out = subprocess.run(["cargo", "run", "-q", "--release", "-p", "greencheck-core", "--bin", "greencheck", "--",
                          "check", *files, "--json"], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    reps = json.loads(out.stdout)
    reps = reps if isinstance(reps, list) else [reps]
    return [r["pv"] for r in reps]


def main():
    table = read_table(ROOT / "core/data/climate/hebi.climate")
    df, meta = pvlib.iotools.read_epw(EPW, coerce_year=2005)
    assert meta["TZ"] == 8.0, "script assumes UTC+8"
    times = df.index + pd.Timedelta(minutes=30)
    loc = pvlib.location.Location(meta["latitude"], meta["longitude"], tz="Etc/GMT-8", altitude=meta["altitude"])
    sp = loc.get_solarposition(times)
    dni_extra = pvlib.irradiance.get_extra_radiation(times)
    airmass = pvlib.atmosphere.get_relative_airmass(sp["apparent_zenith"])
    ghi, dni, dhi = (df[c].to_numpy(dtype=float) for c in ("ghi", "dni", "dhi"))
    tcell_kw = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"]["open_rack_glass_polymer"]
    rows = []
    for tilt, az in PLANES:
        poa = pvlib.irradiance.get_total_irradiance(
            tilt, az, sp["apparent_zenith"], sp["azimuth"], dni, ghi, dhi,
            dni_extra=dni_extra, airmass=airmass, albedo=ALBEDO, model="perez",
            model_perez="allsitescomposite1990",
        ).fillna(0.0)
        pv_h = poa["poa_global"].sum() / 1000.0
        aoi = pvlib.irradiance.aoi(tilt, az, sp["apparent_zenith"], sp["azimuth"])
        iam = pvlib.iam.physical(aoi).fillna(0.0)
        eff_poa = poa["poa_direct"] * iam + poa["poa_sky_diffuse"] + poa["poa_ground_diffuse"]
        tcell = pvlib.temperature.sapm_cell(poa["poa_global"], df["temp_air"].to_numpy(), df["wind_speed"].to_numpy(), **tcell_kw)
        dc = pvlib.pvsystem.pvwatts_dc(eff_poa, tcell, pdc0=1.0, gamma_pdc=-0.0037)
        full = float(dc.clip(lower=0).sum()) * (1 - LOSS)  # pdc0 = 1 kW -> kWh per kWp
        ours = ours_annual(table, tilt, az)
        f_iam = float(eff_poa.sum() / poa["poa_global"].sum())
        f_t = float((eff_poa * (1 - 0.0037 * (tcell - 25))).sum() / eff_poa.sum())
        rows.append((tilt, az, ours, pv_h, full, f_iam, f_t))
    gc = greencheck_kwh_per_kwp(PLANES)
    print("| tilt ° | azimuth ° | ours kWh/m² | pvlib kWh/m² | diff | greencheck kWh/kWp | pvlib PVWatts kWh/kWp "
          "| diff | IAM gc / pvlib | temperature gc / pvlib |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    worst_i = worst = 0.0
    for (tilt, az, o, p, full, f_iam, f_t), g in zip(rows, gc):
        di = o / p - 1
        d = g["kwh_per_kwp"] / full - 1
        worst_i, worst = max(worst_i, abs(di)), max(worst, abs(d))
        print(f"| {tilt} | {az} | {o:.1f} | {p:.1f} | {di * 100:+.1f} % | {g['kwh_per_kwp']:.0f} | {full:.0f} "
              f"| {d * 100:+.1f} % | {g['iam_factor']:.4f} / {f_iam:.4f} | {g['temperature_factor']:.4f} / {f_t:.4f} |")
    print(f"\nworst |diff| irradiation {worst_i * 100:.1f} % (goal 5 %), full yield {worst * 100:.1f} % (goal 3 %); "
          f"pvlib {pvlib.__version__}")
    return 0 if worst <= 0.03 and worst_i <= 0.05 else 1


if __name__ == "__main__":
    sys.exit(main())
