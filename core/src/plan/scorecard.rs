//! One project's plan scorecard (report section `plan`): every building row of `plan_targets.csv`,
//! whether it applies to the building, the building's value and whether it meets the target.
//!
//! Whether a row applies is three-valued: a flag of the `plan` section that is not given leaves it
//! undecided, and the row then says which input it needs instead of guessing.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{
    building_rows, definition, Attribute, Compare, Indicator, Measured, PlanError, PlanInput,
    PlanStatus, Provenance, TargetKind, TargetRow, Term, PLAN_DOCUMENT, PLAN_EN, PLAN_ZH,
};
use crate::energy::EnergyReport;
use crate::project::Project;
use crate::pv::PvReport;
use crate::star::StarReport;

/// What the scorecard reads of an evaluated project: the spine (`crate::evaluate`) hands it over, so the plan
/// knows the sections it measures, not the report.
#[derive(Debug, Clone, Copy)]
pub struct Evaluated<'a> {
    /// The model's floor area, m² (absent for an invalid project).
    pub floor_area_m2: Option<f64>,
    /// Field paths of missing required values (the report's `missing`).
    pub missing: &'a [String],
    /// Paths of the report's errors.
    pub error_paths: &'a [&'a str],
    /// The energy estimate.
    pub energy: Option<&'a EnergyReport>,
    /// The star rating.
    pub star: Option<&'a StarReport>,
    /// PV.
    pub pv: Option<&'a PvReport>,
}

/// The report section `plan`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanScorecard {
    /// The plan, Chinese.
    pub plan_zh: Cow<'static, str>,
    /// The plan, English.
    pub plan_en: Cow<'static, str>,
    /// The notice that issued it.
    pub document: Cow<'static, str>,
    /// Floor area the plan's indicators use, m² (`plan.gross_floor_area_m2`, else the model's).
    pub floor_area_m2: Option<f64>,
    /// Which of the two it is.
    pub floor_area_source: Cow<'static, str>,
    /// Whether the building is a large public building (definition row D01); `None` when undecided.
    pub large_public_building: Option<bool>,
    /// One row per building target, in table order.
    pub rows: Vec<PlanRow>,
}

impl PlanScorecard {
    /// The row with this id.
    pub fn row(&self, id: &str) -> Option<&PlanRow> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// One target and how this building stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRow {
    /// Row id of `plan_targets.csv`.
    pub id: Cow<'static, str>,
    /// `requirement` (asked of this building) or `contribution` (counts toward a city share).
    pub kind: TargetKind,
    /// What is measured.
    pub indicator: Indicator,
    /// Place in the plan, e.g. `二(四)1`.
    pub section: Cow<'static, str>,
    /// Row of the plan's indicator table (主要指标), when the target is in it.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub table_row: Cow<'static, str>,
    /// Attribute in the indicator table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<Attribute>,
    /// The plan's wording.
    pub wording_zh: Cow<'static, str>,
    /// English rendering.
    pub wording_en: Cow<'static, str>,
    /// To which buildings the target applies (`applies_to` of the table).
    pub applies_to: Cow<'static, str>,
    /// Comparison.
    pub compare: Compare,
    /// Target.
    pub target: Measured,
    /// Unit of target and value (`ratio` = fraction).
    pub unit: Cow<'static, str>,
    /// Year by which it is due.
    pub deadline: Option<u16>,
    /// Provenance of the threshold.
    pub provenance: Provenance,
    /// True when the threshold, or a definition it applies by, is not from the plan's text: show 待确认.
    pub to_be_confirmed: bool,
    /// Source and notes of the data row.
    pub source: Cow<'static, str>,
    /// How this building stands.
    pub status: PlanStatus,
    /// This building's value (absent when not applicable or not computable).
    pub value: Option<Measured>,
    /// For quotients: value = numerator / denominator (summed over a portfolio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    /// See `numerator`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
    /// Input paths needed to decide (`needs_input`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// Where the value comes from.
    pub note: Cow<'static, str>,
}

/// Whether a condition holds: yes, no, or undecided for want of the listed inputs.
#[derive(Debug, Clone, PartialEq)]
enum Tri {
    Yes,
    No,
    Unknown(Vec<String>),
}

impl Tri {
    fn of(b: bool) -> Tri {
        if b {
            Tri::Yes
        } else {
            Tri::No
        }
    }

    fn flag(v: Option<bool>, path: &str) -> Tri {
        v.map_or_else(|| Tri::Unknown(vec![path.to_owned()]), Tri::of)
    }

