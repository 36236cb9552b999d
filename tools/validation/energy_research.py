#!/usr/bin/env python3
"""Issue 14 research: what makes the monthly method's absolute demands agree with EnergyPlus, and how the
ISO 13790 hourly (5R1C) prototype does on the same cases. Not part of CI.

    /tmp/eplus-venv/bin/python tools/validation/energy_research.py check-port   # Python port vs Rust CLI
    /tmp/eplus-venv/bin/python tools/validation/energy_research.py sweep        # monthly: C_m and suspects
    /tmp/eplus-venv/bin/python tools/validation/energy_research.py hourly       # 5R1C hourly vs E+
    /tmp/eplus-venv/bin/python tools/validation/energy_research.py report       # -> energy_research.md

(needs pvlib for `hourly`; reads tools/validation/energy_eplus_results.json and the shared EPW.)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import iso_models as im  # noqa: E402

CASES = json.load(open(HERE / "energy_cases.json", encoding="utf-8"))
RES = json.load(open(os.environ.get("EPLUS_RESULTS", HERE / "energy_eplus_results.json"), encoding="utf-8"))
TABLE = im.read_table(ROOT / "core/data/climate/hebi.climate")
EPW = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared")) / "data/climate/CHN_Henan.Anyang.538980_CSWD.epw"


def cases():
    for c in CASES["cases"]:
        if c["id"] in RES["cases"]:
            yield c, RES["cases"][c["id"]]


def eplus(r):
    d, f = r["design"], r["reference"]
    return dict(Hd=d["heating_kwh_m2"], Cd=d["cooling_kwh_m2"], Hr=f["heating_kwh_m2"], Cr=f["cooling_kwh_m2"])


def ratio(x):
    return (x["Hd"] + x["Cd"]) / (x["Hr"] + x["Cr"])


def e_ratio(x, eta=2.20, eer=3.5):
    """Energy ratio E_design / E_reference with greencheck's default efficiencies (greencheck `ratio`)."""
    return (x["Hd"] / eta + x["Cd"] / eer) / (x["Hr"] / eta + x["Cr"] / eer)


def model(kind, c, r, w=None, **over):
    cond = r["conditions"]
    out = {}
    for v, key in (("d", "design_parameters"), ("r", "reference_parameters")):
        b = im.box(c, r[key])
        m = im.monthly(b, TABLE, cond, **over) if kind == "monthly" else im.hourly(b, w, cond, **over)
        out["H" + v], out["C" + v] = m["H"], m["C"]
    return out


