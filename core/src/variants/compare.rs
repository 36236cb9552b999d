//! The comparison of the variants: one row per figure (verdict, governing failing checks, saving rate, energy
//! ratio, demands, shape factor, WWR per orientation class, star level and score, PV coverage and yield,
//! retrofit improvement), one cell per variant in order, the best variant of each row, and the inputs that
//! differ between variants.
//!
//! Built from the variants' reports only. [`Reports`] keeps each variant's report with the inputs it was
//! computed from, so a keystroke — which changes only the active variant — re-evaluates that one at most (none
//! when the page hands over the report its editor already computed, [`Reports::set`]).
//!
//! "Best" is data: each row's [`Better`] direction is in one table (`ROWS`); a cell's rank is its number (a
//! verdict ranks complies < tradeoff < incomplete < fails, a star level by its order, the failing checks by
//! their count). The best cells are those at the extreme in the row's direction; a row has none when fewer
//! than two variants have a value or all values are equal.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use super::{Inputs, Variant, Variants};
use crate::fields;
use crate::model::Orientation;
use crate::project::Project;
use crate::report::{Check, Report, ReportError, Status, Verdict};
use crate::retrofit::RetrofitQuantity;
use crate::star::StarLevel;
use crate::text::Text;

/// Format of [`VariantsReport`].
pub const VARIANTS_REPORT_FORMAT: &str = "greencheck-variants-report/1";

/// Which way a row is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// A higher rank is better.
    Higher,
    /// A lower rank is better.
    Lower,
    /// Neither (shown, never "best").
    Neither,
}

/// The figure a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKey {
    /// GB 55015 verdict.
    Verdict,
    /// The checks that decided a failing verdict (count: every failing mandatory check).
    FailingChecks,
    /// Estimated saving rate vs the plan's 83 % / 78 % target.
    SavingRate,
    /// Energy ratio E_design / E_reference vs the target ratio.
    EnergyRatio,
    /// Heating need, kWh/(m²·a).
    HeatingDemand,
    /// Cooling need, kWh/(m²·a).
    CoolingDemand,
    /// Energy use (heating / efficiency + cooling / EER), kWh/(m²·a).
    EnergyUse,
    /// Shape factor F0/V0.
    ShapeFactor,
    /// WWR of the north class (area-weighted over its facades).
    WwrN,
    /// WWR of the east class.
    WwrE,
    /// WWR of the south class.
    WwrS,
    /// WWR of the west class.
    WwrW,
    /// GB/T 50378 star level.
    StarLevel,
    /// GB/T 50378 total score Q.
    StarScore,
    /// PV module area / installable roof area.
    PvCoverage,
    /// PV annual yield, kWh.
    PvYield,
    /// Retrofit improvement Δ.
    RetrofitImprovement,
}

/// A failing check as a comparison shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckRef {
    /// Check id (`u.window.A`).
    pub id: String,
    /// Label in Chinese: element, facade and orientation ("外窗 K · A 南").
    pub label_zh: String,
    /// Label in English ("Window K · A south").
    pub label_en: String,
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cell {
    /// No value (a missing input, an absent section, an invalid variant).
    Missing,
    /// A number, with the target it is held to and whether it meets it.
    Number {
        /// Value.
        value: f64,
        /// Target, where the row has one for this variant.
        #[serde(skip_serializing_if = "Option::is_none")]
        target: Option<f64>,
        /// Whether the value meets the target.
        #[serde(skip_serializing_if = "Option::is_none")]
        meets: Option<bool>,
    },
    /// A verdict.
    Verdict {
        /// Verdict.
        verdict: Verdict,
    },
    /// A star level.
    Level {
        /// Level.
        level: StarLevel,
    },
    /// Failing checks.
    Checks {
        /// Failing mandatory checks (what ranks the row).
        count: usize,
        /// The decisive ones, with labels.
        decisive: Vec<CheckRef>,
    },
}

