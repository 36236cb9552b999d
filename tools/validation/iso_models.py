#!/usr/bin/env python3
"""Python prototypes of greencheck's energy estimate, for validation research (not part of CI).

* `monthly(...)`: a faithful port of `greencheck_core::energy::simulate` (EN ISO 13790:2008 monthly method,
  core/src/energy.rs) with the same monthly plane irradiation (core/data/climate/hebi.climate, bilinear as
  `greencheck_core::climate`). Extra knobs that the core does not expose: the utilisation parameters
  a_0/tau_0 for heating and cooling, a monthly sky-temperature difference from the EPW.
  `energy_research.py --check-port` shows it reproduces the Rust CLI.
* `hourly(...)`: EN ISO 13790:2008 annex C simple hourly method (5R1C: air, surface and mass nodes; one
  capacity C_m) on the EPW, hour by hour: the candidate hourly method of issue 14 (ISO 52016-1's hourly
  method is a multi-node refinement of the same balance; the 5R1C is what ISO 52016-1's simplified
  lumped option and most tools call "ISO hourly").
* `effective_capacity(...)`: ISO 13786:2017 annex C.2.4 / ISO 13790 12.3.1.2 simplified effective thermal
  capacity of the harness's constructions (the "10 cm rule").

Box geometry and conditions come from the EnergyPlus harness cases (tools/validation/energy_cases.json and
the results JSON, which records each variant's envelope).
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
FACADES = ("A", "B", "C", "D")
OFFSET = {"A": 0.0, "B": 90.0, "C": 180.0, "D": 270.0}
DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])

# greencheck data defaults (core/data/energy_defaults.csv) and the core's fixed sky view factors.
DEFAULTS = dict(
    rho_c=0.34, rse=0.04, h_r=4.5, dT_sky=11.0, F_r_roof=1.0, F_r_wall=0.5, alpha_wall=0.6, alpha_roof=0.7,
    F_sh=0.9, du=0.0, C_m=165.0,
    # ISO 13790:2008 12.2.1.1 (monthly, continuous): a_H = a_H,0 + tau/tau_H,0, a_H,0 = 1, tau_H,0 = 15 h;
    # the core uses the same for cooling (12.2.1.2 lists a_C,0 = 1, tau_C,0 = 15 h as informative defaults).
    a_H0=1.0, tau_H0=15.0, a_C0=1.0, tau_C0=15.0,
)


# ---------------------------------------------------------------------------------------------
# Climate table (greencheck-climate 1)
# ---------------------------------------------------------------------------------------------
def read_table(path):
    """Decodes a `greencheck-climate 1` table (format: tools/climate/README.md)."""
    data = Path(path).read_bytes()
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
    n = int(table["irradiation"])
    assert len(res) == n == 12 * len(tilts) * len(azs)
    r = np.array(res).reshape(12, len(tilts), len(azs))
    irr = np.cumsum(np.cumsum(r, axis=2), axis=1) / 10.0
    t = {k: v for k, v in table.items() if k != "irradiation"}
    t.update(tilts_deg=tilts, azimuths_deg=azs, irradiation_kwh_m2=irr,
             t_mean_c=np.array([float(x) for x in table["t_mean_c"].split()]),
             days=np.array([int(x) for x in table["days"].split()]))
    return t


def plane(table, az, tilt):
    """Monthly irradiation on a plane, kWh/m2: `Climate::irradiation_kwh_m2` (bilinear)."""
    tilts, azs, irr = table["tilts_deg"], table["azimuths_deg"], table["irradiation_kwh_m2"]
    if tilt <= tilts[0]:
        t0 = t1 = 0
        wt = 0.0
    elif tilt >= tilts[-1]:
        t0 = t1 = len(tilts) - 1
        wt = 0.0
    else:
        t0 = max(i for i, t in enumerate(tilts) if t <= tilt)
        t1 = t0 + 1
        wt = (tilt - tilts[t0]) / (tilts[t1] - tilts[t0])
    a = az % 360.0
    i = sum(1 for g in azs if g <= a)
    if i == 0 or i > len(azs) - 1:
        lo = azs[-1]
        span = azs[0] + 360.0 - lo
        d = a - lo if a >= lo else a + 360.0 - lo
        a0, a1, wa = len(azs) - 1, 0, d / span
    else:
        a0, a1, wa = i - 1, i, (a - azs[i - 1]) / (azs[i] - azs[i - 1])
    row = lambda t: irr[:, t, a0] * (1 - wa) + irr[:, t, a1] * wa
    return row(t0) * (1 - wt) + row(t1) * wt


# ---------------------------------------------------------------------------------------------
# Box building (one variant)
# ---------------------------------------------------------------------------------------------
def box(case, params):
    """Areas of a harness box and one variant's envelope (`design_parameters` / `reference_parameters` of
    the results JSON)."""
    L, D, n, h = float(case["length"]), float(case["depth"]), int(case["storeys"]), float(case["h"])
    H = n * h
    width = {"A": L, "B": D, "C": L, "D": D}
    fac = []
    for f in FACADES:
        p = params["facades"][f]
        fac.append(dict(az=(case["rot"] + OFFSET[f]) % 360.0, gross=width[f] * H, wwr=p["wwr"],
                        u_win=p["u_window"], shgc=p["shgc"]))
    return dict(A_f=L * D * n, V=L * D * H, roof=L * D, footprint=L * D, storeys=n, height=H,
                u_wall=params["u_wall"], u_roof=params["u_roof"], facades=fac, perimeter=2 * (L + D))


def _coeffs(b, p):
    """Transmission, ventilation, sky term and solar-aperture coefficients shared by both methods."""
    h_tr_w = h_tr_op = sky = 0.0
    ap_win = []   # (az, F_sh*SHGC*A_w)
    ap_op = []    # (az, tilt, alpha*R_se*U*A)
    for f in b["facades"]:
        a_win = f["wwr"] * f["gross"]
        a_wall = f["gross"] - a_win
        uw, uwin = b["u_wall"] + p["du"], f["u_win"] + p["du"]
        h_tr_w += uwin * a_win
        h_tr_op += uw * a_wall
        sky += p["F_r_wall"] * p["rse"] * p["h_r"] * (uw * a_wall + uwin * a_win)
        ap_win.append((f["az"], p["F_sh"] * f["shgc"] * a_win))
        ap_op.append((f["az"], 90.0, p["alpha_wall"] * p["rse"] * uw * a_wall))
    ur = b["u_roof"] + p["du"]
    h_tr_op += ur * b["roof"]
    sky += p["F_r_roof"] * p["rse"] * p["h_r"] * ur * b["roof"]
    ap_op.append((180.0, 0.0, p["alpha_roof"] * p["rse"] * ur * b["roof"]))
    h_ve = p["rho_c"] * p["ach"] * b["V"]
    return h_tr_w, h_tr_op, h_ve, sky, ap_win, ap_op


def utilisation(g, a):
    if g <= 0:
        return 1.0
    if abs(g - 1) < 1e-9:
        return a / (a + 1)
    if g > 1e6:
        return 1 / g
    ga = g ** a
    return (1 - ga) / (1 - ga * g)


def monthly(b, table, cond, **over):
    """ISO 13790 monthly heating/cooling need, kWh/(m2 a) and monthly kWh: the core's `simulate`.
    `over`: any DEFAULTS key; `dT_sky` may be a 12-vector (monthly air - sky temperature difference)."""
    p = dict(DEFAULTS, ach=cond["ach"], q_int=cond["internal_gain_w_m2"], th_h=cond["heat_setpoint_c"],
             th_c=cond["cool_setpoint_c"])
    p.update(over)
    h_tr_w, h_tr_op, h_ve, sky_k, ap_win, ap_op = _coeffs(b, p)
    hours = table["days"] * 24.0
    te = table["t_mean_c"]
    sol = np.zeros(12)
    for az, k in ap_win:
        sol += k * plane(table, az, 90.0)
    for az, tilt, k in ap_op:
        sol += k * plane(table, az, tilt)
    h = h_tr_w + h_tr_op + h_ve
    cm = p["C_m"] * b["A_f"] / 3.6  # Wh/K
    tau = cm / h
    a_h = p["a_H0"] + tau / p["tau_H0"]
    a_c = p["a_C0"] + tau / p["tau_C0"]
    dts = np.broadcast_to(np.asarray(p["dT_sky"], dtype=float), (12,))
    qh, qc = np.zeros(12), np.zeros(12)
    for m in range(12):
        sky_w = sky_k * dts[m]
        q_ht_h = (h * (p["th_h"] - te[m]) + sky_w) * hours[m] / 1000
        q_ht_c = (h * (p["th_c"] - te[m]) + sky_w) * hours[m] / 1000
        q_gn = p["q_int"] * b["A_f"] * hours[m] / 1000 + sol[m]
        if q_ht_h > 0:
            qh[m] = max(0.0, q_ht_h - utilisation(q_gn / q_ht_h, a_h) * q_gn)
        if q_ht_c > 0:
            g = q_gn / q_ht_c
            eta = 1.0 if g <= 0 else utilisation(1 / g, a_c)
            qc[m] = max(0.0, q_gn - eta * q_ht_c)
        else:
            qc[m] = max(0.0, q_gn - q_ht_c)
    return dict(H=qh.sum() / b["A_f"], C=qc.sum() / b["A_f"], H_m=qh, C_m=qc, tau=tau, h_tr=h_tr_w + h_tr_op,
                h_ve=h_ve)


# ---------------------------------------------------------------------------------------------
# Hourly weather (EPW) with plane irradiance
# ---------------------------------------------------------------------------------------------
class HourlyWeather:
    """EPW hours with Perez plane irradiance (pvlib), the sun at the hour midpoint, albedo 0.2 -- the same
    conventions as tools/climate's monthly table."""

    def __init__(self, epw):
        import pandas as pd
        import pvlib
        self.pvlib = pvlib
        df, meta = pvlib.iotools.read_epw(epw, coerce_year=2005)
        self.df, self.meta = df, meta
        times = df.index + pd.Timedelta(minutes=30)
        loc = pvlib.location.Location(meta["latitude"], meta["longitude"], tz=f"Etc/GMT{-int(meta['TZ']):+d}",
                                      altitude=meta["altitude"])
        self.sp = loc.get_solarposition(times)
        self.dni_extra = pvlib.irradiance.get_extra_radiation(times).to_numpy()
        self.airmass = pvlib.atmosphere.get_relative_airmass(self.sp["apparent_zenith"]).to_numpy()
        self.ghi, self.dni, self.dhi = (df[c].to_numpy(dtype=float) for c in ("ghi", "dni", "dhi"))
        self.t_e = df["temp_air"].to_numpy(dtype=float)
        ir = df["ghi_infrared"].to_numpy(dtype=float)
        self.t_sky = (ir / 5.6697e-8) ** 0.25 - 273.15      # EnergyPlus's sky temperature from horizontal IR
        self.month = df.index.month.to_numpy() - 1
        self._cache = {}

    def poa(self, az, tilt):
        key = (round(az % 360.0, 6), tilt)
        if key not in self._cache:
            p = self.pvlib.irradiance.get_total_irradiance(
                tilt, az % 360.0, self.sp["apparent_zenith"], self.sp["azimuth"], self.dni, self.ghi, self.dhi,
                dni_extra=self.dni_extra, airmass=self.airmass, albedo=0.2, model="perez",
                model_perez="allsitescomposite1990")
            self._cache[key] = p["poa_global"].fillna(0.0).to_numpy()
        return self._cache[key]


