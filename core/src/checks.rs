//! The GB 55015 checks for cold zone B (digest sections 4–6) and the verdict.
//!
//! No limit value appears in this file: every limit comes from [`crate::limits`]. This module
//! only decides which element each check compares, which input feeds it, and how the verdict
//! follows from the statuses.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::limits::{self, Comparison, Criteria, LimitRow, LookupError, Severity};
use crate::model::{Building, Facade, Orientation};
use crate::project::{Project, ProjectError};
use crate::report::{
    BuildingSummary, Check, FieldChange, Report, ReportError, Status, Suggestion, Verdict,
    REPORT_FORMAT,
};

/// What feeds a check.
#[derive(Debug, Clone, PartialEq)]
enum Input {
    /// A design value.
    Given(f64),
    /// A required value is missing (field path).
    Missing(String),
    /// The element does not exist in this building.
    Absent(&'static str),
}

fn required(v: Option<f64>, path: &str) -> Input {
    v.map_or_else(|| Input::Missing(path.to_owned()), Input::Given)
}

fn optional(v: Option<f64>, absent: &'static str) -> Input {
    v.map_or(Input::Absent(absent), Input::Given)
}

struct Spec<'a> {
    id: Cow<'static, str>,
    element: &'static str,
    criteria: Criteria<'a>,
    input: Input,
    /// Missing values the lookup criteria need (e.g. the facade WWR for a window check).
    needs: Vec<String>,
    /// Field to change for a suggestion.
    field: Option<Cow<'static, str>>,
    facade: Option<&'a Facade>,
    basic: bool,
}

/// Human label of an element (zh, en), without the orientation.
fn element_label(element: &str) -> (&str, &str) {
    let base = element.strip_prefix("basic_").unwrap_or(element);
    match base {
        "shape_factor" => ("体形系数", "shape factor"),
        "wwr" => ("窗墙面积比", "WWR"),
        "skylight_ratio" => ("屋面天窗面积比", "skylight ratio"),
        "roof_transparent_ratio" => ("屋面透光部分面积比", "transparent roof ratio"),
        "roof_u" => ("屋面传热系数 K", "roof K"),
        "wall_u" => ("外墙传热系数 K", "wall K"),
        "floor_over_outside_u" => ("架空或外挑楼板传热系数 K", "floor over outside air K"),
        "window_u" => ("外窗传热系数 K", "window K"),
        "window_shgc" => ("外窗太阳得热系数 SHGC", "window SHGC"),
        "skylight_u" => ("屋面透光部分传热系数 K", "skylight K"),
        "skylight_shgc" => ("屋面透光部分 SHGC", "skylight SHGC"),
        "ground_perimeter_r" => ("周边地面保温热阻 R", "perimeter ground R"),
        "basement_wall_r" => ("地下室外墙热阻 R", "basement wall R"),
        other => (other, other),
    }
}

/// Appends the human label of an element (e.g. "南向外窗传热系数 K", "south window K").
fn push_label(element: &str, orientation: Option<Orientation>, zh: &mut String, en: &mut String) {
    if let Some(o) = orientation {
        let (oz, oe) = (o.name_zh(), o.name_en());
        if !oz.is_empty() {
            zh.push_str(oz);
            zh.push('向');
        }
        if !oe.is_empty() {
            en.push_str(oe);
            en.push(' ');
        }
    }
    let (z, e) = element_label(element);
    zh.push_str(z);
    en.push_str(e);
}

/// For a failing window-K check: the largest WWR (a bracket's inclusive upper end below the
/// current WWR) at which the current K would pass, read from the table.
fn wwr_alternative(element: &str, c: &Criteria<'_>, u: f64) -> Option<f64> {
    let current = c.wwr?;
    let rows = limits::rows();
    let without_wwr = Criteria { wwr: None, ..*c };
    rows.iter()
        .filter(|r| {
            r.matches_except_wwr(element, &without_wwr)
                && r.wwr
                    .is_some_and(|b| b.upper_inclusive && b.upper < current)
                && r.value.is_some_and(|limit| r.comparison.passes(u, limit))
        })
        .filter_map(|r| r.wwr.map(|b| b.upper))
        .reduce(f64::max)
}