impl Cell {
    /// The number the row's direction compares.
    pub fn rank(&self) -> Option<f64> {
        match self {
            Cell::Missing => None,
            Cell::Number { value, .. } => value.is_finite().then_some(*value),
            Cell::Verdict { verdict } => Some(*verdict as u8 as f64),
            Cell::Level { level } => Some(*level as u8 as f64),
            Cell::Checks { count, .. } => Some(*count as f64),
        }
    }

    fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Missing, |value| Cell::Number {
            value,
            target: None,
            meets: None,
        })
    }
}

/// One row of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What it shows.
    pub key: RowKey,
    /// Label.
    pub label: Text,
    /// Unit of its numbers (empty for ratios and codes).
    pub unit: &'static str,
    /// Which way is better.
    pub better: Better,
    /// One cell per variant, in order.
    pub cells: Vec<Cell>,
    /// Indexes of the best variants (see the module docs).
    pub best: Vec<usize>,
}

/// One variant's column head.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Whether it is the active variant.
    pub active: bool,
    /// False when its inputs could not be read (its report carries the error).
    pub valid: bool,
}

/// An input whose value differs between variants.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// Field path (`facades.A.wwr`).
    pub path: String,
    /// The registry field's label.
    pub label: Text,
    /// The value in each variant, in order (`None`: absent).
    pub values: Vec<Option<Value>>,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The variants, in order.
    pub variants: Vec<Column>,
    /// The rows that have a value in some variant (verdict and failing checks always).
    pub rows: Vec<Row>,
    /// Inputs whose values differ, in registry order.
    pub differing: Vec<Difference>,
}

/// How a row is made.
struct RowSpec {
    key: RowKey,
    label: Text,
    unit: &'static str,
    better: Better,
    cell: fn(&Report) -> Cell,
}

const fn spec(
    key: RowKey,
    label: Text,
    unit: &'static str,
    better: Better,
    cell: fn(&Report) -> Cell,
) -> RowSpec {
    RowSpec {
        key,
        label,
        unit,
        better,
        cell,
    }
}

