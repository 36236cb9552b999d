//! Energy estimate: design building vs its GB 55015 reference building, monthly quasi-steady state.
//!
//! Method (EN ISO 13790:2008 §7–12, monthly; spec `shared/domain/energy-estimate.md`), per month m:
//!
//! * transmission `H_tr = Σ U_i·A_i + ΔU_tb·ΣA` (walls, windows, roof, skylights, floors over outside air;
//!   the ground floor is not modelled — it is the same for design and reference);
//! * ventilation `H_ve = ρc · n · V` with ρc = 0.34 Wh/(m³·K);
//! * losses `Q_ht = (H_tr + H_ve)·(θ_int − θ_e,m)·t_m + Q_sky` with `Q_sky = Σ F_r·R_se·U·A·h_r·Δθ_er·t_m`
//!   (thermal radiation to the sky, ISO 13790 §11.4.6, counted as a loss; F_r = 1 roof, 0.5 walls);
//! * gains `Q_gn = Q_int + Q_sol`: `Q_int = q_int·A_floor·t_m`; `Q_sol = Σ F_sh·SHGC·A_w·I_m(az, 90°)` over the
//!   windows of each facade (irradiation from [`crate::climate`], Perez sky) `+ F_sh·SHGC·A_sky·I_m(0°)` for
//!   skylights `+ Σ α·R_se·U·A·I_m` for the opaque elements;
//! * utilisation `η_H = (1 − γ^a)/(1 − γ^(a+1))`, `a/(a+1)` at γ = 1, γ = Q_gn/Q_ht,H, `a = 1 + τ/15 h`,
//!   `τ = C_m/(H_tr + H_ve)`; `Q_H = max(0, Q_ht,H − η_H·Q_gn)`;
//! * cooling (§12.2.1.2): `η_C = (1 − γ_C^−a)/(1 − γ_C^−(a+1))`, γ_C = Q_gn/Q_ht,C (at the cooling set point),
//!   `η_C = 1` when `Q_ht,C ≤ 0`; `Q_C = max(0, Q_gn − η_C·Q_ht,C)`;
//! * energy `E = Σ (Q_H/η_heat + Q_C/EER)`, the same system efficiencies for design and reference.
//!
//! Every default is a data row of `core/data/energy_defaults.csv` (value, unit, provenance, source), turned
//! into a static array at build time (`core/build.rs`), and each can be overridden in the project's `assumptions` under the same key
//! (see [`ASSUMPTION_KEYS`]). The reference building follows GB 55015 C.0.3 through
//! [`crate::checks::reference_values`]: same geometry, windows trimmed to the WWR limits, every K and SHGC at
//! its table limit (the design value where the code sets none).
//!
//! [`estimate`] gives the report section `energy` ([`EnergyReport`]); [`star_metrics`] turns it and the checks
//! into the star-rating metrics. Everything is labelled an estimate (`is_estimate: true`): the formal trade-off
//! needs the certified software.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::checks::{reference_values, ReferenceValues};
use crate::climate::Climate;
use crate::limits::{self, Comparison, Criteria};
use crate::model::{Building, BuildingClass, Orientation};
use crate::project::{Project, Use};
use crate::report::{Check, Status, Verdict};

// `DEFAULT_ROWS`: `energy_defaults.csv`, validated (every value finite) and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/energy_defaults.rs"));

/// What "energy use" means in this estimate (also the basis of the PV renewable share).
pub const ENERGY_USE_BASIS: &str = "annual heating + cooling energy after system efficiencies: \
     Q_H / heating_efficiency + Q_C / cooling_eer (GB 55015 appendix C indicator, electricity-equivalent); \
     lighting, hot water, equipment and lifts are not included";

/// Method label shown in the report.
pub const METHOD: &str =
    "EN ISO 13790:2008 monthly quasi-steady-state method (heating and cooling), \
     solar gains per facade orientation from the city's Perez-sky monthly table";

/// One row of `energy_defaults.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefaultRow {
    /// Assumption key (also the `assumptions` field name).
    pub key: &'static str,
    /// `all`, `residential`, `public`, or a use (`office`, `school`, …).
    pub category: &'static str,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// Provenance: T text of a standard, S secondhand, A assumption.
    pub provenance: &'static str,
    /// Source.
    pub source: &'static str,
}

/// Every default row (validated at build time by `build.rs`).
pub fn default_rows() -> &'static [DefaultRow] {
    DEFAULT_ROWS
}

/// Key of a use in the defaults table.
pub fn use_key(u: Use) -> &'static str {
    match u {
        Use::Residential => "residential",
        Use::Office => "office",
        Use::Hotel => "hotel",
        Use::Commercial => "commercial",
        Use::Hospital => "hospital",
        Use::School => "school",
        Use::OtherPublic => "other_public",
    }
}

