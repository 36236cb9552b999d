//! The EN ISO 13790:2008 simple hourly method (annex C, the 5R1C network) for the reported heating and
//! cooling demands: design, GB 55015 reference and the GB/T 51350 variant run side by side over the city's
//! hourly weather year ([`crate::weather`]). The monthly method ([`super::simulate`]) stays for sweeps.
//!
//! Network (ISO 13790 C.2–C.3), per variant: air node θ_air, central node θ_s, mass node θ_m with C_m;
//! conductances H_ve (supply θ_sup — air), H_tr,is = h_is·A_t (air — s), H_tr,w (outside — s: windows and
//! skylights), H_tr,ms = h_ms·A_m (s — m), H_tr,em = 1/(1/H_tr,op − 1/H_tr,ms) (outside — m: walls, roof,
//! floors over outside air); A_t = Λ_at·A_f, A_m from the thermal-mass class ([`super::ThermalMass`]).
//! Heat flows: Φ_ia = f_conv·Φ_int + Φ_HC on the air; Φ_m = (A_m/A_t)·Φ_r and
//! Φ_st = (1 − A_m/A_t − H_tr,w/(h_ms·A_t))·Φ_r with Φ_r = (1 − f_conv)·Φ_int + Φ_sol (C.2), where Φ_sol is
//! the windows' and opaque elements' solar gain less the sky radiation (the same terms as the monthly
//! method). The mass node is stepped by the Crank–Nicolson form of C.4 with a one-hour step, and θ_air is
//! held between the set points by ideal control (C.4.2): heating or cooling power is the Φ_HC that brings the
//! free-floating air temperature to the set point it crossed.
//!
//! θ_air is affine in θ_m,t−1 and Φ_HC (C.3), so each hour reduces to θ_air,0 = P·θ_m,t−1 + Q_t,
//! Φ_HC = (θ_set − θ_air,0)/a₁ when outside the band, θ_m,t = A·θ_m,t−1 + B_t + D·Φ_HC, with every
//! division hoisted out of the loop ([`Network`]); `tests` check this against the equations of C.3 written
//! out step by step, and one hour by hand.
//!
//! Warm-up: the year's last days run first (from θ_m = 20 °C) and are discarded. Heat recovery (GB/T 51350
//! variant): the recovered share of H_ve is supplied at θ_e + η·(clamp(θ_e, θ_H, θ_C) − θ_e) — recovery
//! while heating or cooling would be needed, bypass in between (an assumption of this estimate).

use super::{Assumptions, Demand, EnvelopeParams, Site};
use crate::weather::{Hour, HourlyWeather};

/// Constants of the hourly method (rows of `energy_defaults.csv`, read by [`super::prepare`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HourlyConstants {
    /// h_is, W/(m²·K) (ISO 13790 7.2.2.2: 3.45).
    pub h_is: f64,
    /// h_ms, W/(m²·K) (ISO 13790 12.2.2: 9.1).
    pub h_ms: f64,
    /// Λ_at = A_t / A_f (ISO 13790 7.2.2.2: 4.5).
    pub lambda_at: f64,
    /// Warm-up days run before the year and discarded.
    pub warmup_days: f64,
}

/// One variant to simulate: its envelope, the assumptions it runs under (set points, gains, ventilation,
/// C_m), its effective mass area and its heat-recovery share.
#[derive(Debug, Clone, Copy)]
pub struct Variant<'a> {
    /// Envelope.
    pub envelope: &'a EnvelopeParams,
    /// Assumptions (set points, gains, air changes, C_m, solar factors).
    pub assumptions: &'a Assumptions,
    /// A_m / A_f.
    pub a_m_ratio: f64,
    /// Share of H_ve supplied through heat recovery × its efficiency (0 = none).
    pub recovery: f64,
}

