//! The evaluation spine: one path from a project to its report.
//!
//! project (validated) → [`Building`] (built once) → [`checks`](crate::checks) → verdict →
//! [`reference`](crate::reference) building → [`energy`](crate::energy) estimate → [`pv`](crate::pv) →
//! [`star`](crate::star) → [`Report`] → the Hebi plan scorecard ([`plan`](crate::plan)), and the
//! [`retrofit`](crate::retrofit) section when the project has one. Each step is a leaf that knows nothing of the
//! others; this module passes the results along and turns the errors of the optional sections (`assumptions`,
//! `pv`, `green`, `retrofit`, `plan`) into report errors with their field paths, keeping the compliance checks.

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::checks::{envelope_elements, run_checks, verdict};
use crate::energy::{EnergyError, EnergyReport};
use crate::model::Building;
use crate::plan::{Evaluated, PlanError, PlanScorecard};
use crate::project::{Project, ProjectError};
use crate::pv::{PvError, PvInput, PvReport};
use crate::report::{BuildingSummary, Check, Report, ReportError, Status, Verdict, REPORT_FORMAT};
use crate::star::{GreenInput, StarMetrics};

/// Evaluates a project. Never panics: an invalid project gives verdict `incomplete` with the validation
/// error in `errors` and no `building`; invalid `assumptions`/`pv`/`green`/`plan` inputs add errors with
/// their field paths and keep the checks.
pub fn evaluate(project: &Project) -> Report {
    let Compliance {
        building,
        checks,
        verdict,
        decisive,
        missing,
    } = match compliance(project) {
        Ok(c) => c,
        Err(e) => return invalid_report(&e),
    };
    let mut errors = Vec::new();

    let energy = match crate::reference::reference_values(&building)
        .map_err(|e| EnergyError::Reference(e.to_string()))
        .and_then(|refv| {
            crate::energy::estimate(project, &building, &refv, verdict == Verdict::Tradeoff)
        }) {
        Ok(e) => Some(e),
        // A missing design value only leaves the estimate out: the checks already list it.
        Err(EnergyError::Missing { .. }) => None,
        Err(e) => {
            errors.push(report_error(
                e.path().to_owned(),
                e.message_zh(),
                e.message_en(),
            ));
            None
        }
    };
    let retrofit = retrofit_section(project, &building, &checks, energy.as_ref(), &mut errors);
    let pv = pv_section(project, energy.as_ref(), &mut errors);
    let star = match parse_section::<GreenInput>("green", &project.green) {
        Err(e) => {
            errors.push(e);
            None
        }
        Ok(input) => {
            let metrics = star_metrics(&building, &checks, energy.as_ref(), pv.as_ref());
            match crate::star::evaluate_star(&input, &metrics) {
                Ok(s) => Some(s),
                Err(e) => {
                    let f = e.field();
                    let path = if f.starts_with("green") {
                        f.to_owned()
                    } else {
                        format!("green ({f})")
                    };
                    errors.push(report_error(path, e.message_zh(), e.message_en()));
                    None
                }
            }
        }
    };
    let mut report = Report {
        format: Cow::Borrowed(REPORT_FORMAT),
        verdict,
        decisive,
        missing,
        errors,
        building: Some(BuildingSummary::from(&building)),
        checks,
        energy,
        star,
        pv,
        retrofit,
        plan: None,
    };
    // The plan scorecard reads the finished report; an invalid `plan` section is one more error.
    match plan_scorecard(project, &report) {
        Ok(s) => report.plan = Some(s),
        Err(e) => report
            .errors
            .push(report_error(e.path.clone(), e.message_zh(), e.message_en())),
    }
    report
}

/// The Hebi plan scorecard of a project from its report (the sections the plan measures).
pub fn plan_scorecard(project: &Project, report: &Report) -> Result<PlanScorecard, PlanError> {
    let error_paths: Vec<&str> = report.errors.iter().map(|e| e.path.as_str()).collect();
    let evaluated = Evaluated {
        floor_area_m2: report.building.as_ref().map(|b| b.floor_area_m2),
        missing: &report.missing,
        error_paths: &error_paths,
        energy: report.energy.as_ref(),
        star: report.star.as_ref(),
        pv: report.pv.as_ref(),
    };
    crate::plan::scorecard(project, &evaluated)
}

/// The first steps of the spine: the building model and the GB 55015 checks with their verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Compliance {
    /// The building model.
    pub building: Building,
    /// Every check, in report order.
    pub checks: Vec<Check>,
    /// The verdict.
    pub verdict: Verdict,
    /// Ids of the checks that decided it.
    pub decisive: Vec<String>,
    /// Field paths of missing required values.
    pub missing: Vec<String>,
}

/// Validates the project, builds its model once and runs the checks (what sweeps need at a breakpoint).
pub fn compliance(project: &Project) -> Result<Compliance, ProjectError> {
    project.validate()?;
    let building = Building::from_project(project)?;
    let checks = run_checks(project, &building);
    let (verdict, decisive, missing) = verdict(&checks);
    Ok(Compliance {
        building,
        checks,
        verdict,
        decisive,
        missing,
    })
}

