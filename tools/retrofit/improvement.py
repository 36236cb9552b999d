#!/usr/bin/env python3
"""Independent check of the retrofit improvement Δ = 1 − E_after / E_before (stdlib only, not part of CI).

Works EN ISO 13790:2008's monthly quasi-steady-state method (§7–12, as docs/sources/energy-estimate.md and
the module docs of core/src/energy/mod.rs state it) from scratch for the project in `wall_box.json` — a
20 m × 10 m, 3-storey box whose only retrofit is the wall K 1.5 → 0.45 W/(m²·K) — in both states, on the
Hebi monthly climate table (core/data/climate/hebi.climate, decoded here from its documented format; the
box's planes are grid points of the table, so no interpolation is involved). Every assumption is written
in the project file, so no default of the calculator is read either.

Prints January worked step by step for both states, the twelve months, then E and Δ. `core/tests/retrofit.rs`
holds the figures printed here (`python3 tools/retrofit/improvement.py`).
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = json.loads((Path(__file__).parent / "wall_box.json").read_text(encoding="utf-8"))


def climate(path):
    """Header lines `key value` up to `irradiation N`, then N zigzag LEB128 varints: 0.1 kWh/m² per
    [month][tilt][azimuth], each the difference d[t][a] − d[t][a−1] of d[t][a] = v[t][a] − v[t−1][a]."""
    data = path.read_bytes()
    head, pos = {}, 0
    while "irradiation" not in head:
        end = data.index(b"\n", pos)
        key, _, value = data[pos:end].decode("utf-8").partition(" ")
        head[key], pos = value, end + 1
    tilts = [float(x) for x in head["tilts_deg"].split()]
    azs = [float(x) for x in head["azimuths_deg"].split()]
    values = []
    while pos < len(data):
        u = shift = 0
        while True:
            b = data[pos]
            pos += 1
            u |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                break
        values.append((u >> 1) ^ -(u & 1))
    assert len(values) == int(head["irradiation"]) == 12 * len(tilts) * len(azs)
    it = iter(values)
    irr = []
    for _ in range(12):
        above = [0] * len(azs)
        month = []
        for _ in tilts:
            d = 0
            row = []
            for a in range(len(azs)):
                d += next(it)
                above[a] += d
                row.append(above[a] / 10.0)
            month.append(row)
        irr.append(month)
    days = [int(x) for x in head["days"].split()]
    t_e = [float(x) for x in head["t_mean_c"].split()]

    def plane(m, az, tilt):
        return irr[m][tilts.index(tilt)][azs.index(az % 360)]

    return days, t_e, plane


def eta_gain(gamma, a):
    """ISO 13790 (12.2.1.1): η = (1 − γ^a)/(1 − γ^(a+1)), a/(a+1) at γ = 1; 1 for γ ≤ 0."""
    if gamma <= 0:
        return 1.0
    if abs(gamma - 1) < 1e-12:
        return a / (a + 1)
    return (1 - gamma**a) / (1 - gamma ** (a + 1))


def needs(p, wall_u, days, t_e, plane, show=False):
    g, env, a = p["geometry"], p["envelope"], p["assumptions"]
    L, D, n, h = g["length_m"], g["depth_m"], p["storeys"], p["storey_height_m"]
    height = n * h
    floor, volume, roof = L * D * n, L * D * height, L * D
    # Facade A faces orientation_deg; B, C, D at +90, +180, +270 (docs/project-format.md).
    facades = [
        (name, (g["orientation_deg"] + k * 90) % 360, side * height, p["facades"][name]["wwr"])
        for k, (name, side) in enumerate(zip("ABCD", (L, D, L, D)))
    ]
    du, rse = a["thermal_bridge_du"], a["external_surface_resistance"]
    sky = rse * a["sky_radiation_h_r"] * a["sky_temperature_difference_k"]  # × F_r·U·A → W
    u_wall, u_win, u_roof = wall_u + du, env["window_u"] + du, env["roof_u"] + du
    h_tr = sum(u_wall * gross * (1 - w) + u_win * gross * w for _, _, gross, w in facades) + u_roof * roof
    h_ve = a["air_heat_capacity_wh_m3k"] * a["air_changes_per_h"] * volume
    H = h_tr + h_ve
    phi_sky = a["wall_sky_view"] * sky * sum(u_wall * g_ * (1 - w) + u_win * g_ * w for _, _, g_, w in facades)
    phi_sky += a["roof_sky_view"] * sky * u_roof * roof
    tau = a["thermal_capacity_kj_m2k"] * floor / 3.6 / H  # h
    a_par = 1 + tau / 15.0
    heat, cool = [], []
    for m in range(12):
        t = days[m] * 24.0
        q_sol = sum(
            (a["shading_factor"] * env["window_shgc"] * gross * w + a["wall_absorptance"] * rse * u_wall * gross * (1 - w))
            * plane(m, az, 90.0)
            for _, az, gross, w in facades
        ) + a["roof_absorptance"] * rse * u_roof * roof * plane(m, 180.0, 0.0)
        q_int = a["internal_gains_w_m2"] * floor * t / 1000
        q_gn = q_int + q_sol
        q_ht_h = (H * (a["heating_setpoint_c"] - t_e[m]) + phi_sky) * t / 1000
        q_ht_c = (H * (a["cooling_setpoint_c"] - t_e[m]) + phi_sky) * t / 1000
        q_h = max(0.0, q_ht_h - eta_gain(q_gn / q_ht_h, a_par) * q_gn) if q_ht_h > 0 else 0.0
        if q_ht_c > 0:
            eta_c = eta_gain(q_ht_c / q_gn, a_par) if q_gn > 0 else 1.0  # η_C = η(1/γ_C)
            q_c = max(0.0, q_gn - eta_c * q_ht_c)
        else:
            q_c = max(0.0, q_gn - q_ht_c)
        heat.append(q_h)
        cool.append(q_c)
        if show and m == 0:
            print(f"  H_tr {h_tr:.4f} W/K, H_ve {h_ve:.4f} W/K, sky {phi_sky:.4f} W, tau {tau:.4f} h, a {a_par:.6f}")
            print(f"  January: t {t:.0f} h, theta_e {t_e[0]} C, Q_ht,H {q_ht_h:.4f} kWh, Q_int {q_int:.4f}, "
                  f"Q_sol {q_sol:.4f}, gamma {q_gn / q_ht_h:.6f}, eta {eta_gain(q_gn / q_ht_h, a_par):.6f}, "
                  f"Q_H {q_h:.4f} kWh = {q_h / floor:.6f} kWh/m2")
    e = (sum(heat) / a["heating_efficiency"] + sum(cool) / a["cooling_eer"]) / floor
    return heat, cool, e, floor


def main():
    days, t_e, plane = climate(ROOT / "core/data/climate/hebi.climate")
    before_u = PROJECT["retrofit"]["existing"]["envelope"]["wall_u"]
    after_u = PROJECT["envelope"]["wall_u"]
    out = {}
    for label, u in (("before", before_u), ("after", after_u)):
        print(f"{label}: wall K {u}")
        heat, cool, e, floor = needs(PROJECT, u, days, t_e, plane, show=True)
        print("  heating kWh/m2 by month:", " ".join(f"{q / floor:.4f}" for q in heat))
        print("  cooling kWh/m2 by month:", " ".join(f"{q / floor:.4f}" for q in cool))
        print(f"  heating {sum(heat) / floor:.6f}, cooling {sum(cool) / floor:.6f}, E {e:.6f} kWh/m2")
        out[label] = e
    print(f"delta = 1 - E_after / E_before = {1 - out['after'] / out['before']:.6f}")


if __name__ == "__main__":
    main()