# ISO 13790:2008 table 12: A_m per m2 of floor by class (C_m in kJ/(m2 K) as key)
AM_CLASS = [(80.0, 2.5), (110.0, 2.5), (165.0, 2.5), (260.0, 3.0), (370.0, 3.5)]


def a_m_factor(c_m):
    """Effective mass area A_m/A_f interpolated in table 12 (clamped at its ends)."""
    xs, ys = zip(*AM_CLASS)
    return float(np.interp(c_m, xs, ys))


def hourly(b, w, cond, warmup_days=60, **over):
    """EN ISO 13790:2008 annex C (5R1C) hourly heating/cooling need with ideal set-point control.

    Extra keys: `A_m` (m2 per m2 floor; default from table 12 by C_m), `conv_int` (convective fraction of
    internal gains: ISO 0.5; the harness's gains are all convective -> 1.0), `sky` ("iso": h_r x dT_sky;
    "epw": the file's sky temperature), `lambda_at` (A_t/A_f, ISO 4.5).
    """
    p = dict(DEFAULTS, ach=cond["ach"], q_int=cond["internal_gain_w_m2"], th_h=cond["heat_setpoint_c"],
             th_c=cond["cool_setpoint_c"], conv_int=0.5, sky="iso", lambda_at=4.5, A_m=None)
    p.update(over)
    h_tr_w, h_tr_op, h_ve, sky_k, ap_win, ap_op = _coeffs(b, p)
    A_f = b["A_f"]
    A_t = p["lambda_at"] * A_f
    A_m = (p["A_m"] if p["A_m"] is not None else a_m_factor(p["C_m"])) * A_f
    h_is = 3.45 * A_t
    h_ms = 9.1 * A_m
    h_em = 1.0 / (1.0 / h_tr_op - 1.0 / h_ms)
    cm = p["C_m"] * 1000.0 * A_f / 3600.0  # Wh/K
    te = w.t_e
    sol = np.zeros_like(te)
    for az, k in ap_win:
        sol += k * w.poa(az, 90.0)
    for az, tilt, k in ap_op:
        sol += k * w.poa(az, tilt)
    if p["sky"] == "epw":   # F_r R_se U A h_r (theta_e - theta_sky), hour by hour
        sky_w = sky_k * (te - w.t_sky)
    else:                   # ISO 13790 11.4.6 constant difference
        sky_w = np.full_like(te, sky_k * p["dT_sky"])
    sol = sol - sky_w
    q_int = p["q_int"] * A_f
    phi_ia = p["conv_int"] * q_int
    rad = (1 - p["conv_int"]) * q_int + sol
    phi_m = A_m / A_t * rad
    phi_st = (1 - A_m / A_t - h_tr_w / (9.1 * A_t)) * rad
    h1 = 1.0 / (1.0 / h_ve + 1.0 / h_is)
    h2 = h1 + h_tr_w
    h3 = 1.0 / (1.0 / h2 + 1.0 / h_ms)
    hem3 = 0.5 * (h3 + h_em)
    th_h, th_c = p["th_h"], p["th_c"]
    n = len(te)
    qh = np.zeros(n)
    qc = np.zeros(n)
    tm_prev = 20.0
    order = list(range(n - warmup_days * 24, n)) + list(range(n))
    first = warmup_days * 24

    for k, t in enumerate(order):
        e = te[t]
        # theta_air as a linear function of phi_HC: air = a0 + a1*phi, tm_t likewise
        base_m = phi_m[t] + h_em * e + h3 * (phi_st[t] + h_tr_w * e + h1 * (phi_ia / h_ve + e)) / h2
        d_m = h3 * h1 / (h2 * h_ve)   # d phi_mtot / d phi_HC
        den = cm + hem3
        tmt0 = (tm_prev * (cm - hem3) + base_m) / den
        dtmt = d_m / den
        tm0 = 0.5 * (tmt0 + tm_prev)
        dtm = 0.5 * dtmt
        ds = h_ms + h_tr_w + h1
        s0 = (h_ms * tm0 + phi_st[t] + h_tr_w * e + h1 * (e + phi_ia / h_ve)) / ds
        dsd = (h_ms * dtm + h1 / h_ve) / ds
        a0 = (h_is * s0 + h_ve * e + phi_ia) / (h_is + h_ve)
        a1 = (h_is * dsd + 1.0) / (h_is + h_ve)
        if a0 < th_h:
            phi = (th_h - a0) / a1
        elif a0 > th_c:
            phi = (th_c - a0) / a1
        else:
            phi = 0.0
        tm_prev = tmt0 + dtmt * phi
        if k >= first:
            if phi > 0:
                qh[t] = phi
            else:
                qc[t] = -phi
    month = w.month
    H_m = np.bincount(month, weights=qh, minlength=12) / 1000.0
    C_m = np.bincount(month, weights=qc, minlength=12) / 1000.0
    return dict(H=H_m.sum() / A_f, C=C_m.sum() / A_f, H_m=H_m, C_m=C_m)


