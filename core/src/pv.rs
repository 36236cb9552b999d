//! PV roof: yield, roof coverage against the Hebi 50 % target, renewable share and avoided CO₂.
//!
//! Yield per GB/T 51366-2019: E = I × K_E × (1 − K_S) × A_p, with I the irradiation on the module plane from
//! the city's climate table ([`crate::climate`], Perez sky), K_E the module efficiency, K_S the system loss
//! and A_p the module area. The array's peak power is kWp = A_p × K_E (STC 1 kW/m²), so the specific yield
//! is kWh/kWp = Σ_m I_m × F_IAM × F_T,m × (1 − K_S), with two losses that K_S leaves out (PVWatts v5 chain,
//! checked against pvlib in docs/validation.md):
//!
//! * incidence angle: F_IAM, the plane's annual factor from the climate table (De Soto 2006 physical IAM of
//!   the glass cover on the beam, computed hour by hour by tools/climate with the `iam_*` rows of
//!   `pv_defaults.csv`);
//! * cell temperature: F_T,m = 1 + γ (T_c,m − 25 °C), γ = −0.37 %/K, with the Sandia/PVWatts open-rack cell
//!   temperature of the month's sunny hours T_c,m = T_sun,m + G_m (e^(a + b·WS_sun,m) + ΔT/1000), where
//!   T_sun, WS_sun are the GHI-weighted monthly dry bulb and wind speed and G_m = G_sun,m × I_m / GHI_m the
//!   representative plane irradiance (G_sun = Σ GHI²/Σ GHI, scaled by the plane's monthly gain).
//!
//! A climate table without those inputs (older format) gives F_IAM = F_T = 1, as the report says.
//!
//! Defaults and grid emission factors are data (`core/data/pv_defaults.csv`, `core/data/pv_grid_factors.csv`)
//! with their sources, turned into statics at build time (`core/build.rs`).

use crate::climate::Climate;
use crate::fields::{self, Field};
use serde::{Deserialize, Serialize};

// `PV_DEFAULTS` and `GRID_FACTOR_ROWS`: the CSV tables, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/pv_defaults.rs"));
include!(concat!(env!("OUT_DIR"), "/pv_grid_factors.rs"));

/// What the coverage ratio is measured on.
pub const COVERAGE_BASIS: &str =
    "module area / installable roof area (module area, not its horizontal projection)";

/// What the renewable share is measured against.
pub const RENEWABLE_SHARE_BASIS: &str =
    "PV annual yield / the building's estimated annual energy use passed by the caller (the energy estimate's heating + cooling energy after system efficiencies)";

/// Grid emission factor choice: the id of a data row (e.g. `"national_2022"`) or a user value in kgCO₂/kWh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GridFactorChoice {
    /// Id of a row of `pv_grid_factors.csv`.
    Id(String),
    /// User value, kgCO₂/kWh.
    KgPerKwh(f64),
}

/// PV inputs (project field `pv`). Every field is optional; the defaults are data (`pv_defaults.csv`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PvInput {
    /// Roof area where PV can be installed, m². Needed for the coverage ratio; no default.
    pub installable_roof_area_m2: Option<f64>,
    /// Total PV module area, m². Default: coverage target × installable roof area (the plan's minimum).
    pub module_area_m2: Option<f64>,
    /// Module conversion efficiency K_E, in (0, 1]. Default 0.21.
    pub module_efficiency: Option<f64>,
    /// Module tilt from horizontal, degrees in [0, 90]. Default 30.
    pub tilt_deg: Option<f64>,
    /// Module azimuth, degrees clockwise from north (any finite value, wrapped). Default 180 (south).
    pub azimuth_deg: Option<f64>,
    /// System loss K_S (wiring, dust, inverter), in [0, 1). Default 0.20.
    pub system_loss: Option<f64>,
    /// Grid emission factor: `"national_2022"` (default, 0.5366), `"central_china_2022"` (0.5395), another
    /// row id of `pv_grid_factors.csv`, or a number in kgCO₂/kWh.
    pub grid_factor: Option<GridFactorChoice>,
}

