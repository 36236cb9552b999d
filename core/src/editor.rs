//! The editing session behind the UI: the last valid project, what the user is typing, and the report.
//!
//! Pure and synchronous, so the UI stays a thin shell and this logic is tested natively. Every edit is
//! a field path (the project-format paths, e.g. `facades.A.wwr`) and the text the user typed:
//! - a valid value updates the project and the report;
//! - an invalid one is kept as a *draft* with a message for that field, while the last valid project keeps
//!   driving the report (which the UI marks stale) — nothing the user typed is lost.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::fields::Input;
use crate::input::{parse_number, NumberKind};
use crate::project::Project;
use crate::report::{FieldChange, Report};

/// A message for one field, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// Chinese message.
    pub zh: String,
    /// English message.
    pub en: String,
}

/// Text typed into a field that is not (yet) a valid value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// What the user typed.
    pub text: String,
    /// Why it is not accepted.
    pub error: FieldError,
}

/// The editing session.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    doc: Value,
    /// Shared like the report: the page hands both to its results column without copying them.
    project: Rc<Project>,
    /// Shared: the page's state is copied at every keystroke, and the variants keep the same report.
    report: Rc<Report>,
    drafts: BTreeMap<String, Draft>,
}

impl Editor {
    /// Starts a session on a valid project.
    pub fn new(project: Project) -> Editor {
        let doc = project_value(&project);
        let report = Rc::new(crate::evaluate(&project));
        Editor {
            doc,
            project: Rc::new(project),
            report,
            drafts: BTreeMap::new(),
        }
    }

    /// Restores a session: a project plus the drafts that were pending when it was saved.
    pub fn with_drafts(project: Project, drafts: BTreeMap<String, Draft>) -> Editor {
        let mut e = Editor::new(project);
        e.drafts = drafts;
        e
    }

    /// The last valid project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The report of the last valid project.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The same report, shared.
    pub fn shared_report(&self) -> Rc<Report> {
        Rc::clone(&self.report)
    }

    /// The same project, shared (a new `Rc` exactly when an edit was accepted).
    pub fn shared_project(&self) -> Rc<Project> {
        Rc::clone(&self.project)
    }

    /// Pending drafts, by field path.
    pub fn drafts(&self) -> &BTreeMap<String, Draft> {
        &self.drafts
    }

    /// True while some field holds text that is not driving the report.
    pub fn is_stale(&self) -> bool {
        !self.drafts.is_empty()
    }

    /// The draft of a field, if its text is not accepted.
    pub fn draft(&self, path: &str) -> Option<&Draft> {
        self.drafts.get(path)
    }

    /// The value at a project path (`None` when absent or null).
    pub fn value(&self, path: &str) -> Option<&Value> {
        get_path(&self.doc, path).filter(|v| !v.is_null())
    }