# ---------------------------------------------------------------------------------------------
# ISO 13786 effective thermal capacity of the harness constructions
# ---------------------------------------------------------------------------------------------
RHO_C_CONCRETE = 2500.0 * 920.0  # J/(m3 K), the harness's reinforced concrete (GB 50176)


def effective_capacity(case, wwr_mean=None, rule="10cm"):
    """C_m per m2 of floor, kJ/(m2 K), of the harness box by ISO 13790 12.3.1.2 (kappa_j by ISO 13786 annex
    C.2.4 simplified): each element counts the layers from its inner surface up to the least of 0.10 m,
    half its thickness (elements exposed on both sides) and the first insulation layer.

    Harness concrete box: external walls 200 mm concrete inside insulation -> 0.10 m; roof 150 mm inside
    insulation -> 0.10 m; adiabatic ground floor 150 mm (one face) -> 0.10 m; EnergyPlus InternalMass of
    2 x footprint x (storeys - 1) m2 of 150 mm concrete, one face exposed each -> 0.10 m each.
    rule "slab-physical": intermediate slabs as the real 150 mm slab with two faces (0.075 m per face)."""
    if case.get("construction", "concrete") == "light":
        gyp = 900 * 1000 * 0.0125
        board = 600 * 1700 * 0.022
        L, D, n, h = case["length"], case["depth"], case["storeys"], case["h"]
        fp = L * D
        wwr = wwr_mean if wwr_mean is not None else np.mean(list(case["wwr"].values()))
        walls = 2 * (L + D) * n * h * (1 - wwr)
        c = gyp * (walls + fp) + board * fp + (gyp + board) * fp * (n - 1)
        return c / (fp * n) / 1000.0
    L, D, n, h = case["length"], case["depth"], case["storeys"], case["h"]
    fp = L * D
    wwr = wwr_mean
    if wwr is None:
        ww = {"A": L, "B": D, "C": L, "D": D}
        wwr = sum(ww[f] * case["wwr"][f] for f in FACADES) / (2 * (L + D))
    walls = 2 * (L + D) * n * h * (1 - wwr)
    k10 = RHO_C_CONCRETE * 0.10
    slab_face = RHO_C_CONCRETE * (0.10 if rule == "10cm" else 0.075)
    slabs_area = 2 * fp * (n - 1)
    c = k10 * (walls + fp + fp) + slab_face * slabs_area
    return c / (fp * n) / 1000.0