/// The default row for `key` and a use: the use's own row, else `residential`/`public`, else `all`.
pub fn default_row(key: &str, u: Use) -> Result<&'static DefaultRow, EnergyError> {
    /// Rows grouped by key, in table order.
    type ByKey = HashMap<&'static str, Vec<&'static DefaultRow>, crate::limits::FnvState>;
    static BY_KEY: OnceLock<ByKey> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut m = ByKey::default();
        for r in DEFAULT_ROWS {
            m.entry(r.key).or_default().push(r);
        }
        m
    });
    let group = if u.is_residential() {
        "residential"
    } else {
        "public"
    };
    let candidates = by_key.get(key).map_or(&[][..], Vec::as_slice);
    [use_key(u), group, "all"]
        .iter()
        .find_map(|c| candidates.iter().copied().find(|r| r.category == *c))
        .ok_or_else(|| EnergyError::Data(format!("no default for {key} ({})", use_key(u))))
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why the estimate could not be made, or an assumption was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EnergyError {
    /// An assumption is NaN/infinite or outside its range.
    #[error("{path} = {value} is outside {allowed}")]
    OutOfRange {
        /// Field path, e.g. `assumptions.air_changes_per_h`.
        path: String,
        /// Value given.
        value: f64,
        /// Allowed range.
        allowed: &'static str,
    },
    /// An assumption is not a number.
    #[error("{path} must be a number")]
    NotANumber {
        /// Field path.
        path: String,
    },
    /// The cooling set point is not above the heating set point.
    #[error("assumptions.cooling_setpoint_c must be above heating_setpoint_c")]
    SetpointOrder,
    /// A design value the estimate needs is missing.
    #[error("{path} is needed for the energy estimate")]
    Missing {
        /// Field path.
        path: String,
    },
    /// No climate table for the city.
    #[error("no climate data for city {0:?}")]
    NoClimate(String),
    /// The reference building could not be built from the limits table.
    #[error("reference building: {0}")]
    Reference(String),
    /// The embedded defaults table is unreadable (a build defect; covered by tests).
    #[error("energy defaults data: {0}")]
    Data(String),
}

impl EnergyError {
    /// Field path at fault (`assumptions.…`, `city`, or the missing design field).
    pub fn path(&self) -> &str {
        match self {
            EnergyError::OutOfRange { path, .. }
            | EnergyError::NotANumber { path }
            | EnergyError::Missing { path } => path,
            EnergyError::SetpointOrder => "assumptions.cooling_setpoint_c",
            EnergyError::NoClimate(_) => "city",
            EnergyError::Reference(_) | EnergyError::Data(_) => "",
        }
    }

    /// Message in English.
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            EnergyError::OutOfRange {
                path,
                value,
                allowed,
            } => format!("{path}：数值 {value} 超出范围 {allowed}"),
            EnergyError::NotANumber { path } => format!("{path}：必须是数值"),
            EnergyError::SetpointOrder => {
                "assumptions.cooling_setpoint_c：供冷设定温度必须高于供暖设定温度".into()
            }
            EnergyError::Missing { path } => format!("{path}：能耗估算需要该数值"),
            EnergyError::NoClimate(c) => format!("city：没有城市 {c} 的气象数据"),
            EnergyError::Reference(e) => format!("参照建筑：{e}"),
            EnergyError::Data(e) => format!("能耗默认值数据错误：{e}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Assumptions
// ---------------------------------------------------------------------------------------------

/// Overridable assumption keys with their allowed ranges `(key, min, max, text)` (inclusive).
pub const ASSUMPTION_KEYS: [(&str, f64, f64, &str); 18] = [
    ("air_changes_per_h", 0.0, 20.0, "[0, 20] 1/h"),
    ("internal_gains_w_m2", 0.0, 200.0, "[0, 200] W/m²"),
    ("heating_setpoint_c", 5.0, 30.0, "[5, 30] °C"),
    ("cooling_setpoint_c", 15.0, 40.0, "[15, 40] °C"),
    (
        "thermal_capacity_kj_m2k",
        1.0,
        2000.0,
        "[1, 2000] kJ/(m²·K)",
    ),
    ("shading_factor", 0.0, 1.0, "[0, 1]"),
    ("thermal_bridge_du", 0.0, 2.0, "[0, 2] W/(m²·K)"),
    ("heating_efficiency", 0.05, 10.0, "[0.05, 10]"),
    ("cooling_eer", 0.05, 20.0, "[0.05, 20]"),
    ("wall_absorptance", 0.0, 1.0, "[0, 1]"),
    ("roof_absorptance", 0.0, 1.0, "[0, 1]"),
    ("external_surface_resistance", 0.0, 0.5, "[0, 0.5] m²·K/W"),
    ("sky_radiation_h_r", 0.0, 10.0, "[0, 10] W/(m²·K)"),
    ("sky_temperature_difference_k", 0.0, 30.0, "[0, 30] K"),
    ("air_heat_capacity_wh_m3k", 0.1, 1.0, "[0.1, 1] Wh/(m³·K)"),
    ("tradeoff_band", 0.0, 0.5, "[0, 0.5]"),
    ("roof_sky_view", 0.0, 1.0, "[0, 1]"),
    ("wall_sky_view", 0.0, 1.0, "[0, 1]"),
];

/// The assumptions in force for one estimate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Assumptions {
    /// Air changes per hour (infiltration + ventilation) on the whole volume, 1/h.
    pub air_changes_per_h: f64,
    /// Internal gains, W per m² of floor area, continuous.
    pub internal_gains_w_m2: f64,
    /// Heating set point, °C.
    pub heating_setpoint_c: f64,
    /// Cooling set point, °C.
    pub cooling_setpoint_c: f64,
    /// Effective thermal capacity C_m per m² of floor area, kJ/(m²·K).
    pub thermal_capacity_kj_m2k: f64,
    /// Solar factor F_sh applied to window SHGC (shading, obstruction, incidence angle).
    pub shading_factor: f64,
    /// Thermal-bridge allowance ΔU on every envelope area, W/(m²·K).
    pub thermal_bridge_du: f64,
    /// Heating system efficiency (heat delivered per unit of energy counted).
    pub heating_efficiency: f64,
    /// Cooling system EER (cold delivered per unit of electricity).
    pub cooling_eer: f64,
    /// Solar absorptance of the walls.
    pub wall_absorptance: f64,
    /// Solar absorptance of the roof.
    pub roof_absorptance: f64,
    /// External surface resistance R_se, m²·K/W.
    pub external_surface_resistance: f64,
    /// External radiative coefficient h_r, W/(m²·K).
    pub sky_radiation_h_r: f64,
    /// Mean air − sky temperature difference, K.
    pub sky_temperature_difference_k: f64,
    /// ρc of air, Wh/(m³·K).
    pub air_heat_capacity_wh_m3k: f64,
    /// Half-width of the "borderline" band around ratio 1.0.
    pub tradeoff_band: f64,
    /// Form factor to the sky of the roof F_r.
    pub roof_sky_view: f64,
    /// Form factor to the sky of the walls and windows F_r.
    pub wall_sky_view: f64,
}

/// One assumption as used, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssumptionUsed {
    /// Key.
    pub key: Cow<'static, str>,
    /// Value used.
    pub value: f64,
    /// Unit.
    pub unit: Cow<'static, str>,
    /// True when the project's `assumptions` overrode the default.
    pub overridden: bool,
    /// Default value.
    pub default: f64,
    /// Provenance of the default (T/S/A).
    pub provenance: Cow<'static, str>,
    /// Source of the default.
    pub source: Cow<'static, str>,
}