def rust(extra_by_case):
    """Runs the greencheck CLI on the cases; returns {id: dict(Hd, Cd, Hr, Cr)}."""
    sys.path.insert(0, str(HERE))
    import energy_eplus as ee
    tmp = tempfile.mkdtemp(prefix="gc-research-")
    files, ids = [], []
    for c, r in cases():
        ee.EXTRA = extra_by_case.get(c["id"], {})
        pth = os.path.join(tmp, c["id"] + ".json")
        json.dump(ee.project(c, r["conditions"]), open(pth, "w"))
        files.append(pth)
        ids.append(c["id"])
    env = dict(os.environ, CARGO_TARGET_DIR=os.environ.get("CARGO_TARGET_DIR", "/tmp/target-energy"))
    out = subprocess.run(["cargo", "run", "-q", "--release", "-p", "greencheck-core", "--bin", "greencheck", "--",
                          "check", *files, "--json"], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    reps = json.loads(out.stdout)
    reps = reps if isinstance(reps, list) else [reps]
    # The monthly method's figures: since issue 14 the report leads with the hourly method and gives the
    # monthly one in `energy.monthly` (this research is about the monthly method and its Python port).
    return {i: dict(Hd=x["energy"]["monthly"]["design_heating_kwh_m2"],
                    Cd=x["energy"]["monthly"]["design_cooling_kwh_m2"],
                    Hr=x["energy"]["monthly"]["reference_heating_kwh_m2"],
                    Cr=x["energy"]["monthly"]["reference_cooling_kwh_m2"])
            for i, x in zip(ids, reps)}


def err_row(cid, e, g):
    errs = {k: g[k] / e[k] - 1 for k in ("Hd", "Hr", "Cd", "Cr")}
    dr = ratio(g) - ratio(e)
    de = e_ratio(g) - e_ratio(e)
    return errs, (dr, de), (f"| {cid} | {e['Hd']:.1f} | {g['Hd']:.1f} | {errs['Hd']:+.0%} | {e['Hr']:.1f} | {g['Hr']:.1f} "
                            f"| {errs['Hr']:+.0%} | {e['Cd']:.1f} | {g['Cd']:.1f} | {errs['Cd']:+.0%} | {e['Cr']:.1f} "
                            f"| {g['Cr']:.1f} | {errs['Cr']:+.0%} | {ratio(e):.3f} | {ratio(g):.3f} | {dr:+.3f} "
                            f"| {e_ratio(e):.3f} | {e_ratio(g):.3f} | {de:+.3f} |")


HEAD = ("| case | H des E+ | H des | ΔH des | H ref E+ | H ref | ΔH ref | C des E+ | C des | ΔC des | C ref E+ | C ref "
        "| ΔC ref | HC ratio E+ | HC ratio | Δ | E ratio E+ | E ratio | Δ |\n|---|" + "---:|" * 18)


def table(title, results, only=None):
    lines = [f"#### {title}", "", HEAD]
    worst = {"H": (0, ""), "C": (0, ""), "r": (0, ""), "e": (0, "")}
    inside = 0
    n = 0
    for c, r in cases():
        if only and not only(c):
            continue
        e = eplus(r)
        errs, (dr, de), line = err_row(c["id"], e, results[c["id"]])
        lines.append(line)
        for k in ("Hd", "Hr"):
            if abs(errs[k]) > abs(worst["H"][0]):
                worst["H"] = (errs[k], c["id"])
        for k in ("Cd", "Cr"):
            if abs(errs[k]) > abs(worst["C"][0]):
                worst["C"] = (errs[k], c["id"])
        if abs(dr) > abs(worst["r"][0]):
            worst["r"] = (dr, c["id"])
        if abs(de) > abs(worst["e"][0]):
            worst["e"] = (de, c["id"])
        n += 1
        inside += all(abs(v) <= 0.15 for v in errs.values()) and abs(dr) <= 0.03 and abs(de) <= 0.03
    lines.append("")
    lines.append(f"Worst heating {worst['H'][0]:+.1%} ({worst['H'][1]}), worst cooling {worst['C'][0]:+.1%} "
                 f"({worst['C'][1]}), worst HC ratio {worst['r'][0]:+.3f} ({worst['r'][1]}), worst E ratio "
                 f"{worst['e'][0]:+.3f} ({worst['e'][1]}); cases with all four demands within ±15 % and both ratios "
                 f"within ±0.03: {inside}/{n}.")
    return "\n".join(lines) + "\n", worst


def summary(results, construction="concrete"):
    """(worst |H|, worst |C|, worst |dratio|, mean H err, mean C err) over the cases of one construction."""
    hs, cs, rs = [], [], []
    for c, r in cases():
        if c.get("construction", "concrete") != construction:
            continue
        e, g = eplus(r), results[c["id"]]
        hs += [g["Hd"] / e["Hd"] - 1, g["Hr"] / e["Hr"] - 1]
        cs += [g["Cd"] / e["Cd"] - 1, g["Cr"] / e["Cr"] - 1]
        rs += [ratio(g) - ratio(e), e_ratio(g) - e_ratio(e)]
    f = lambda v: max(v, key=abs)
    return f(hs), f(cs), f(rs), float(np.mean(hs)), float(np.mean(cs))


def check_port():
    rs = rust({})
    worst = 0.0
    for c, r in cases():
        py = model("monthly", c, r)
        for k in ("Hd", "Cd", "Hr", "Cr"):
            worst = max(worst, abs(py[k] / rs[c["id"]][k] - 1))
    print(f"Python monthly port vs Rust CLI (default assumptions), worst relative difference over "
          f"{sum(1 for _ in cases())} cases x 4 demands: {worst:.2e}")


def sweep():
    out = ["### Monthly method (greencheck core via the CLI): sensitivity on the concrete cases V01–V14", "",
           "| variant | worst heating | worst cooling | worst ratio Δ (HC or E) | mean heating err | mean cooling err |",
           "|---|---:|---:|---:|---:|---:|"]

    def add(name, res):
        h, c, r, mh, mc = summary(res)
        out.append(f"| {name} | {h:+.1%} | {c:+.1%} | {r:+.3f} | {mh:+.1%} | {mc:+.1%} |")

    for cm in (80, 110, 165, 260, 370, 500):
        add(f"Rust CLI, C_m = {cm}", rust({c["id"]: {"thermal_capacity_kj_m2k": cm} for c, _ in cases()}))
    eff = {c["id"]: round(im.effective_capacity(c), 1) for c, _ in cases()}
    add("Rust CLI, C_m = ISO 13786 effective capacity of each harness box",
        rust({i: {"thermal_capacity_kj_m2k": v} for i, v in eff.items()}))
    # Python port: suspects the core does not expose
    py = lambda **o: {c["id"]: model("monthly", c, r, **o) for c, r in cases()}
    add("port, C_m 370", py(C_m=370))
    add("port, C_m 370, no sky radiation (h_r = 0)", py(C_m=370, h_r=0.0))
    add("port, C_m 370, no opaque solar (α = 0)", py(C_m=370, alpha_wall=0.0, alpha_roof=0.0))
    add("port, C_m 370, F_sh 1.0", py(C_m=370, F_sh=1.0))
    add("port, C_m 370, F_sh 0.8", py(C_m=370, F_sh=0.8))
    add("port, C_m 370, τ_H,0 = τ_C,0 = 30 h", py(C_m=370, tau_H0=30.0, tau_C0=30.0))
    add("port, C_m 370, a_H,0 = a_C,0 = 0.8, τ_0 = 15 h", py(C_m=370, a_H0=0.8, a_C0=0.8))
    add("port, C_m ∞ (η = min(1, 1/γ))", py(C_m=1e6))
    out.append("")
    out.append("ISO 13786 effective capacity of each harness box (kJ/(m²·K) of floor): " +
               ", ".join(f"{i} {v:.0f}" for i, v in eff.items()))
    text = "\n".join(out) + "\n"
    print(text)
    return text


def is_light(c):
    return c.get("construction", "concrete") == "light"


def report(default_cm=370.0, light_cm=110.0):
    """Writes tools/validation/energy_research.md: every table of the issue-14 research."""
    out = ["# Issue 14 research: thermal mass, monthly vs hourly (generated by energy_research.py report)", ""]
    t0 = time.time()
    out.append(sweep())
    w = im.HourlyWeather(EPW)
    # Light-frame cases: which class wins?
    out += ["### Light-frame cases L1–L3: C_m sweep (monthly = Rust CLI, hourly = 5R1C prototype)", "",
            "| C_m kJ/(m²·K) | monthly worst H | monthly worst C | monthly mean H | monthly mean C "
            "| hourly worst H | hourly worst C | hourly mean H | hourly mean C |", "|---|" + "---:|" * 8]
    light_eff = {c["id"]: im.effective_capacity(c) for c, _ in cases() if is_light(c)}
    for cm in (80, 110, 165, 260, 370, "eff"):
        over = ({i: {"thermal_capacity_kj_m2k": round(v, 1)} for i, v in light_eff.items()} if cm == "eff"
                else {c["id"]: {"thermal_capacity_kj_m2k": cm} for c, _ in cases()})
        mon = rust(over)
        hr = {c["id"]: model("hourly", c, r, w=w, conv_int=1.0,
                             C_m=light_eff[c["id"]] if cm == "eff" else cm)
              for c, r in cases() if is_light(c)}
        m, h = summary(mon, "light"), summary(hr, "light")
        label = "ISO 13786 effective (" + ", ".join(f"{v:.0f}" for v in light_eff.values()) + ")" \
            if cm == "eff" else str(cm)
        out.append(f"| {label} | {m[0]:+.1%} | {m[1]:+.1%} | {m[3]:+.1%} | {m[4]:+.1%} | {h[0]:+.1%} | {h[1]:+.1%} "
                   f"| {h[3]:+.1%} | {h[4]:+.1%} |")
    out.append("")
    cm_of = lambda c: light_cm if is_light(c) else default_cm
    mon = rust({c["id"]: {"thermal_capacity_kj_m2k": cm_of(c)} for c, _ in cases()})
    out.append(table(f"Monthly method (Rust CLI), C_m = {default_cm:g} (concrete V01–V14), {light_cm:g} (light "
                     f"L1–L3)", mon)[0])
    hr = {c["id"]: model("hourly", c, r, w=w, conv_int=1.0, C_m=cm_of(c)) for c, r in cases()}
    out.append(table(f"ISO 13790 5R1C hourly prototype, C_m = {default_cm:g} / {light_cm:g}, internal gains "
                     f"convective (as the harness), ISO sky term", hr)[0])
    out += ["### Hourly prototype variants (all 17 cases)", "",
            "| variant | worst heating | worst cooling | worst HC ratio Δ | worst E ratio Δ | cases within ±15 % / ±0.03 |",
            "|---|---:|---:|---:|---:|---:|"]
    for label, over, cmf in (
            ("C_m 370/110, gains 50 % convective (ISO 13790 C.2)", dict(conv_int=0.5), cm_of),
            ("C_m 370/110, gains convective, sky temperature from the EPW", dict(conv_int=1.0, sky="epw"), cm_of),
            ("C_m 165 everywhere, gains convective", dict(conv_int=1.0), lambda c: 165.0),
            ("C_m = ISO 13786 effective of each box, gains convective", dict(conv_int=1.0),
             lambda c: im.effective_capacity(c))):
        res = {c["id"]: model("hourly", c, r, w=w, C_m=cmf(c), **over) for c, r in cases()}
        _, worst = table(label, res)
        n_in = sum(1 for c, r in cases() if all(abs(res[c["id"]][k] / eplus(r)[k] - 1) <= 0.15
                                                for k in ("Hd", "Hr", "Cd", "Cr"))
                   and abs(ratio(res[c["id"]]) - ratio(eplus(r))) <= 0.03
                   and abs(e_ratio(res[c["id"]]) - e_ratio(eplus(r))) <= 0.03)
        out.append(f"| {label} | {worst['H'][0]:+.1%} ({worst['H'][1]}) | {worst['C'][0]:+.1%} ({worst['C'][1]}) "
                   f"| {worst['r'][0]:+.3f} ({worst['r'][1]}) | {worst['e'][0]:+.3f} ({worst['e'][1]}) | {n_in}/17 |")
    out.append("")
    text = "\n".join(out) + "\n"
    (HERE / "energy_research.md").write_text(text, encoding="utf-8")
    print(text)
    print(f"({time.time() - t0:.0f} s)")


def run_table(kind, **over):
    w = im.HourlyWeather(EPW) if kind == "hourly" else None
    return {c["id"]: model(kind, c, r, w=w, **over) for c, r in cases()}


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check-port"
    if cmd == "check-port":
        check_port()
    elif cmd == "sweep":
        sweep()
    elif cmd == "report":
        report()
    elif cmd == "table":  # monthly port with overrides given as JSON
        over = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
        print(table(f"monthly port {over}", run_table("monthly", **over))[0])
    elif cmd == "hourly":
        over = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
        t0 = time.time()
        res = run_table("hourly", **over)
        print(table(f"ISO 13790 5R1C hourly {over}", res)[0])
        print(f"({time.time() - t0:.1f} s in Python)")
