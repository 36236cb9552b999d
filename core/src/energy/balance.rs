//! The monthly heat balance of one variant (design or reference): transmission, ventilation, sky radiation,
//! solar and internal gains, gain and loss utilisation (EN ISO 13790:2008 §7–12). No allocation per run.

use serde::{Deserialize, Serialize};

use super::{Assumptions, EnvelopeParams};
use crate::climate::Climate;
use crate::model::Building;

/// Geometry and climate shared by the design and its reference: areas and monthly irradiation.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Floor area, m².
    pub floor_area_m2: f64,
    /// Air volume, m³.
    pub volume_m3: f64,
    /// Gross roof area (opaque + skylights), m².
    pub roof_area_m2: f64,
    /// Area of floors over outside air, m².
    pub floor_over_outside_m2: f64,
    /// Per facade: gross wall area (m²) and monthly irradiation on the vertical plane (kWh/m²).
    pub facades: Vec<(f64, [f64; 12])>,
    /// Per facade: outward azimuth, degrees clockwise from north (the hourly method's planes).
    pub azimuths_deg: Vec<f64>,
    /// Monthly irradiation on the horizontal plane, kWh/m².
    pub roof_solar_kwh_m2: [f64; 12],
    /// Monthly mean outdoor temperature, °C.
    pub t_e_c: [f64; 12],
    /// Hours per month.
    pub hours: [f64; 12],
}

impl Site {
    /// Builds the site of a building on a climate table.
    pub fn new(b: &Building, climate: &Climate, floor_over_outside_m2: f64) -> Site {
        let mut hours = [0.0; 12];
        for (h, d) in hours.iter_mut().zip(climate.days) {
            *h = f64::from(d) * 24.0;
        }
        let mut roof = [0.0; 12];
        for (m, r) in roof.iter_mut().enumerate() {
            *r = climate.irradiation_kwh_m2(m, 180.0, 0.0);
        }
        Site {
            floor_area_m2: b.floor_area_m2,
            volume_m3: b.volume_m3,
            roof_area_m2: b.roof_area_m2,
            floor_over_outside_m2,
            facades: b
                .facades
                .iter()
                .map(|f| (f.gross_area_m2, facade_solar(climate, f.azimuth_deg)))
                .collect(),
            azimuths_deg: b.facades.iter().map(|f| f.azimuth_deg).collect(),
            roof_solar_kwh_m2: roof,
            t_e_c: climate.t_mean_c,
            hours,
        }
    }

    /// Recomputes the facades' irradiation for new azimuths (orientation sweeps).
    pub fn set_azimuths(&mut self, climate: &Climate, azimuths: impl Iterator<Item = f64>) {
        for ((f, a), az) in self
            .facades
            .iter_mut()
            .zip(self.azimuths_deg.iter_mut())
            .zip(azimuths)
        {
            f.1 = facade_solar(climate, az);
            *a = az;
        }
    }
}

fn facade_solar(climate: &Climate, az: f64) -> [f64; 12] {
    let mut s = [0.0; 12];
    for (m, v) in s.iter_mut().enumerate() {
        *v = climate.irradiation_kwh_m2(m, az, 90.0);
    }
    s
}

/// Heating and cooling needs of one variant.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Demand {
    /// Monthly heating need, kWh.
    pub heating_kwh: [f64; 12],
    /// Monthly cooling need, kWh.
    pub cooling_kwh: [f64; 12],
    /// Transmission coefficient H_tr, W/K.
    pub h_tr_w_k: f64,
    /// Ventilation coefficient H_ve, W/K.
    pub h_ve_w_k: f64,
    /// Time constant τ, h.
    pub tau_h: f64,
}

impl Demand {
    /// Annual heating need, kWh.
    pub fn heating(&self) -> f64 {
        self.heating_kwh.iter().sum()
    }
    /// Annual cooling need, kWh.
    pub fn cooling(&self) -> f64 {
        self.cooling_kwh.iter().sum()
    }
    /// Annual energy after system efficiencies, kWh.
    pub fn energy(&self, a: &Assumptions) -> f64 {
        self.heating() / a.heating_efficiency + self.cooling() / a.cooling_eer
    }
}

/// Gain utilisation factor η = (1 − γ^a)/(1 − γ^(a+1)); a/(a+1) at γ = 1; 1 for γ ≤ 0.
pub fn utilisation(gamma: f64, a: f64) -> f64 {
    if gamma <= 0.0 {
        1.0
    } else if (gamma - 1.0).abs() < 1e-9 {
        a / (a + 1.0)
    } else if gamma > 1e6 {
        // (1 − γ^a)/(1 − γ^(a+1)) → 1/γ; avoids overflow.
        1.0 / gamma
    } else {
        let ga = gamma.powf(a);
        (1.0 - ga) / (1.0 - ga * gamma)
    }
}