    /// Conjunction: any `No` decides; otherwise undecided if any is.
    fn all(items: impl IntoIterator<Item = Tri>) -> Tri {
        let mut needs = Vec::new();
        for t in items {
            match t {
                Tri::No => return Tri::No,
                Tri::Unknown(n) => push_all(&mut needs, n),
                Tri::Yes => {}
            }
        }
        if needs.is_empty() {
            Tri::Yes
        } else {
            Tri::Unknown(needs)
        }
    }

    /// Disjunction: any `Yes` decides; otherwise undecided if any is.
    fn any(items: impl IntoIterator<Item = Tri>) -> Tri {
        let mut needs = None;
        for t in items {
            match t {
                Tri::Yes => return Tri::Yes,
                Tri::Unknown(n) => push_all(needs.get_or_insert_with(Vec::new), n),
                Tri::No => {}
            }
        }
        needs.map_or(Tri::No, Tri::Unknown)
    }
}

fn push_all(into: &mut Vec<String>, items: Vec<String>) {
    for i in items {
        if !into.contains(&i) {
            into.push(i);
        }
    }
}

struct Ctx<'a> {
    project: &'a Project,
    report: &'a Evaluated<'a>,
    input: &'a PlanInput,
    /// Floor area for the plan's indicators, m².
    area: Option<f64>,
}

const AREA_PATH: &str = "plan.gross_floor_area_m2";

fn term(t: Term, c: &Ctx<'_>) -> Tri {
    let i = c.input;
    match t {
        Term::All => Tri::Yes,
        Term::Residential => Tri::of(c.project.building_use.is_residential()),
        Term::NonResidential => Tri::of(!c.project.building_use.is_residential()),
        Term::GovernmentInvested => Tri::flag(i.government_invested, "plan.government_invested"),
        Term::PublicWelfare => Tri::flag(i.public_welfare, "plan.public_welfare"),
        Term::PublicInstitution => Tri::flag(i.public_institution, "plan.public_institution"),
        Term::Factory => Tri::flag(i.factory, "plan.factory"),
        Term::LargePublic => t
            .definition()
            .and_then(definition)
            .map_or(Tri::No, |d| holds(d, c)),
    }
}

fn applies(row: &TargetRow, c: &Ctx<'_>) -> Tri {
    Tri::any(
        row.applies_to
            .iter()
            .map(|alt| Tri::all(alt.iter().map(|t| term(*t, c)))),
    )
}

/// Whether a definition row holds for the building: it applies, and its value passes.
fn holds(def: &TargetRow, c: &Ctx<'_>) -> Tri {
    let value = match def.indicator {
        Indicator::LargePublicFloorArea => c.area.map(Measured::Number),
        _ => None,
    };
    let passes = match value.and_then(|v| def.passes(&v)) {
        Some(b) => Tri::of(b),
        None => Tri::Unknown(vec![AREA_PATH.to_owned()]),
    };
    Tri::all([applies(def, c), passes])
}

/// A building's value for one row.
#[derive(Default)]
struct Measurement {
    value: Option<Measured>,
    quotient: Option<(f64, f64)>,
    needs: Vec<String>,
    note: Cow<'static, str>,
}

impl Measurement {
    fn number(v: f64, note: impl Into<Cow<'static, str>>) -> Measurement {
        Measurement {
            value: Some(Measured::Number(v)),
            note: note.into(),
            ..Measurement::default()
        }
    }

    fn needs(paths: &[&str], note: impl Into<Cow<'static, str>>) -> Measurement {
        Measurement {
            needs: paths.iter().map(|p| (*p).to_owned()).collect(),
            note: note.into(),
            ..Measurement::default()
        }
    }

    fn quotient(num: f64, den: f64, note: impl Into<Cow<'static, str>>) -> Measurement {
        Measurement {
            quotient: Some((num, den)),
            ..Measurement::number(num / den, note)
        }
    }
}

/// What the energy estimate is missing: the report's missing fields, else its `assumptions` errors.
fn energy_needs(r: &Evaluated<'_>) -> Vec<String> {
    if !r.missing.is_empty() {
        return r.missing.to_vec();
    }
    let errors: Vec<String> = r
        .error_paths
        .iter()
        .filter(|p| p.starts_with("assumptions"))
        .map(|p| (*p).to_owned())
        .collect();
    if errors.is_empty() {
        vec!["energy".to_owned()]
    } else {
        errors
    }
}

fn given(map: &serde_json::Map<String, Value>, key: &str) -> bool {
    map.get(key).is_some_and(|v| !v.is_null())
}

