//! The bureau's portfolio page (汇总): its state and the actions that change it (a Yew reducer). The files are
//! read and evaluated one by one by the core (`greencheck_core::portfolio`); this module keeps what was read, the
//! progress, and the reviewer's sort and filter. The city indicators come from the core's aggregation.

use std::rc::Rc;

use greencheck_core::portfolio::{portfolio_of, InvalidFile, Portfolio, PortfolioRow, Scope};
use greencheck_core::project::Project;
use yew::Reducible;

/// A column the rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Order read (file order).
    #[default]
    File,
    /// Project name.
    Name,
    /// Floor area.
    Area,
    /// Verdict (worst first when ascending).
    Verdict,
    /// Estimated saving rate.
    SavingRate,
    /// Star level.
    Star,
    /// PV coverage.
    Pv,
}

/// The page's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortfolioState {
    /// Files chosen in the current batch.
    pub total: usize,
    /// Files read so far in it.
    pub done: usize,
    /// Rows, each with its project (to open it in the calculator), in reading order.
    pub rows: Vec<(PortfolioRow, Rc<Project>)>,
    /// Files that are not usable projects.
    pub invalid: Vec<InvalidFile>,
    /// The aggregation (when every file is read).
    pub summary: Option<Rc<Portfolio>>,
    /// Sort column and direction (true: descending).
    pub sort: (SortBy, bool),
    /// Filter text (name, file or use).
    pub filter: String,
    /// Every matching row shown, not only the first [`ROWS_SHOWN`].
    pub show_all: bool,
    /// The reporting year and county summarised and listed (default: every project).
    pub scope: Scope,
}

/// Rows drawn until the reviewer asks for all: a thousand-row table takes about half a second to draw,
/// and would again at every sort or filter keystroke; sort and filter still apply to every row.
pub const ROWS_SHOWN: usize = 100;

/// What became of one file.
#[derive(Debug, Clone)]
pub enum FileRead {
    /// A project (or model) read and evaluated.
    Row(Box<PortfolioRow>, Rc<Project>),
    /// Not a usable project.
    Invalid(InvalidFile),
}

/// What happens on the page.
#[derive(Debug, Clone)]
pub enum PortfolioAction {
    /// A batch of `n` files starts (added to what was read before).
    Start(usize),
    /// Files read since the last action, in order (a batch per slice of reading time: one state change
    /// per file would copy the rows read so far each time, quadratic in the number of files).
    Read(Vec<FileRead>),
    /// Every file of the batch is read: aggregate.
    Done,
    /// Sort by a column (again: reverse).
    Sort(SortBy),
    /// Filter rows.
    Filter(String),
    /// Show every matching row.
    ShowAll,
    /// Summarise and list one reporting year (`None`: every year).
    Year(Option<u16>),
    /// Summarise and list one county or district (`None`: every one).
    District(Option<String>),
    /// Start over.
    Clear,
}

impl PortfolioState {
    /// The core's aggregation of what was read, for the scope chosen.
    fn summarise(&mut self) {
        let rows = self.rows.iter().map(|(r, _)| r.clone()).collect();
        self.summary = Some(Rc::new(portfolio_of(
            rows,
            self.invalid.clone(),
            &self.scope,
        )));
    }

    /// Whether a batch is being read.
    pub fn busy(&self) -> bool {
        self.done < self.total
    }

    /// The rows to draw (the first [`ROWS_SHOWN`] of [`Self::matching`] unless all are asked for) and how
    /// many match.
    pub fn shown(&self) -> (Vec<usize>, usize) {
        let mut idx = self.matching();
        let n = idx.len();
        if !self.show_all {
            idx.truncate(ROWS_SHOWN);
        }
        (idx, n)
    }

    /// The rows in the scope that match the filter, sorted (indexes into `rows`).
    pub fn matching(&self) -> Vec<usize> {
        // ASCII folding only: Chinese has no case, and full Unicode case tables would cost
        // the first load several KB for Latin file names alone.
        let needle = self.filter.trim().to_ascii_lowercase();
        let mut idx: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i].0;
                self.scope.covers(r)
                    && (needle.is_empty()
                        || r.name.to_ascii_lowercase().contains(&needle)
                        || r.file.to_ascii_lowercase().contains(&needle)
                        || r.building_use.key().contains(&needle)
                        || r.building_use.label().zh.contains(&needle))
            })
            .collect();
        let (by, descending) = self.sort;
        let key = |i: &usize| -> f64 {
            let r = &self.rows[*i].0;
            match by {
                SortBy::File | SortBy::Name => 0.0,
                SortBy::Area => r.floor_area_m2.unwrap_or(f64::NEG_INFINITY),
                SortBy::Verdict => -(r.verdict as u8 as f64),
                SortBy::SavingRate => r.saving_rate.unwrap_or(f64::NEG_INFINITY),
                SortBy::Star => r.star_level.map_or(-1.0, |l| l as u8 as f64),
                SortBy::Pv => r.pv_coverage.unwrap_or(f64::NEG_INFINITY),
            }
        };
        match by {
            SortBy::File => {}
            SortBy::Name => idx.sort_by(|a, b| self.rows[*a].0.name.cmp(&self.rows[*b].0.name)),
            _ => idx.sort_by(|a, b| key(a).total_cmp(&key(b))),
        }
        if descending {
            idx.reverse();
        }
        idx
    }
}

impl Reducible for PortfolioState {
    type Action = PortfolioAction;