/// Every row: what it shows, its label and unit, which way is better, and its cell from a report.
const ROWS: [RowSpec; 17] = [
    spec(
        RowKey::Verdict,
        Text::new("结论", "Verdict"),
        "",
        Better::Lower,
        |r| Cell::Verdict { verdict: r.verdict },
    ),
    spec(
        RowKey::FailingChecks,
        Text::new("主要不满足项", "Governing failing checks"),
        "",
        Better::Lower,
        failing_checks,
    ),
    spec(
        RowKey::SavingRate,
        Text::new("估算节能率", "Estimated saving rate"),
        "",
        Better::Higher,
        |r| {
            r.energy.as_ref().map_or(Cell::Missing, |e| Cell::Number {
                value: e.saving_rate,
                target: Some(e.target_rate),
                meets: Some(e.meets_target),
            })
        },
    ),
    spec(
        RowKey::EnergyRatio,
        Text::new("能耗比（设计/参照）", "Energy ratio (design / reference)"),
        "",
        Better::Lower,
        |r| {
            r.energy.as_ref().map_or(Cell::Missing, |e| Cell::Number {
                value: e.ratio,
                target: Some(e.target_ratio),
                meets: Some(e.meets_target),
            })
        },
    ),
    spec(
        RowKey::HeatingDemand,
        Text::new("供暖需求", "Heating demand"),
        "kWh/(m²·a)",
        Better::Lower,
        |r| Cell::number(r.energy.as_ref().map(|e| e.design.heating_kwh_m2)),
    ),
    spec(
        RowKey::CoolingDemand,
        Text::new("供冷需求", "Cooling demand"),
        "kWh/(m²·a)",
        Better::Lower,
        |r| Cell::number(r.energy.as_ref().map(|e| e.design.cooling_kwh_m2)),
    ),
    spec(
        RowKey::EnergyUse,
        Text::new("供暖供冷能耗", "Heating and cooling energy"),
        "kWh/(m²·a)",
        Better::Lower,
        |r| Cell::number(r.energy.as_ref().map(|e| e.design.energy_kwh_m2)),
    ),
    spec(
        RowKey::ShapeFactor,
        Text::new("体形系数", "Shape factor"),
        "1/m",
        Better::Lower,
        |r| Cell::number(r.building.as_ref().map(|b| b.shape_factor)),
    ),
    spec(
        RowKey::WwrN,
        Text::new("北向窗墙比", "WWR, north"),
        "",
        Better::Neither,
        |r| wwr(r, Orientation::N),
    ),
    spec(
        RowKey::WwrE,
        Text::new("东向窗墙比", "WWR, east"),
        "",
        Better::Neither,
        |r| wwr(r, Orientation::E),
    ),
    spec(
        RowKey::WwrS,
        Text::new("南向窗墙比", "WWR, south"),
        "",
        Better::Neither,
        |r| wwr(r, Orientation::S),
    ),
    spec(
        RowKey::WwrW,
        Text::new("西向窗墙比", "WWR, west"),
        "",
        Better::Neither,
        |r| wwr(r, Orientation::W),
    ),
    spec(
        RowKey::StarLevel,
        Text::new("绿色建筑星级", "Star level"),
        "",
        Better::Higher,
        |r| {
            r.star
                .as_ref()
                .map_or(Cell::Missing, |s| Cell::Level { level: s.level })
        },
    ),
    spec(
        RowKey::StarScore,
        Text::new("绿色建筑总得分", "Star total score"),
        "",
        Better::Higher,
        |r| Cell::number(r.star.as_ref().map(|s| s.q)),
    ),
    spec(
        RowKey::PvCoverage,
        Text::new("光伏覆盖率", "PV coverage"),
        "",
        Better::Higher,
        |r| match r.pv.as_ref().and_then(|p| p.coverage_ratio.map(|c| (c, p))) {
            Some((value, p)) => Cell::Number {
                value,
                target: Some(p.coverage_target),
                meets: p.meets_coverage_target,
            },
            None => Cell::Missing,
        },
    ),
    spec(
        RowKey::PvYield,
        Text::new("光伏年发电量", "PV annual yield"),
        "kWh",
        Better::Higher,
        |r| Cell::number(r.pv.as_ref().map(|p| p.annual_kwh)),
    ),
    spec(
        RowKey::RetrofitImprovement,
        Text::new("改造能效提升", "Retrofit improvement"),
        "",
        Better::Higher,
        retrofit_improvement,
    ),
];

/// Rows shown even when every cell is missing.
const ALWAYS: [RowKey; 2] = [RowKey::Verdict, RowKey::FailingChecks];

impl RowKey {
    /// Whether the row's numbers are fractions (shown as percentages).
    pub const fn is_fraction(self) -> bool {
        matches!(
            self,
            RowKey::SavingRate
                | RowKey::WwrN
                | RowKey::WwrE
                | RowKey::WwrS
                | RowKey::WwrW
                | RowKey::PvCoverage
                | RowKey::RetrofitImprovement
        )
    }

    /// Decimals the row's numbers are shown with (for [`RowKey::is_fraction`] rows, of the fraction: 3 =
    /// 0.1 %). The best cell is decided at this precision, so a cell marked best always shows
    /// a better number than the others, never the same one.
    pub const fn decimals(self) -> i32 {
        match self {
            RowKey::HeatingDemand
            | RowKey::CoolingDemand
            | RowKey::EnergyUse
            | RowKey::StarScore => 1,
            RowKey::PvYield => 0,
            _ => 3,
        }
    }
}

fn failing_checks(r: &Report) -> Cell {
    if r.building.is_none() {
        return Cell::Missing;
    }
    let count = r.failing().filter(|c| c.mandatory).count();
    let decisive = r
        .decisive
        .iter()
        .filter_map(|id| r.check(id))
        .filter(|c| c.status == Status::Fail)
        .map(check_ref)
        .collect();
    Cell::Checks { count, decisive }
}