fn measure(row: &TargetRow, c: &Ctx<'_>) -> Measurement {
    let (r, i) = (c.report, c.input);
    match row.indicator {
        Indicator::EnergySavingRate => match &r.energy {
            // Static notes: the numbers are in the report (formatting floats per row doubled the cost).
            Some(e) => Measurement::number(
                e.saving_rate,
                "report energy.saving_rate (estimate: 1 − (1 − base rate) × E_design/E_reference)",
            ),
            None => Measurement {
                needs: energy_needs(r),
                note: "no energy estimate: a design value it needs is missing or invalid".into(),
                ..Measurement::default()
            },
        },
        Indicator::GreenBuildingLevel | Indicator::StarRating => {
            let Some(s) = &r.star else {
                return Measurement::needs(
                    &["green"],
                    "no star rating: the green section is invalid (see errors)",
                );
            };
            let value = Measured::Level(s.level);
            let mut m = Measurement {
                value: Some(value),
                note: "report star.level (self-check estimate, not a certified label)".into(),
                ..Measurement::default()
            };
            if row.passes(&value) != Some(true) {
                if !given(&c.project.green, "prerequisites_met") {
                    m.needs.push("green.prerequisites_met".into());
                } else if row.level.is_some_and(|t| s.potential_level >= t) {
                    m.needs.push("green".into());
                    m.note = "report star.level; the target level is reached if the undetermined \
                              star gates pass (star.next_levels)"
                        .into();
                }
            }
            m
        }
        Indicator::PvCoverage => match &r.pv {
            Some(pv) if pv.module_area_assumed => Measurement::needs(
                &["pv.module_area_m2"],
                "the PV module area was defaulted from the target share of the roof: enter the design's",
            ),
            Some(pv) => match (pv.coverage_ratio, pv.installable_roof_area_m2) {
                (Some(_), Some(roof)) => Measurement::quotient(
                    pv.module_area_m2,
                    roof,
                    "report pv.coverage_ratio = module area / installable roof area",
                ),
                _ => Measurement::needs(
                    &["pv.installable_roof_area_m2"],
                    "no installable roof area given",
                ),
            },
            None => Measurement::needs(
                &["pv.installable_roof_area_m2", "pv.module_area_m2"],
                "no PV section (or an invalid one, see errors)",
            ),
        },
        Indicator::AssemblyRatio => match i.assembly_ratio {
            Some(a) => Measurement::number(a, "plan.assembly_ratio as entered"),
            None => Measurement::needs(&["plan.assembly_ratio"], "assembly ratio not entered"),
        },
        Indicator::ConstructionWasteIntensity => match (i.construction_waste_t, c.area) {
            (Some(t), Some(a)) => Measurement::quotient(
                t,
                a / 10_000.0,
                "plan.construction_waste_t / (floor area / 10 000 m²)",
            ),
            (None, _) => Measurement::needs(
                &["plan.construction_waste_t"],
                "construction waste not entered",
            ),
            (Some(_), None) => Measurement::needs(&[AREA_PATH], "no floor area"),
        },
        Indicator::AllElectric => match i.all_electric {
            Some(b) => Measurement {
                value: Some(Measured::Flag(b)),
                note: "plan.all_electric as entered".into(),
                ..Measurement::default()
            },
            None => Measurement::needs(&["plan.all_electric"], "not entered"),
        },
        Indicator::ElectricityShare => {
            let (share, note) = match (i.electricity_share, i.all_electric) {
                (Some(s), _) => (s, "plan.electricity_share as entered"),
                (None, Some(true)) => (1.0, "1: all-electric (plan.all_electric) and no share entered"),
                (None, _) => {
                    return Measurement::needs(&["plan.electricity_share"], "not entered");
                }
            };
            match c.area {
                // Weighted by floor area in a portfolio.
                Some(a) => Measurement::quotient(share * a, a, note),
                None => Measurement::number(share, note),
            }
        }
        Indicator::RenewableSubstitution => {
            let Some(e) = &r.energy else {
                return Measurement {
                    needs: energy_needs(r),
                    note: "no energy estimate to measure against".into(),
                    ..Measurement::default()
                };
            };
            let pv = r.pv.as_ref().map_or(0.0, |p| p.annual_kwh);
            let entered: f64 = [i.solar_thermal_kwh, i.ambient_heat_kwh, i.other_renewables_kwh]
                .iter()
                .flatten()
                // Not `sum`: an empty float sum is −0.
                .fold(0.0, |a, b| a + b);
            let energy = e.design.energy_kwh;
            let note = "(PV yield + plan.solar_thermal_kwh + plan.ambient_heat_kwh + \
                        plan.other_renewables_kwh) / the estimate's heating and cooling energy \
                        (energy.design.energy_kwh); renewables not entered count as 0";
            if energy > 0.0 {
                Measurement::quotient(pv + entered, energy, note)
            } else {
                Measurement::needs(&["energy"], note)
            }
        }
        Indicator::GreenMaterialShare => {
            let share = c
                .project
                .green
                .get("green_material_share_pct")
                .and_then(Value::as_f64);
            match (&r.star, share) {
                (None, _) => Measurement::needs(&["green"], "the green section is invalid"),
                (Some(_), Some(p)) => {
                    Measurement::number(p / 100.0, "green.green_material_share_pct / 100")
                }
                (Some(_), None) => Measurement::needs(
                    &["green.green_material_share_pct"],
                    "green material share not entered",
                ),
            }
        }
        Indicator::LargePublicFloorArea => match c.area {
            Some(a) => Measurement::number(a, "floor area"),
            None => Measurement::needs(&[AREA_PATH], "no floor area"),
        },
    }
}

