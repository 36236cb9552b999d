//! GB 55015 limit values as data rows, embedded from `core/data/gb55015_limits.csv`.
//!
//! Every number the checks compare against lives in that file, with its standard, edition,
//! clause, table and provenance (T = official text, I = inferred, S = secondhand). Rows are
//! selected by criteria (zone, building class, orientation, WWR / shape-factor / floor-area
//! bracket); exactly one row must match each lookup. A row with comparison `none` records
//! that the code sets no requirement for those criteria (the check is then not applicable).
//! Replacing a value, or adding a zone or an edition, is a data change only.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::model::{BuildingClass, Orientation};

/// The embedded limits table (CSV text).
pub const LIMITS_CSV: &str = include_str!("../data/gb55015_limits.csv");
/// The embedded city → climate-zone table (CSV text).
pub const CITIES_CSV: &str = include_str!("../data/gb55015_cities.csv");

/// How a value is compared with a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// value ≤ limit passes.
    Le,
    /// value ≥ limit passes.
    Ge,
    /// The code sets no requirement for these criteria.
    None,
}

impl Comparison {
    /// Symbol for display ("≤", "≥", "—").
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Le => "≤",
            Comparison::Ge => "≥",
            Comparison::None => "—",
        }
    }

    /// Whether `value` satisfies `limit` under this comparison (`None` always passes).
    /// Non-finite values never pass.
    pub fn passes(self, value: f64, limit: f64) -> bool {
        if !value.is_finite() {
            return false;
        }
        match self {
            Comparison::Le => value <= limit,
            Comparison::Ge => value >= limit,
            Comparison::None => true,
        }
    }

    /// Signed room to spare: positive when `value` passes, in the value's unit.
    pub fn margin(self, value: f64, limit: f64) -> Option<f64> {
        match self {
            Comparison::Le => Some(limit - value),
            Comparison::Ge => Some(value - limit),
            Comparison::None => None,
        }
    }
}

/// Where a number came from (see the domain README).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Provenance {
    /// Read from the official text.
    T,
    /// Inferred (cell missing from the text): must be shown as "to be confirmed" (待确认).
    I,
    /// Secondhand (third-party encoding).
    S,
}

impl Provenance {
    /// True for inferred values, which the UI must mark 待确认 / "to be confirmed".
    pub fn to_be_confirmed(self) -> bool {
        self == Provenance::I
    }
}

/// Whether a row feeds the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A requirement: a failing check affects the verdict.
    Mandatory,
    /// Advisory only: shown, never decisive.
    Advisory,
    /// Recorded for reference (no input field checks it yet).
    Reference,
}

/// A numeric interval with inclusive/exclusive ends, written `[0,0.30]`, `(0.30,0.50]`, `(800,inf)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower end.
    pub lower: f64,
    /// Whether the lower end belongs to the interval.
    pub lower_inclusive: bool,
    /// Upper end (may be +∞).
    pub upper: f64,
    /// Whether the upper end belongs to the interval.
    pub upper_inclusive: bool,
}

impl Interval {
    /// Parses interval notation such as `(0.30,0.50]`; `inf` is +∞.
    pub fn parse(text: &str) -> Result<Interval, String> {
        let t = text.trim();
        let bad = || format!("bad interval {text:?}");
        let lower_inclusive = match t.chars().next() {
            Some('[') => true,
            Some('(') => false,
            _ => return Err(bad()),
        };
        let upper_inclusive = match t.chars().last() {
            Some(']') => true,
            Some(')') => false,
            _ => return Err(bad()),
        };
        let inner = t.get(1..t.len() - 1).ok_or_else(bad)?;
        let (a, b) = inner.split_once(',').ok_or_else(bad)?;
        let num = |s: &str| -> Result<f64, String> {
            match s.trim() {
                "inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                x => x.parse::<f64>().map_err(|_| bad()),
            }
        };
        let (lower, upper) = (num(a)?, num(b)?);
        if lower.is_nan() || upper.is_nan() || lower > upper {
            return Err(bad());
        }
        Ok(Interval {
            lower,
            lower_inclusive,
            upper,
            upper_inclusive,
        })
    }

    /// Whether `x` lies in the interval (NaN never does).
    pub fn contains(&self, x: f64) -> bool {
        let above = if self.lower_inclusive {
            x >= self.lower
        } else {
            x > self.lower
        };
        let below = if self.upper_inclusive {
            x <= self.upper
        } else {
            x < self.upper
        };
        above && below
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = if self.lower_inclusive { '[' } else { '(' };
        let u = if self.upper_inclusive { ']' } else { ')' };
        if self.upper.is_infinite() {
            write!(f, "{l}{},inf{u}", self.lower)
        } else {
            write!(f, "{l}{},{}{u}", self.lower, self.upper)
        }
    }
}

