//! The bureau's portfolio summary (汇总): one row per project and the city indicators of the plan
//! computed over them, as the city rows of `plan_targets.csv` say (which building rows, aggregated
//! by floor area, by number or as a quotient of sums).
//!
//! Pure: the caller reads the files (the `greencheck summary` command walks folders and evaluates
//! on every core) and hands in [`PortfolioRow`]s and the files it could not use.

use std::borrow::Cow;

use serde::Serialize;

pub mod csv;
pub mod synth;

use crate::plan::{
    city_rows, Attribute, Basis, Compare, Indicator, Measured, PlanInput, PlanStatus, Provenance,
    StarLevel, TargetRow, PLAN_DOCUMENT, PLAN_EN, PLAN_ZH,
};
use crate::project::{Project, Use};
use crate::report::{Report, Verdict};

/// Portfolio format version.
pub const PORTFOLIO_FORMAT: &str = "greencheck-portfolio/1";

/// One scorecard row of a project, as the portfolio keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowResult {
    /// Row id of `plan_targets.csv`.
    pub id: Cow<'static, str>,
    /// Status.
    pub status: PlanStatus,
    /// Value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Measured>,
    /// For quotients.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    /// For quotients.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
}

/// One project of the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioRow {
    /// File, as the caller names it.
    pub file: String,
    /// Project name.
    pub name: String,
    /// Building use.
    #[serde(rename = "use")]
    pub building_use: Use,
    /// Reporting year (`plan.year`), when given and valid.
    pub year: Option<u16>,
    /// Reporting county or district (`plan.district`, normalised), when given.
    pub district: Option<String>,
    /// Floor area the plan's indicators use, m² (the scorecard's).
    pub floor_area_m2: Option<f64>,
    /// GB 55015 verdict.
    pub verdict: Verdict,
    /// Estimated energy-saving rate.
    pub saving_rate: Option<f64>,
    /// Its target (0.83 / 0.78).
    pub target_rate: Option<f64>,
    /// Star level (self-check estimate).
    pub star_level: Option<StarLevel>,
    /// PV module area / installable roof area.
    pub pv_coverage: Option<f64>,
    /// Scorecard rows (empty when the `plan` section is invalid: see `errors`).
    pub plan: Vec<RowResult>,
    /// Paths of the report's errors (invalid optional sections).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<String>,
}

impl PortfolioRow {
    /// The portfolio row of an evaluated project.
    pub fn new(file: impl Into<String>, project: &Project, report: &Report) -> PortfolioRow {
        let plan = report.plan.as_ref();
        let reporting = PlanInput::reporting(&project.plan);
        PortfolioRow {
            file: file.into(),
            name: project.name.clone(),
            building_use: project.building_use,
            year: reporting.year(),
            district: reporting.district(),
            floor_area_m2: plan
                .and_then(|p| p.floor_area_m2)
                .or_else(|| report.building.as_ref().map(|b| b.floor_area_m2)),
            verdict: report.verdict,
            saving_rate: report.energy.as_ref().map(|e| e.saving_rate),
            target_rate: report.energy.as_ref().map(|e| e.target_rate),
            star_level: report.star.as_ref().map(|s| s.level),
            pv_coverage: report.pv.as_ref().and_then(|p| p.coverage_ratio),
            plan: plan.map_or_else(Vec::new, |p| {
                p.rows
                    .iter()
                    .map(|r| RowResult {
                        id: r.id.clone(),
                        status: r.status,
                        value: r.value,
                        numerator: r.numerator,
                        denominator: r.denominator,
                    })
                    .collect()
            }),
            errors: report.errors.iter().map(|e| e.path.clone()).collect(),
        }
    }

    /// The status of one scorecard row.
    pub fn status(&self, id: &str) -> Option<PlanStatus> {
        self.plan.iter().find(|r| r.id == id).map(|r| r.status)
    }
}

/// A file that is not a usable project, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvalidFile {
    /// File, as the caller names it.
    pub file: String,
    /// Field path of the problem (empty for the whole file).
    pub path: String,
    /// Reason, Chinese.
    pub message_zh: String,
    /// Reason, English.
    pub message_en: String,
}