fn check_ref(c: &Check) -> CheckRef {
    let name = c.element.label();
    let (zh, en) = match (&c.facade, c.orientation) {
        (Some(f), Some(o)) => (
            format!("{} · {f} {}", name.zh, o.label().zh),
            format!("{} · {f} {}", name.en, o.label().en),
        ),
        (Some(f), None) => (format!("{} · {f}", name.zh), format!("{} · {f}", name.en)),
        _ => (name.zh.to_owned(), name.en.to_owned()),
    };
    CheckRef {
        id: c.id.to_string(),
        label_zh: zh,
        label_en: en,
    }
}

/// Σ window area / Σ gross wall area of the facades of one B.0.5 class.
fn wwr(r: &Report, o: Orientation) -> Cell {
    let Some(b) = &r.building else {
        return Cell::Missing;
    };
    let (mut windows, mut walls) = (0.0, 0.0);
    for f in b.facades.iter().filter(|f| f.orientation == o) {
        let Some(w) = f.window_area_m2 else {
            return Cell::Missing;
        };
        windows += w;
        walls += f.wall_area_m2;
    }
    Cell::number((walls > 0.0).then(|| windows / walls))
}

fn retrofit_improvement(r: &Report) -> Cell {
    let Some(s) = &r.retrofit else {
        return Cell::Missing;
    };
    let Some(i) = &s.improvement else {
        return Cell::Missing;
    };
    let target = s
        .targets
        .iter()
        .find(|t| t.quantity == RetrofitQuantity::EnergyImprovement);
    Cell::Number {
        value: i.delta,
        target: target.and_then(|t| t.value),
        meets: target.and_then(|t| t.met),
    }
}

/// The best cells of a row (module docs).
fn best(cells: &[Cell], better: Better, decimals: i32) -> Vec<usize> {
    // Ranks as shown: rounded to the row's decimals (verdicts, levels and counts are whole numbers already).
    let scale = 10f64.powi(decimals);
    let ranks: Vec<(usize, f64)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.rank().map(|r| (i, (r * scale).round())))
        .collect();
    let pick = match better {
        Better::Neither => return Vec::new(),
        Better::Higher => f64::max,
        Better::Lower => f64::min,
    };
    let Some(extreme) = ranks.iter().map(|(_, r)| *r).reduce(pick) else {
        return Vec::new();
    };
    let tie = |r: f64| r == extreme;
    let best: Vec<usize> = ranks
        .iter()
        .filter(|(_, r)| tie(*r))
        .map(|(i, _)| *i)
        .collect();
    if ranks.len() < 2 || best.len() == ranks.len() {
        Vec::new()
    } else {
        best
    }
}

/// A report with the inputs it was computed from.
#[derive(Debug, Clone, PartialEq)]
struct Cached {
    id: String,
    /// What the report was computed from (compared with the variant's inputs: a struct comparison, cheap).
    source: Inputs,
    /// The same inputs as JSON, for the differences.
    doc: Value,
    report: Rc<Report>,
}

/// Each variant's report, kept between comparisons: only variants whose inputs changed are evaluated again.
/// Shared (`Rc`): the page's state, which holds them, is copied at every keystroke.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reports {
    cached: Vec<Rc<Cached>>,
}

impl Reports {
    /// No reports yet.
    pub fn new() -> Reports {
        Reports::default()
    }

    /// Brings every variant's report up to date: a variant whose inputs equal those of its kept report is not
    /// evaluated again; removed variants are dropped. Returns how many were evaluated.
    pub fn refresh(&mut self, variants: &Variants) -> usize {
        let mut evaluated = 0;
        let mut next = Vec::with_capacity(variants.len());
        for v in variants.list() {
            let kept = self
                .cached
                .iter()
                .position(|c| c.id == v.id() && c.source == v.inputs);
            let cached = match kept {
                Some(i) => self.cached.swap_remove(i),
                None => {
                    evaluated += 1;
                    Rc::new(Cached {
                        id: v.id().to_owned(),
                        source: v.inputs.clone(),
                        doc: v.inputs_value(),
                        report: Rc::new(report_of(v)),
                    })
                }
            };
            next.push(cached);
        }
        self.cached = next;
        evaluated
    }