/// One limit row of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitRow {
    /// Stable row id (e.g. `R31`).
    pub id: String,
    /// Standard, e.g. `GB 55015`.
    pub standard: String,
    /// Edition year, e.g. `2021`.
    pub edition: String,
    /// Climate zones the row applies to (e.g. `cold_b`).
    pub zones: Vec<String>,
    /// Clause, e.g. `3.1.9`.
    pub clause: String,
    /// Table, e.g. `3.1.9-2`.
    pub table: String,
    /// Element key, e.g. `window_u`.
    pub element: String,
    /// Building classes the row applies to.
    pub classes: Vec<BuildingClass>,
    /// Orientations the row applies to (empty = any).
    pub orientations: Vec<Orientation>,
    /// WWR bracket (None = any).
    pub wwr: Option<Interval>,
    /// Shape-factor bracket (None = any).
    pub shape_factor: Option<Interval>,
    /// Floor-area bracket in m² (None = any).
    pub floor_area_m2: Option<Interval>,
    /// Comparison.
    pub comparison: Comparison,
    /// Limit value (None when comparison is `none`).
    pub value: Option<f64>,
    /// Unit of the value.
    pub unit: String,
    /// Whether the requirement may be met through the trade-off (Appendix C).
    pub tradeable: bool,
    /// Whether the row feeds the verdict.
    pub severity: Severity,
    /// Provenance T/I/S.
    pub provenance: Provenance,
    /// Free-text note (English).
    pub note: String,
    /// `standard-edition`, e.g. `GB 55015-2021` (built once when the table is parsed).
    #[serde(skip)]
    standard_edition: String,
}

#[derive(Deserialize)]
struct RawRow {
    id: String,
    standard: String,
    edition: String,
    zone: String,
    clause: String,
    table: String,
    element: String,
    building_class: String,
    orientation: String,
    wwr: String,
    shape_factor: String,
    floor_area_m2: String,
    comparison: Comparison,
    value: Option<f64>,
    unit: String,
    tradeable: bool,
    severity: Severity,
    provenance: Provenance,
    note: String,
}

fn opt_interval(s: &str) -> Result<Option<Interval>, String> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        Interval::parse(s).map(Some)
    }
}

fn split_set(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

impl TryFrom<RawRow> for LimitRow {
    type Error = String;
    fn try_from(r: RawRow) -> Result<Self, String> {
        let classes = split_set(&r.building_class)
            .map(|c| BuildingClass::from_key(c).ok_or_else(|| format!("{}: class {c:?}", r.id)))
            .collect::<Result<Vec<_>, _>>()?;
        let orientations = split_set(&r.orientation)
            .map(|o| Orientation::from_key(o).ok_or_else(|| format!("{}: orientation {o:?}", r.id)))
            .collect::<Result<Vec<_>, _>>()?;
        if classes.is_empty() {
            return Err(format!("{}: no building class", r.id));
        }
        if (r.comparison == Comparison::None) != r.value.is_none() {
            return Err(format!(
                "{}: value must be empty exactly when comparison is none",
                r.id
            ));
        }
        let wrap = |e: String| format!("{}: {e}", r.id);
        Ok(LimitRow {
            standard_edition: format!("{}-{}", r.standard, r.edition),
            wwr: opt_interval(&r.wwr).map_err(wrap)?,
            shape_factor: opt_interval(&r.shape_factor).map_err(wrap)?,
            floor_area_m2: opt_interval(&r.floor_area_m2).map_err(wrap)?,
            zones: split_set(&r.zone).map(str::to_owned).collect(),
            id: r.id,
            standard: r.standard,
            edition: r.edition,
            clause: r.clause,
            table: r.table,
            element: r.element,
            classes,
            orientations,
            comparison: r.comparison,
            value: r.value,
            unit: r.unit,
            tradeable: r.tradeable,
            severity: r.severity,
            provenance: r.provenance,
            note: r.note,
        })
    }
}

/// Parses a limits table in the CSV layout of `gb55015_limits.csv`.
pub fn parse_limits(csv_text: &str) -> Result<Vec<LimitRow>, String> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.deserialize::<RawRow>().enumerate() {
        let raw = rec.map_err(|e| format!("row {}: {e}", i + 2))?;
        rows.push(LimitRow::try_from(raw)?);
    }
    let mut ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
        return Err(format!("duplicate row id {}", w[0]));
    }
    Ok(rows)
}

static ROWS: OnceLock<Result<Vec<LimitRow>, String>> = OnceLock::new();