impl InvalidFile {
    /// A file refused for the reason given, in both languages.
    pub fn new(
        file: impl Into<String>,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> InvalidFile {
        InvalidFile {
            file: file.into(),
            path: String::new(),
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }
}

/// The portfolio row of a project (evaluated here).
pub fn project_row(file: &str, project: &Project) -> PortfolioRow {
    PortfolioRow::new(file, project, &crate::evaluate(project))
}

/// A project file's row, or why the file is not a usable project (the page reads files with this; a BIM
/// model goes through the importer first and then [`project_row`]).
pub fn file_row(file: &str, bytes: &[u8]) -> Result<(Project, PortfolioRow), InvalidFile> {
    let loaded =
        crate::open::open_project(bytes).map_err(|e| InvalidFile::new(file, e.zh, e.en))?;
    let row = project_row(file, &loaded.project);
    Ok((loaded.project, row))
}

/// Projects per verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct VerdictCounts {
    /// `complies`.
    pub complies: usize,
    /// `tradeoff`.
    pub tradeoff: usize,
    /// `incomplete`.
    pub incomplete: usize,
    /// `fails`.
    pub fails: usize,
}

/// One city indicator over the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CityIndicator {
    /// Row id of `plan_targets.csv`.
    pub id: &'static str,
    /// What is measured.
    pub indicator: Indicator,
    /// Place in the plan.
    pub section: &'static str,
    /// Row of the plan's indicator table, when there is one.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub table_row: &'static str,
    /// Attribute in the indicator table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<Attribute>,
    /// The plan's wording.
    pub wording_zh: &'static str,
    /// English rendering.
    pub wording_en: &'static str,
    /// Building rows aggregated.
    pub of: &'static [&'static str],
    /// How.
    pub basis: Basis,
    /// Comparison.
    pub compare: Compare,
    /// Target.
    pub target: Measured,
    /// Unit (`ratio` = fraction).
    pub unit: &'static str,
    /// Year by which it is due.
    pub deadline: Option<u16>,
    /// Provenance of the target.
    pub provenance: Provenance,
    /// True when the target, or a threshold or definition of the building rows, is not from the plan's text.
    pub to_be_confirmed: bool,
    /// Source and notes.
    pub source: &'static str,
    /// The portfolio's value (none when no project is decided).
    pub value: Option<f64>,
    /// Against the target (`not_applicable`: no project concerned; `needs_input`: none decided).
    pub status: PlanStatus,
    /// Projects the building rows apply to (decided or needing input).
    pub projects_concerned: usize,
    /// Projects decided (meeting or not).
    pub projects_decided: usize,
    /// Decided projects that meet.
    pub projects_meeting: usize,
    /// Projects concerned whose status needs an input.
    pub projects_needing_input: usize,
    /// Floor area of the decided projects, m².
    pub area_decided_m2: f64,
    /// Floor area of those that meet, m².
    pub area_meeting_m2: f64,
    /// Quotient basis: Σ numerators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    /// Quotient basis: Σ denominators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
}

/// The summary of a portfolio.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    /// Always `greencheck-portfolio/1`.
    pub format: &'static str,
    /// The plan, Chinese.
    pub plan_zh: &'static str,
    /// The plan, English.
    pub plan_en: &'static str,
    /// The notice that issued it.
    pub document: &'static str,
    /// The projects summarised: one reporting year and / or one county (`null`: every one).
    pub scope: Scope,
    /// Projects summarised.
    pub projects: usize,
    /// Projects read but left out by the scope (another year or county, or none given).
    pub projects_outside_scope: usize,
    /// Files listed as invalid.
    pub invalid_files: usize,
    /// Projects without a scorecard (invalid `plan` section): in the rows, not in the indicators.
    pub projects_without_scorecard: usize,
    /// Σ floor area of the projects, m².
    pub total_floor_area_m2: f64,
    /// Projects per verdict.
    pub verdicts: VerdictCounts,
    /// City indicators, in table order.
    pub indicators: Vec<CityIndicator>,
    /// The progress of every reporting year among the projects of the scope's county (or every project).
    pub by_year: Vec<Progress>,
    /// The progress of every county among the projects of the scope's year (or every project).
    pub by_district: Vec<Progress>,
    /// One row per project, by file name.
    pub rows: Vec<PortfolioRow>,
    /// Files that are not usable projects, by file name.
    pub invalid: Vec<InvalidFile>,
}

/// One project's combined status over the building rows a city row names (at most one of P01/P02
/// applies to a building; with several, any failure fails and any missing input leaves it open).
fn combined(row: &PortfolioRow, of: &[&str]) -> (PlanStatus, Option<(f64, f64)>) {
    let mut status = PlanStatus::NotApplicable;
    let mut quotient: Option<(f64, f64)> = None;
    for r in row.plan.iter().filter(|r| of.contains(&r.id.as_ref())) {
        status = match (status, r.status) {
            (_, PlanStatus::NotApplicable) => status,
            (PlanStatus::DoesNotMeet, _) | (_, PlanStatus::DoesNotMeet) => PlanStatus::DoesNotMeet,
            (PlanStatus::NeedsInput, _) | (_, PlanStatus::NeedsInput) => PlanStatus::NeedsInput,
            _ => PlanStatus::Meets,
        };
        if let (Some(n), Some(d)) = (r.numerator, r.denominator) {
            let (qn, qd) = quotient.get_or_insert((0.0, 0.0));
            *qn += n;
            *qd += d;
        }
    }
    (status, quotient)
}

