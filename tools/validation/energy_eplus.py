#!/usr/bin/env python3
"""Compare greencheck's energy estimate with the EnergyPlus harness (shared/tools/eplus).

Not part of CI. From the project root:

    python3 -m venv /tmp/eplus-venv && /tmp/eplus-venv/bin/pip install pyenergyplus-lbnl==26.1.0
    /tmp/eplus-venv/bin/python ../shared/tools/eplus/run_cases.py \
        --cases tools/validation/energy_cases.json --out tools/validation/energy_eplus_results.json
    python3 tools/validation/energy_eplus.py   # writes tools/validation/energy_comparison.md

Each harness case becomes a greencheck/1 project (box geometry, the case's WWR/U/SHGC, the harness's
air changes, gains and set points as `assumptions`; every other assumption at its data default) and is
evaluated by the `greencheck` CLI. Light-frame cases ("construction": "light", L1-L3) get the ISO 13790 class
a user of such a building picks, `assumptions.construction` = GC_LIGHT_CLASS (default "very_light": the class
nearest to the boxes' ISO 13786 capacity of 42-44 kJ/(m2.K), and the one whose description - a timber or steel
frame lined with gypsum - is theirs), unless GC_EXTRA sets the class or the capacity.
Two tables: the report's demands (since issue 14 the EN ISO 13790 hourly method) and the monthly method's
(`energy.monthly`, the sweeps' basis), from the same CLI run. Compared: heating and cooling demand per m^2 (design and reference),
the heating+cooling demand ratio design/reference (= greencheck `load_ratio`, EnergyPlus `ratio_HC`),
and the energy ratio E = H/heating_efficiency + C/cooling_eer with greencheck's efficiencies applied to
the EnergyPlus demands (= greencheck `ratio`).
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CASES = os.path.join(HERE, "energy_cases.json")
RESULTS = os.path.join(HERE, "energy_eplus_results.json")
OUT = os.path.join(HERE, "energy_comparison.md")
# Extra assumptions, e.g. GC_EXTRA='{"thermal_capacity_kj_m2k": 370}' (output file gets a suffix).
EXTRA = json.loads(os.environ.get("GC_EXTRA", "{}"))
LIGHT_CLASS = os.environ.get("GC_LIGHT_CLASS", "very_light")
if EXTRA:
    OUT = OUT.replace(".md", "_" + "_".join(f"{k}-{v}" for k, v in EXTRA.items()) + ".md")
if LIGHT_CLASS != "very_light":
    OUT = OUT.replace(".md", f"_light-{LIGHT_CLASS}.md")


def project(case, cond):
    extra = dict(EXTRA)
    if case.get("construction") == "light":
        if "thermal_capacity_kj_m2k" not in extra:
            extra.setdefault("construction", LIGHT_CLASS)
    use = "residential" if case["kind"] == "residential" else case.get("category", "other_public")
    return {
        "format": "greencheck/1",
        "name": case["id"],
        "city": "hebi",
        "use": use,
        "storeys": case["storeys"],
        "storey_height_m": case["h"],
        "geometry": {"mode": "box", "length_m": case["length"], "depth_m": case["depth"],
                     "orientation_deg": case["rot"]},
        "facades": {f: {"wwr": w} for f, w in case["wwr"].items()},
        "envelope": {"wall_u": case["u_wall"], "roof_u": case["u_roof"],
                     "window_u": case["u_window"], "window_shgc": case["shgc"]},
        "assumptions": {"air_changes_per_h": cond["ach"], "internal_gains_w_m2": cond["internal_gain_w_m2"],
                        "heating_setpoint_c": cond["heat_setpoint_c"],
                        "cooling_setpoint_c": cond["cool_setpoint_c"], **extra},
    }


def main():
    cases = json.load(open(CASES, encoding="utf-8"))
    res = json.load(open(RESULTS, encoding="utf-8"))
    rows = {r["id"]: r for r in res["table"]}
    tmp = tempfile.mkdtemp(prefix="gc-energy-")
    files = []
    for c in cases["cases"]:
        cond = res["cases"][c["id"]]["conditions"]
        path = os.path.join(tmp, f"{c['id']}.json")
        json.dump(project(c, cond), open(path, "w"))
        files.append(path)
    env = dict(os.environ, CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", "/tmp/target-energy"))
    out = subprocess.run(["cargo", "run", "-q", "--release", "-p", "greencheck-core", "--bin", "greencheck",
                          "--", "check", *files, "--json"], cwd=ROOT, env=env, capture_output=True, text=True)
    reports = json.loads(out.stdout)
    if isinstance(reports, dict):
        reports = [reports]
    text = ""
    for title, pick in (
        ("Report (EN ISO 13790 hourly method, `energy`)", lambda e: (
            e["design"]["heating_kwh_m2"], e["reference"]["heating_kwh_m2"], e["design"]["cooling_kwh_m2"],
            e["reference"]["cooling_kwh_m2"], e["load_ratio"], e["ratio"])),
        ("Monthly method (`energy.monthly`, the sweeps' basis)", lambda e: (
            e["monthly"]["design_heating_kwh_m2"], e["monthly"]["reference_heating_kwh_m2"],
            e["monthly"]["design_cooling_kwh_m2"], e["monthly"]["reference_cooling_kwh_m2"],
            e["monthly"]["load_ratio"], e["monthly"]["ratio"])),
    ):
        text += table(title, cases, reports, rows, pick)
    open(OUT, "w", encoding="utf-8").write(text)
    sys.stdout.write(text)


def table(title, cases, reports, rows, pick):
    lines = [f"#### {title}", "",
             "| case | kind | verdict | H des E+ | H des gc | ΔH des | H ref E+ | H ref gc | ΔH ref | C des E+ | C des gc "
             "| ΔC des | C ref E+ | C ref gc | ΔC ref | HC ratio E+ | HC ratio gc | Δ | E ratio E+ | E ratio gc | Δ |",
             "|---|---|---|" + "---:|" * 18]
    worst = {"hc": (0, ""), "e": (0, ""), "h": (0, ""), "c": (0, "")}
    within = 0
    for c, rep in zip(cases["cases"], reports):
        r = rows[c["id"]]
        e = rep["energy"]
        a = {x["key"]: x["value"] for x in e["assumptions"]}
        eta, eer = a["heating_efficiency"], a["cooling_eer"]
        e_ratio_ep = (r["H_design"] / eta + r["C_design"] / eer) / (r["H_ref"] / eta + r["C_ref"] / eer)
        hd, hr, cd, cr, load_ratio, ratio = pick(e)
        dh = hd / r["H_design"] - 1
        dhr = hr / r["H_ref"] - 1
        dc = cd / r["C_design"] - 1
        dcr = cr / r["C_ref"] - 1
        dhc = load_ratio - r["ratio_HC"]
        de = ratio - e_ratio_ep
        for k, v in (("hc", dhc), ("e", de), ("h", dh), ("h", dhr), ("c", dc), ("c", dcr)):
            if abs(v) > abs(worst[k][0]):
                worst[k] = (v, c["id"])
        within += all(abs(x) <= 0.15 for x in (dh, dhr, dc, dcr)) and abs(dhc) <= 0.03 and abs(de) <= 0.03
        lines.append(
            f"| {c['id']} | {c['kind'][:3]}{'/' + c['category'] if c.get('category') else ''} {c['storeys']}F rot {c['rot']}"
            f"{' light (' + (e['thermal_mass'].get('class') or 'C_m %g' % e['thermal_mass']['c_m_kj_m2k']) + ')' if c.get('construction') == 'light' else ''} "
            f"| {rep['verdict']} | {r['H_design']:.1f} | {hd:.1f} | {dh:+.1%} "
            f"| {r['H_ref']:.1f} | {hr:.1f} | {dhr:+.1%} | {r['C_design']:.1f} | {cd:.1f} "
            f"| {dc:+.1%} | {r['C_ref']:.1f} | {cr:.1f} | {dcr:+.1%} "
            f"| {r['ratio_HC']:.3f} | {load_ratio:.3f} | {dhc:+.3f} | {e_ratio_ep:.3f} | {ratio:.3f} | {de:+.3f} |")
    lines.append("")
    lines.append(f"Worst heating+cooling demand ratio difference: {worst['hc'][0]:+.3f} ({worst['hc'][1]}); "
                 f"worst energy ratio difference: {worst['e'][0]:+.3f} ({worst['e'][1]}); "
                 f"worst heating demand error: {worst['h'][0]:+.1%} ({worst['h'][1]}); "
                 f"worst cooling demand error: {worst['c'][0]:+.1%} ({worst['c'][1]}); "
                 f"cases with all four demands within ±15 % and both ratios within ±0.03: "
                 f"{within}/{len(cases['cases'])}.")
    lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