    fn reduce(self: Rc<Self>, action: PortfolioAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            PortfolioAction::Start(n) => {
                if !s.busy() {
                    s.total = s.done;
                }
                s.total += n;
                s.summary = None;
            }
            PortfolioAction::Read(files) => {
                s.done += files.len();
                for f in files {
                    match f {
                        FileRead::Row(row, project) => s.rows.push((*row, project)),
                        FileRead::Invalid(f) => s.invalid.push(f),
                    }
                }
            }
            PortfolioAction::Done => s.summarise(),
            PortfolioAction::Year(year) => {
                s.scope.year = year;
                if s.summary.is_some() {
                    s.summarise();
                }
            }
            PortfolioAction::District(district) => {
                s.scope.district = district;
                if s.summary.is_some() {
                    s.summarise();
                }
            }
            PortfolioAction::Sort(by) => {
                s.sort = if s.sort.0 == by {
                    (by, !s.sort.1)
                } else {
                    (by, false)
                };
            }
            PortfolioAction::Filter(f) => s.filter = f,
            PortfolioAction::ShowAll => s.show_all = true,
            PortfolioAction::Clear => s = PortfolioState::default(),
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use greencheck_core::portfolio::file_row;
    use greencheck_core::project::Template;

    fn row(t: Template, file: &str) -> FileRead {
        let (p, r) = file_row(file, t.json().as_bytes()).unwrap();
        FileRead::Row(Box::new(r), Rc::new(p))
    }

    #[test]
    fn a_batch_is_read_then_summarised_sorted_and_filtered() {
        let s = Rc::new(PortfolioState::default())
            .reduce(PortfolioAction::Start(3))
            .reduce(PortfolioAction::Read(vec![row(Template::Office, "b.json")]))
            .reduce(PortfolioAction::Read(vec![
                row(Template::Villa, "a.json"),
                FileRead::Invalid(InvalidFile::new("x.txt", "坏", "bad")),
            ]));
        assert!(!s.busy());
        assert_eq!(s.done, 3);
        let s = s.reduce(PortfolioAction::Done);
        let summary = s.summary.clone().unwrap();
        assert_eq!((summary.projects, summary.invalid_files), (2, 1));
        // By floor area, ascending: the villa (352 m²) before the office (5 000 m²).
        let s = s.reduce(PortfolioAction::Sort(SortBy::Area));
        assert_eq!(s.shown(), (vec![1, 0], 2));
        let s = s.reduce(PortfolioAction::Sort(SortBy::Area));
        assert_eq!(s.shown(), (vec![0, 1], 2), "again: descending");
        let s = s.reduce(PortfolioAction::Filter("办公".into()));
        assert_eq!(s.shown(), (vec![0], 1));
        // A second batch adds to the first.
        let s = s.reduce(PortfolioAction::Start(1));
        assert!(s.busy() && s.summary.is_none());
        assert_eq!((s.done, s.total), (3, 4));
    }

    #[test]
    fn one_reporting_year_is_summarised_and_listed() {
        let with_year = |t: Template, file: &str, year: u16| {
            let mut v: serde_json::Value = serde_json::from_str(t.json()).unwrap();
            v["plan"]["year"] = year.into();
            let (p, r) = file_row(file, v.to_string().as_bytes()).unwrap();
            FileRead::Row(Box::new(r), Rc::new(p))
        };
        let s = Rc::new(PortfolioState::default())
            .reduce(PortfolioAction::Start(3))
            .reduce(PortfolioAction::Read(vec![
                with_year(Template::Office, "a.json", 2025),
                with_year(Template::Villa, "b.json", 2026),
                row(Template::Villa, "c.json"),
            ]))
            .reduce(PortfolioAction::Done);
        let all = s.summary.clone().unwrap();
        assert_eq!((all.scope.year, all.projects), (None, 3));
        assert_eq!(all.by_year.len(), 3, "2025, 2026, not given");
        let s = s.reduce(PortfolioAction::Year(Some(2026)));
        let one = s.summary.clone().unwrap();
        assert_eq!(
            (one.scope.year, one.projects, one.projects_outside_scope),
            (Some(2026), 1, 2)
        );
        assert_eq!(s.shown(), (vec![1], 1), "only b.json listed");
        let s = s.reduce(PortfolioAction::Year(None));
        assert_eq!(s.shown().1, 3);
        assert_eq!(s.summary.clone().unwrap().projects, 3);
        // Chosen before the batch is read: the summary follows it when the reading is done.
        let s = Rc::new(PortfolioState::default())
            .reduce(PortfolioAction::Year(Some(2025)))
            .reduce(PortfolioAction::Start(1))
            .reduce(PortfolioAction::Read(vec![with_year(
                Template::Office,
                "a.json",
                2025,
            )]))
            .reduce(PortfolioAction::Done);
        assert_eq!(s.summary.clone().unwrap().scope.year, Some(2025));
    }

    #[test]
    fn a_long_list_draws_its_first_rows_until_all_are_asked_for() {
        let n = ROWS_SHOWN + 5;
        let files = (0..n)
            .map(|i| row(Template::Villa, &format!("{i:03}.json")))
            .collect();
        let s = Rc::new(PortfolioState::default())
            .reduce(PortfolioAction::Start(n))
            .reduce(PortfolioAction::Read(files))
            .reduce(PortfolioAction::Sort(SortBy::Name))
            .reduce(PortfolioAction::Sort(SortBy::Name));
        let (shown, matching) = s.shown();
        assert_eq!((shown.len(), matching), (ROWS_SHOWN, n));
        assert_eq!(
            shown[0],
            n - 1,
            "sorted over every row, descending: the last file first"
        );
        let (shown, _) = s.reduce(PortfolioAction::ShowAll).shown();
        assert_eq!(shown.len(), n);
    }
}