impl Assumptions {
    fn set(&mut self, key: &str, v: f64) {
        match key {
            "air_changes_per_h" => self.air_changes_per_h = v,
            "internal_gains_w_m2" => self.internal_gains_w_m2 = v,
            "heating_setpoint_c" => self.heating_setpoint_c = v,
            "cooling_setpoint_c" => self.cooling_setpoint_c = v,
            "thermal_capacity_kj_m2k" => self.thermal_capacity_kj_m2k = v,
            "shading_factor" => self.shading_factor = v,
            "thermal_bridge_du" => self.thermal_bridge_du = v,
            "heating_efficiency" => self.heating_efficiency = v,
            "cooling_eer" => self.cooling_eer = v,
            "wall_absorptance" => self.wall_absorptance = v,
            "roof_absorptance" => self.roof_absorptance = v,
            "external_surface_resistance" => self.external_surface_resistance = v,
            "sky_radiation_h_r" => self.sky_radiation_h_r = v,
            "sky_temperature_difference_k" => self.sky_temperature_difference_k = v,
            "air_heat_capacity_wh_m3k" => self.air_heat_capacity_wh_m3k = v,
            "tradeoff_band" => self.tradeoff_band = v,
            "roof_sky_view" => self.roof_sky_view = v,
            "wall_sky_view" => self.wall_sky_view = v,
            _ => {}
        }
    }

    /// The data defaults for a use.
    pub fn defaults(u: Use) -> Result<Assumptions, EnergyError> {
        let mut a = Assumptions {
            air_changes_per_h: 0.0,
            internal_gains_w_m2: 0.0,
            heating_setpoint_c: 0.0,
            cooling_setpoint_c: 0.0,
            thermal_capacity_kj_m2k: 0.0,
            shading_factor: 0.0,
            thermal_bridge_du: 0.0,
            heating_efficiency: 0.0,
            cooling_eer: 0.0,
            wall_absorptance: 0.0,
            roof_absorptance: 0.0,
            external_surface_resistance: 0.0,
            sky_radiation_h_r: 0.0,
            sky_temperature_difference_k: 0.0,
            air_heat_capacity_wh_m3k: 0.0,
            tradeoff_band: 0.0,
            roof_sky_view: 1.0,
            wall_sky_view: 0.5,
        };
        for (key, ..) in ASSUMPTION_KEYS {
            if key == "roof_sky_view" || key == "wall_sky_view" {
                continue;
            }
            a.set(key, default_row(key, u)?.value);
        }
        Ok(a)
    }

    /// Defaults for the use, overridden by the project's `assumptions` (validated: every key of
    /// [`ASSUMPTION_KEYS`] must be a finite number in range; other keys are ignored).
    pub fn from_project(
        u: Use,
        overrides: &Map<String, Value>,
    ) -> Result<Assumptions, EnergyError> {
        let mut a = Assumptions::defaults(u)?;
        for (key, min, max, allowed) in ASSUMPTION_KEYS {
            let Some(v) = overrides.get(key) else {
                continue;
            };
            let path = || format!("assumptions.{key}");
            let v = v
                .as_f64()
                .ok_or_else(|| EnergyError::NotANumber { path: path() })?;
            if !v.is_finite() || v < min || v > max {
                return Err(EnergyError::OutOfRange {
                    path: path(),
                    value: v,
                    allowed,
                });
            }
            a.set(key, v);
        }
        if a.cooling_setpoint_c <= a.heating_setpoint_c {
            return Err(EnergyError::SetpointOrder);
        }
        Ok(a)
    }