/// The hoisted coefficients of one variant's network (module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// H_tr (all transmission), H_ve, W/K; τ, h (reported like the monthly method's).
    pub h_tr: f64,
    /// H_ve, W/K.
    pub h_ve: f64,
    /// Time constant C_m / (H_tr + H_ve), h.
    pub tau_h: f64,
    /// Solar aperture of each facade (W per W/m² on its vertical plane).
    pub k_facade: Vec<f64>,
    /// Solar aperture of the horizontal (roof and skylights).
    pub k_roof: f64,
    /// Constant solar-side term: − sky radiation, W.
    pub sol_0: f64,
    /// θ_m,t = a·θ_m,t−1 + B_t + d·Φ_HC, with B_t = b_e·θ_e + b_sup·θ_sup + b_sol·Φ_sol + b_0.
    a: f64,
    d: f64,
    b_e: f64,
    b_sup: f64,
    b_sol: f64,
    b_0: f64,
    /// θ_air,0 = p·θ_m,t−1 + Q_t, with Q_t = q_e·θ_e + q_sup·θ_sup + q_sol·Φ_sol + q_0.
    p: f64,
    q_e: f64,
    q_sup: f64,
    q_sol: f64,
    q_0: f64,
    /// 1 / (∂θ_air/∂Φ_HC).
    inv_a1: f64,
    /// H_tr,w, W/K (for tests).
    h_w: f64,
    /// Set points, °C.
    set_h: f64,
    set_c: f64,
    /// Heat-recovery share.
    recovery: f64,
}

/// The ISO 13790 H_tr,em from H_tr,op and H_tr,ms, continued linearly (slope 4, value H_ms) where
/// H_tr,op > H_tr,ms/2 — far outside buildings (≈ 60 W/(m²·K) of envelope per m² of floor) — so that it stays
/// finite and increasing.
fn h_em(h_op: f64, h_ms: f64) -> f64 {
    if h_op <= 0.5 * h_ms {
        h_op * h_ms / (h_ms - h_op)
    } else {
        h_ms + 4.0 * (h_op - 0.5 * h_ms)
    }
}

