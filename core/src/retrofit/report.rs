//! The report section `retrofit`.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{Mark, RetrofitElement, RetrofitKind, RetrofitQuantity};
use crate::limits::{Comparison, Element, Provenance};

/// How a retrofitted element's check came out; a kept element is reported, not judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementStatus {
    /// Retrofitted and meets the current limit.
    Pass,
    /// Retrofitted and does not meet it.
    Fail,
    /// Kept as it was: not judged (the plan asks the retrofitted parts to meet the current standard).
    Kept,
    /// No requirement for this element here.
    NotApplicable,
    /// Retrofitted, but a value is missing.
    Undetermined,
}

/// One check of an element (the full check, with clause and limit row, is in the report's `checks`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementCheck {
    /// Check id, e.g. `u.window.A`.
    pub id: String,
    /// The GB 55015 element.
    pub element: Element,
    /// Outcome for the retrofit.
    pub status: ElementStatus,
    /// The retrofitted building's value.
    pub value: Option<f64>,
    /// The limit.
    pub limit: Option<f64>,
    /// Comparison.
    pub comparison: Comparison,
    /// Unit.
    pub unit: String,
}

/// A value of the element before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BeforeAfter {
    /// Field path in the retrofitted building (`envelope.wall_u`); the existing one is `retrofit.existing.<path>`.
    pub path: String,
    /// Existing building.
    pub before: Option<f64>,
    /// Retrofitted building.
    pub after: Option<f64>,
}

/// One envelope element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementReport {
    /// The element.
    pub element: RetrofitElement,
    /// Retrofitted or kept.
    pub mark: Mark,
    /// True when the file gives the mark; false when it is derived (retrofitted when a value differs).
    pub mark_given: bool,
    /// Its values before and after.
    pub values: Vec<BeforeAfter>,
    /// Its checks.
    pub checks: Vec<ElementCheck>,
}

/// Heating and cooling of one state, per m² of floor.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StateEnergy {
    /// Heating need, kWh/(m²·a).
    pub heating_kwh_m2: f64,
    /// Cooling need, kWh/(m²·a).
    pub cooling_kwh_m2: f64,
    /// Energy: heating / heating efficiency + cooling / EER, kWh/(m²·a).
    pub energy_kwh_m2: f64,
    /// Floor area, m².
    pub floor_area_m2: f64,
}

/// The improvement of the whole building.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Improvement {
    /// The existing building.
    pub before: StateEnergy,
    /// The retrofitted building.
    pub after: StateEnergy,
    /// Δ = 1 − E_after / E_before.
    pub delta: f64,
    /// What Δ is and how it was computed.
    pub basis: Cow<'static, str>,
}

/// A plan target and how this project stands against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetResult {
    /// Row id of `core/data/retrofit_targets.csv`.
    pub id: Cow<'static, str>,
    /// What it sets.
    pub quantity: RetrofitQuantity,
    /// How a value meets it.
    pub comparison: Comparison,
    /// Target value.
    pub value: Option<f64>,
    /// Unit.
    pub unit: Cow<'static, str>,
    /// Due year.
    pub year: Option<u16>,
    /// Plan section.
    pub clause: Cow<'static, str>,
    /// Plan table.
    pub table: Cow<'static, str>,
    /// Provenance.
    pub provenance: Provenance,
    /// The plan's wording.
    pub wording: Cow<'static, str>,
    /// Whether this project meets it (improvement, retrofitted parts); absent for city totals or when unknown.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub met: Option<bool>,
    /// For a city total: this project's retrofitted floor area / the total.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub share: Option<f64>,
}

/// Report section `retrofit`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetrofitReport {
    /// Which targets apply.
    pub kind: RetrofitKind,
    /// Floor area retrofitted (the retrofitted building's), m²: what counts towards the city totals.
    pub floor_area_m2: f64,
    /// The envelope elements present or marked, in a fixed order.
    pub elements: Vec<ElementReport>,
    /// How the elements are judged.
    pub elements_basis: Cow<'static, str>,
    /// Every retrofitted element meets its limit (absent when nothing is retrofitted or a value is missing).
    pub retrofitted_parts_comply: Option<bool>,
    /// Ids of the failing checks of retrofitted elements.
    pub failing: Vec<String>,
    /// Δ of the whole building (absent when a value is missing: see `missing`).
    pub improvement: Option<Improvement>,
    /// Field paths whose values the section needs.
    pub missing: Vec<String>,
    /// The plan's rows for this kind of retrofit.
    pub targets: Vec<TargetResult>,
    /// The project's note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
}