    /// Keeps a report already computed for a variant's inputs (the editor's, after a keystroke), so
    /// [`Reports::refresh`] does not evaluate that variant again.
    pub fn set(&mut self, id: &str, project: &Project, report: Rc<Report>) {
        let mut project = project.clone();
        project.extra.remove(super::SECTION);
        let cached = Rc::new(Cached {
            id: id.to_owned(),
            doc: super::project_value(&project),
            source: Inputs::Valid(Box::new(project)),
            report,
        });
        match self.cached.iter_mut().find(|c| c.id == id) {
            Some(c) => *c = cached,
            None => self.cached.push(cached),
        }
    }

    /// The kept report of a variant.
    pub fn get(&self, id: &str) -> Option<&Report> {
        self.cached.iter().find(|c| c.id == id).map(|c| &*c.report)
    }

    /// Refreshes ([`Reports::refresh`]) and compares the variants.
    pub fn compare(&mut self, variants: &Variants) -> Comparison {
        self.refresh(variants);
        let reports: Vec<&Report> = self.cached.iter().map(|c| &*c.report).collect();
        let rows = ROWS
            .iter()
            .filter_map(|s| {
                let cells: Vec<Cell> = reports.iter().map(|r| (s.cell)(r)).collect();
                let shown = ALWAYS.contains(&s.key) || cells.iter().any(|c| *c != Cell::Missing);
                shown.then(|| Row {
                    key: s.key,
                    label: s.label,
                    unit: s.unit,
                    better: s.better,
                    best: best(&cells, s.better, s.key.decimals()),
                    cells,
                })
            })
            .collect();
        let docs: Vec<&Value> = self.cached.iter().map(|c| &c.doc).collect();
        Comparison {
            variants: variants
                .list()
                .iter()
                .enumerate()
                .map(|(i, v)| Column {
                    id: v.id().to_owned(),
                    label: v.label().to_owned(),
                    active: i == variants.active_index(),
                    valid: v.project().is_some(),
                })
                .collect(),
            rows,
            differing: differing(&docs),
        }
    }
}

/// The report of one variant: evaluated, or the invalid-project report of its error.
fn report_of(v: &Variant) -> Report {
    match &v.inputs {
        Inputs::Valid(p) => crate::evaluate(p),
        Inputs::Invalid { error, .. } => crate::evaluate::invalid_report(&error.to_project_error()),
    }
}

/// Compares the variants, evaluating each (opening a file, the CLI).
pub fn compare_all(variants: &Variants) -> Comparison {
    Reports::new().compare(variants)
}

/// Two values of one field are the same (numbers by value: `3` and `3.0` are one).
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(Value::Number(x)), Some(Value::Number(y))) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// The registry fields whose values differ between the documents, in registry order. The documents are
/// walked together and equal subtrees skipped, so the cost follows what differs, not the registry's size.
fn differing(docs: &[&Value]) -> Vec<Difference> {
    if docs.len() < 2 {
        return Vec::new();
    }
    let mut leaves = Vec::new();
    let roots: Vec<Option<&Value>> = docs.iter().map(|d| Some(*d)).collect();
    walk(&mut String::new(), &roots, &mut leaves);
    let mut out: Vec<(usize, Difference)> = leaves
        .into_iter()
        .filter_map(|(path, values)| {
            let field = fields::find(&path)?;
            let order = fields::ALL.iter().position(|f| f.path == field.path)?;
            Some((
                order,
                Difference {
                    path,
                    label: field.label,
                    values,
                },
            ))
        })
        .collect();
    // Stable: within a field, facades and indices keep the walk's (sorted) order.
    out.sort_by_key(|(order, _)| *order);
    out.into_iter().map(|(_, d)| d).collect()
}

