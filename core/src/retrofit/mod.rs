//! Retrofits of existing buildings and rural houses (Hebi plan sections 二(四)4 and 三(三)).
//!
//! A project is marked retrofit by its `retrofit` section (docs/project-format.md, "Retrofit"): the top level
//! is the retrofitted building (after), `retrofit.existing` the existing one (before) as a merge patch of what
//! differs, and `retrofit.elements` marks each envelope element retrofitted or kept. The section is one of the
//! project's open sections (`Project::extra`), so a reader that does not know it keeps it verbatim.
//!
//! [`evaluate_retrofit`] gives the report section: every retrofitted element judged by the GB 55015 checks of
//! the retrofitted building (kept elements reported, not failed: the plan asks the retrofitted parts to meet
//! the current standard), the improvement Δ = 1 − E_after / E_before of the whole building from the same
//! estimate for both states (the energy section's hourly method, [`crate::energy`]), and the plan's targets (`core/data/retrofit_targets.csv`).
//! The spine ([`crate::evaluate()`]) passes the checks in; this module does not know the report's types.
//!
//! Files: `input` (the section, its elements and marks), `targets` (the plan's rows), `report` (the section).

mod input;
mod report;
mod targets;

pub use input::{merge_patch, Mark, RetrofitElement, RetrofitInput, EXISTING_KEYS};
pub use report::{
    BeforeAfter, ElementCheck, ElementReport, ElementStatus, Improvement, RetrofitReport,
    StateEnergy, TargetResult,
};
pub use targets::{target_rows, targets_for, RetrofitKind, RetrofitQuantity, TargetRow};

use std::borrow::Cow;

use serde_json::Value;

use crate::energy::{EnergyError, EnergyReport};
use crate::limits::{Comparison, Element};
use crate::model::Building;
use crate::project::Project;

/// Key of the section in the project file.
pub const SECTION: &str = "retrofit";

/// What Δ is (shown in the report).
pub const IMPROVEMENT_BASIS: &str = "Δ = 1 − E_after / E_before, E = heating need / heating efficiency + \
     cooling need / EER per m² of floor (the energy section's indicator), both states from the same hourly \
     estimate (EN ISO 13790 annex C, as the energy section) with the same use, climate, assumptions and system efficiencies: only the \
     envelope, and the geometry where the retrofit changes it, differ. A new heating or cooling system is not \
     counted.";

/// How the elements are judged (shown in the report).
pub const ELEMENTS_BASIS: &str = "Each retrofitted element is checked against the GB 55015-2021 limit for \
     the retrofitted building (its class, orientation and WWR bracket); kept elements are reported with their \
     value and limit but not failed: the retrofitted parts are to reach the current standard (Hebi plan \
     二(四)4). The report's verdict treats the building as new construction.";

/// A problem in the `retrofit` section: the field path and the reason in both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {en}")]
pub struct RetrofitError {
    /// Field path, e.g. `retrofit.existing.envelope.wall_u`.
    pub path: String,
    /// Reason in Chinese.
    pub zh: String,
    /// Reason in English.
    pub en: String,
}

impl RetrofitError {
    fn wrong(path: &str, expected: &str) -> RetrofitError {
        RetrofitError {
            path: path.to_owned(),
            zh: format!("类型或取值错误：应为 {expected}"),
            en: format!("wrong type or value: expected {expected}"),
        }
    }
}

/// A check of the retrofitted building, as the spine passes it in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CheckedElement<'a> {
    /// Check id.
    pub id: &'a str,
    /// The GB 55015 element.
    pub element: Element,
    /// Whether a failure counts (advisory checks are left out).
    pub mandatory: bool,
    /// Whether the code sets a requirement here.
    pub applicable: bool,
    /// Whether the value meets it (`None`: a value is missing).
    pub passes: Option<bool>,
    /// The value.
    pub value: Option<f64>,
    /// The limit.
    pub limit: Option<f64>,
    /// Comparison.
    pub comparison: Comparison,
    /// Unit.
    pub unit: &'a str,
}

fn project_json(p: &Project) -> Value {
    serde_json::to_value(p).unwrap_or(Value::Null)
}

