//! The compliance report, format `greencheck-report/1` (documented in `docs/project-format.md`).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::limits::{Comparison, Element, Provenance};
use crate::model::{Building, BuildingClass, Orientation};

/// Report format version.
pub const REPORT_FORMAT: &str = "greencheck-report/1";

/// Outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Meets the limit.
    Pass,
    /// Does not meet the limit.
    Fail,
    /// The element is absent or the code sets no requirement.
    NotApplicable,
    /// A required value is missing.
    Undetermined,
}

/// Overall verdict, in the order of GB 55015 (docs/sources/gb55015-cold-zone-b.md, section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every prescriptive check passes.
    Complies,
    /// Only tradeable checks fail: a trade-off calculation is required.
    Tradeoff,
    /// A required value is missing (and nothing decisive fails).
    Incomplete,
    /// A non-tradeable check or a C.0.1 basic requirement fails.
    Fails,
}

impl Verdict {
    /// Stable identifier, as serialised (`complies`, `tradeoff`, `incomplete`, `fails`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Complies => "complies",
            Verdict::Tradeoff => "tradeoff",
            Verdict::Incomplete => "incomplete",
            Verdict::Fails => "fails",
        }
    }
}

impl Status {
    /// Stable identifier, as serialised (`pass`, `fail`, `not_applicable`, `undetermined`).
    pub fn code(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::NotApplicable => "not_applicable",
            Status::Undetermined => "undetermined",
        }
    }
}

/// One field change that would make a failing check pass.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Project field path, e.g. `facades.A.wwr`.
    pub field: Cow<'static, str>,
    /// Value to set.
    pub value: f64,
}

/// How to make a failing check pass: any one of `changes` suffices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// Alternative field changes (the first is the direct one). Empty when no single field fixes it.
    pub changes: Vec<FieldChange>,
    /// Chinese text, e.g. "达标条件：南向窗墙比 ≤ 0.50".
    pub text_zh: String,
    /// English text, e.g. "to pass: south WWR ≤ 0.50 or window K ≤ 1.50".
    pub text_en: String,
}

/// One check result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// Stable id, e.g. `u.window.A`.
    pub id: Cow<'static, str>,
    /// The element checked (a key of the limits table's `element` column, e.g. `window_u`).
    pub element: Element,
    /// Clause, e.g. `3.1.9`.
    pub clause: Cow<'static, str>,
    /// Table, e.g. `3.1.9-2`.
    pub table: Cow<'static, str>,
    /// Standard and edition, e.g. `GB 55015-2021`.
    pub standard: Cow<'static, str>,
    /// Outcome.
    pub status: Status,
    /// The design value.
    pub value: Option<f64>,
    /// The limit.
    pub limit: Option<f64>,
    /// Comparison (`le`, `ge`, `none`).
    pub comparison: Comparison,
    /// Unit of value and limit.
    pub unit: Cow<'static, str>,
    /// Signed room to spare in the value's unit (positive = passes).
    pub margin: Option<f64>,
    /// Margin as % of the limit.
    pub margin_pct: Option<f64>,
    /// Whether the trade-off may compensate a failure.
    pub tradeable: bool,
    /// Whether a failure affects the verdict (false for advisory limits).
    pub mandatory: bool,
    /// Whether this is a C.0.1 trade-off basic requirement.
    pub basic: bool,
    /// Provenance of the limit (T/I/S).
    pub provenance: Option<Provenance>,
    /// True when the limit is inferred: show 待确认 / "to be confirmed".
    pub to_be_confirmed: bool,
    /// Id of the limit row used.
    pub limit_id: Option<Cow<'static, str>>,
    /// Facade name, for per-facade checks.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub facade: Option<String>,
    /// Facade orientation, for per-facade checks.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub orientation: Option<Orientation>,
    /// Field paths whose values are missing (status `undetermined`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub missing: Vec<String>,
    /// Note (English): row note, bracket used, missing field…
    pub note: Cow<'static, str>,
    /// For failing checks: what would pass.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suggestion: Option<Suggestion>,
}

/// Per-facade summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacadeSummary {
    /// Name.
    pub name: String,
    /// Outward normal, degrees clockwise from north, in [0, 360).
    pub azimuth_deg: f64,
    /// Orientation class.
    pub orientation: Orientation,
    /// Gross wall area including windows, m² (the WWR denominator).
    pub wall_area_m2: f64,
    /// Window area, m².
    pub window_area_m2: Option<f64>,
    /// WWR.
    pub wwr: Option<f64>,
}

/// Building summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildingSummary {
    /// Building class.
    pub class: BuildingClass,
    /// Climate zone.
    pub zone: String,
    /// Storeys.
    pub storeys: u32,
    /// Floor area, m².
    pub floor_area_m2: f64,
    /// V0, m³.
    pub volume_m3: f64,
    /// F0, m².
    pub envelope_area_m2: f64,
    /// Roof area, m².
    pub roof_area_m2: f64,
    /// Shape factor in force, 1/m.
    pub shape_factor: f64,
    /// Whether the shape factor is the project's override.
    pub shape_factor_overridden: bool,
    /// Facades.
    pub facades: Vec<FacadeSummary>,
}

impl From<&Building> for BuildingSummary {
    fn from(b: &Building) -> Self {
        BuildingSummary {
            class: b.class,
            zone: b.zone.clone(),
            storeys: b.storeys,
            floor_area_m2: b.floor_area_m2,
            volume_m3: b.volume_m3,
            envelope_area_m2: b.envelope_area_m2,
            roof_area_m2: b.roof_area_m2,
            shape_factor: b.shape_factor,
            shape_factor_overridden: b.shape_factor_overridden,
            facades: b
                .facades
                .iter()
                .map(|f| FacadeSummary {
                    name: f.name.clone(),
                    azimuth_deg: f.azimuth_deg,
                    orientation: f.orientation,
                    wall_area_m2: f.gross_area_m2,
                    window_area_m2: f.window_area_m2(),
                    wwr: f.wwr,
                })
                .collect(),
        }
    }
}

/// A project error carried inside a report (invalid project, or invalid `assumptions`/`pv`/`green`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportError {
    /// Field path.
    pub path: String,
    /// Reason in Chinese.
    pub message_zh: String,
    /// Reason in English.
    pub message_en: String,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always `greencheck-report/1`.
    pub format: Cow<'static, str>,
    /// Verdict.
    pub verdict: Verdict,
    /// Ids of the checks that decided the verdict.
    pub decisive: Vec<String>,
    /// Field paths of missing required values (verdict `incomplete`).
    pub missing: Vec<String>,
    /// Validation errors. When the project itself is invalid, `building` is absent; errors in the
    /// `assumptions`, `pv` or `green` sections leave the compliance checks in place.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<ReportError>,
    /// Building summary.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub building: Option<BuildingSummary>,
    /// Checks in a stable order.
    pub checks: Vec<Check>,
    /// Energy estimate, design vs GB 55015 reference (absent when a design value it needs is missing).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub energy: Option<crate::energy::EnergyReport>,
    /// Star rating (absent when the `green` section is invalid; see `errors`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub star: Option<crate::star::StarReport>,
    /// PV (present when the `pv` section gives an area).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pv: Option<crate::pv::PvReport>,
    /// Hebi plan scorecard (absent when the `plan` section is invalid; see `errors`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub plan: Option<crate::plan::PlanScorecard>,
    /// Retrofit (present when the project has a `retrofit` section; absent with an error when it is invalid).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub retrofit: Option<crate::retrofit::RetrofitReport>,
}

impl Report {
    /// The check with this id.
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Failing checks.
    pub fn failing(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.status == Status::Fail)
    }
}