    fn get(&self, key: &str) -> f64 {
        match key {
            "air_changes_per_h" => self.air_changes_per_h,
            "internal_gains_w_m2" => self.internal_gains_w_m2,
            "heating_setpoint_c" => self.heating_setpoint_c,
            "cooling_setpoint_c" => self.cooling_setpoint_c,
            "thermal_capacity_kj_m2k" => self.thermal_capacity_kj_m2k,
            "shading_factor" => self.shading_factor,
            "thermal_bridge_du" => self.thermal_bridge_du,
            "heating_efficiency" => self.heating_efficiency,
            "cooling_eer" => self.cooling_eer,
            "wall_absorptance" => self.wall_absorptance,
            "roof_absorptance" => self.roof_absorptance,
            "external_surface_resistance" => self.external_surface_resistance,
            "sky_radiation_h_r" => self.sky_radiation_h_r,
            "sky_temperature_difference_k" => self.sky_temperature_difference_k,
            "air_heat_capacity_wh_m3k" => self.air_heat_capacity_wh_m3k,
            "tradeoff_band" => self.tradeoff_band,
            "roof_sky_view" => self.roof_sky_view,
            "wall_sky_view" => self.wall_sky_view,
            _ => f64::NAN,
        }
    }

    /// The list shown in the report: every data-backed key with value, default and source.
    pub fn used(&self, u: Use) -> Vec<AssumptionUsed> {
        ASSUMPTION_KEYS
            .iter()
            .filter_map(|(key, ..)| {
                let row = default_row(key, u).ok()?;
                let value = self.get(key);
                Some(AssumptionUsed {
                    key: Cow::Borrowed(row.key),
                    value,
                    unit: Cow::Borrowed(row.unit),
                    overridden: value != row.value,
                    default: row.value,
                    provenance: Cow::Borrowed(row.provenance),
                    source: Cow::Borrowed(row.source),
                })
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------------------------

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
            roof_solar_kwh_m2: roof,
            t_e_c: climate.t_mean_c,
            hours,
        }
    }

    /// Recomputes the facades' irradiation for new azimuths (orientation sweeps).
    pub fn set_azimuths(&mut self, climate: &Climate, azimuths: impl Iterator<Item = f64>) {
        for (f, az) in self.facades.iter_mut().zip(azimuths) {
            f.1 = facade_solar(climate, az);
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

/// Envelope of one facade in one variant.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FacadeParams {
    /// WWR.
    pub wwr: f64,
    /// Window K, W/(m²·K).
    pub window_u: f64,
    /// Window SHGC.
    pub window_shgc: f64,
}

/// Envelope of one variant (design or reference); facades in the building's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvelopeParams {
    /// Wall K.
    pub wall_u: f64,
    /// Roof K.
    pub roof_u: f64,
    /// Per facade.
    pub facades: Vec<FacadeParams>,
    /// Skylight area / roof area.
    pub skylight_ratio: f64,
    /// Skylight K.
    pub skylight_u: f64,
    /// Skylight SHGC.
    pub skylight_shgc: f64,
    /// Floor over outside air K.
    pub floor_over_outside_u: f64,
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

// ---------------------------------------------------------------------------------------------
// Design and reference envelopes
// ---------------------------------------------------------------------------------------------

fn need(v: Option<f64>, path: &str) -> Result<f64, EnergyError> {
    v.ok_or_else(|| EnergyError::Missing {
        path: path.to_owned(),
    })
}

/// The design envelope of a building (errors name the missing field).
pub fn design_params(p: &Project, b: &Building) -> Result<EnvelopeParams, EnergyError> {
    let env = &p.envelope;
    let mut facades = Vec::with_capacity(b.facades.len());
    for f in &b.facades {
        let wwr = need(f.wwr, &format!("facades.{}.wwr", f.name))?;
        let (window_u, window_shgc) = if wwr > 0.0 {
            (
                need(f.window_u, &f.window_u_path)?,
                need(f.window_shgc, &f.window_shgc_path)?,
            )
        } else {
            (f.window_u.unwrap_or(0.0), f.window_shgc.unwrap_or(0.0))
        };
        facades.push(FacadeParams {
            wwr,
            window_u,
            window_shgc,
        });
    }
    let skylight_ratio = env.skylight_ratio.unwrap_or(0.0);
    let (skylight_u, skylight_shgc) = if skylight_ratio > 0.0 {
        (
            need(env.skylight_u, "envelope.skylight_u")?,
            need(env.skylight_shgc, "envelope.skylight_shgc")?,
        )
    } else {
        (0.0, 0.0)
    };
    let floor_area = floor_over_outside_area(p);
    Ok(EnvelopeParams {
        wall_u: need(env.wall_u, "envelope.wall_u")?,
        roof_u: if b.roof_area_m2 > 0.0 {
            need(env.roof_u, "envelope.roof_u")?
        } else {
            env.roof_u.unwrap_or(0.0)
        },
        facades,
        skylight_ratio,
        skylight_u,
        skylight_shgc,
        floor_over_outside_u: if floor_area > 0.0 {
            need(env.floor_over_outside_u, "envelope.floor_over_outside_u")?
        } else {
            0.0
        },
    })
}

fn floor_over_outside_area(p: &Project) -> f64 {
    p.envelope
        .floor_over_outside_area_m2
        .filter(|a| *a > 0.0)
        .unwrap_or(0.0)
}

/// The reference envelope (GB 55015 C.0.3) from the limit values and the design.
pub fn reference_params(design: &EnvelopeParams, r: &ReferenceValues) -> EnvelopeParams {
    EnvelopeParams {
        wall_u: r.wall_u.unwrap_or(design.wall_u),
        roof_u: r.roof_u.unwrap_or(design.roof_u),
        facades: design
            .facades
            .iter()
            .zip(&r.facades)
            .map(|(d, rf)| FacadeParams {
                wwr: rf.wwr.unwrap_or(d.wwr),
                window_u: rf.window_u.unwrap_or(d.window_u),
                window_shgc: rf.window_shgc.unwrap_or(d.window_shgc),
            })
            .collect(),
        skylight_ratio: r
            .skylight_ratio_max
            .map_or(design.skylight_ratio, |m| design.skylight_ratio.min(m)),
        skylight_u: r.skylight_u.unwrap_or(design.skylight_u),
        skylight_shgc: r.skylight_shgc.unwrap_or(design.skylight_shgc),
        floor_over_outside_u: r
            .floor_over_outside_u
            .unwrap_or(design.floor_over_outside_u),
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Likely outcome of the formal trade-off, from the estimated ratio and its uncertainty band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// ratio < 1 − band.
    LikelyPass,
    /// 1 − band ≤ ratio ≤ 1 + band.
    Borderline,
    /// ratio > 1 + band.
    LikelyFail,
}

impl Outlook {
    /// Stable identifier, as serialised (`likely_pass`, `borderline`, `likely_fail`).
    pub fn code(self) -> &'static str {
        match self {
            Outlook::LikelyPass => "likely_pass",
            Outlook::Borderline => "borderline",
            Outlook::LikelyFail => "likely_fail",
        }
    }
}

/// The outlook for a ratio and a band (edges are borderline).
pub fn outlook(ratio: f64, band: f64) -> Outlook {
    if ratio < 1.0 - band {
        Outlook::LikelyPass
    } else if ratio > 1.0 + band {
        Outlook::LikelyFail
    } else {
        Outlook::Borderline
    }
}

/// Results of one variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VariantEnergy {
    /// Annual heating need per m² of floor, kWh/(m²·a).
    pub heating_kwh_m2: f64,
    /// Annual cooling need per m², kWh/(m²·a).
    pub cooling_kwh_m2: f64,
    /// Annual energy (heating/η + cooling/EER) per m², kWh/(m²·a).
    pub energy_kwh_m2: f64,
    /// Annual energy of the building, kWh.
    pub energy_kwh: f64,
    /// Monthly heating need per m², January first.
    pub monthly_heating_kwh_m2: [f64; 12],
    /// Monthly cooling need per m².
    pub monthly_cooling_kwh_m2: [f64; 12],
    /// H_tr, W/K.
    pub h_tr_w_k: f64,
    /// H_ve, W/K.
    pub h_ve_w_k: f64,
    /// Time constant τ, h.
    pub tau_h: f64,
}

impl VariantEnergy {
    fn new(d: &Demand, a: &Assumptions, floor: f64) -> VariantEnergy {
        let mut mh = d.heating_kwh;
        let mut mc = d.cooling_kwh;
        mh.iter_mut().for_each(|v| *v /= floor);
        mc.iter_mut().for_each(|v| *v /= floor);
        let e = d.energy(a);
        VariantEnergy {
            heating_kwh_m2: d.heating() / floor,
            cooling_kwh_m2: d.cooling() / floor,
            energy_kwh_m2: e / floor,
            energy_kwh: e,
            monthly_heating_kwh_m2: mh,
            monthly_cooling_kwh_m2: mc,
            h_tr_w_k: d.h_tr_w_k,
            h_ve_w_k: d.h_ve_w_k,
            tau_h: d.tau_h,
        }
    }
}

/// One facade of the reference building.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceFacadeReport {
    /// Facade name.
    pub name: String,
    /// Orientation class.
    pub orientation: Orientation,
    /// Design WWR.
    pub wwr_design: f64,
    /// Reference WWR (trimmed to the limit).
    pub wwr: f64,
    /// Whether the WWR was trimmed.
    pub wwr_trimmed: bool,
    /// Reference window K.
    pub window_u: f64,
    /// True when K is the table limit (false: no limit, the design value is kept).
    pub window_u_at_limit: bool,
    /// Reference window SHGC.
    pub window_shgc: f64,
    /// True when SHGC is the table limit.
    pub window_shgc_at_limit: bool,
}

/// The reference building's parameters (GB 55015 C.0.3), for reviewers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceBuilding {
    /// Building class whose tables set the limits.
    pub class: BuildingClass,
    /// Wall K.
    pub wall_u: f64,
    /// Roof K.
    pub roof_u: f64,
    /// Floor over outside air K (0 when there is none).
    pub floor_over_outside_u: f64,
    /// Skylight ratio (trimmed).
    pub skylight_ratio: f64,
    /// Skylight K.
    pub skylight_u: f64,
    /// Skylight SHGC.
    pub skylight_shgc: f64,
    /// Per facade.
    pub facades: Vec<ReferenceFacadeReport>,
    /// Rule applied.
    pub rule: Cow<'static, str>,
}