impl Network {
    /// The network of a variant on a site.
    pub fn new(site: &Site, v: &Variant<'_>, k: &HourlyConstants) -> Network {
        let (env, a) = (v.envelope, v.assumptions);
        let rse = a.external_surface_resistance;
        let sky = rse * a.sky_radiation_h_r * a.sky_temperature_difference_k;
        let du = a.thermal_bridge_du;
        let (mut h_w, mut h_op, mut sky_w) = (0.0, 0.0, 0.0);
        let mut k_facade = Vec::with_capacity(site.facades.len());
        for ((gross, _), f) in site.facades.iter().zip(&env.facades) {
            let a_win = f.wwr * gross;
            let a_wall = gross - a_win;
            let (uw, uwin) = (env.wall_u + du, f.window_u + du);
            h_w += uwin * a_win;
            h_op += uw * a_wall;
            sky_w += a.wall_sky_view * sky * (uw * a_wall + uwin * a_win);
            k_facade.push(
                a.shading_factor * f.window_shgc * a_win + a.wall_absorptance * rse * uw * a_wall,
            );
        }
        let a_sky = env.skylight_ratio * site.roof_area_m2;
        let a_roof = site.roof_area_m2 - a_sky;
        let (ur, us) = (env.roof_u + du, env.skylight_u + du);
        h_op += ur * a_roof + (env.floor_over_outside_u + du) * site.floor_over_outside_m2;
        h_w += us * a_sky;
        sky_w += a.roof_sky_view * sky * (ur * a_roof + us * a_sky);
        let k_roof =
            a.roof_absorptance * rse * ur * a_roof + a.shading_factor * env.skylight_shgc * a_sky;
        let h_ve = a.air_heat_capacity_wh_m3k * a.air_changes_per_h * site.volume_m3;
        let af = site.floor_area_m2;
        let c_m = a.thermal_capacity_kj_m2k * af / 3.6; // Wh/K
        let a_t = k.lambda_at * af;
        let a_m = v.a_m_ratio * af;
        let h_is = k.h_is * a_t;
        let h_ms = k.h_ms * a_m;
        let h_em = h_em(h_op, h_ms);
        let phi_int = a.internal_gains_w_m2 * af;
        let conv = a.internal_gains_convective_fraction;
        let phi_ia0 = conv * phi_int;
        // H_tr,1 and H_tr,1 / H_ve without dividing by H_ve (0 air changes are allowed).
        let h_1 = h_ve * h_is / (h_ve + h_is);
        let r_1 = h_is / (h_ve + h_is);
        let h_2 = h_1 + h_w;
        let h_3 = h_2 * h_ms / (h_2 + h_ms);
        let hem3 = 0.5 * (h_3 + h_em);
        let den = c_m + hem3;
        let am_at = a_m / a_t;
        let st = (1.0 - am_at - h_w / (k.h_ms * a_t)).max(0.0);
        let ds = h_ms + h_w + h_1;
        let his_hve = h_is + h_ve;
        let a_coef = (c_m - hem3) / den;
        // ∂Φ_mtot/∂Φ_HC = H3·H1/(H2·H_ve) = H3·r_1/H2.
        let d = h_3 * r_1 / h_2 / den;
        let a1 = (h_is * (h_ms * 0.5 * d + r_1) / ds + 1.0) / his_hve;
        let h = h_w + h_op;
        // B_t = (Φ_m + H_em·θ_e + H_3/H_2·(Φ_st + H_w·θ_e + H_1·(Φ_ia/H_ve + θ_sup)))/den, Φ_ia = f·Φ_int,
        // Φ_m = (A_m/A_t)·Φ_r, Φ_st = st·Φ_r, Φ_r = rad_int + Φ_sol (C.5, C.4).
        let b_e = (h_em + h_3 * h_w / h_2) / den;
        let b_sup = h_3 * h_1 / h_2 / den;
        let b_r = (am_at + h_3 * st / h_2) / den;
        let rad_int = (1.0 - conv) * phi_int;
        let b_0 = b_r * rad_int + h_3 * r_1 * phi_ia0 / h_2 / den;
        // θ_air,0 = (H_is·(H_ms·θ_m + S)/ds + H_ve·θ_sup + Φ_ia)/(H_is + H_ve), θ_m = ½(θ_m,t + θ_m,t−1),
        // S = Φ_st + H_w·θ_e + H_1·θ_sup + H_1·Φ_ia/H_ve (C.9–C.11): Q_t = q_b·B_t + q_s·S_t + …
        let q_b = h_is * h_ms * 0.5 / (ds * his_hve);
        let q_s = h_is / (ds * his_hve);
        let q_v = h_ve / his_hve;
        Network {
            h_tr: h,
            h_ve,
            tau_h: if h + h_ve > 0.0 {
                c_m / (h + h_ve)
            } else {
                0.0
            },
            k_facade,
            k_roof,
            sol_0: -sky_w,
            a: a_coef,
            d,
            b_e,
            b_sup,
            b_sol: b_r,
            b_0,
            p: h_is * h_ms * 0.5 * (a_coef + 1.0) / (ds * his_hve),
            q_e: q_b * b_e + q_s * h_w,
            q_sup: q_b * b_sup + q_s * h_1 + q_v,
            q_sol: q_b * b_r + q_s * st,
            q_0: q_b * b_0 + q_s * (st * rad_int + r_1 * phi_ia0) + phi_ia0 / his_hve,
            inv_a1: 1.0 / a1,
            h_w,
            set_h: a.heating_setpoint_c,
            set_c: a.cooling_setpoint_c,
            recovery: v.recovery,
        }
    }

    /// One hour: θ_m,t−1, outdoor temperature and the solar gain Φ_sol (W, sky term included) → (θ_m,t,
    /// Φ_HC in W: > 0 heating, < 0 cooling).
    #[inline(always)]
    pub fn step(&self, tm: f64, t_e: f64, phi_sol: f64) -> (f64, f64) {
        // Comparisons rather than f64::max/min: those keep NaN semantics through a libm call per use at the
        // size-optimised level the wasm is built with.
        let band = if t_e < self.set_h {
            self.set_h
        } else if t_e > self.set_c {
            self.set_c
        } else {
            t_e
        };
        let sup = t_e + self.recovery * (band - t_e);
        let b = self.b_e * t_e + self.b_sup * sup + self.b_sol * phi_sol + self.b_0;
        let q = self.q_e * t_e + self.q_sup * sup + self.q_sol * phi_sol + self.q_0;
        let air0 = self.p * tm + q;
        let phi = if air0 < self.set_h {
            (self.set_h - air0) * self.inv_a1
        } else if air0 > self.set_c {
            (self.set_c - air0) * self.inv_a1
        } else {
            0.0
        };
        (self.a * tm + b + self.d * phi, phi)
    }
}