fn score(row: &'static TargetRow, c: &Ctx<'_>) -> PlanRow {
    let mut out = PlanRow {
        id: Cow::Borrowed(row.id),
        kind: row.kind,
        indicator: row.indicator,
        section: Cow::Borrowed(row.section),
        table_row: Cow::Borrowed(row.table_row),
        attribute: row.attribute,
        wording_zh: Cow::Borrowed(row.wording_zh),
        wording_en: Cow::Borrowed(row.wording_en),
        applies_to: Cow::Borrowed(row.applies_text),
        compare: row.compare,
        target: row.target(),
        unit: Cow::Borrowed(row.unit),
        deadline: row.deadline,
        provenance: row.provenance,
        to_be_confirmed: row.depends_on_unconfirmed(),
        source: Cow::Borrowed(row.source),
        status: PlanStatus::NotApplicable,
        value: None,
        numerator: None,
        denominator: None,
        needs: Vec::new(),
        note: Cow::Borrowed("does not apply to this building"),
    };
    let mut needs = match applies(row, c) {
        Tri::No => return out,
        Tri::Yes => Vec::new(),
        Tri::Unknown(n) => n,
    };
    let m = measure(row, c);
    let passes = m.value.as_ref().and_then(|v| row.passes(v));
    out.status = match passes {
        _ if !needs.is_empty() => PlanStatus::NeedsInput,
        Some(true) => PlanStatus::Meets,
        _ if !m.needs.is_empty() => PlanStatus::NeedsInput,
        Some(false) => PlanStatus::DoesNotMeet,
        None => PlanStatus::NeedsInput,
    };
    if out.status == PlanStatus::NeedsInput {
        push_all(&mut needs, m.needs);
    }
    out.needs = needs;
    out.value = m.value;
    (out.numerator, out.denominator) = m.quotient.map_or((None, None), |(n, d)| (Some(n), Some(d)));
    out.note = m.note;
    out
}

/// The plan scorecard of a project from its evaluated report: one row per building target of
/// `plan_targets.csv`. Pure; an invalid `plan` section is the only error.
pub fn scorecard(project: &Project, report: &Evaluated<'_>) -> Result<PlanScorecard, PlanError> {
    let input = PlanInput::from_section(&project.plan)?;
    let model_area = report.floor_area_m2;
    let (area, source) = match input.gross_floor_area_m2 {
        Some(a) => (Some(a), AREA_PATH),
        None => (model_area, "building.floor_area_m2"),
    };
    let c = Ctx {
        project,
        report,
        input: &input,
        area,
    };
    let large = match term(Term::LargePublic, &c) {
        Tri::Yes => Some(true),
        Tri::No => Some(false),
        Tri::Unknown(_) => None,
    };
    Ok(PlanScorecard {
        plan_zh: Cow::Borrowed(PLAN_ZH),
        plan_en: Cow::Borrowed(PLAN_EN),
        document: Cow::Borrowed(PLAN_DOCUMENT),
        floor_area_m2: area,
        floor_area_source: Cow::Borrowed(source),
        large_public_building: large,
        rows: building_rows().map(|row| score(row, &c)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_valued_logic() {
        let u = |p: &str| Tri::Unknown(vec![p.to_owned()]);
        assert_eq!(
            Tri::all([Tri::Yes, u("a"), u("b")]),
            Tri::Unknown(vec!["a".into(), "b".into()])
        );
        assert_eq!(Tri::all([u("a"), Tri::No]), Tri::No);
        assert_eq!(Tri::all([]), Tri::Yes);
        assert_eq!(Tri::any([u("a"), Tri::Yes]), Tri::Yes);
        assert_eq!(Tri::any([Tri::No, u("a"), u("a")]), u("a"));
        assert_eq!(Tri::any([Tri::No, Tri::No]), Tri::No);
        assert_eq!(Tri::any([]), Tri::No);
    }
}