/// Report section `energy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnergyReport {
    /// Always true: this is an estimate, not the certified trade-off calculation.
    pub is_estimate: bool,
    /// Method.
    pub method: Cow<'static, str>,
    /// Climate table used.
    pub climate_id: String,
    /// What `energy_kwh_m2` includes.
    pub energy_use_basis: Cow<'static, str>,
    /// The design building.
    pub design: VariantEnergy,
    /// The GB 55015 reference building.
    pub reference: VariantEnergy,
    /// The reference building's parameters.
    pub reference_building: ReferenceBuilding,
    /// E_design / E_reference (能耗比).
    pub ratio: f64,
    /// (Q_H + Q_C)_design / (Q_H + Q_C)_reference.
    pub load_ratio: f64,
    /// 1 − load_ratio (负荷降低比例).
    pub load_reduction: f64,
    /// 1 − ratio: energy reduction vs GB 55015.
    pub energy_reduction: f64,
    /// GB 55015 average saving rate of the class (0.75 / 0.72), data row.
    pub base_rate: f64,
    /// 1 − (1 − base_rate) × ratio (估算节能率).
    pub saving_rate: f64,
    /// Tier ratio threshold (0.68 / 0.786), data row.
    pub target_ratio: f64,
    /// Tier saving rate (0.83 / 0.78) = 1 − (1 − base_rate) × target_ratio.
    pub target_rate: f64,
    /// Id of the tier data row.
    pub target_row: String,
    /// ratio ≤ target_ratio.
    pub meets_target: bool,
    /// Half-width of the borderline band.
    pub tradeoff_band: f64,
    /// For a `tradeoff` verdict: ratio ≤ 1.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tradeoff_likely_passes: Option<bool>,
    /// For a `tradeoff` verdict: likely_pass | borderline | likely_fail.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tradeoff_outlook: Option<Outlook>,
    /// Assumptions used.
    pub assumptions: Vec<AssumptionUsed>,
}