/// A year of `N` variants side by side, the per-variant work written out for each literal index (no inner
/// loop over the variants: at the size-optimised level the wasm is built with, such loops are neither
/// unrolled nor cheap, and this loop is the whole cost of the report).
macro_rules! year {
    ($name:ident, $n:literal, [$($v:literal),*]) => {
        fn $name(
            nets: [&Network; $n],
            azimuths: &[f64],
            weather: &HourlyWeather,
            warmup_hours: usize,
        ) -> [Demand; $n] {
            let facades: Vec<((f64, f64), [f64; $n])> = azimuths
                .iter()
                .enumerate()
                .map(|(f, az)| {
                    let k = [$(nets[$v].k_facade.get(f).copied().unwrap_or(0.0)),*];
                    (az.to_radians().sin_cos(), k)
                })
                .collect();
            let mut tm = [20.0; $n];
            let mut run = |hours: &[Hour], acc: &mut [[f64; 2]; $n]| {
                for w in hours {
                    let mut sol = [$(nets[$v].sol_0 + nets[$v].k_roof * w.h),*];
                    for ((sin, cos), k) in &facades {
                        let i = w.vertical(*sin, *cos);
                        $(sol[$v] += k[$v] * i;)*
                    }
                    $(
                        let (m, phi) = nets[$v].step(tm[$v], w.t_e_c, sol[$v]);
                        tm[$v] = m;
                        if phi > 0.0 {
                            acc[$v][0] += phi;
                        } else {
                            acc[$v][1] -= phi;
                        }
                    )*
                }
            };
            let hours = &weather.hours;
            let n = hours.len();
            run(&hours[n - warmup_hours.min(n)..], &mut [[0.0; 2]; $n]);
            let mut out = [$(demand(nets[$v])),*];
            let mut start = 0;
            for (m, end) in weather.month_ends().into_iter().enumerate() {
                let mut acc = [[0.0; 2]; $n];
                run(&hours[start.min(n)..end.min(n)], &mut acc);
                for (o, a) in out.iter_mut().zip(acc) {
                    o.heating_kwh[m] = a[0] / 1000.0;
                    o.cooling_kwh[m] = a[1] / 1000.0;
                }
                start = end;
            }
            out
        }
    };
}

year!(year_1, 1, [0]);
year!(year_2, 2, [0, 1]);
year!(year_3, 3, [0, 1, 2]);

/// An empty demand with the network's coefficients.
fn demand(net: &Network) -> Demand {
    Demand {
        heating_kwh: [0.0; 12],
        cooling_kwh: [0.0; 12],
        h_tr_w_k: net.h_tr,
        h_ve_w_k: net.h_ve,
        tau_h: net.tau_h,
    }
}