/// The project's `retrofit` section, if it has one.
pub fn section(p: &Project) -> Option<&Value> {
    p.extra.get(SECTION)
}

/// The section of a validated project with its building, its checks and its energy section (the after state's
/// figures; recomputed when absent, to name what is missing). Errors name the field.
pub fn evaluate_retrofit(
    p: &Project,
    b: &Building,
    section: &Value,
    checks: &[CheckedElement<'_>],
    energy: Option<&EnergyReport>,
) -> Result<RetrofitReport, RetrofitError> {
    let input = RetrofitInput::from_value(section)?;
    let before = input.existing_project(p)?;
    let mut missing: Vec<String> = Vec::new();
    let mut elements = Vec::new();
    let (after_doc, before_doc) = (project_json(p), project_json(&before));
    for e in RetrofitElement::ALL {
        let after_values = e.values(&after_doc);
        let before_values = e.values(&before_doc);
        let differs = after_values
            .iter()
            .any(|(path, a)| before_values.iter().any(|(q, b)| q == path && b != a));
        let given = input.given_mark(e);
        let mark = match given {
            Some(Mark::Kept) if differs => {
                return Err(RetrofitError {
                    path: format!("retrofit.elements.{}", e.key()),
                    zh: "标为保留原状，但改造前后数值不同：请标为已改造，或删除 retrofit.existing 中的改造前数值"
                        .into(),
                    en: "marked kept, but its existing value differs: mark it retrofitted or remove the \
                         existing value from retrofit.existing"
                        .into(),
                });
            }
            Some(m) => m,
            None if differs => Mark::Retrofitted,
            None => Mark::Kept,
        };
        let element_checks: Vec<ElementCheck> = checks
            .iter()
            .filter(|c| c.mandatory && e.limit_elements().contains(&c.element))
            .map(|c| ElementCheck {
                id: c.id.to_owned(),
                element: c.element,
                status: match (c.applicable, mark, c.passes) {
                    (false, _, _) => ElementStatus::NotApplicable,
                    (true, Mark::Kept, _) => ElementStatus::Kept,
                    (true, Mark::Retrofitted, Some(true)) => ElementStatus::Pass,
                    (true, Mark::Retrofitted, Some(false)) => ElementStatus::Fail,
                    (true, Mark::Retrofitted, None) => ElementStatus::Undetermined,
                },
                value: c.value,
                limit: c.limit,
                comparison: c.comparison,
                unit: c.unit.to_owned(),
            })
            .collect();
        let present = element_checks
            .iter()
            .any(|c| c.status != ElementStatus::NotApplicable);
        if !present && mark == Mark::Kept {
            continue;
        }
        if mark == Mark::Retrofitted && !differs && !input.gives(e) {
            missing.push(e.existing_path());
        }
        let values = after_values
            .into_iter()
            .filter_map(|(path, after)| {
                let before = before_values
                    .iter()
                    .find(|(q, _)| *q == path)
                    .and_then(|(_, v)| *v);
                (before.is_some() || after.is_some()).then_some(BeforeAfter {
                    path,
                    before,
                    after,
                })
            })
            .collect();
        elements.push(ElementReport {
            element: e,
            mark,
            mark_given: given.is_some(),
            values,
            checks: element_checks,
        });
    }
    let judged = || {
        elements
            .iter()
            .filter(|e| e.mark == Mark::Retrofitted)
            .flat_map(|e| &e.checks)
    };
    let failing: Vec<String> = judged()
        .filter(|c| c.status == ElementStatus::Fail)
        .map(|c| c.id.clone())
        .collect();
    let retrofitted_parts_comply = if !failing.is_empty() {
        Some(false)
    } else if judged().any(|c| c.status == ElementStatus::Undetermined)
        || !elements.iter().any(|e| e.mark == Mark::Retrofitted)
    {
        None
    } else {
        Some(true)
    };
    let improvement = if missing.is_empty() {
        improvement(p, b, energy, &before, &mut missing)?
    } else {
        None
    };
    let delta = improvement.as_ref().map(|i| i.delta);
    let targets = targets_for(input.kind)
        .map(|r| TargetResult {
            id: Cow::Borrowed(r.id),
            quantity: r.quantity,
            comparison: r.comparison,
            value: r.value,
            unit: Cow::Borrowed(r.unit),
            year: r.year,
            clause: Cow::Borrowed(r.clause),
            table: Cow::Borrowed(r.table),
            provenance: r.provenance,
            wording: Cow::Borrowed(r.wording),
            met: match r.quantity {
                RetrofitQuantity::EnergyImprovement => {
                    delta.zip(r.value).map(|(d, t)| r.comparison.passes(d, t))
                }
                RetrofitQuantity::RetrofittedParts => retrofitted_parts_comply,
                RetrofitQuantity::CityRetrofitArea => None,
            },
            share: match r.quantity {
                RetrofitQuantity::CityRetrofitArea => {
                    r.value.filter(|v| *v > 0.0).map(|v| b.floor_area_m2 / v)
                }
                _ => None,
            },
        })
        .collect();
    Ok(RetrofitReport {
        kind: input.kind,
        floor_area_m2: b.floor_area_m2,
        elements,
        elements_basis: Cow::Borrowed(ELEMENTS_BASIS),
        retrofitted_parts_comply,
        failing,
        improvement,
        missing,
        targets,
        note: input.note,
    })
}

/// Δ from the same estimate for both states; a missing value is added to `missing` and gives `None`. The
/// estimate's other errors are the energy section's to report.
fn improvement(
    after: &Project,
    b_after: &Building,
    energy: Option<&EnergyReport>,
    before: &Project,
    missing: &mut Vec<String>,
) -> Result<Option<Improvement>, RetrofitError> {
    let b_before = Building::from_project(before).map_err(|e| RetrofitError {
        path: format!("retrofit.existing.{}", e.path),
        zh: e.message_zh(),
        en: e.message_en(),
    })?;
    let mut state = |p: &Project, b: &Building| match state_energy(p, b) {
        Ok(s) => Some(s),
        Err(EnergyError::Missing { path }) => {
            if !missing.contains(&path) {
                missing.push(path);
            }
            None
        }
        Err(_) => None,
    };
    let after_state = match energy {
        Some(e) => Some(StateEnergy {
            heating_kwh_m2: e.design.heating_kwh_m2,
            cooling_kwh_m2: e.design.cooling_kwh_m2,
            energy_kwh_m2: e.design.energy_kwh_m2,
            floor_area_m2: b_after.floor_area_m2,
        }),
        None => state(after, b_after),
    };
    let (Some(a), Some(bf)) = (after_state, state(before, &b_before)) else {
        return Ok(None);
    };
    Ok((bf.energy_kwh_m2 > 0.0).then(|| Improvement {
        before: bf,
        after: a,
        delta: 1.0 - a.energy_kwh_m2 / bf.energy_kwh_m2,
        basis: Cow::Borrowed(IMPROVEMENT_BASIS),
    }))
}

/// One state's heating, cooling and energy per m², by the estimate's own preparation and hourly method (what
/// the energy section computes and reports for the design building).
fn state_energy(p: &Project, b: &Building) -> Result<StateEnergy, EnergyError> {
    let refv =
        crate::reference::reference_values(b).map_err(|e| EnergyError::Reference(e.to_string()))?;
    let (pr, _, _) = crate::energy::prepare(p, b, &refv)?;
    let weather = crate::weather::city(&p.city)
        .ok_or_else(|| EnergyError::NoHourlyWeather(p.city.clone()))?;
    let design = crate::energy::Variant {
        envelope: &pr.design,
        assumptions: &pr.assumptions,
        a_m_ratio: pr.thermal_mass.a_m_ratio,
        recovery: 0.0,
    };
    let [d] = crate::energy::simulate_hourly(&pr.site, weather, [design], &pr.hourly);
    let floor = pr.site.floor_area_m2;
    Ok(StateEnergy {
        heating_kwh_m2: d.heating() / floor,
        cooling_kwh_m2: d.cooling() / floor,
        energy_kwh_m2: d.energy(&pr.assumptions) / floor,
        floor_area_m2: floor,
    })
}