/// Parses, validates and evaluates a greencheck/1 document.
pub fn evaluate_json(text: &str) -> Result<Report, ProjectError> {
    let project = Project::from_json(text)?;
    Ok(evaluate(&project))
}

/// The report of a project that cannot be evaluated: verdict `incomplete`, the error in `errors`, no building.
pub fn invalid_report(e: &ProjectError) -> Report {
    Report {
        format: Cow::Borrowed(REPORT_FORMAT),
        verdict: Verdict::Incomplete,
        decisive: Vec::new(),
        missing: vec![e.path.clone()],
        errors: vec![ReportError {
            path: e.path.clone(),
            message_zh: e.message_zh(),
            message_en: e.message_en(),
        }],
        building: None,
        checks: Vec::new(),
        energy: None,
        star: None,
        pv: None,
        retrofit: None,
        plan: None,
    }
}

/// The retrofit section, present when the project has a `retrofit` section: the checks of the retrofitted
/// building go in as the leaf's own view of them.
fn retrofit_section(
    p: &Project,
    b: &Building,
    checks: &[Check],
    energy: Option<&EnergyReport>,
    errors: &mut Vec<ReportError>,
) -> Option<crate::retrofit::RetrofitReport> {
    let section = crate::retrofit::section(p)?;
    let checked: Vec<_> = checks
        .iter()
        .map(|c| crate::retrofit::CheckedElement {
            id: &c.id,
            element: c.element,
            mandatory: c.mandatory,
            applicable: c.status != Status::NotApplicable,
            passes: match c.status {
                Status::Pass => Some(true),
                Status::Fail => Some(false),
                Status::NotApplicable | Status::Undetermined => None,
            },
            value: c.value,
            limit: c.limit,
            comparison: c.comparison,
            unit: &c.unit,
        })
        .collect();
    crate::retrofit::evaluate_retrofit(p, b, section, &checked, energy)
        .map_err(|e| errors.push(report_error(e.path, e.zh, e.en)))
        .ok()
}

/// The PV section, present when the `pv` section gives an area.
fn pv_section(
    p: &Project,
    energy: Option<&EnergyReport>,
    errors: &mut Vec<ReportError>,
) -> Option<PvReport> {
    let has_area = ["installable_roof_area_m2", "module_area_m2"]
        .iter()
        .any(|k| p.pv.get(*k).is_some_and(|v| !v.is_null()));
    if !has_area {
        return None;
    }
    let input = match parse_section::<PvInput>("pv", &p.pv) {
        Ok(i) => i,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    let climate = crate::climate::city(&p.city)?;
    match crate::pv::evaluate_pv(&input, climate, energy.map(|e| e.design.energy_kwh)) {
        Ok(r) => Some(r),
        Err(e) => {
            errors.push(pv_error(&e));
            None
        }
    }
}

/// The star-rating metrics of a building (fractions): envelope improvement per element (limit vs design from
/// the checks), load and energy reduction from the estimate, residential worst window K reduction, renewable
/// share = PV annual kWh / the estimate's design energy use ([`crate::energy::ENERGY_USE_BASIS`]); each
/// clamped to [−1000, 1].
pub fn star_metrics(
    b: &Building,
    checks: &[Check],
    energy: Option<&EnergyReport>,
    pv: Option<&PvReport>,
) -> StarMetrics {
    let residential = b.class.is_residential();
    let elements = envelope_elements(checks);
    let clamp = |v: f64| v.clamp(-1000.0, 1.0);
    let window_k = elements
        .iter()
        .filter(|e| e.element == crate::limits::Element::WindowU)
        .map(|e| (e.limit - e.value) / e.limit)
        .reduce(f64::min);
    let ids: Vec<(String, f64, f64)> = elements
        .into_iter()
        .map(|e| (e.id, e.limit, e.value))
        .collect();
    // Moves the ids instead of cloning them.
    let envelope = crate::star::envelope_improvement(&ids)
        .map(|e| {
            e.elements
                .into_iter()
                .map(|x| (x.id, clamp(x.improvement)))
                .collect()
        })
        .unwrap_or_default();
    let finite = |v: Option<f64>| v.filter(|v| v.is_finite()).map(clamp);
    StarMetrics {
        envelope,
        load_reduction: finite(energy.map(|e| e.load_reduction)),
        energy_reduction: finite(energy.map(|e| e.energy_reduction)),
        window_k_reduction: if residential {
            window_k.map(clamp)
        } else {
            None
        },
        renewable_share: finite(pv.and_then(|p| p.renewable_share)),
        renewable_dhw_share: None,
        renewable_heating_cooling_share: None,
        is_residential: residential,
    }
}

fn report_error(path: String, zh: String, en: String) -> ReportError {
    ReportError {
        path,
        message_zh: zh,
        message_en: en,
    }
}

/// Deserialises an open section (`pv`, `green`) with the path of a bad field.
fn parse_section<T: serde::de::DeserializeOwned>(
    section: &str,
    map: &Map<String, Value>,
) -> Result<T, ReportError> {
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

fn pv_error(e: &PvError) -> ReportError {
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