fn indicator(row: &'static TargetRow, rows: &[PortfolioRow]) -> CityIndicator {
    let basis = row.basis.unwrap_or(Basis::CountShare);
    let mut c = CityIndicator {
        id: row.id,
        indicator: row.indicator,
        section: row.section,
        table_row: row.table_row,
        attribute: row.attribute,
        wording_zh: row.wording_zh,
        wording_en: row.wording_en,
        of: row.of,
        basis,
        compare: row.compare,
        target: row.target(),
        unit: row.unit,
        deadline: row.deadline,
        provenance: row.provenance,
        to_be_confirmed: row.depends_on_unconfirmed(),
        source: row.source,
        value: None,
        status: PlanStatus::NotApplicable,
        projects_concerned: 0,
        projects_decided: 0,
        projects_meeting: 0,
        projects_needing_input: 0,
        area_decided_m2: 0.0,
        area_meeting_m2: 0.0,
        numerator: None,
        denominator: None,
    };
    let (mut num, mut den) = (0.0, 0.0);
    for p in rows.iter().filter(|p| !p.plan.is_empty()) {
        let (status, quotient) = combined(p, row.of);
        let area = p.floor_area_m2.unwrap_or(0.0);
        match status {
            PlanStatus::NotApplicable => continue,
            PlanStatus::NeedsInput => c.projects_needing_input += 1,
            PlanStatus::Meets | PlanStatus::DoesNotMeet => {
                c.projects_decided += 1;
                c.area_decided_m2 += area;
                if status == PlanStatus::Meets {
                    c.projects_meeting += 1;
                    c.area_meeting_m2 += area;
                }
                if let Some((n, d)) = quotient {
                    num += n;
                    den += d;
                }
            }
        }
        c.projects_concerned += 1;
    }
    let share = |part: f64, whole: f64| (whole > 0.0).then(|| part / whole);
    c.value = match basis {
        Basis::AreaShare => share(c.area_meeting_m2, c.area_decided_m2),
        Basis::CountShare => share(c.projects_meeting as f64, c.projects_decided as f64),
        Basis::Quotient => {
            (c.numerator, c.denominator) = (Some(num), Some(den));
            share(num, den)
        }
    };
    c.status = match c.value.and_then(|v| row.passes(&Measured::Number(v))) {
        Some(true) => PlanStatus::Meets,
        Some(false) => PlanStatus::DoesNotMeet,
        None if c.projects_concerned > 0 => PlanStatus::NeedsInput,
        None => PlanStatus::NotApplicable,
    };
    c
}

fn verdict_counts(rows: &[PortfolioRow]) -> VerdictCounts {
    let mut verdicts = VerdictCounts::default();
    for r in rows {
        *match r.verdict {
            Verdict::Complies => &mut verdicts.complies,
            Verdict::Tradeoff => &mut verdicts.tradeoff,
            Verdict::Incomplete => &mut verdicts.incomplete,
            Verdict::Fails => &mut verdicts.fails,
        } += 1;
    }
    verdicts
}

/// One city indicator over the projects of one group (a reporting year, a county).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupIndicator {
    /// Row id of `plan_targets.csv`.
    pub id: &'static str,
    /// The group's value (none when none of its projects is decided).
    pub value: Option<f64>,
    /// Against the target.
    pub status: PlanStatus,
    /// Projects of the group decided for it.
    pub projects_decided: usize,
}

/// What a progress line groups by: a reporting year or a county (JSON: the number or the name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Group {
    /// A reporting year.
    Year(u16),
    /// A county or district.
    District(String),
}

impl Group {
    /// As shown: the year's digits or the county's name.
    pub fn name(&self) -> String {
        match self {
            Group::Year(y) => y.to_string(),
            Group::District(d) => d.clone(),
        }
    }
}

/// The projects of one group — a reporting year (`plan.year`) or a county (`plan.district`) — and the city
/// indicators over them: a line of the yearly report the plan asks every county for, or of the city's yearly
/// check of each county. (One type for both, not generic: each instance of a generic would be code the page
/// loads twice.)
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The year or the county; none for the projects that do not give one.
    pub group: Option<Group>,
    /// Projects.
    pub projects: usize,
    /// Σ their floor area, m².
    pub floor_area_m2: f64,
    /// Per verdict.
    pub verdicts: VerdictCounts,
    /// The city indicators over them, in table order (as [`Portfolio::indicators`]).
    pub indicators: Vec<GroupIndicator>,
}