/// All rows of the embedded table (parsed once). Errors only if the embedded data is corrupt,
/// which a unit test rules out.
pub fn rows() -> Result<&'static [LimitRow], LookupError> {
    match ROWS.get_or_init(|| parse_limits(LIMITS_CSV)) {
        Ok(v) => Ok(v.as_slice()),
        Err(e) => Err(LookupError::Data(e.clone())),
    }
}

/// One city of the city table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct City {
    /// Key used in the project file (`city`).
    pub city: String,
    /// Climate zone key used by the limits table.
    pub zone: String,
    /// Chinese name.
    pub name_zh: String,
    /// Provenance of the zoning.
    pub provenance: Provenance,
    /// Note.
    pub note: String,
}

static CITIES: OnceLock<Result<Vec<City>, String>> = OnceLock::new();

/// The embedded city table.
pub fn cities() -> Result<&'static [City], LookupError> {
    let parsed = CITIES.get_or_init(|| {
        csv::Reader::from_reader(CITIES_CSV.as_bytes())
            .deserialize::<City>()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| e.to_string())
    });
    match parsed {
        Ok(v) => Ok(v.as_slice()),
        Err(e) => Err(LookupError::Data(e.clone())),
    }
}

/// Climate zone of a city key (`hebi` → `cold_b`), if the city is known.
pub fn zone_of_city(city: &str) -> Option<&'static str> {
    cities()
        .ok()?
        .iter()
        .find(|c| c.city.eq_ignore_ascii_case(city.trim()))
        .map(|c| c.zone.as_str())
}

/// What a lookup selects on. `None` criteria only match rows that leave that column empty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Criteria<'a> {
    /// Climate zone key, e.g. `cold_b`.
    pub zone: &'a str,
    /// Building class.
    pub class: BuildingClass,
    /// Orientation of the facade, when the element belongs to one.
    pub orientation: Option<Orientation>,
    /// WWR of the facade (window elements).
    pub wwr: Option<f64>,
    /// Shape factor of the building.
    pub shape_factor: Option<f64>,
    /// Floor area of the building, m².
    pub floor_area_m2: Option<f64>,
}

/// Why a lookup did not give exactly one row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// No row matches.
    #[error("no limit row for {0}")]
    NotFound(String),
    /// Several rows match (the table is ambiguous).
    #[error("several limit rows for {element}: {ids:?}")]
    Ambiguous {
        /// Element looked up.
        element: String,
        /// Matching row ids.
        ids: Vec<String>,
    },
    /// The embedded table could not be parsed.
    #[error("limits table corrupt: {0}")]
    Data(String),
}

fn bracket_matches(bracket: Option<Interval>, value: Option<f64>) -> bool {
    match (bracket, value) {
        (None, _) => true,
        (Some(b), Some(v)) => b.contains(v),
        (Some(_), None) => false,
    }
}

impl LimitRow {
    /// Standard and edition, e.g. `GB 55015-2021`.
    pub fn standard_edition(&self) -> &str {
        &self.standard_edition
    }

    /// Whether this row applies to `element` under `c`.
    pub fn matches(&self, element: &str, c: &Criteria<'_>) -> bool {
        self.matches_except_wwr(element, c) && bracket_matches(self.wwr, c.wwr)
    }

    /// Whether this row applies to `element` under `c`, leaving its WWR bracket aside.
    pub fn matches_except_wwr(&self, element: &str, c: &Criteria<'_>) -> bool {
        self.element == element
            && self.classes.contains(&c.class)
            && self.matches_zone_and_brackets(c)
    }

    /// [`LimitRow::matches`] for a row already known to have the element and class (the
    /// index's candidates).
    fn matches_candidate(&self, c: &Criteria<'_>) -> bool {
        self.matches_zone_and_brackets(c) && bracket_matches(self.wwr, c.wwr)
    }

    /// Zone, orientation, shape-factor and floor-area conditions.
    fn matches_zone_and_brackets(&self, c: &Criteria<'_>) -> bool {
        self.zones.iter().any(|z| z == c.zone)
            && (self.orientations.is_empty()
                || c.orientation
                    .is_some_and(|o| self.orientations.contains(&o)))
            && bracket_matches(self.shape_factor, c.shape_factor)
            && bracket_matches(self.floor_area_m2, c.floor_area_m2)
    }

    /// True for inferred values (shown as 待确认 / "to be confirmed").
    pub fn to_be_confirmed(&self) -> bool {
        self.provenance.to_be_confirmed()
    }

    /// "GB 55015-2021 3.1.9 (table 3.1.9-2)".
    pub fn citation(&self) -> String {
        format!(
            "{}-{} {} (table {})",
            self.standard, self.edition, self.clause, self.table
        )
    }
}