class MeanDayWeather:
    """Twelve mean days (hour-of-day means of each month: dry bulb, sky temperature, GHI/DNI/DHI), each
    repeated over its month, transposed with Perez on the mid-month day's sun. What a compact product
    table could hold: 12 x 24 x 4 numbers per city instead of 8760 x 4. Same interface as HourlyWeather."""

    def __init__(self, hw: HourlyWeather):
        import pandas as pd
        pvlib = hw.pvlib
        self.pvlib = pvlib
        hour = hw.df.index.hour.to_numpy()
        m = hw.month
        idx = m * 24 + hour

        def mean_day(x):
            return np.bincount(idx, weights=x, minlength=288) / np.bincount(idx, minlength=288)

        self.t_e = mean_day(hw.t_e)[idx]
        self.t_sky = mean_day(hw.t_sky)[idx]
        self.month = m
        self._idx = idx
        ghi, dni, dhi = mean_day(hw.ghi), mean_day(hw.dni), mean_day(hw.dhi)
        times = pd.DatetimeIndex([pd.Timestamp(2005, mm + 1, 15, h) for mm in range(12) for h in range(24)]
                                 ).tz_localize(hw.df.index.tz) + pd.Timedelta(minutes=30)
        loc = pvlib.location.Location(hw.meta["latitude"], hw.meta["longitude"],
                                      tz=f"Etc/GMT{-int(hw.meta['TZ']):+d}", altitude=hw.meta["altitude"])
        self.sp = loc.get_solarposition(times)
        self.ghi, self.dni, self.dhi = ghi, dni, dhi
        self.dni_extra = pvlib.irradiance.get_extra_radiation(times).to_numpy()
        self.airmass = pvlib.atmosphere.get_relative_airmass(self.sp["apparent_zenith"]).to_numpy()
        self._cache = {}

    def poa(self, az, tilt):
        key = (round(az % 360.0, 6), tilt)
        if key not in self._cache:
            p = self.pvlib.irradiance.get_total_irradiance(
                tilt, az % 360.0, self.sp["apparent_zenith"], self.sp["azimuth"], self.dni, self.ghi, self.dhi,
                dni_extra=self.dni_extra, airmass=self.airmass, albedo=0.2, model="perez",
                model_perez="allsitescomposite1990")
            self._cache[key] = p["poa_global"].fillna(0.0).to_numpy()[self._idx]
        return self._cache[key]