/// Tier data for a class: (base rate, tier ratio, tier row id).
pub fn tier(class: BuildingClass, zone: &str) -> Result<Tier, EnergyError> {
    let c = Criteria {
        zone,
        class,
        orientation: None,
        wwr: None,
        shape_factor: None,
        floor_area_m2: None,
    };
    let err = |e: limits::LookupError| EnergyError::Reference(e.to_string());
    let base = limits::lookup("base_saving_rate", &c).map_err(err)?;
    let t = limits::lookup("target_saving_rate", &c).map_err(err)?;
    match (base.value, t.value) {
        (Some(b), Some(rate)) if b < 1.0 => Ok(Tier {
            base_rate: b,
            target_rate: rate,
            // saving = 1 − (1 − base) × ratio  ⇔  ratio = (1 − saving) / (1 − base)
            target_ratio: (1.0 - rate) / (1.0 - b),
            row: t.id,
        }),
        _ => Err(EnergyError::Data("tier rows without value".into())),
    }
}

/// The GB 55015 base saving rate and the Hebi plan's target tier for a building class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tier {
    /// Base saving rate of GB 55015 2.0.3 (0.75 residential / 0.72 public).
    pub base_rate: f64,
    /// Target saving rate of the Hebi plan (0.83 / 0.78), from the data row.
    pub target_rate: f64,
    /// The energy ratio that reaches the target: (1 − target) / (1 − base).
    pub target_ratio: f64,
    /// Id of the target row.
    pub row: &'static str,
}

/// Parts of the estimate reused by sweeps.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Assumptions in force.
    pub assumptions: Assumptions,
    /// Site.
    pub site: Site,
    /// Design envelope.
    pub design: EnvelopeParams,
    /// Reference envelope.
    pub reference: EnvelopeParams,
    /// Base saving rate.
    pub base_rate: f64,
    /// Tier ratio.
    pub target_ratio: f64,
    /// Tier saving rate.
    pub target_rate: f64,
}

/// Builds the site, assumptions, design and reference envelopes of a validated building.
pub fn prepare(
    p: &Project,
    b: &Building,
    refv: &ReferenceValues,
) -> Result<(Prepared, &'static Climate, &'static str), EnergyError> {
    let a = Assumptions::from_project(p.building_use, &p.assumptions)?;
    let climate =
        crate::climate::city(&p.city).ok_or_else(|| EnergyError::NoClimate(p.city.clone()))?;
    let design = design_params(p, b)?;
    let reference = reference_params(&design, refv);
    let Tier {
        base_rate,
        target_rate,
        target_ratio,
        row,
    } = tier(b.class, &b.zone)?;
    let site = Site::new(b, climate, floor_over_outside_area(p));
    Ok((
        Prepared {
            assumptions: a,
            site,
            design,
            reference,
            base_rate,
            target_ratio,
            target_rate,
        },
        climate,
        row,
    ))
}

/// Ratio and saving rate of prepared inputs: (ratio, saving rate, design demand, reference demand).
pub fn ratio_of(pr: &Prepared) -> (f64, f64, Demand, Demand) {
    let d = simulate(&pr.site, &pr.design, &pr.assumptions);
    let r = simulate(&pr.site, &pr.reference, &pr.assumptions);
    let ratio = safe_div(d.energy(&pr.assumptions), r.energy(&pr.assumptions));
    (ratio, 1.0 - (1.0 - pr.base_rate) * ratio, d, r)
}

fn safe_div(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else if a > 0.0 {
        f64::INFINITY
    } else {
        1.0
    }
}

/// The energy section for a validated project and its building.
pub fn estimate(p: &Project, b: &Building, verdict: Verdict) -> Result<EnergyReport, EnergyError> {
    let refv = reference_values(b).map_err(|e| EnergyError::Reference(e.to_string()))?;
    estimate_with(p, b, &refv, verdict)
}