fn suggestion(spec: &Spec<'_>, row: &LimitRow, value: f64, limit: f64) -> Suggestion {
    let orientation = spec.facade.map(|f| f.orientation);
    let sym = row.comparison.symbol();
    let mut changes = Vec::new();
    if let Some(field) = &spec.field {
        changes.push(FieldChange {
            field: field.clone(),
            value: limit,
        });
    }
    let mut text_zh = String::with_capacity(96);
    let mut text_en = String::with_capacity(64);
    text_zh.push_str("达标条件：");
    text_en.push_str("to pass: ");
    push_label(spec.element, orientation, &mut text_zh, &mut text_en);
    // Writing to a String cannot fail.
    let _ = write!(text_zh, " {sym} {limit:.2}");
    let _ = write!(text_en, " {sym} {limit:.2}");
    if spec.element.ends_with("window_u") {
        if let (Some(f), Some(w)) = (
            spec.facade,
            wwr_alternative(spec.element, &spec.criteria, value),
        ) {
            changes.push(FieldChange {
                field: Cow::Owned(format!("facades.{}.wwr", f.name)),
                value: w,
            });
            text_zh.push_str("，或");
            text_en.push_str(" or ");
            push_label("wwr", orientation, &mut text_zh, &mut text_en);
            let _ = write!(text_zh, " ≤ {w:.2}");
            let _ = write!(text_en, " ≤ {w:.2}");
        }
    }
    Suggestion {
        changes,
        text_zh,
        text_en,
    }
}

/// A check without a limit row; takes the spec's id.
fn blank(spec: &mut Spec<'_>, status: Status, note: Cow<'static, str>) -> Check {
    Check {
        id: std::mem::take(&mut spec.id),
        clause: Cow::Borrowed(""),
        table: Cow::Borrowed(""),
        standard: Cow::Borrowed(""),
        status,
        value: match spec.input {
            Input::Given(v) => Some(v),
            _ => None,
        },
        limit: None,
        comparison: Comparison::None,
        unit: Cow::Borrowed(""),
        margin: None,
        margin_pct: None,
        tradeable: false,
        mandatory: true,
        basic: spec.basic,
        provenance: None,
        to_be_confirmed: false,
        limit_id: None,
        facade: spec.facade.map(|f| f.name.clone()),
        orientation: spec.facade.map(|f| f.orientation),
        missing: Vec::new(),
        note,
        suggestion: None,
    }
}

fn run(mut spec: Spec<'_>) -> Check {
    if !spec.needs.is_empty() {
        let mut c = blank(
            &mut spec,
            Status::Undetermined,
            Cow::Borrowed("the limit depends on a missing value"),
        );
        c.missing = std::mem::take(&mut spec.needs);
        if let Input::Missing(p) = &mut spec.input {
            c.missing.push(std::mem::take(p));
        }
        return c;
    }
    let row = match limits::lookup(spec.element, &spec.criteria) {
        Ok(r) => r,
        Err(e @ (LookupError::NotFound(_) | LookupError::Ambiguous { .. })) => {
            return blank(
                &mut spec,
                Status::Undetermined,
                Cow::Owned(format!("limits table: {e}")),
            );
        }
    };
    let mut c = blank(&mut spec, Status::NotApplicable, Cow::Borrowed(row.note));
    c.clause = Cow::Borrowed(row.clause);
    c.table = Cow::Borrowed(row.table);
    c.standard = Cow::Borrowed(row.standard_edition());
    c.comparison = row.comparison;
    c.limit = row.value;
    c.unit = Cow::Borrowed(row.unit);
    c.tradeable = row.tradeable && !spec.basic;
    c.mandatory = row.severity == Severity::Mandatory;
    c.provenance = Some(row.provenance);
    c.to_be_confirmed = row.to_be_confirmed();
    c.limit_id = Some(Cow::Borrowed(row.id));
    let Some(limit) = row.value else {
        // comparison `none`: the code sets no requirement here.
        return c;
    };
    match &mut spec.input {
        Input::Absent(why) => {
            c.note = join_note(why, row.note);
        }
        Input::Missing(path) => {
            c.status = Status::Undetermined;
            c.missing = vec![std::mem::take(path)];
        }
        Input::Given(v) => {
            let v = *v;
            let pass = row.comparison.passes(v, limit);
            c.status = if pass { Status::Pass } else { Status::Fail };
            c.margin = row.comparison.margin(v, limit).filter(|m| m.is_finite());
            c.margin_pct = c
                .margin
                .filter(|_| limit != 0.0)
                .map(|m| m / limit * 100.0)
                .filter(|m| m.is_finite());
            if !pass {
                c.suggestion = Some(suggestion(&spec, row, v, limit));
            }
        }
    }
    c
}

