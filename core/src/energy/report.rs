//! The report section `energy`, the trade-off outlook, and the saving-rate tiers of a building class.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::ladder::{Ladder, RateRow};
use super::nzeb::ConditionUsed;
use super::{AssumptionUsed, Assumptions, Demand, EnergyError, ThermalMass};
use crate::columns::energy::{BuildingType, Provenance};
use crate::limits::{self, Criteria, Element};
use crate::model::{BuildingClass, Orientation};

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
    pub(super) fn new(d: &Demand, a: &Assumptions, floor: f64) -> VariantEnergy {
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
    /// The construction's thermal mass in force (class, C_m, A_m, source).
    pub thermal_mass: ThermalMass,
    /// The monthly method's figures for the same design: the basis of sweeps and charts
    /// ([`crate::sweep`]), which stay monthly for speed.
    pub monthly: MonthlyEstimate,
    /// GB/T 51350 ultra-low / near-zero: the design under the standard's own conditions (provisional).
    pub nzeb: NzebReport,
    /// The tier ladder: GB 55015 → Hebi 83 %/78 % → ultra-low → near-zero.
    pub ladder: Ladder,
}

/// The monthly method's results (EN ISO 13790 §7–12) for the design and its reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthlyEstimate {
    /// Method.
    pub method: Cow<'static, str>,
    /// E_design / E_reference.
    pub ratio: f64,
    /// (Q_H + Q_C)_design / (Q_H + Q_C)_reference.
    pub load_ratio: f64,
    /// 1 − (1 − base_rate) × ratio.
    pub saving_rate: f64,
    /// Design heating need, kWh/(m²·a).
    pub design_heating_kwh_m2: f64,
    /// Design cooling need, kWh/(m²·a).
    pub design_cooling_kwh_m2: f64,
    /// Reference heating need, kWh/(m²·a).
    pub reference_heating_kwh_m2: f64,
    /// Reference cooling need, kWh/(m²·a).
    pub reference_cooling_kwh_m2: f64,
}

/// GB/T 51350 ultra-low / near-zero assessment (residential; public: not assessed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NzebReport {
    /// True for residential buildings (their demands are computed); false: not assessed.
    pub assessed: bool,
    /// Always true: every limit is an unverified recollection (待确认) and some indicators are not computed.
    pub provisional: bool,
    /// Building type.
    pub building_type: BuildingType,
    /// Standard and edition.
    pub standard: Cow<'static, str>,
    /// Heating demand under the standard's conditions, kWh/(m²·a) (residential).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub heating_kwh_m2: Option<f64>,
    /// Sensible cooling demand under the standard's conditions, kWh/(m²·a) (residential).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cooling_kwh_m2: Option<f64>,
    /// Monthly heating demand, kWh/m² (residential).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub monthly_heating_kwh_m2: Option<[f64; 12]>,
    /// Monthly cooling demand, kWh/m² (residential).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub monthly_cooling_kwh_m2: Option<[f64; 12]>,
    /// Declared N50, 1/h.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub airtightness_n50: Option<f64>,
    /// Declared sensible heat-recovery efficiency.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub heat_recovery_efficiency: Option<f64>,
    /// The climate's wet-bulb degree hours above 20 °C, kK·h.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub wdh20_kkh: Option<f64>,
    /// The climate's dry-bulb degree hours above 28 °C, kK·h.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ddh28_kkh: Option<f64>,
    /// The calculation conditions used, each with provenance and source (residential).
    pub conditions: Vec<ConditionUsed>,
    /// Note, Chinese.
    pub note_zh: Cow<'static, str>,
    /// Note, English.
    pub note_en: Cow<'static, str>,
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
    let base = limits::lookup(Element::BaseSavingRate, &c).map_err(err)?;
    let t = limits::lookup(Element::TargetSavingRate, &c).map_err(err)?;
    let rate_row = |r: &'static limits::LimitRow, rate: f64| RateRow {
        rate,
        row: r.id,
        standard: r.standard_edition(),
        provenance: match r.provenance {
            limits::Provenance::T => Provenance::T,
            limits::Provenance::S => Provenance::S,
            limits::Provenance::I => Provenance::I,
        },
    };
    match (base.value, t.value) {
        (Some(b), Some(rate)) if b < 1.0 => Ok(Tier {
            base_rate: b,
            target_rate: rate,
            // saving = 1 − (1 − base) × ratio  ⇔  ratio = (1 − saving) / (1 − base)
            target_ratio: (1.0 - rate) / (1.0 - b),
            row: t.id,
            base: rate_row(base, b),
            target: rate_row(t, rate),
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
    /// The base rate's data row (the ladder's first rung).
    pub base: RateRow,
    /// The target's data row (the ladder's second rung).
    pub target: RateRow,
}