/// [`estimate`] with the reference values already computed.
pub fn estimate_with(
    p: &Project,
    b: &Building,
    refv: &ReferenceValues,
    verdict: Verdict,
) -> Result<EnergyReport, EnergyError> {
    let (pr, climate, row) = prepare(p, b, refv)?;
    let a = &pr.assumptions;
    let (ratio, saving_rate, d, r) = ratio_of(&pr);
    let floor = pr.site.floor_area_m2;
    let load_ratio = safe_div(d.heating() + d.cooling(), r.heating() + r.cooling());
    let tradeoff = verdict == Verdict::Tradeoff;
    let reference_building = ReferenceBuilding {
        class: b.class,
        wall_u: pr.reference.wall_u,
        roof_u: pr.reference.roof_u,
        floor_over_outside_u: pr.reference.floor_over_outside_u,
        skylight_ratio: pr.reference.skylight_ratio,
        skylight_u: pr.reference.skylight_u,
        skylight_shgc: pr.reference.skylight_shgc,
        facades: b
            .facades
            .iter()
            .zip(pr.design.facades.iter().zip(&pr.reference.facades))
            .zip(&refv.facades)
            .map(|((f, (d, r)), rv)| ReferenceFacadeReport {
                name: f.name.clone(),
                orientation: f.orientation,
                wwr_design: d.wwr,
                wwr: r.wwr,
                wwr_trimmed: r.wwr < d.wwr,
                window_u: r.window_u,
                window_u_at_limit: rv.window_u.is_some(),
                window_shgc: r.window_shgc,
                window_shgc_at_limit: rv.window_shgc.is_some(),
            })
            .collect(),
        rule: Cow::Borrowed(
            "GB 55015-2021 C.0.3: same geometry, orientation, use and conditions; per facade WWR = \
             min(design, limit); every K and SHGC at the table limit for the reference's own class, \
             shape-factor and WWR bracket (the design value where the code sets none); skylights trimmed",
        ),
    };
    Ok(EnergyReport {
        is_estimate: true,
        method: Cow::Borrowed(METHOD),
        climate_id: climate.id.clone(),
        energy_use_basis: Cow::Borrowed(ENERGY_USE_BASIS),
        design: VariantEnergy::new(&d, a, floor),
        reference: VariantEnergy::new(&r, a, floor),
        reference_building,
        ratio,
        load_ratio,
        load_reduction: 1.0 - load_ratio,
        energy_reduction: 1.0 - ratio,
        base_rate: pr.base_rate,
        saving_rate,
        target_ratio: pr.target_ratio,
        target_rate: pr.target_rate,
        target_row: row.to_owned(),
        meets_target: ratio <= pr.target_ratio + 1e-12,
        tradeoff_band: a.tradeoff_band,
        tradeoff_likely_passes: tradeoff.then_some(ratio <= 1.0),
        tradeoff_outlook: tradeoff.then(|| outlook(ratio, a.tradeoff_band)),
        assumptions: a.used(p.building_use),
    })
}

// ---------------------------------------------------------------------------------------------
// Star metrics
// ---------------------------------------------------------------------------------------------

/// Checks whose design value and limit make an envelope element for the star rating's
/// "envelope improvement": roof, wall, floor over outside air, window K and SHGC per facade,
/// skylight K and SHGC (mandatory `le` checks with a value and a positive limit).
pub fn envelope_elements(checks: &[Check]) -> Vec<(String, f64, f64)> {
    const PREFIXES: [&str; 7] = [
        "u.roof",
        "u.wall",
        "u.floor_over_outside",
        "u.window.",
        "shgc.window.",
        "u.skylight",
        "shgc.skylight",
    ];
    checks
        .iter()
        .filter(|c| {
            PREFIXES.iter().any(|p| c.id.starts_with(p))
                && c.mandatory
                && c.comparison == Comparison::Le
                && matches!(c.status, Status::Pass | Status::Fail)
        })
        .filter_map(|c| match (c.limit, c.value) {
            (Some(l), Some(v)) if l > 0.0 && l.is_finite() && v.is_finite() && v >= 0.0 => {
                Some((c.id.to_string(), l, v))
            }
            _ => None,
        })
        .collect()
}

/// Residential worst window K reduction: min over facades of (limit − K)/limit.
pub fn window_k_reduction(checks: &[Check]) -> Option<f64> {
    worst_window_k(&envelope_elements(checks))
}

/// [`window_k_reduction`] from the [`envelope_elements`] already collected.
fn worst_window_k(elements: &[(String, f64, f64)]) -> Option<f64> {
    elements
        .iter()
        .filter(|(id, ..)| id.starts_with("u.window."))
        .map(|(_, l, v)| (l - v) / l)
        .reduce(f64::min)
}

// ---------------------------------------------------------------------------------------------
// Report sections: energy, PV, star
// ---------------------------------------------------------------------------------------------

/// The optional sections of a report and the errors of the `assumptions`, `pv` and `green` inputs.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// `energy`.
    pub energy: Option<EnergyReport>,
    /// `pv`.
    pub pv: Option<crate::pv::PvReport>,
    /// `star`.
    pub star: Option<crate::star::StarReport>,
    /// Errors with field paths (the compliance checks are kept).
    pub errors: Vec<crate::report::ReportError>,
}

fn report_error(path: String, zh: String, en: String) -> crate::report::ReportError {
    crate::report::ReportError {
        path,
        message_zh: zh,
        message_en: en,
    }
}

fn parse_section<T: serde::de::DeserializeOwned>(
    section: &str,
    map: &Map<String, Value>,
) -> Result<T, crate::report::ReportError> {
    serde_path_to_error::deserialize::<_, T>(map).map_err(|e| {
        let inner = e.path().to_string();
        let path = if inner.is_empty() || inner == "." {
            section.to_owned()
        } else {
            format!("{section}.{inner}")
        };
        let detail = e.into_inner().to_string();
        report_error(
            path,
            format!("类型或取值错误：{detail}"),
            format!("wrong type or value: {detail}"),
        )
    })
}