/// PV results (report section `pv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PvReport {
    /// Climate table used.
    pub climate_id: String,
    /// Module area used, m².
    pub module_area_m2: f64,
    /// True when the module area was not given and was set to coverage target × installable roof area.
    pub module_area_assumed: bool,
    /// Installable roof area, m², as given.
    pub installable_roof_area_m2: Option<f64>,
    /// Module efficiency used.
    pub module_efficiency: f64,
    /// Tilt used, degrees.
    pub tilt_deg: f64,
    /// Azimuth used, degrees clockwise from north, in [0, 360).
    pub azimuth_deg: f64,
    /// System loss used.
    pub system_loss: f64,
    /// Peak power, kWp = module area × efficiency.
    pub kwp: f64,
    /// Annual yield, kWh.
    pub annual_kwh: f64,
    /// Monthly yield, kWh, January first.
    pub monthly_kwh: [f64; 12],
    /// Specific yield, kWh/kWp = Σ plane irradiation × incidence-angle factor × temperature factor × (1 − loss).
    pub kwh_per_kwp: f64,
    /// Annual incidence-angle factor F_IAM of the plane (1 when the climate table has none).
    pub iam_factor: f64,
    /// Annual temperature factor: irradiance-weighted mean of 1 + γ (T_c − 25 °C) (1 without climate data).
    pub temperature_factor: f64,
    /// Representative cell temperature of each month's sunny hours, °C (`None` without climate data).
    pub cell_temperature_c: Option<[f64; 12]>,
    /// What the loss model includes.
    pub loss_model: String,
    /// Annual irradiation on the module plane, kWh/m².
    pub plane_irradiation_kwh_m2: f64,
    /// Module area / installable roof area; `None` without a positive installable area.
    pub coverage_ratio: Option<f64>,
    /// What the coverage ratio is measured on ([`COVERAGE_BASIS`]).
    pub coverage_basis: String,
    /// Coverage target (Hebi plan: 0.5).
    pub coverage_target: f64,
    /// Coverage ratio ≥ target; `None` when the ratio is unknown.
    pub meets_coverage_target: Option<bool>,
    /// Annual yield / building energy use; `None` when no positive building energy was given.
    pub renewable_share: Option<f64>,
    /// What the renewable share is measured against ([`RENEWABLE_SHARE_BASIS`]).
    pub renewable_share_basis: String,
    /// Avoided CO₂, kg/a = annual yield × grid factor.
    pub avoided_co2_kg: f64,
    /// Grid emission factor used, kgCO₂/kWh.
    pub grid_factor_kg_per_kwh: f64,
    /// Row id of the factor, or `"user"`.
    pub grid_factor_id: String,
    /// Source of the factor.
    pub grid_factor_source: String,
    /// Year the factor applies to, when known.
    pub grid_factor_year: Option<u16>,
}

/// Why a PV input was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PvError {
    /// A number is NaN/infinite or outside its allowed range.
    #[error("pv.{field} = {value} is outside {allowed}")]
    OutOfRange {
        /// Input field name.
        field: &'static str,
        /// Value given.
        value: f64,
        /// Allowed range, human-readable.
        allowed: String,
    },
    /// Neither `module_area_m2` nor `installable_roof_area_m2` was given.
    #[error("pv needs module_area_m2 or installable_roof_area_m2")]
    MissingArea,
    /// `grid_factor` names no row of the data.
    #[error("unknown grid factor id {0:?}")]
    UnknownGridFactor(String),
    /// The embedded climate table has no usable irradiation for the plane (the PV tables
    /// themselves are validated at build time).
    #[error("PV data unusable: {0}")]
    Data(String),
}