/// One [`Progress`] per group found in the rows, in the group's order, then the rows without one.
fn progress_by(rows: &[PortfolioRow], group: fn(&PortfolioRow) -> Option<Group>) -> Vec<Progress> {
    let mut groups: Vec<Option<Group>> = rows.iter().map(group).collect();
    // `None` sorts first; the rows without a group go last.
    groups.sort_unstable_by(|a, b| (a.is_none(), a).cmp(&(b.is_none(), b)));
    groups.dedup();
    groups
        .into_iter()
        .map(|g| {
            let of: Vec<PortfolioRow> = rows.iter().filter(|r| group(r) == g).cloned().collect();
            Progress {
                group: g,
                projects: of.len(),
                floor_area_m2: of.iter().filter_map(|r| r.floor_area_m2).sum(),
                verdicts: verdict_counts(&of),
                indicators: city_rows()
                    .map(|c| {
                        let i = indicator(c, &of);
                        GroupIndicator {
                            id: i.id,
                            value: i.value,
                            status: i.status,
                            projects_decided: i.projects_decided,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The progress of each reporting year among the rows.
pub fn progress_by_year(rows: &[PortfolioRow]) -> Vec<Progress> {
    progress_by(rows, |r| r.year.map(Group::Year))
}

/// The progress of each county or district among the rows.
pub fn progress_by_district(rows: &[PortfolioRow]) -> Vec<Progress> {
    progress_by(rows, |r| r.district.clone().map(Group::District))
}

/// Which projects a summary covers: one reporting year, one county, both, or every project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    /// Only the projects of this reporting year.
    pub year: Option<u16>,
    /// Only the projects of this county or district (as [`PlanInput::district`] normalises it).
    pub district: Option<String>,
}

impl Scope {
    fn year_covers(&self, r: &PortfolioRow) -> bool {
        self.year.is_none() || r.year == self.year
    }

    fn district_covers(&self, r: &PortfolioRow) -> bool {
        self.district.is_none() || r.district == self.district
    }

    /// Whether a project is in the scope.
    pub fn covers(&self, r: &PortfolioRow) -> bool {
        self.year_covers(r) && self.district_covers(r)
    }
}

/// Summarises a portfolio: the rows (sorted by file) and the city indicators of every city row of
/// `plan_targets.csv` over the projects that have a scorecard, with the progress of every reporting year
/// and every county.
pub fn portfolio(rows: Vec<PortfolioRow>, invalid: Vec<InvalidFile>) -> Portfolio {
    portfolio_of(rows, invalid, &Scope::default())
}

/// [`portfolio`] of a scope: its rows and indicators are the projects the scope covers. The progress by year
/// keeps the scope's county and covers every year; the progress by county keeps the scope's year and covers
/// every county (so a year's scope shows how each county did that year). Invalid files are all listed
/// (their year and county are unknown).
pub fn portfolio_of(
    mut rows: Vec<PortfolioRow>,
    mut invalid: Vec<InvalidFile>,
    scope: &Scope,
) -> Portfolio {
    rows.sort_by(|a, b| a.file.cmp(&b.file));
    invalid.sort_by(|a, b| a.file.cmp(&b.file));
    let of_district: Vec<PortfolioRow> = rows
        .iter()
        .filter(|r| scope.district_covers(r))
        .cloned()
        .collect();
    let of_year: Vec<PortfolioRow> = rows
        .iter()
        .filter(|r| scope.year_covers(r))
        .cloned()
        .collect();
    let read = rows.len();
    rows.retain(|r| scope.covers(r));
    Portfolio {
        format: PORTFOLIO_FORMAT,
        plan_zh: PLAN_ZH,
        plan_en: PLAN_EN,
        document: PLAN_DOCUMENT,
        scope: scope.clone(),
        projects: rows.len(),
        projects_outside_scope: read - rows.len(),
        invalid_files: invalid.len(),
        projects_without_scorecard: rows.iter().filter(|r| r.plan.is_empty()).count(),
        total_floor_area_m2: rows.iter().filter_map(|r| r.floor_area_m2).sum(),
        verdicts: verdict_counts(&rows),
        indicators: city_rows().map(|c| indicator(c, &rows)).collect(),
        by_year: progress_by_year(&of_district),
        by_district: progress_by_district(&of_year),
        rows,
        invalid,
    }
}

/// The building row ids of the scorecard, in table order (the portfolio's status columns).
pub fn status_columns() -> Vec<&'static TargetRow> {
    crate::plan::building_rows().collect()
}