fn pv_error(e: &crate::pv::PvError) -> crate::report::ReportError {
    use crate::pv::PvError;
    let path = match e {
        PvError::OutOfRange { field, .. } => format!("pv.{field}"),
        PvError::MissingArea => "pv.module_area_m2".into(),
        PvError::UnknownGridFactor(_) => "pv.grid_factor".into(),
        PvError::Data(_) => "pv".into(),
    };
    let zh = match e {
        PvError::OutOfRange { value, allowed, .. } => {
            format!("{path}：数值 {value} 超出范围 {allowed}")
        }
        PvError::MissingArea => "pv：需要 module_area_m2 或 installable_roof_area_m2".into(),
        PvError::UnknownGridFactor(id) => format!("pv.grid_factor：未知的电网排放因子 {id}"),
        PvError::Data(d) => format!("光伏数据错误：{d}"),
    };
    report_error(path, zh, e.to_string())
}

/// Computes the energy, PV and star sections for a validated project whose checks have run.
/// Invalid `assumptions`, `pv` or `green` inputs become errors with field paths; a missing design
/// value only leaves `energy` out (the checks already list it).
pub fn sections(p: &Project, b: &Building, checks: &[Check], verdict: Verdict) -> Sections {
    let mut out = Sections::default();
    match estimate(p, b, verdict) {
        Ok(e) => out.energy = Some(e),
        Err(EnergyError::Missing { .. }) => {}
        Err(e) => out.errors.push(report_error(
            e.path().to_owned(),
            e.message_zh(),
            e.message_en(),
        )),
    }
    let has_area = ["installable_roof_area_m2", "module_area_m2"]
        .iter()
        .any(|k| p.pv.get(*k).is_some_and(|v| !v.is_null()));
    if has_area {
        match parse_section::<crate::pv::PvInput>("pv", &p.pv) {
            Err(e) => out.errors.push(e),
            Ok(input) => match crate::climate::city(&p.city) {
                None => {}
                Some(climate) => {
                    let energy = out.energy.as_ref().map(|e| e.design.energy_kwh);
                    match crate::pv::evaluate_pv(&input, climate, energy) {
                        Ok(r) => out.pv = Some(r),
                        Err(e) => out.errors.push(pv_error(&e)),
                    }
                }
            },
        }
    }
    match parse_section::<crate::star::GreenInput>("green", &p.green) {
        Err(e) => out.errors.push(e),
        Ok(input) => {
            let metrics = star_metrics(b, checks, out.energy.as_ref(), out.pv.as_ref());
            match crate::star::evaluate_star(&input, &metrics) {
                Ok(s) => out.star = Some(s),
                Err(e) => {
                    let f = e.field();
                    let path = if f.starts_with("green") {
                        f.to_owned()
                    } else {
                        format!("green ({f})")
                    };
                    out.errors
                        .push(report_error(path, e.message_zh(), e.message_en()));
                }
            }
        }
    }
    out
}

/// The star-rating metrics of a building (fractions): envelope improvement per element (limit vs
/// design from the checks), load and energy reduction from the estimate, residential worst window K
/// reduction, renewable share = PV annual kWh / the estimate's design energy use
/// ([`ENERGY_USE_BASIS`]), capped at 1.
pub fn star_metrics(
    b: &Building,
    checks: &[Check],
    energy: Option<&EnergyReport>,
    pv: Option<&crate::pv::PvReport>,
) -> crate::star::StarMetrics {
    let residential = b.class.is_residential();
    let elements = envelope_elements(checks);
    let clamp = |v: f64| v.clamp(-1000.0, 1.0);
    // `to_metrics`, clamped, moving the ids instead of cloning them.
    let envelope = crate::star::envelope_improvement(&elements)
        .map(|e| {
            e.elements
                .into_iter()
                .map(|x| (x.id, clamp(x.improvement)))
                .collect()
        })
        .unwrap_or_default();
    crate::star::StarMetrics {
        envelope,
        load_reduction: energy
            .map(|e| e.load_reduction)
            .filter(|v| v.is_finite())
            .map(clamp),
        energy_reduction: energy
            .map(|e| e.energy_reduction)
            .filter(|v| v.is_finite())
            .map(clamp),
        window_k_reduction: if residential {
            worst_window_k(&elements).map(clamp)
        } else {
            None
        },
        renewable_share: pv
            .and_then(|p| p.renewable_share)
            .filter(|v| v.is_finite())
            .map(clamp),
        renewable_dhw_share: None,
        renewable_heating_cooling_share: None,
        is_residential: residential,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::tests::json;

    /// The generated statics hold exactly what the CSV file says, as validated by `schema`.
    #[test]
    fn generated_defaults_are_the_csv() {
        let csv = include_str!("../data/energy_defaults.csv");
        let rows = crate::schema::energy_defaults(csv).unwrap();
        assert_eq!(json(DEFAULT_ROWS), json(&rows));
    }

    #[test]
    fn non_finite_default_is_rejected() {
        let header = "key,category,value,unit,provenance,source";
        let ok = crate::schema::energy_defaults(&format!("{header}\nk,all,1.5,-,A,src\n"));
        assert_eq!(ok.unwrap().len(), 1);
        for bad in ["inf", "NaN"] {
            let text = format!("{header}\nk,all,1.5,-,A,src\nk,all,{bad},-,A,src\n");
            let e = crate::schema::energy_defaults(&text).unwrap_err();
            assert_eq!(
                (e.line, e.column.as_deref()),
                (Some(3), Some("value")),
                "{e}"
            );
            assert!(e.to_string().contains("energy_defaults.csv"), "{e}");
        }
    }
}