    /// What a field should show: the draft text, else the current value as text (empty when absent).
    pub fn field_text(&self, path: &str) -> String {
        if let Some(d) = self.drafts.get(path) {
            return d.text.clone();
        }
        match self.value(path) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.as_f64().map(format_number).unwrap_or_default(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// Applies what the user typed into the field at `path`, read as the registry's field of that path
    /// ([`crate::fields`]): a number is parsed with its kind (full-width digits, unit suffixes, "35%" for a
    /// ratio) and held to its one valid range; empty text removes an optional value (a required one then
    /// reports "missing"); a flag takes "true" or "false".
    pub fn edit(&mut self, path: &str, text: &str) {
        let parsed = match crate::fields::find(path).map(|f| f.input) {
            None => Err(FieldError {
                zh: "未知字段".into(),
                en: "unknown field".into(),
            }),
            Some(Input::Text) => Ok(Some(Value::String(text.to_owned()))),
            Some(Input::Choice(_)) if text.is_empty() => Ok(None),
            Some(Input::Choice(_)) => Ok(Some(Value::String(text.to_owned()))),
            Some(Input::Flag) => Ok(Some(Value::Bool(text == "true"))),
            Some(Input::YesNo) => Ok(match text {
                "true" => Some(Value::Bool(true)),
                "false" => Some(Value::Bool(false)),
                _ => None,
            }),
            Some(Input::NumberChoice(_)) if text.is_empty() => Ok(None),
            Some(Input::NumberChoice(list)) => crate::choices::choices(list)
                .iter()
                .find(|c| c.value == text)
                .and_then(|c| c.value.parse::<i64>().ok())
                .map(|n| Some(Value::from(n)))
                .ok_or_else(|| FieldError {
                    zh: "不是可选值之一".into(),
                    en: "not one of the choices".into(),
                }),
            Some(Input::Number(kind)) => parse_field_number(text, kind),
        };
        match parsed {
            Err(error) => {
                self.drafts.insert(
                    path.to_owned(),
                    Draft {
                        text: text.to_owned(),
                        error,
                    },
                );
            }
            Ok(value) => self.try_set(path, value, text),
        }
    }

    /// Applies a suggested change from a failing check.
    pub fn apply(&mut self, change: &FieldChange) {
        let text = format_number(change.value);
        self.try_set(&change.field, Some(number_value(change.value)), &text);
    }

    /// Switches the geometry between a box (`"box"`) and measured areas (`"areas"`).
    ///
    /// Box → areas keeps every figure (floor area, V0, roof, the four facades A–D with their azimuths and
    /// gross areas), so the report is unchanged. Areas → box makes a 2:1 box of the same floor area, volume
    /// and storeys, facing the azimuth of facade `A` (or the first facade); facade inputs named A–D are kept.
    /// Returns false (and changes nothing) when the current project cannot be converted.
    pub fn set_geometry_mode(&mut self, mode: &str) -> bool {
        let Ok(b) = crate::model::Building::from_project(&self.project) else {
            return false;
        };
        let mut doc = self.doc.clone();
        let geometry = match (mode, &self.project.geometry) {
            ("areas", crate::project::Geometry::Box { .. }) => serde_json::json!({
                "mode": "areas",
                "floor_area_m2": round6(b.floor_area_m2),
                "volume_m3": round6(b.volume_m3),
                "roof_area_m2": round6(b.roof_area_m2),
                "facades": b.facades.iter().map(|f| serde_json::json!({
                    "name": f.name,
                    "azimuth_deg": round6(f.azimuth_deg),
                    "wall_area_m2": round6(f.gross_area_m2),
                })).collect::<Vec<_>>(),
            }),
            ("box", crate::project::Geometry::Areas { .. }) => {
                let storeys = f64::from(b.storeys.max(1));
                let footprint = b.floor_area_m2 / storeys;
                let length = (2.0 * footprint).sqrt();
                let height = b.volume_m3 / footprint;
                // The model's azimuths include the north offset.
                let orientation = b
                    .facades
                    .iter()
                    .find(|f| f.name == "A")
                    .or(b.facades.first())
                    .map_or(180.0, |f| round6(f.azimuth_deg));
                if let Value::Object(map) = &mut doc {
                    map.insert(
                        "storey_height_m".into(),
                        number_value(round6(height / storeys)),
                    );
                    if let Some(Value::Object(fac)) = map.get_mut("facades") {
                        fac.retain(|k, _| matches!(k.as_str(), "A" | "B" | "C" | "D"));
                    }
                }
                serde_json::json!({
                    "mode": "box",
                    "length_m": round6(length),
                    "depth_m": round6(length / 2.0),
                    "orientation_deg": orientation,
                })
            }
            _ => return false,
        };
        if !set_path(&mut doc, "geometry", Some(geometry)) {
            return false;
        }
        match Project::from_value(doc) {
            Ok(p) => {
                self.load(p);
                true
            }
            Err(_) => false,
        }
    }

    /// Appends a facade to a measured-areas geometry (name `F<n>`, due south, 100 m²).
    pub fn add_area_facade(&mut self) -> bool {
        let crate::project::Geometry::Areas { facades, .. } = &self.project.geometry else {
            return false;
        };
        let mut n = facades.len() + 1;
        while facades.iter().any(|f| f.name == format!("F{n}")) {
            n += 1;
        }
        let mut doc = self.doc.clone();
        if let Some(Value::Array(list)) = get_path_mut(&mut doc, "geometry.facades") {
            list.push(serde_json::json!({ "name": format!("F{n}"), "azimuth_deg": 180, "wall_area_m2": 100 }));
        }
        self.replace_doc(doc)
    }

    /// Removes facade `index` of a measured-areas geometry (and its facade inputs); the last one stays.
    pub fn remove_area_facade(&mut self, index: usize) -> bool {
        let crate::project::Geometry::Areas { facades, .. } = &self.project.geometry else {
            return false;
        };
        if facades.len() <= 1 || index >= facades.len() {
            return false;
        }
        let name = facades[index].name.clone();
        let mut doc = self.doc.clone();
        if let Some(Value::Array(list)) = get_path_mut(&mut doc, "geometry.facades") {
            list.remove(index);
        }
        if let Some(Value::Object(map)) = get_path_mut(&mut doc, "facades") {
            map.remove(&name);
        }
        self.replace_doc(doc)
    }

    fn replace_doc(&mut self, doc: Value) -> bool {
        match Project::from_value(doc) {
            Ok(p) => {
                self.load(p);
                true
            }
            Err(_) => false,
        }
    }

    /// Marks the project's model-import summary (section `import`, written by [`crate::gbxml::import`]) as read:
    /// it stays in the project, and the page no longer shows it. Returns false when there is none.
    pub fn dismiss_import_summary(&mut self) -> bool {
        let key = crate::gbxml::SUMMARY_KEY;
        if !self.project.extra.contains_key(key) {
            return false;
        }
        let mut doc = self.doc.clone();
        set_path(
            &mut doc,
            &format!("{key}.dismissed"),
            Some(Value::Bool(true)),
        ) && self.replace_doc(doc)
    }

    /// Replaces the whole project (template, opened file, share link); drafts are dropped.
    pub fn load(&mut self, project: Project) {
        *self = Editor::new(project);
    }

    /// The project JSON the session would save (the last valid project; unknown sections kept).
    pub fn to_json(&self) -> String {
        self.project.to_json_pretty()
    }

    fn try_set(&mut self, path: &str, value: Option<Value>, text: &str) {
        let mut doc = self.doc.clone();
        if !set_path(&mut doc, path, value) {
            self.drafts.insert(
                path.to_owned(),
                Draft {
                    text: text.to_owned(),
                    error: FieldError {
                        zh: "无法设置该字段".into(),
                        en: "this field cannot be set".into(),
                    },
                },
            );
            return;
        }
        match Project::from_value(doc.clone()) {
            Ok(project) => {
                self.drafts.remove(path);
                self.report = Rc::new(crate::evaluate(&project));
                self.doc = doc;
                self.project = Rc::new(project);
            }
            Err(e) => {
                self.drafts.insert(
                    path.to_owned(),
                    Draft {
                        text: text.to_owned(),
                        error: FieldError {
                            zh: e.message_zh(),
                            en: e.message_en(),
                        },
                    },
                );
            }
        }
    }
}

/// The JSON value of a project, unknown sections included.
fn project_value(p: &Project) -> Value {
    serde_json::from_str(&p.to_json_pretty()).unwrap_or(Value::Null)
}

/// Whole numbers stay integers in the JSON (`storeys` must be one).
fn number_value(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// Rounds to 6 decimals so converted geometry reads cleanly (0.1 mm, 0.000001°).
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn get_path_mut<'v>(doc: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    segments(path).iter().try_fold(doc, |v, s| match s {
        Seg::Key(k) => v.get_mut(*k),
        Seg::Index(i) => v.get_mut(*i),
    })
}