fn join_note(a: &'static str, b: &str) -> Cow<'static, str> {
    if b.is_empty() {
        Cow::Borrowed(a)
    } else {
        Cow::Owned(format!("{a}; {b}"))
    }
}

fn specs<'a>(p: &Project, b: &'a Building) -> Vec<Spec<'a>> {
    let env = &p.envelope;
    let base = Criteria {
        zone: &b.zone,
        class: b.class,
        orientation: None,
        wwr: None,
        shape_factor: Some(b.shape_factor),
        floor_area_m2: Some(b.floor_area_m2),
    };
    let whole = |id: &'static str,
                 element: &'static str,
                 input: Input,
                 field: Option<&'static str>,
                 basic: bool| Spec {
        id: Cow::Borrowed(id),
        element,
        criteria: base,
        input,
        needs: Vec::new(),
        field: field.map(Cow::Borrowed),
        facade: None,
        basic,
    };
    let sky_present = env.skylight_ratio.map_or(
        env.skylight_u.is_some() || env.skylight_shgc.is_some(),
        |r| r > 0.0,
    );
    let sky_input = |v: Option<f64>, path: &str| {
        if sky_present {
            required(v, path)
        } else {
            Input::Absent("no skylight / transparent roof")
        }
    };
    let ratio_input = match env.skylight_ratio {
        Some(r) => Input::Given(r),
        None if sky_present => Input::Missing("envelope.skylight_ratio".into()),
        None => Input::Absent("no skylight / transparent roof"),
    };
    let roof_input = if b.roof_area_m2 > 0.0 {
        required(env.roof_u, "envelope.roof_u")
    } else {
        Input::Absent("no roof area")
    };

    // Per-facade specs: (element, id prefix, basic, which input).
    #[derive(Clone, Copy)]
    enum FacadeValue {
        Wwr,
        WindowU,
        WindowShgc,
    }
    let facade_spec =
        |f: &'a Facade, element: &'static str, prefix: &str, basic: bool, what: FacadeValue| {
            // Paths and ids are concatenated, not formatted, and built only where used.
            let wwr_path = || ["facades.", &f.name, ".wwr"].concat();
            let mut needs = Vec::new();
            let (input, field) = match what {
                FacadeValue::Wwr => {
                    let p = wwr_path();
                    (required(f.wwr, &p), Some(Cow::Owned(p)))
                }
                FacadeValue::WindowU | FacadeValue::WindowShgc => {
                    let (v, path) = match what {
                        FacadeValue::WindowU => (f.window_u, &f.window_u_path),
                        _ => (f.window_shgc, &f.window_shgc_path),
                    };
                    match f.wwr {
                        None => {
                            needs.push(wwr_path());
                            (required(v, path), Some(path.clone().into()))
                        }
                        Some(w) if w <= 0.0 => (Input::Absent("no windows on this facade"), None),
                        Some(_) => (required(v, path), Some(path.clone().into())),
                    }
                }
            };
            Spec {
                id: Cow::Owned([prefix, ".", &f.name].concat()),
                element,
                criteria: Criteria {
                    orientation: Some(f.orientation),
                    wwr: f.wwr,
                    ..base
                },
                input,
                needs,
                field,
                facade: Some(f),
                basic,
            }
        };

    // 12 whole-building specs and 5 per facade.
    let mut out = Vec::with_capacity(12 + 5 * b.facades.len());
    out.push(whole(
        "shape_factor",
        "shape_factor",
        Input::Given(b.shape_factor),
        None,
        false,
    ));
    out.extend(
        b.facades
            .iter()
            .map(|f| facade_spec(f, "wwr", "wwr", false, FacadeValue::Wwr)),
    );
    out.push(whole(
        "skylight_ratio",
        "skylight_ratio",
        ratio_input.clone(),
        Some("envelope.skylight_ratio"),
        false,
    ));
    out.push(whole(
        "roof_transparent_ratio",
        "roof_transparent_ratio",
        ratio_input,
        Some("envelope.skylight_ratio"),
        false,
    ));
    out.push(whole(
        "u.roof",
        "roof_u",
        roof_input,
        Some("envelope.roof_u"),
        false,
    ));
    out.push(whole(
        "u.wall",
        "wall_u",
        required(env.wall_u, "envelope.wall_u"),
        Some("envelope.wall_u"),
        false,
    ));
    out.push(whole(
        "u.floor_over_outside",
        "floor_over_outside_u",
        optional(env.floor_over_outside_u, "no floor over outside air given"),
        Some("envelope.floor_over_outside_u"),
        false,
    ));
    out.extend(
        b.facades
            .iter()
            .map(|f| facade_spec(f, "window_u", "u.window", false, FacadeValue::WindowU)),
    );
    out.extend(b.facades.iter().map(|f| {
        facade_spec(
            f,
            "window_shgc",
            "shgc.window",
            false,
            FacadeValue::WindowShgc,
        )
    }));
    out.push(whole(
        "u.skylight",
        "skylight_u",
        sky_input(env.skylight_u, "envelope.skylight_u"),
        Some("envelope.skylight_u"),
        false,
    ));
    out.push(whole(
        "shgc.skylight",
        "skylight_shgc",
        sky_input(env.skylight_shgc, "envelope.skylight_shgc"),
        Some("envelope.skylight_shgc"),
        false,
    ));
    out.push(whole(
        "r.ground_perimeter",
        "ground_perimeter_r",
        optional(
            env.ground_perimeter_r,
            "perimeter ground insulation not given",
        ),
        Some("envelope.ground_perimeter_r"),
        false,
    ));
    out.push(whole(
        "r.basement_wall",
        "basement_wall_r",
        optional(env.basement_wall_r, "no basement wall given"),
        Some("envelope.basement_wall_r"),
        false,
    ));
    // C.0.1 trade-off basic requirements.
    out.push(whole(
        "basic.wall_u",
        "basic_wall_u",
        required(env.wall_u, "envelope.wall_u"),
        Some("envelope.wall_u"),
        true,
    ));
    out.extend(b.facades.iter().map(|f| {
        facade_spec(
            f,
            "basic_window_u",
            "basic.window_u",
            true,
            FacadeValue::WindowU,
        )
    }));
    out.push(whole(
        "basic.floor_over_outside_u",
        "basic_floor_over_outside_u",
        optional(env.floor_over_outside_u, "no floor over outside air given"),
        Some("envelope.floor_over_outside_u"),
        true,
    ));
    out.extend(
        b.facades
            .iter()
            .map(|f| facade_spec(f, "basic_wwr", "basic.wwr", true, FacadeValue::Wwr)),
    );
    out
}