/// One grid emission factor row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridFactorRow {
    /// Row id.
    pub id: &'static str,
    /// Name in Chinese.
    pub name_zh: &'static str,
    /// Name in English.
    pub name_en: &'static str,
    /// kgCO₂/kWh.
    pub kg_co2_per_kwh: f64,
    /// Year the factor applies to, if known.
    pub year: Option<u16>,
    /// Grid or region.
    pub region: &'static str,
    /// Publication.
    pub source: &'static str,
}

/// Documented defaults (from `pv_defaults.csv`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PvDefaults {
    /// Module efficiency.
    pub module_efficiency: f64,
    /// Tilt, degrees.
    pub tilt_deg: f64,
    /// Azimuth, degrees clockwise from north.
    pub azimuth_deg: f64,
    /// System loss.
    pub system_loss: f64,
    /// Roof coverage target of the Hebi plan.
    pub coverage_target: f64,
    /// Default grid factor row id.
    pub grid_factor: &'static str,
    /// Power temperature coefficient γ, 1/K.
    pub temperature_coefficient_per_k: f64,
    /// Reference cell temperature of γ, °C.
    pub reference_cell_temperature_c: f64,
    /// Sandia cell-temperature coefficient a.
    pub cell_temp_a: f64,
    /// Sandia cell-temperature coefficient b, s/m.
    pub cell_temp_b: f64,
    /// Sandia cell − module difference at 1000 W/m², K.
    pub cell_temp_delta_t_k: f64,
    /// Glass refractive index of the incidence-angle model (used by tools/climate).
    pub iam_refractive_index: f64,
    /// Glass extinction coefficient, 1/m (used by tools/climate).
    pub iam_extinction_per_m: f64,
    /// Glass thickness, m (used by tools/climate).
    pub iam_glass_thickness_m: f64,
}

/// Loss model text with the temperature and incidence-angle effects.
pub const LOSS_MODEL: &str = "system loss K_S × incidence angle (De Soto 2006 physical IAM on the beam, annual \
     factor per plane) × cell temperature (Sandia open-rack model on the month's sunny hours, γ per K from 25 °C)";

/// Loss model text when the climate table has no temperature / incidence-angle inputs.
pub const LOSS_MODEL_SIMPLE: &str =
    "system loss K_S only (the climate table has no temperature / incidence-angle inputs)";

/// The documented defaults (validated at build time by `build.rs`).
pub fn pv_defaults() -> &'static PvDefaults {
    &PV_DEFAULTS
}

/// Every grid emission factor row, for selection lists (validated at build time).
pub fn grid_factors() -> &'static [GridFactorRow] {
    GRID_FACTOR_ROWS
}

fn check(field: &'static str, v: f64, ok: bool, allowed: &str) -> Result<f64, PvError> {
    if v.is_finite() && ok {
        Ok(v)
    } else {
        Err(PvError::OutOfRange {
            field,
            value: v,
            allowed: allowed.to_owned(),
        })
    }
}

/// A value held to its registry field's range ([`crate::fields`]), the same rule as typed input.
fn in_range(field: &Field, v: f64) -> Result<f64, PvError> {
    let name = field.path.strip_prefix("pv.").unwrap_or(field.path);
    match field.number_kind() {
        Some(kind) => check(name, v, kind.check(v).is_ok(), &kind.range_text()),
        None => check(name, v, true, ""),
    }
}