/// Loss utilisation factor for cooling η_C = (1 − γ^−a)/(1 − γ^−(a+1)) = η(1/γ, a); 1 for γ ≤ 0.
pub fn loss_utilisation(gamma: f64, a: f64) -> f64 {
    if gamma <= 0.0 {
        1.0
    } else {
        utilisation(1.0 / gamma, a)
    }
}

/// Heating and cooling need of one month, kWh: losses at the heating and cooling set points,
/// gains, and the utilisation parameter a.
pub fn month_needs(q_ht_heat: f64, q_ht_cool: f64, q_gn: f64, a: f64) -> (f64, f64) {
    let q_h = if q_ht_heat > 0.0 {
        let eta = utilisation(q_gn / q_ht_heat, a);
        (q_ht_heat - eta * q_gn).max(0.0)
    } else {
        0.0
    };
    let q_c = if q_ht_cool > 0.0 {
        let eta = loss_utilisation(q_gn / q_ht_cool, a);
        (q_gn - eta * q_ht_cool).max(0.0)
    } else {
        (q_gn - q_ht_cool).max(0.0)
    };
    (q_h, q_c)
}

/// Runs the monthly balance for one variant. No allocation.
pub fn simulate(site: &Site, env: &EnvelopeParams, a: &Assumptions) -> Demand {
    let rse = a.external_surface_resistance;
    let sky = rse * a.sky_radiation_h_r * a.sky_temperature_difference_k; // × F_r·U·A → W
    let du = a.thermal_bridge_du;
    let mut h_tr = 0.0;
    let mut sky_w = 0.0; // W, constant
                         // Monthly solar gains, kWh.
    let mut q_sol = [0.0; 12];
    for ((gross, sol), f) in site.facades.iter().zip(&env.facades) {
        let a_win = f.wwr * gross;
        let a_wall = gross - a_win;
        let uw = env.wall_u + du;
        let uwin = f.window_u + du;
        h_tr += uw * a_wall + uwin * a_win;
        sky_w += a.wall_sky_view * sky * (uw * a_wall + uwin * a_win);
        let k = a.shading_factor * f.window_shgc * a_win + a.wall_absorptance * rse * uw * a_wall;
        for (q, i) in q_sol.iter_mut().zip(sol) {
            *q += k * i;
        }
    }
    let a_sky = env.skylight_ratio * site.roof_area_m2;
    let a_roof = site.roof_area_m2 - a_sky;
    let ur = env.roof_u + du;
    let us = env.skylight_u + du;
    h_tr += ur * a_roof + us * a_sky;
    sky_w += a.roof_sky_view * sky * (ur * a_roof + us * a_sky);
    let k_roof =
        a.roof_absorptance * rse * ur * a_roof + a.shading_factor * env.skylight_shgc * a_sky;
    for (q, i) in q_sol.iter_mut().zip(&site.roof_solar_kwh_m2) {
        *q += k_roof * i;
    }
    h_tr += (env.floor_over_outside_u + du) * site.floor_over_outside_m2;
    let h_ve = a.air_heat_capacity_wh_m3k * a.air_changes_per_h * site.volume_m3;
    let h = h_tr + h_ve;
    let c_m_wh_k = a.thermal_capacity_kj_m2k * site.floor_area_m2 / 3.6;
    let tau = if h > 0.0 { c_m_wh_k / h } else { 0.0 };
    let a_par = 1.0 + tau / 15.0;
    let q_int_w = a.internal_gains_w_m2 * site.floor_area_m2;
    let mut out = Demand {
        heating_kwh: [0.0; 12],
        cooling_kwh: [0.0; 12],
        h_tr_w_k: h_tr,
        h_ve_w_k: h_ve,
        tau_h: tau,
    };
    for (m, ((&t, &te), &sol)) in site.hours.iter().zip(&site.t_e_c).zip(&q_sol).enumerate() {
        let q_ht_h = (h * (a.heating_setpoint_c - te) + sky_w) * t / 1000.0;
        let q_ht_c = (h * (a.cooling_setpoint_c - te) + sky_w) * t / 1000.0;
        let q_gn = q_int_w * t / 1000.0 + sol;
        let (qh, qc) = month_needs(q_ht_h, q_ht_c, q_gn, a_par);
        out.heating_kwh[m] = qh;
        out.cooling_kwh[m] = qc;
    }
    out
}