/// Runs every check on an already built model.
pub fn run_checks(project: &Project, building: &Building) -> Vec<Check> {
    specs(project, building).into_iter().map(run).collect()
}

/// Verdict, decisive check ids and missing field paths, in the digest's order:
/// a decisive failure (non-tradeable or C.0.1 basic) → fails; else a missing value → incomplete;
/// else a tradeable failure → tradeoff; else complies. Advisory checks never decide.
pub fn verdict(checks: &[Check]) -> (Verdict, Vec<String>, Vec<String>) {
    let mut missing: Vec<String> = Vec::new();
    for m in checks.iter().flat_map(|c| &c.missing) {
        if !missing.contains(m) {
            missing.push(m.clone());
        }
    }
    let ids = |pred: &dyn Fn(&Check) -> bool| -> Vec<String> {
        checks
            .iter()
            .filter(|c| c.mandatory && pred(c))
            .map(|c| c.id.to_string())
            .collect()
    };
    let decisive_fails = ids(&|c| c.status == Status::Fail && (!c.tradeable || c.basic));
    if !decisive_fails.is_empty() {
        return (Verdict::Fails, decisive_fails, missing);
    }
    let undetermined = ids(&|c| c.status == Status::Undetermined);
    if !undetermined.is_empty() {
        return (Verdict::Incomplete, undetermined, missing);
    }
    let fails = ids(&|c| c.status == Status::Fail);
    if !fails.is_empty() {
        return (Verdict::Tradeoff, fails, missing);
    }
    (Verdict::Complies, Vec::new(), missing)
}