/// Significant digits a field shows: more than any design input is given with, fewer than the binary noise
/// and the unit conversions of a BIM import carry (an imported 187.8156209801 m³ shows as 187.816). Display
/// only: the project keeps the full value until the user types a new one.
const FIELD_SIGNIFICANT_DIGITS: i32 = 6;

/// A number as a field shows it: at most [`FIELD_SIGNIFICANT_DIGITS`] significant digits (and at most 10
/// decimals), no trailing zeros or ".0".
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    if !v.is_finite() {
        return String::new();
    }
    let magnitude = v.abs().log10().floor() as i32;
    let decimals = (FIELD_SIGNIFICANT_DIGITS - 1 - magnitude).clamp(0, 10) as usize;
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    // "-0" when a tiny negative rounds away.
    if s == "-0" { "0" } else { s }.to_owned()
}

fn parse_field_number(text: &str, kind: NumberKind) -> Result<Option<Value>, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v = parse_number(t, kind).map_err(|e| FieldError {
        zh: e.message_zh(),
        en: e.message_en(),
    })?;
    Ok(Some(number_value(v)))
}

/// Splits `a.b[2].c` into keys and indices.
fn segments(path: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Seg::Key(key));
        }
        for idx in rest.split('[') {
            if let Some(n) = idx.strip_suffix(']').and_then(|n| n.parse().ok()) {
                out.push(Seg::Index(n));
            }
        }
    }
    out
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The value at a path, if present.
pub fn get_path<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    segments(path).iter().try_fold(doc, |v, s| match s {
        Seg::Key(k) => v.get(*k),
        Seg::Index(i) => v.get(*i),
    })
}

