//! The assumptions of one estimate: the data defaults for the building use, overridden by the project's
//! `assumptions` section (each key validated against its range).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

use super::{default_row, EnergyError};
use crate::fields::{self, Field};
use crate::project::Use;

/// The overridable assumption keys (`assumptions.<key>`), in report order: the registry's assumption fields
/// ([`crate::fields::ASSUMPTIONS`]), which also hold each key's valid range.
pub fn assumption_keys() -> impl Iterator<Item = (&'static str, &'static Field)> {
    fields::ASSUMPTIONS.iter().map(|f| {
        let key = f.path.strip_prefix("assumptions.").unwrap_or(f.path);
        (key, *f)
    })
}

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
    /// Share of the internal gains on the air node in the hourly method (the rest on surfaces and mass).
    pub internal_gains_convective_fraction: f64,
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
    /// For the thermal capacity: the ISO 13790 class in force (`very_heavy`), if one applies.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub class: Option<Cow<'static, str>>,
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
            "internal_gains_convective_fraction" => self.internal_gains_convective_fraction = v,
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
            internal_gains_convective_fraction: 0.0,
        };
        for (key, _) in assumption_keys() {
            if key == "roof_sky_view" || key == "wall_sky_view" {
                continue;
            }
            a.set(key, default_row(key, u)?.value);
        }
        Ok(a)
    }

    /// Defaults for the use, overridden by the project's `assumptions` (validated: every key of
    /// [`assumption_keys`] must be a finite number in its field's range; other keys are ignored).
    pub fn from_project(
        u: Use,
        overrides: &Map<String, Value>,
    ) -> Result<Assumptions, EnergyError> {
        let mut a = Assumptions::defaults(u)?;
        for (key, field) in assumption_keys() {
            let Some(v) = overrides.get(key) else {
                continue;
            };
            let path = || field.path.to_owned();
            let v = v
                .as_f64()
                .ok_or_else(|| EnergyError::NotANumber { path: path() })?;
            if let Some(kind) = field.number_kind() {
                if kind.check(v).is_err() {
                    return Err(EnergyError::OutOfRange {
                        path: path(),
                        value: v,
                        allowed: kind.range_text(),
                    });
                }
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
            "internal_gains_convective_fraction" => self.internal_gains_convective_fraction,
            _ => f64::NAN,
        }
    }

    /// The list shown in the report: every data-backed key with value, default and source.
    pub fn used(&self, u: Use) -> Vec<AssumptionUsed> {
        assumption_keys()
            .filter_map(|(key, _)| {
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
                    class: None,
                })
            })
            .collect()
    }
}