/// Heating and cooling demand of `V` variants on one site, hour by hour (monthly sums in the [`Demand`]).
/// Up to three variants run side by side in one pass over the weather: they share the plane irradiances, and
/// the processor overlaps their independent chains. No allocation per hour.
pub fn simulate_hourly<const V: usize>(
    site: &Site,
    weather: &HourlyWeather,
    variants: [Variant<'_>; V],
    k: &HourlyConstants,
) -> [Demand; V] {
    let nets = variants.map(|v| Network::new(site, &v, k));
    let warm = (k.warmup_days.max(0.0) * 24.0) as usize;
    let az = &site.azimuths_deg;
    let mut out = nets.each_ref().map(demand);
    for (n, o) in nets.chunks(3).zip(out.chunks_mut(3)) {
        match n {
            [a] => o.copy_from_slice(&year_1([a], az, weather, warm)),
            [a, b] => o.copy_from_slice(&year_2([a, b], az, weather, warm)),
            [a, b, c] => o.copy_from_slice(&year_3([a, b, c], az, weather, warm)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::energy::FacadeParams;

    fn constants() -> HourlyConstants {
        HourlyConstants {
            h_is: 3.45,
            h_ms: 9.1,
            lambda_at: 4.5,
            warmup_days: 60.0,
        }
    }

    /// A 10 × 10 m one-storey box (A_f 100 m², 3 m high, V 300 m³), four walls of 30 m² with WWR 0.2.
    fn site() -> Site {
        Site {
            floor_area_m2: 100.0,
            volume_m3: 300.0,
            roof_area_m2: 100.0,
            floor_over_outside_m2: 0.0,
            facades: vec![(30.0, [0.0; 12]); 4],
            azimuths_deg: vec![0.0, 90.0, 180.0, 270.0],
            roof_solar_kwh_m2: [0.0; 12],
            t_e_c: [0.0; 12],
            hours: [0.0; 12],
        }
    }

    fn envelope(wall_u: f64) -> EnvelopeParams {
        EnvelopeParams {
            wall_u,
            roof_u: 0.5,
            facades: vec![
                FacadeParams {
                    wwr: 0.2,
                    window_u: 2.5,
                    window_shgc: 0.5,
                };
                4
            ],
            skylight_ratio: 0.0,
            skylight_u: 0.0,
            skylight_shgc: 0.0,
            floor_over_outside_u: 0.0,
        }
    }

    fn assumptions() -> Assumptions {
        let mut a = Assumptions::defaults(crate::project::Use::Residential).unwrap();
        a.thermal_capacity_kj_m2k = 165.0;
        a.internal_gains_w_m2 = 0.0;
        a.sky_radiation_h_r = 0.0;
        a.air_changes_per_h = 0.5;
        a.internal_gains_convective_fraction = 0.5;
        a
    }

    /// ISO 13790 C.3 written out as in the standard, one equation at a time: (θ_m,t, Φ_HC) of one hour.
    fn iso_c3_step(
        net_in: &Variant<'_>,
        s: &Site,
        k: &HourlyConstants,
        tm_prev: f64,
        t_e: f64,
        sol: f64,
    ) -> (f64, f64) {
        let net = Network::new(s, net_in, k);
        let a = net_in.assumptions;
        let af = s.floor_area_m2;
        let (a_t, a_m) = (k.lambda_at * af, net_in.a_m_ratio * af);
        let h_ve = net.h_ve;
        let h_is = k.h_is * a_t;
        let h_ms = k.h_ms * a_m;
        let h_w = net.h_w;
        let h_op = net.h_tr - h_w;
        let h_em = 1.0 / (1.0 / h_op - 1.0 / h_ms);
        let c_m = a.thermal_capacity_kj_m2k * 1000.0 * af / 3600.0;
        let phi_int = a.internal_gains_w_m2 * af;
        let conv = a.internal_gains_convective_fraction;
        let rad = (1.0 - conv) * phi_int + sol + net.sol_0;
        let phi_m = a_m / a_t * rad;
        let phi_st = (1.0 - a_m / a_t - h_w / (9.1 * a_t)) * rad;
        let theta = |phi_hc: f64| {
            let phi_ia = conv * phi_int + phi_hc;
            let h1 = 1.0 / (1.0 / h_ve + 1.0 / h_is);
            let h2 = h1 + h_w;
            let h3 = 1.0 / (1.0 / h2 + 1.0 / h_ms);
            let mtot =
                phi_m + h_em * t_e + h3 * (phi_st + h_w * t_e + h1 * (phi_ia / h_ve + t_e)) / h2;
            let tmt = (tm_prev * (c_m - 0.5 * (h3 + h_em)) + mtot) / (c_m + 0.5 * (h3 + h_em));
            let tm = 0.5 * (tmt + tm_prev);
            let ts =
                (h_ms * tm + phi_st + h_w * t_e + h1 * (t_e + phi_ia / h_ve)) / (h_ms + h_w + h1);
            let tair = (h_is * ts + h_ve * t_e + phi_ia) / (h_is + h_ve);
            (tmt, tair)
        };
        // C.4.2: free floating, then 10 W/m² to find the slope, then the power that meets the set point.
        let (tm0, air0) = theta(0.0);
        let set = if air0 < a.heating_setpoint_c {
            a.heating_setpoint_c
        } else if air0 > a.cooling_setpoint_c {
            a.cooling_setpoint_c
        } else {
            return (tm0, 0.0);
        };
        let (_, air10) = theta(10.0 * af);
        let phi = 10.0 * af * (set - air0) / (air10 - air0);
        (theta(phi).0, phi)
    }

    /// One hour by hand (the arithmetic of ISO 13790 C.3/C.4.2, checked with a separate script). The box
    /// above, wall U 0.4, roof U 0.5, windows U 2.5 (WWR 0.2), 0.5 ach, C_m 165 (A_m 2.5 A_f), no gains, no
    /// sun, no sky term; θ_e = 0 °C, θ_m,t−1 = 18 °C:
    ///   H_tr,w = 4·6·2.5 = 60;  H_tr,op = 4·24·0.4 + 100·0.5 = 88.4;  H_ve = 0.34·0.5·300 = 51 W/K
    ///   A_t = 450, A_m = 250: H_tr,is = 1552.5, H_tr,ms = 2275, H_tr,em = 1/(1/88.4 − 1/2275) = 91.9738
    ///   H_1 = 1/(1/51 + 1/1552.5) = 49.3779;  H_2 = 109.3779;  H_3 = 1/(1/109.3779 + 1/2275) = 104.3605
    ///   C_m = 165 000·100/3600 = 4583.333 Wh/K;  ½(H_3 + H_tr,em) = 98.1672
    ///   free floating (Φ_HC = 0): θ_m,t = 18·(4583.333 − 98.1672)/(4583.333 + 98.1672) = 17.2451 °C,
    ///     θ_m = 17.6226, θ_s = 2275·17.6226/(2275 + 60 + 49.3779) = 16.8142,
    ///     θ_air = 1552.5·16.8142/(1552.5 + 51) = 16.2794 °C < 18: heating;
    ///   with Φ_HC = 1000 W (10 W/m²): Φ_mtot = 104.3605·49.3779·1000/(51·109.3779) = 923.781 W,
    ///     θ_m,t = 17.2451 + 923.781/4681.501 = 17.4424, θ_m = 17.7212,
    ///     θ_s = (2275·17.7212 + 49.3779·1000/51)/2384.3779 = 17.3144,
    ///     θ_air = (1552.5·17.3144 + 1000)/1603.5 = 17.3873 °C;
    ///   Φ_HC = 1000·(18 − 16.2794)/(17.3873 − 16.2794) = 1553.0 W (1.553 kWh of heating in the hour),
    ///   θ_m,t = 17.2451 + 1.5530·(17.4424 − 17.2451) = 17.5516 °C.
    #[test]
    fn one_hour_by_hand() {
        let (s, env, a) = (site(), envelope(0.4), assumptions());
        let v = Variant {
            envelope: &env,
            assumptions: &a,
            a_m_ratio: 2.5,
            recovery: 0.0,
        };
        let net = Network::new(&s, &v, &constants());
        assert!((net.h_w - 60.0).abs() < 1e-9 && (net.h_tr - 148.4).abs() < 1e-9);
        assert!((net.h_ve - 51.0).abs() < 1e-9);
        let (tm, phi) = net.step(18.0, 0.0, 0.0);
        assert!((phi - 1553.0).abs() < 0.05, "{phi}");
        assert!((tm - 17.5516).abs() < 1e-4, "{tm}");
        let (tm_iso, phi_iso) = iso_c3_step(&v, &s, &constants(), 18.0, 0.0, 0.0);
        assert!((phi - phi_iso).abs() < 1e-9 * phi_iso.abs() && (tm - tm_iso).abs() < 1e-12);
    }

    /// The hoisted affine form is ISO 13790 C.3/C.4.2 step by step, over heating, free-floating and cooling
    /// hours, with gains, sun, heat recovery off, for light and very heavy mass.
    #[test]
    fn affine_form_is_the_standards_equations() {
        let s = site();
        let env = envelope(0.45);
        for (c_m, a_m) in [(80.0, 2.5), (370.0, 3.5)] {
            let mut a = assumptions();
            a.thermal_capacity_kj_m2k = c_m;
            a.internal_gains_w_m2 = 5.0;
            a.sky_radiation_h_r = 4.5;
            let v = Variant {
                envelope: &env,
                assumptions: &a,
                a_m_ratio: a_m,
                recovery: 0.0,
            };
            let net = Network::new(&s, &v, &constants());
            let mut tm = 15.0;
            for i in 0..200 {
                let t_e = -10.0 + 0.25 * i as f64;
                let sol = 3000.0 * ((i as f64) * 0.7).sin().max(0.0);
                let (m1, p1) = net.step(tm, t_e, sol + net.sol_0);
                let (m2, p2) = iso_c3_step(&v, &s, &constants(), tm, t_e, sol);
                assert!((p1 - p2).abs() < 1e-7 * (1.0 + p2.abs()), "{i}: {p1} {p2}");
                assert!((m1 - m2).abs() < 1e-9, "{i}: {m1} {m2}");
                tm = m1;
            }
        }
    }

    /// With recovery share ρ, the supply is θ_e + ρ·(clamp(θ_e, 18, 26) − θ_e): at θ_e = 0 with ρ = 0.5 the
    /// ventilation loses as if H_ve were halved (the steady state with the supply at 9 °C and the air at 18).
    /// Steady state with the air held at 18 °C: the envelope's H_tr = 148.4 W/K sits behind H_tr,is = 1552.5
    /// (the surfaces are cooler than the air), 1/(1/1552.5 + 1/148.4) = 135.4524 W/K, so
    /// Φ = (H_ve·(1 − ρ) + 135.4524)·18 = (25.5 + 135.4524)·18 = 2897.14 W.
    #[test]
    fn heat_recovery_halves_the_ventilation_loss() {
        let s = site();
        let env = envelope(0.4);
        let a = assumptions();
        let mut a_half = a;
        a_half.air_changes_per_h = 0.25;
        let run = |a: &Assumptions, recovery: f64| {
            let v = Variant {
                envelope: &env,
                assumptions: a,
                a_m_ratio: 2.5,
                recovery,
            };
            let net = Network::new(&s, &v, &constants());
            let mut tm = 18.0;
            let mut phi = 0.0;
            for _ in 0..2000 {
                (tm, phi) = net.step(tm, 0.0, 0.0);
            }
            phi
        };
        let with = run(&a, 0.5);
        let halved = run(&a_half, 0.0);
        assert!((with - 2897.14).abs() < 0.01, "{with}");
        assert!((halved - 2897.14).abs() < 0.01, "{halved}");
    }

    /// A synthetic year: constant −5 °C, no sun, no gains. The steady heating power with the air at 18 °C is
    /// (H_ve + 1/(1/H_tr,is + 1/H_tr))·23 = (51 + 135.4524)·23 = 4288.41 W (the mass has settled within the
    /// warm-up): January 744 h → 3190.57 kWh, the year 37 566.4 kWh.
    #[test]
    fn steady_year_by_hand() {
        let s = site();
        let env = envelope(0.4);
        let a = assumptions();
        let w = HourlyWeather {
            id: "test".into(),
            source: String::new(),
            latitude_deg: 0.0,
            longitude_deg: 0.0,
            time_zone_h: 0.0,
            albedo: 0.2,
            days: [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
            hours: vec![
                Hour {
                    t_e_c: -5.0,
                    h: 0.0,
                    c: 0.0,
                    x: 0.0,
                    y: 0.0
                };
                8760
            ],
        };
        let v = Variant {
            envelope: &env,
            assumptions: &a,
            a_m_ratio: 2.5,
            recovery: 0.0,
        };
        let [d] = simulate_hourly(&s, &w, [v], &constants());
        assert!(
            (d.heating_kwh[0] - 3190.57).abs() < 0.01,
            "{}",
            d.heating_kwh[0]
        );
        assert_eq!(d.cooling(), 0.0);
        assert!((d.heating() - 37566.4).abs() < 0.1, "{}", d.heating());
    }

    #[test]
    fn h_em_continues_monotone() {
        let h_ms = 1000.0;
        let at = |x: f64| h_em(x, h_ms);
        assert!((at(100.0) - 1.0 / (1.0 / 100.0 - 1.0 / 1000.0)).abs() < 1e-9);
        assert!((at(500.0) - 1000.0).abs() < 1e-9);
        assert!((at(500.0 + 1e-6) - 1000.0).abs() < 1e-4);
        assert!(at(900.0) > at(600.0) && at(5000.0).is_finite());
    }
}