/// FNV-1a, for the small indexes keyed by short table keys (faster than SipHash there; the
/// keys come from the embedded tables, so flooding is not a concern).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` hasher state for [`Fnv`].
pub(crate) type FnvState = std::hash::BuildHasherDefault<Fnv>;

/// Rows of the embedded table that may apply to `element` for `class` (in table order), from
/// an index built once: each row is listed under its element and each of its classes.
fn candidates(
    element: &str,
    class: BuildingClass,
) -> Result<impl Iterator<Item = &'static LimitRow>, LookupError> {
    type Index = HashMap<&'static str, Vec<(BuildingClass, Vec<usize>)>, FnvState>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let all = rows()?;
    let index = INDEX.get_or_init(|| {
        let mut m = Index::default();
        for (i, r) in all.iter().enumerate() {
            let by_class = m.entry(r.element.as_str()).or_default();
            for &c in &r.classes {
                match by_class.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, v)) => v.push(i),
                    None => by_class.push((c, vec![i])),
                }
            }
        }
        m
    });
    let idx: &'static [usize] = index
        .get(element)
        .and_then(|by_class| by_class.iter().find(|(k, _)| *k == class))
        .map_or(&[], |(_, v)| v.as_slice());
    Ok(idx.iter().filter_map(move |&i| all.get(i)))
}

/// All rows for `element` matching `criteria`, in table order.
pub fn matching(
    element: &str,
    criteria: &Criteria<'_>,
) -> Result<Vec<&'static LimitRow>, LookupError> {
    Ok(candidates(element, criteria.class)?
        .filter(|r| r.matches_candidate(criteria))
        .collect())
}

/// The single row for `element` under `criteria`; zero or several matches is an error.
pub fn lookup(element: &str, criteria: &Criteria<'_>) -> Result<&'static LimitRow, LookupError> {
    let mut found = candidates(element, criteria.class)?.filter(|r| r.matches_candidate(criteria));
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(one),
        (None, _) => Err(LookupError::NotFound(format!("{element} {criteria:?}"))),
        (Some(a), Some(b)) => Err(LookupError::Ambiguous {
            element: element.to_owned(),
            ids: [a, b]
                .into_iter()
                .chain(found)
                .map(|r| r.id.clone())
                .collect(),
        }),
    }
}

/// Row by its id.
pub fn by_id(id: &str) -> Option<&'static LimitRow> {
    rows().ok()?.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let rows = rows().unwrap();
        assert!(rows.len() > 90);
        assert_eq!(zone_of_city("hebi"), Some("cold_b"));
        assert_eq!(zone_of_city("Hebi"), Some("cold_b"));
        assert_eq!(zone_of_city("atlantis"), None);
    }

    #[test]
    fn interval_notation() {
        let i = Interval::parse("(0.30,0.50]").unwrap();
        assert!(!i.contains(0.30));
        assert!(i.contains(0.300_001));
        assert!(i.contains(0.50));
        assert!(!i.contains(0.500_001));
        assert!(!i.contains(f64::NAN));
        let j = Interval::parse("[0,0.30]").unwrap();
        assert!(j.contains(0.0) && j.contains(0.30));
        let k = Interval::parse("(800,inf)").unwrap();
        assert!(!k.contains(800.0) && k.contains(800.001) && k.contains(1e300));
        assert_eq!(k.to_string(), "(800,inf)");
        for bad in ["", "0,1", "[1,0]", "[a,1]", "[0;1]", "(", "[nan,1]"] {
            assert!(Interval::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn table_errors_are_reported() {
        let header = LIMITS_CSV.lines().next().unwrap();
        let dup = format!(
            "{header}\nX,GB,1,z,c,t,e,public_a,,,,,le,1,u,true,mandatory,T,\nX,GB,1,z,c,t,e,public_a,,,,,le,1,u,true,mandatory,T,\n"
        );
        assert!(parse_limits(&dup).unwrap_err().contains("duplicate"));
        let none_with_value =
            format!("{header}\nX,GB,1,z,c,t,e,public_a,,,,,none,1,u,true,mandatory,T,\n");
        assert!(parse_limits(&none_with_value).is_err());
        let bad_class = format!("{header}\nX,GB,1,z,c,t,e,castle,,,,,le,1,u,true,mandatory,T,\n");
        assert!(parse_limits(&bad_class).is_err());
        let bad_prov = format!("{header}\nX,GB,1,z,c,t,e,public_a,,,,,le,1,u,true,mandatory,M,\n");
        assert!(parse_limits(&bad_prov).is_err());
    }
}