/// Evaluates a project: the checks, the verdict, and the `energy`, `pv` and `star` sections
/// ([`crate::energy::sections`]), then the Hebi plan scorecard ([`crate::plan::scorecard`]). Never
/// panics: an invalid project gives verdict `incomplete` with the validation error in `errors` and no
/// `building`; invalid `assumptions`/`pv`/`green`/`plan` inputs add errors with their field paths and
/// keep the checks.
pub fn evaluate(project: &Project) -> Report {
    let building = match Building::from_project(project) {
        Ok(b) => b,
        Err(e) => return invalid_report(&e),
    };
    let checks = run_checks(project, &building);
    let (verdict, decisive, missing) = verdict(&checks);
    let sections = crate::energy::sections(project, &building, &checks, verdict);
    let mut report = Report {
        format: Cow::Borrowed(REPORT_FORMAT),
        verdict,
        decisive,
        missing,
        errors: sections.errors,
        building: Some(BuildingSummary::from(&building)),
        checks,
        energy: sections.energy,
        star: sections.star,
        pv: sections.pv,
        plan: None,
    };
    // The plan scorecard reads the finished report; an invalid `plan` section is one more error.
    match crate::plan::scorecard(project, &report) {
        Ok(s) => report.plan = Some(s),
        Err(e) => report.errors.push(e.to_report_error()),
    }
    report
}

fn invalid_report(e: &ProjectError) -> Report {
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
        plan: None,
    }
}

/// Parses, validates and evaluates a greencheck/1 document.
pub fn evaluate_json(text: &str) -> Result<Report, ProjectError> {
    let project = Project::from_json(text)?;
    Ok(evaluate(&project))
}

/// Reference-building values for one facade (GB 55015 C.0.2–C.0.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceFacade {
    /// Facade name.
    pub name: String,
    /// Reference WWR: the design WWR trimmed to the limit (None when the design WWR is missing).
    pub wwr: Option<f64>,
    /// Window K at the limit for the reference WWR (None: no requirement, use the design value).
    pub window_u: Option<f64>,
    /// Window SHGC at the limit (None: no requirement, use the design value).
    pub window_shgc: Option<f64>,
}

/// The envelope of the GB 55015 reference building: every value at its table limit.
/// `None` means the code sets no limit (the reference keeps the design value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceValues {
    /// Wall K.
    pub wall_u: Option<f64>,
    /// Roof K.
    pub roof_u: Option<f64>,
    /// Floor over outside air K.
    pub floor_over_outside_u: Option<f64>,
    /// Maximum skylight / transparent-roof ratio.
    pub skylight_ratio_max: Option<f64>,
    /// Skylight K.
    pub skylight_u: Option<f64>,
    /// Skylight SHGC.
    pub skylight_shgc: Option<f64>,
    /// Per facade.
    pub facades: Vec<ReferenceFacade>,
}

/// Builds the reference-building values from the same limit rows as the checks.
pub fn reference_values(b: &Building) -> Result<ReferenceValues, LookupError> {
    let base = Criteria {
        zone: &b.zone,
        class: b.class,
        orientation: None,
        wwr: None,
        shape_factor: Some(b.shape_factor),
        floor_area_m2: Some(b.floor_area_m2),
    };
    let le = |element: &str, c: &Criteria<'_>| -> Result<Option<f64>, LookupError> {
        Ok(limits::lookup(element, c)?.value)
    };
    let skylight_ratio_max = le("skylight_ratio", &base)?.or(le("roof_transparent_ratio", &base)?);
    let mut facades = Vec::new();
    for f in &b.facades {
        let c = Criteria {
            orientation: Some(f.orientation),
            ..base
        };
        let wwr = f.wwr.map(|w| -> Result<f64, LookupError> {
            let lim = limits::lookup("wwr", &Criteria { wwr: Some(w), ..c })?;
            let trims = lim.severity == Severity::Mandatory;
            Ok(match lim.value {
                Some(l) if trims && w > l => l,
                _ => w,
            })
        });
        let wwr = wwr.transpose()?;
        let cw = Criteria { wwr, ..c };
        let (window_u, window_shgc) = match wwr {
            Some(_) => (le("window_u", &cw)?, le("window_shgc", &cw)?),
            None => (None, None),
        };
        facades.push(ReferenceFacade {
            name: f.name.clone(),
            wwr,
            window_u,
            window_shgc,
        });
    }
    Ok(ReferenceValues {
        wall_u: le("wall_u", &base)?,
        roof_u: le("roof_u", &base)?,
        floor_over_outside_u: le("floor_over_outside_u", &base)?,
        skylight_ratio_max,
        skylight_u: le("skylight_u", &base)?,
        skylight_shgc: le("skylight_shgc", &base)?,
        facades,
    })
}