/// Evaluates the PV roof on `climate`. `building_energy_kwh` is the building's estimated annual energy use
/// (for the renewable share; see [`RENEWABLE_SHARE_BASIS`]). Never panics; NaN/inf inputs are errors.
pub fn evaluate_pv(
    input: &PvInput,
    climate: &Climate,
    building_energy_kwh: Option<f64>,
) -> Result<PvReport, PvError> {
    let d = &PV_DEFAULTS;
    let installable = input
        .installable_roof_area_m2
        .map(|v| in_range(&fields::PV_ROOF, v))
        .transpose()?;
    let (module_area, assumed) = match (input.module_area_m2, installable) {
        (Some(v), _) => (in_range(&fields::PV_MODULE, v)?, false),
        (None, Some(roof)) => (roof * d.coverage_target, true),
        (None, None) => return Err(PvError::MissingArea),
    };
    let eff = in_range(
        &fields::PV_EFFICIENCY,
        input.module_efficiency.unwrap_or(d.module_efficiency),
    )?;
    let tilt = in_range(&fields::PV_TILT, input.tilt_deg.unwrap_or(d.tilt_deg))?;
    let azimuth = in_range(
        &fields::PV_AZIMUTH,
        input.azimuth_deg.unwrap_or(d.azimuth_deg),
    )?
    .rem_euclid(360.0);
    let loss = in_range(&fields::PV_LOSS, input.system_loss.unwrap_or(d.system_loss))?;
    let energy = building_energy_kwh
        .map(|v| check("building_energy_kwh", v, v >= 0.0, "[0, ∞) kWh"))
        .transpose()?;
    let (factor, factor_id, factor_source, factor_year) = match &input.grid_factor {
        Some(GridFactorChoice::KgPerKwh(v)) => (
            check("grid_factor", *v, *v >= 0.0, "[0, ∞) kgCO2/kWh")?,
            "user".to_string(),
            "user value".to_string(),
            None,
        ),
        choice => {
            let id = match choice {
                Some(GridFactorChoice::Id(id)) => id.as_str(),
                _ => d.grid_factor,
            };
            let row = GRID_FACTOR_ROWS
                .iter()
                .find(|r| r.id == id)
                .ok_or_else(|| PvError::UnknownGridFactor(id.to_string()))?;
            (
                row.kg_co2_per_kwh,
                row.id.to_owned(),
                row.source.to_owned(),
                row.year,
            )
        }
    };

    let kwp = module_area * eff;
    let mut monthly = [0.0; 12];
    let mut plane = 0.0;
    let mut specific = 0.0; // kWh/kWp before K_S
    let extra = climate.extra.as_ref();
    let f_iam = extra.map_or(1.0, |x| x.iam_factor(azimuth, tilt));
    if !f_iam.is_finite() {
        return Err(PvError::Data(format!(
            "climate {} has no IAM factor",
            climate.id
        )));
    }
    let mut cell = [f64::NAN; 12];
    let mut weighted_t = 0.0;
    for (m, out) in monthly.iter_mut().enumerate() {
        let i = climate.irradiation_kwh_m2(m, azimuth, tilt);
        if !i.is_finite() {
            return Err(PvError::Data(format!(
                "climate {} has no irradiation for month {}",
                climate.id,
                m + 1
            )));
        }
        let f_t = match extra {
            Some(x) => {
                let ghi = climate.ghi_kwh_m2[m];
                let g = if ghi > 0.0 {
                    x.g_sun_w_m2[m] * i / ghi
                } else {
                    0.0
                };
                let t_c = x.t_sun_c[m]
                    + g * ((d.cell_temp_a + d.cell_temp_b * x.ws_sun_m_s[m]).exp()
                        + d.cell_temp_delta_t_k / 1000.0);
                cell[m] = t_c;
                1.0 + d.temperature_coefficient_per_k * (t_c - d.reference_cell_temperature_c)
            }
            None => 1.0,
        };
        plane += i;
        weighted_t += i * f_t;
        let s = i * f_iam * f_t;
        specific += s;
        *out = s * kwp * (1.0 - loss);
    }
    let temperature_factor = if plane > 0.0 { weighted_t / plane } else { 1.0 };
    let annual: f64 = monthly.iter().sum();
    let coverage = installable.filter(|&r| r > 0.0).map(|r| module_area / r);
    Ok(PvReport {
        climate_id: climate.id.clone(),
        module_area_m2: module_area,
        module_area_assumed: assumed,
        installable_roof_area_m2: installable,
        module_efficiency: eff,
        tilt_deg: tilt,
        azimuth_deg: azimuth,
        system_loss: loss,
        kwp,
        annual_kwh: annual,
        monthly_kwh: monthly,
        kwh_per_kwp: specific * (1.0 - loss),
        iam_factor: f_iam,
        temperature_factor,
        cell_temperature_c: extra.map(|_| cell),
        loss_model: if extra.is_some() {
            LOSS_MODEL
        } else {
            LOSS_MODEL_SIMPLE
        }
        .to_string(),
        plane_irradiation_kwh_m2: plane,
        coverage_ratio: coverage,
        coverage_basis: COVERAGE_BASIS.to_string(),
        coverage_target: d.coverage_target,
        meets_coverage_target: coverage.map(|c| c >= d.coverage_target),
        renewable_share: energy.filter(|&e| e > 0.0).map(|e| annual / e),
        renewable_share_basis: RENEWABLE_SHARE_BASIS.to_string(),
        avoided_co2_kg: annual * factor,
        grid_factor_kg_per_kwh: factor,
        grid_factor_id: factor_id,
        grid_factor_source: factor_source,
        grid_factor_year: factor_year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::climate::uniform_for_tests;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn data_files_load_with_documented_values() {
        let d = pv_defaults();
        assert_eq!(
            (
                d.module_efficiency,
                d.tilt_deg,
                d.azimuth_deg,
                d.system_loss,
                d.coverage_target
            ),
            (0.21, 30.0, 180.0, 0.20, 0.5)
        );
        assert_eq!(d.grid_factor, "national_2022");
        assert_eq!(
            (
                d.temperature_coefficient_per_k,
                d.reference_cell_temperature_c,
                d.cell_temp_a,
                d.cell_temp_b,
                d.cell_temp_delta_t_k
            ),
            (-0.0037, 25.0, -3.56, -0.075, 3.0)
        );
        assert_eq!(
            (
                d.iam_refractive_index,
                d.iam_extinction_per_m,
                d.iam_glass_thickness_m
            ),
            (1.526, 4.0, 0.002)
        );
        // The climate tables' IAM factors were computed with these coefficients.
        for c in crate::climate::cities() {
            let x = c.extra.as_ref().expect("extension");
            assert_eq!(
                x.iam_coefficients,
                [
                    d.iam_refractive_index,
                    d.iam_extinction_per_m,
                    d.iam_glass_thickness_m
                ],
                "{}",
                c.id
            );
        }
        let g = grid_factors();
        let f = |id: &str| {
            g.iter()
                .find(|r| r.id == id)
                .map(|r| (r.kg_co2_per_kwh, r.year))
        };
        assert_eq!(f("national_2022"), Some((0.5366, Some(2022))));
        assert_eq!(f("central_china_2022"), Some((0.5395, Some(2022))));
        assert_eq!(f("central_china_legacy"), Some((0.5257, None)));
    }

    /// The generated statics hold exactly what the CSV files say, as validated by `schema`.
    #[test]
    fn generated_tables_are_the_csv() {
        use crate::limits::tests::json;
        let d = crate::schema::pv_defaults(include_str!("../data/pv_defaults.csv")).unwrap();
        assert_eq!(json(&PV_DEFAULTS), json(&d));
        let g = crate::schema::pv_grid_factors(include_str!("../data/pv_grid_factors.csv"));
        assert_eq!(json(GRID_FACTOR_ROWS), json(&g.unwrap()));
    }

    #[test]
    fn bad_defaults_are_rejected() {
        let header = "key,value,unit,source";
        let rows = "module_efficiency,0.21,-,s\ntilt_deg,30,deg,s\nazimuth_deg,180,deg,s\n\
                    system_loss,0.2,-,s\ncoverage_target,0.5,-,s\ngrid_factor,national_2022,-,s\n\
                    temperature_coefficient_per_k,-0.0037,1/K,s\nreference_cell_temperature_c,25,degC,s\n\
                    cell_temp_a,-3.56,-,s\ncell_temp_b,-0.075,s/m,s\ncell_temp_delta_t_k,3,K,s\n\
                    iam_refractive_index,1.526,-,s\niam_extinction_per_m,4,1/m,s\n\
                    iam_glass_thickness_m,0.002,m,s\n";
        let parse = |text: &str| crate::schema::pv_defaults(&format!("{header}\n{text}"));
        assert_eq!(parse(rows).unwrap().tilt_deg, 30.0);
        let e = parse(&rows.replace("tilt_deg,30", "tilt_deg,thirty")).unwrap_err();
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(3), Some("value")),
            "{e}"
        );
        let e = parse(&rows.replace("grid_factor,", "grid,")).unwrap_err();
        assert!(e.to_string().contains("missing grid_factor"), "{e}");
        // A positive temperature coefficient (a sign slip) is rejected with its line.
        let e = parse(&rows.replace("per_k,-0.0037", "per_k,0.0037")).unwrap_err();
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(8), Some("value")),
            "{e}"
        );
        let e = parse(&rows.replace("\ncell_temp_b,-0.075,s/m,s", "")).unwrap_err();
        assert!(e.to_string().contains("missing cell_temp_b"), "{e}");
    }

    #[test]
    fn hand_computed_100_m2_at_100_kwh_per_month() {
        // 100 kWh/m² every month on every plane → 1200 kWh/m²·a.
        // 100 m² × 0.21 = 21 kWp; 1200 × 0.8 = 960 kWh/kWp; 21 × 960 = 20 160 kWh; month 1680 kWh.
        // CO₂: 20 160 × 0.5366 = 10 817.856 kg. Roof 200 m²: coverage 0.5 → meets. Building 100 800 kWh → 0.2.
        let c = uniform_for_tests(100.0);
        let input = PvInput {
            installable_roof_area_m2: Some(200.0),
            module_area_m2: Some(100.0),
            ..Default::default()
        };
        let r = evaluate_pv(&input, &c, Some(100_800.0)).unwrap();
        assert!(close(r.kwp, 21.0));
        assert!(close(r.plane_irradiation_kwh_m2, 1200.0));
        assert!(close(r.kwh_per_kwp, 960.0));
        assert!(close(r.annual_kwh, 20_160.0));
        assert!(r.monthly_kwh.iter().all(|&m| close(m, 1680.0)));
        assert!(close(r.avoided_co2_kg, 10_817.856));
        assert_eq!(r.grid_factor_id, "national_2022");
        assert_eq!(r.grid_factor_year, Some(2022));
        assert_eq!(r.coverage_ratio, Some(0.5));
        assert_eq!(r.meets_coverage_target, Some(true));
        assert!(close(r.renewable_share.unwrap(), 0.2));
        assert!(r.coverage_basis.contains("module area"));
        assert!(!r.module_area_assumed);
        assert_eq!(
            (
                r.tilt_deg,
                r.azimuth_deg,
                r.module_efficiency,
                r.system_loss
            ),
            (30.0, 180.0, 0.21, 0.2)
        );
    }

    #[test]
    fn overrides_and_grid_factor_choices() {
        // 50 m² × 0.2 = 10 kWp; loss 0.1: 1200 × 0.9 × 10 = 10 800 kWh. Central China 0.5395 → 5826.6 kg.
        let c = uniform_for_tests(100.0);
        let mut input = PvInput {
            installable_roof_area_m2: Some(120.0),
            module_area_m2: Some(50.0),
            module_efficiency: Some(0.2),
            system_loss: Some(0.1),
            azimuth_deg: Some(-90.0),
            grid_factor: Some(GridFactorChoice::Id("central_china_2022".into())),
            ..Default::default()
        };
        let r = evaluate_pv(&input, &c, None).unwrap();
        assert!(close(r.annual_kwh, 10_800.0));
        assert!(close(r.avoided_co2_kg, 5_826.6));
        assert_eq!(r.azimuth_deg, 270.0);
        assert!(close(r.coverage_ratio.unwrap(), 50.0 / 120.0));
        assert_eq!(r.meets_coverage_target, Some(false));
        assert_eq!(r.renewable_share, None);
        input.grid_factor = Some(GridFactorChoice::KgPerKwh(0.6));
        let r = evaluate_pv(&input, &c, None).unwrap();
        assert!(close(r.avoided_co2_kg, 6_480.0));
        assert_eq!(
            (r.grid_factor_id.as_str(), r.grid_factor_year),
            ("user", None)
        );
    }

    #[test]
    fn module_area_defaults_to_target_share_of_roof() {
        // Roof 300 m², no module area → 150 m² (0.5 × 300), 31.5 kWp.
        let c = uniform_for_tests(100.0);
        let input = PvInput {
            installable_roof_area_m2: Some(300.0),
            ..Default::default()
        };
        let r = evaluate_pv(&input, &c, None).unwrap();
        assert!(r.module_area_assumed);
        assert!(close(r.module_area_m2, 150.0));
        assert!(close(r.kwp, 31.5));
        assert_eq!(r.meets_coverage_target, Some(true));
        // Zero installable area: coverage unknown, not a division by zero.
        let zero = PvInput {
            installable_roof_area_m2: Some(0.0),
            module_area_m2: Some(10.0),
            ..Default::default()
        };
        let r = evaluate_pv(&zero, &c, Some(0.0)).unwrap();
        assert_eq!(
            (r.coverage_ratio, r.meets_coverage_target, r.renewable_share),
            (None, None, None)
        );
    }

    #[test]
    fn bad_inputs_are_typed_errors() {
        let c = uniform_for_tests(100.0);
        let base = PvInput {
            module_area_m2: Some(10.0),
            ..Default::default()
        };
        let err = |i: PvInput, e: Option<f64>| evaluate_pv(&i, &c, e).unwrap_err();
        assert_eq!(err(PvInput::default(), None), PvError::MissingArea);
        let field = |e: PvError| match e {
            PvError::OutOfRange { field, .. } => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(err(
                PvInput {
                    module_area_m2: Some(-1.0),
                    ..base.clone()
                },
                None
            )),
            "module_area_m2"
        );
        assert_eq!(
            field(err(
                PvInput {
                    module_area_m2: Some(f64::NAN),
                    ..base.clone()
                },
                None
            )),
            "module_area_m2"
        );
        assert_eq!(
            field(err(
                PvInput {
                    installable_roof_area_m2: Some(-5.0),
                    ..base.clone()
                },
                None
            )),
            "installable_roof_area_m2"
        );
        for e in [0.0, 1.01, f64::NAN, -0.2] {
            assert_eq!(
                field(err(
                    PvInput {
                        module_efficiency: Some(e),
                        ..base.clone()
                    },
                    None
                )),
                "module_efficiency"
            );
        }
        for t in [-1.0, 91.0, f64::INFINITY] {
            assert_eq!(
                field(err(
                    PvInput {
                        tilt_deg: Some(t),
                        ..base.clone()
                    },
                    None
                )),
                "tilt_deg"
            );
        }
        assert_eq!(
            field(err(
                PvInput {
                    azimuth_deg: Some(f64::NAN),
                    ..base.clone()
                },
                None
            )),
            "azimuth_deg"
        );
        for l in [1.0, -0.01, f64::NAN] {
            assert_eq!(
                field(err(
                    PvInput {
                        system_loss: Some(l),
                        ..base.clone()
                    },
                    None
                )),
                "system_loss"
            );
        }
        assert_eq!(field(err(base.clone(), Some(-1.0))), "building_energy_kwh");
        assert_eq!(
            field(err(base.clone(), Some(f64::NAN))),
            "building_energy_kwh"
        );
        let gf = |g| PvInput {
            grid_factor: Some(g),
            ..base.clone()
        };
        assert_eq!(
            field(err(gf(GridFactorChoice::KgPerKwh(-0.1)), None)),
            "grid_factor"
        );
        assert_eq!(
            err(gf(GridFactorChoice::Id("mars".into())), None),
            PvError::UnknownGridFactor("mars".into())
        );
        // Efficiency exactly 1 and loss 0 are allowed edges.
        let edge = PvInput {
            module_efficiency: Some(1.0),
            system_loss: Some(0.0),
            ..base
        };
        assert!(close(
            evaluate_pv(&edge, &c, None).unwrap().annual_kwh,
            12_000.0
        ));
    }

    #[test]
    fn temperature_and_incidence_angle_by_hand() {
        // Uniform 100 kWh/m² on every plane, GHI 100 kWh/m² each month, sunny-hour air 20 °C, irradiance
        // 500 W/m², wind 1 m/s, IAM factor 0.98. Cell: 20 + 500·(e^(−3.56 − 0.075) + 0.003)
        // = 20 + 500·(0.0263839 + 0.003) = 34.69197 °C; F_T = 1 − 0.0037·9.69197 = 0.9641397;
        // kWh/kWp = 1200 × 0.98 × 0.9641397 × 0.8 = 907.0626.
        let c = crate::climate::uniform_with_extra_for_tests(100.0, 100.0, 20.0, 500.0, 1.0, 0.98);
        let r = evaluate_pv(
            &PvInput {
                module_area_m2: Some(10.0),
                ..Default::default()
            },
            &c,
            None,
        )
        .unwrap();
        assert!((r.cell_temperature_c.unwrap()[3] - 34.691_97).abs() < 1e-4);
        assert!((r.temperature_factor - 0.964_139_7).abs() < 1e-6);
        assert!(close(r.iam_factor, 0.98));
        assert!(
            (r.kwh_per_kwp - 907.062_6).abs() < 1e-3,
            "{}",
            r.kwh_per_kwp
        );
        assert!(close(r.annual_kwh, r.kwh_per_kwp * r.kwp));
        assert_eq!(r.loss_model, LOSS_MODEL);
        // The same plane without the climate inputs: the simple model, said so.
        let r = evaluate_pv(
            &PvInput {
                module_area_m2: Some(10.0),
                ..Default::default()
            },
            &uniform_for_tests(100.0),
            None,
        )
        .unwrap();
        assert!(close(r.kwh_per_kwp, 960.0));
        assert_eq!((r.iam_factor, r.temperature_factor), (1.0, 1.0));
        assert_eq!(
            (r.cell_temperature_c, r.loss_model.as_str()),
            (None, LOSS_MODEL_SIMPLE)
        );
    }

    #[test]
    fn real_hebi_within_3_percent_of_pvlib() {
        // pvlib 0.16.1 full PVWatts chain on the Anyang EPW (tools/validation/pv_pvlib.py): Perez POA, physical
        // IAM on the beam, SAPM open-rack cell temperature, γ −0.37 %/K, × 0.8: S30 1065, S90 653, N90 342,
        // horizontal 989 kWh/kWp.
        let c = crate::climate::default_city().unwrap();
        let run = |tilt: f64, az: f64| {
            evaluate_pv(
                &PvInput {
                    module_area_m2: Some(100.0),
                    tilt_deg: Some(tilt),
                    azimuth_deg: Some(az),
                    ..Default::default()
                },
                c,
                None,
            )
            .unwrap()
        };
        for (tilt, az, pvlib) in [
            (30.0, 180.0, 1065.0),
            (90.0, 180.0, 653.0),
            (90.0, 0.0, 342.0),
            (0.0, 180.0, 989.0),
        ] {
            let got = run(tilt, az).kwh_per_kwp;
            assert!(
                (got / pvlib - 1.0).abs() < 0.03,
                "{tilt}/{az}: {got} vs {pvlib}"
            );
        }
        let r = run(30.0, 180.0);
        // Summer months yield more than December.
        assert!(r.monthly_kwh[4] > r.monthly_kwh[11]);
    }
}