/// Collects the leaf paths (`facades.A.wwr`, `geometry.facades[0].azimuth_deg`) where the values differ.
fn walk(path: &mut String, values: &[Option<&Value>], out: &mut Vec<(String, Vec<Option<Value>>)>) {
    let values: Vec<Option<&Value>> = values.iter().map(|v| v.filter(|x| !x.is_null())).collect();
    if values.iter().all(|v| same(*v, values[0])) {
        return;
    }
    let len = path.len();
    if values.iter().any(|v| matches!(v, Some(Value::Object(_)))) {
        let keys: BTreeSet<&String> = values
            .iter()
            .filter_map(|v| v.and_then(Value::as_object))
            .flat_map(|m| m.keys())
            .collect();
        for k in keys {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(k);
            let child: Vec<Option<&Value>> = values
                .iter()
                .map(|v| v.and_then(Value::as_object).and_then(|m| m.get(k)))
                .collect();
            walk(path, &child, out);
            path.truncate(len);
        }
    } else if values.iter().any(|v| matches!(v, Some(Value::Array(_)))) {
        let n = values
            .iter()
            .filter_map(|v| v.and_then(Value::as_array).map(Vec::len))
            .max()
            .unwrap_or(0);
        for i in 0..n {
            path.push_str(&format!("[{i}]"));
            let child: Vec<Option<&Value>> = values
                .iter()
                .map(|v| v.and_then(Value::as_array).and_then(|a| a.get(i)))
                .collect();
            walk(path, &child, out);
            path.truncate(len);
        }
    } else {
        out.push((path.clone(), values.iter().map(|v| v.cloned()).collect()));
    }
}

/// One variant's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantReport {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
    /// Whether it is the active variant.
    pub active: bool,
    /// Its report (`greencheck-report/1`; for an invalid variant, the error with its path in the file).
    pub report: Report,
}

/// Every variant's report and their comparison (the CLI's `--json` for a file with variants).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantsReport {
    /// Always [`VARIANTS_REPORT_FORMAT`].
    pub format: Cow<'static, str>,
    /// Id of the active variant (the file's top level).
    pub active: String,
    /// Problems of the `variants` section, with their paths (an unreadable section; each invalid variant).
    pub errors: Vec<ReportError>,
    /// The variants in order, each with its report.
    pub variants: Vec<VariantReport>,
    /// Their comparison.
    pub comparison: Comparison,
}

/// Evaluates every variant and compares them.
pub fn evaluate_variants(variants: &Variants) -> VariantsReport {
    let mut reports = Reports::new();
    let comparison = reports.compare(variants);
    VariantsReport {
        format: Cow::Borrowed(VARIANTS_REPORT_FORMAT),
        active: variants.active().id().to_owned(),
        errors: variants
            .errors()
            .iter()
            .map(|e| ReportError {
                path: e.path.clone(),
                message_zh: e.message_zh(),
                message_en: e.message_en(),
            })
            .collect(),
        variants: variants
            .list()
            .iter()
            .enumerate()
            .map(|(i, v)| VariantReport {
                id: v.id().to_owned(),
                label: v.label().to_owned(),
                active: i == variants.active_index(),
                report: reports.get(v.id()).cloned().unwrap_or_else(|| report_of(v)),
            })
            .collect(),
        comparison,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cell marked best shows a better number: ties are decided at the row's shown precision.
    #[test]
    fn best_is_decided_at_the_shown_precision() {
        let n = |v: f64| Cell::number(Some(v));
        let heating = RowKey::HeatingDemand.decimals();
        // 35.04 and 35.01 kWh/(m²·a) both show as 35.0: neither is marked.
        assert!(best(&[n(35.04), n(35.01)], Better::Lower, heating).is_empty());
        // 35.04 → 35.0 and 34.94 → 34.9: the second is lower as shown.
        assert_eq!(best(&[n(35.04), n(34.94)], Better::Lower, heating), vec![1]);
        // Saving rates are fractions shown to 0.1 %: 0.7621 and 0.7624 are both 76.2 %.
        let rate = RowKey::SavingRate.decimals();
        assert!(best(&[n(0.7621), n(0.7624)], Better::Higher, rate).is_empty());
        assert_eq!(
            best(&[n(0.7621), n(0.7634), n(0.75)], Better::Higher, rate),
            vec![1]
        );
    }
}