/// Sets (or with `None` removes) the value at a path, creating objects on the way.
/// Returns false when the path crosses a non-object or a missing array element.
pub fn set_path(doc: &mut Value, path: &str, value: Option<Value>) -> bool {
    let segs = segments(path);
    let Some((last, init)) = segs.split_last() else {
        return false;
    };
    let mut cur = doc;
    for s in init {
        cur = match s {
            Seg::Key(k) => {
                let Value::Object(map) = cur else {
                    return false;
                };
                map.entry(k.to_string())
                    .or_insert_with(|| Value::Object(Map::new()))
            }
            Seg::Index(i) => match cur.get_mut(*i) {
                Some(v) => v,
                None => return false,
            },
        };
        if cur.is_null() {
            *cur = Value::Object(Map::new());
        }
    }
    match (last, cur) {
        (Seg::Key(k), Value::Object(map)) => {
            match value {
                Some(v) => map.insert(k.to_string(), v),
                None => map.remove(*k),
            };
            true
        }
        (Seg::Index(i), Value::Array(arr)) if *i < arr.len() => {
            arr[*i] = value.unwrap_or(Value::Null);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Template;
    use crate::report::Verdict;

    fn highrise() -> Editor {
        Editor::new(Project::template(Template::ResidentialHighRise).unwrap())
    }

    #[test]
    fn valid_edit_updates_project_and_report() {
        let mut e = highrise();
        e.edit("facades.A.wwr", "0.2");
        assert_eq!(e.project().facades["A"].wwr, Some(0.2));
        assert!(!e.is_stale());
        let c = e.report().check("wwr.A").unwrap();
        assert_eq!(c.value, Some(0.2));
    }

    #[test]
    fn invalid_text_is_kept_as_draft_and_report_stays() {
        let mut e = highrise();
        let before = e.report().clone();
        e.edit("facades.A.wwr", "abc");
        assert!(e.is_stale());
        assert_eq!(e.field_text("facades.A.wwr"), "abc");
        assert_eq!(e.report(), &before);
        assert_eq!(e.project().facades["A"].wwr, Some(0.45));
        // Fixing the field clears the draft.
        e.edit("facades.A.wwr", "0.3");
        assert!(!e.is_stale());
        assert_eq!(e.field_text("facades.A.wwr"), "0.3");
    }

    #[test]
    fn out_of_range_value_is_rejected_by_project_validation() {
        let mut e = highrise();
        e.edit("facades.A.wwr", "1.2");
        let d = e.draft("facades.A.wwr").expect("draft");
        assert!(d.error.en.contains("facades.A.wwr") || !d.error.en.is_empty());
        assert_eq!(e.project().facades["A"].wwr, Some(0.45));
        e.edit("storeys", "0");
        assert!(e.draft("storeys").is_some());
        e.edit("storeys", "2.5");
        assert!(e.draft("storeys").is_some());
        assert_eq!(e.project().storeys, 18);
    }

    #[test]
    fn percent_is_accepted_for_ratios() {
        let mut e = highrise();
        e.edit("facades.C.wwr", "35%");
        assert_eq!(e.project().facades["C"].wwr, Some(0.35));
    }

    #[test]
    fn full_width_digits_spaces_and_units_are_normalised_comma_is_refused() {
        let mut e = highrise();
        e.edit("facades.C.wwr", "　０.３５ ");
        assert_eq!(e.project().facades["C"].wwr, Some(0.35));
        e.edit("geometry.length_m", "48 m");
        assert!(e.draft("geometry.length_m").is_none());
        e.edit("envelope.wall_u", "0,35");
        let d = e.draft("envelope.wall_u").expect("comma refused");
        assert!(d.error.en.contains("0.35"), "{}", d.error.en);
        assert_eq!(e.project().envelope.wall_u, Some(0.42));
        for bad in ["-", "NaN", "inf", "1e999", "-0.3", "0"] {
            e.edit("envelope.wall_u", bad);
            assert!(e.draft("envelope.wall_u").is_some(), "{bad} accepted");
            assert_eq!(e.project().envelope.wall_u, Some(0.42));
        }
    }

    #[test]
    fn fields_without_a_specific_kind_take_any_finite_number() {
        let mut e = highrise();
        e.edit("assumptions.air_changes_per_h", "0.8");
        assert_eq!(
            e.project().assumptions.get("air_changes_per_h"),
            Some(&Value::from(0.8))
        );
        e.edit("green.self_assessed.safety", "1e9x");
        assert!(e.draft("green.self_assessed.safety").is_some());
    }

    #[test]
    fn empty_optional_field_removes_it_and_required_one_reports_missing() {
        let mut e = highrise();
        e.edit("envelope.ground_perimeter_r", "1.6");
        assert_eq!(e.project().envelope.ground_perimeter_r, Some(1.6));
        e.edit("envelope.ground_perimeter_r", "");
        assert_eq!(e.project().envelope.ground_perimeter_r, None);
        // wall_u is optional in the file but required by the checks → verdict incomplete.
        e.edit("envelope.wall_u", "");
        assert_eq!(e.report().verdict, Verdict::Incomplete);
        assert!(e.report().missing.iter().any(|m| m == "envelope.wall_u"));
    }

    #[test]
    fn applying_a_suggestion_makes_that_check_pass() {
        let mut e = highrise();
        e.edit("envelope.wall_u", "0.5");
        let c = e.report().check("u.wall").unwrap().clone();
        assert_eq!(c.status, crate::report::Status::Fail);
        let change = c.suggestion.unwrap().changes[0].clone();
        e.apply(&change);
        assert_eq!(
            e.report().check("u.wall").unwrap().status,
            crate::report::Status::Pass
        );
    }

    #[test]
    fn paths_with_indices_and_unknown_sections_survive() {
        let mut v: Value = serde_json::json!({"a": {"b": [1, {"c": 2}]}});
        assert!(set_path(&mut v, "a.b[1].c", Some(Value::from(5))));
        assert_eq!(get_path(&v, "a.b[1].c"), Some(&Value::from(5)));
        assert!(!set_path(&mut v, "a.b[7].c", Some(Value::from(5))));
        assert!(!set_path(&mut v, "a.b[0].c", Some(Value::from(5))));
        assert!(set_path(&mut v, "x.y.z", Some(Value::from(1))));
        assert_eq!(get_path(&v, "x.y.z"), Some(&Value::from(1)));
        assert!(!set_path(&mut v, "", None));
    }

    #[test]
    fn box_to_areas_keeps_the_report_and_back_keeps_the_figures() {
        let mut e = highrise();
        let before = e.report().clone();
        assert!(e.set_geometry_mode("areas"));
        let after = e.report();
        assert_eq!(after.verdict, before.verdict);
        let (b0, b1) = (
            before.building.clone().unwrap(),
            after.building.clone().unwrap(),
        );
        // 60 × 12 × 18 storeys = 12 960 m²; V0 = 60 × 12 × 52.2 = 37 584 m³.
        assert!((b1.floor_area_m2 - 12_960.0).abs() < 1e-6);
        assert!((b1.volume_m3 - 37_584.0).abs() < 1e-6);
        assert!((b1.shape_factor - b0.shape_factor).abs() < 1e-9);
        for id in ["wwr.A", "u.window.C", "shgc.window.D"] {
            assert_eq!(
                after.check(id).unwrap().status,
                before.check(id).unwrap().status,
                "{id}"
            );
        }
        // Edit a measured facade by its index path.
        e.edit("geometry.facades[0].azimuth_deg", "225");
        assert_eq!(
            e.report().check("wwr.A").unwrap().orientation,
            Some(crate::model::Orientation::W)
        );
        assert!(e.add_area_facade());
        assert_eq!(e.project().facade_names().len(), 5);
        assert!(e.remove_area_facade(4));
        assert_eq!(e.project().facade_names().len(), 4);
        // Back to a box: same floor area, volume and storeys.
        assert!(e.set_geometry_mode("box"));
        let b2 = e.report().building.clone().unwrap();
        assert!((b2.floor_area_m2 - 12_960.0).abs() < 1e-3);
        assert!((b2.volume_m3 - 37_584.0).abs() < 1e-2);
        assert_eq!(e.project().storeys, 18);
        assert!(!e.set_geometry_mode("box"));
    }

    #[test]
    fn an_import_summary_is_dismissed_and_kept() {
        let mut e = highrise();
        assert!(
            !e.dismiss_import_summary(),
            "no summary, nothing to dismiss"
        );
        let mut p = e.project().clone();
        p.extra.insert(
            crate::gbxml::SUMMARY_KEY.into(),
            serde_json::json!({"source": "model.xml", "lines": []}),
        );
        e.load(p);
        assert!(e.dismiss_import_summary());
        let kept = &e.project().extra[crate::gbxml::SUMMARY_KEY];
        assert_eq!(kept["dismissed"], Value::Bool(true));
        assert_eq!(kept["source"], "model.xml");
        assert!(e.to_json().contains("\"dismissed\": true"));
    }

    /// The field shows six significant digits; the project (and what Save writes) keeps every digit.
    #[test]
    fn field_text_is_display_only() {
        let mut p = Project::template(Template::ResidentialHighRise).unwrap();
        p.storey_height_m = Some(2.9123456789);
        let e = Editor::new(p);
        assert_eq!(e.field_text("storey_height_m"), "2.91235");
        assert!(e.to_json().contains("2.9123456789"));
    }

    #[test]
    fn number_text_round_trips() {
        assert_eq!(format_number(18.0), "18");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(2.9), "2.9");
        assert_eq!(format_number(-0.25), "-0.25");
        // Imported measurements (gbXML areas in feet converted to metres) show six significant digits.
        assert_eq!(format_number(187.8156209801), "187.816");
        assert_eq!(format_number(23.545900715931687), "23.5459");
        assert_eq!(format_number(69.67728), "69.6773");
        assert_eq!(format_number(0.57048812), "0.570488");
        assert_eq!(format_number(12345.678), "12345.7");
        assert_eq!(format_number(0.000123456789), "0.000123457");
        assert_eq!(format_number(-0.0000000000004), "0");
        assert_eq!(format_number(1e-12), "0");
        assert_eq!(format_number(f64::NAN), "");
    }
}
