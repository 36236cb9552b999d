//! GB 55015 limit values as data rows, from `core/data/gb55015_limits.csv` (validated and
//! turned into a static array at build time by `core/build.rs`; no CSV is parsed at run time).
//!
//! Every number the checks compare against lives in that file, with its standard, edition,
//! clause, table and provenance (T = official text, I = inferred, S = secondhand). Rows are
//! selected by criteria (zone, building class, orientation, WWR / shape-factor / floor-area
//! bracket); exactly one row must match each lookup. A row with comparison `none` records
//! that the code sets no requirement for those criteria (the check is then not applicable).
//! Replacing a value, or adding a zone or an edition, is a data change only.

use serde::Serialize;
use std::sync::OnceLock;

pub use crate::columns::gb55015::{
    BuildingClass, Comparison, Element, Interval, Orientation, Provenance, Severity,
};

// `LIMIT_ROWS`: the CSV table, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/gb55015_limits.rs"));

impl Element {
    /// The element a C.0.1 trade-off precondition constrains (`BasicWallU` → `WallU`); itself otherwise.
    pub fn base(self) -> Element {
        match self {
            Element::BasicWallU => Element::WallU,
            Element::BasicWindowU => Element::WindowU,
            Element::BasicFloorOverOutsideU => Element::FloorOverOutsideU,
            Element::BasicWwr => Element::Wwr,
            e => e,
        }
    }
}

// The column types are defined in `crate::columns` (shared with build.rs); their behaviour is here.
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

impl Provenance {
    /// True for inferred values, which the UI must mark 待确认 / "to be confirmed".
    pub fn to_be_confirmed(self) -> bool {
        self == Provenance::I
    }
}

/// One limit row of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitRow {
    /// Stable row id (e.g. `R31`).
    pub id: &'static str,
    /// Standard, e.g. `GB 55015`.
    pub standard: &'static str,
    /// Edition year, e.g. `2021`.
    pub edition: &'static str,
    /// Climate zones the row applies to (e.g. `cold_b`).
    pub zones: &'static [&'static str],
    /// Clause, e.g. `3.1.9`.
    pub clause: &'static str,
    /// Table, e.g. `3.1.9-2`.
    pub table: &'static str,
    /// The element the row constrains (typed; validated at build time).
    pub element: Element,
    /// Building classes the row applies to.
    pub classes: &'static [BuildingClass],
    /// Orientations the row applies to (empty = any).
    pub orientations: &'static [Orientation],
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
    pub unit: &'static str,
    /// Whether the requirement may be met through the trade-off (Appendix C).
    pub tradeable: bool,
    /// Whether the row feeds the verdict.
    pub severity: Severity,
    /// Provenance T/I/S.
    pub provenance: Provenance,
    /// Free-text note (English).
    pub note: &'static str,
    /// `standard-edition`, e.g. `GB 55015-2021` (joined at build time).
    #[serde(skip)]
    standard_edition: &'static str,
}

/// All rows of the embedded table (validated at build time by `build.rs`).
pub fn rows() -> &'static [LimitRow] {
    LIMIT_ROWS
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
    pub fn standard_edition(&self) -> &'static str {
        self.standard_edition
    }

    /// Whether this row applies to `element` under `c`.
    pub fn matches(&self, element: Element, c: &Criteria<'_>) -> bool {
        self.matches_except_wwr(element, c) && bracket_matches(self.wwr, c.wwr)
    }

    /// Whether this row applies to `element` under `c`, leaving its WWR bracket aside.
    pub fn matches_except_wwr(&self, element: Element, c: &Criteria<'_>) -> bool {
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
        self.zones.contains(&c.zone)
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

/// Rows of the embedded table that may apply to `element` for `class` (in table order), from an
/// index built once: row numbers per element and class.
fn candidates(element: Element, class: BuildingClass) -> impl Iterator<Item = &'static LimitRow> {
    type Index = Vec<[Vec<u16>; 4]>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let class_slot = |c: BuildingClass| BuildingClass::ALL.iter().position(|k| *k == c);
    let element_slot = |e: Element| Element::ALL.iter().position(|k| *k == e);
    let index = INDEX.get_or_init(|| {
        let mut m: Index = vec![Default::default(); Element::ALL.len()];
        for (i, r) in LIMIT_ROWS.iter().enumerate() {
            for &c in r.classes {
                if let (Some(e), Some(k), Ok(i)) =
                    (element_slot(r.element), class_slot(c), u16::try_from(i))
                {
                    m[e][k].push(i);
                }
            }
        }
        m
    });
    let idx: &'static [u16] = match (element_slot(element), class_slot(class)) {
        (Some(e), Some(k)) => &index[e][k],
        _ => &[],
    };
    idx.iter().filter_map(|&i| LIMIT_ROWS.get(usize::from(i)))
}

/// All rows for `element` matching `criteria`, in table order.
pub fn matching(
    element: Element,
    criteria: &Criteria<'_>,
) -> Result<Vec<&'static LimitRow>, LookupError> {
    Ok(candidates(element, criteria.class)
        .filter(|r| r.matches_candidate(criteria))
        .collect())
}

/// The single row for `element` under `criteria`; zero or several matches is an error.
pub fn lookup(element: Element, criteria: &Criteria<'_>) -> Result<&'static LimitRow, LookupError> {
    let mut found = candidates(element, criteria.class).filter(|r| r.matches_candidate(criteria));
    match (found.next(), found.next()) {
        (Some(one), None) => Ok(one),
        (None, _) => Err(LookupError::NotFound(format!(
            "{} {criteria:?}",
            element.key()
        ))),
        (Some(a), Some(b)) => Err(LookupError::Ambiguous {
            element: element.key().to_owned(),
            ids: [a, b]
                .into_iter()
                .chain(found)
                .map(|r| r.id.to_owned())
                .collect(),
        }),
    }
}

/// Row by its id.
pub fn by_id(id: &str) -> Option<&'static LimitRow> {
    LIMIT_ROWS.iter().find(|r| r.id == id)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let rows = rows();
        assert!(rows.len() > 90);
        // Every element of the type has at least one row (no dead variant).
        for e in Element::ALL {
            assert!(rows.iter().any(|r| r.element == e), "{e:?}");
        }
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
        let csv = include_str!("../data/gb55015_limits.csv");
        let header = csv.lines().next().unwrap();
        let parse = |rows: &str| crate::schema::limits(&format!("{header}\n{rows}"));
        let dup = parse("X,GB,1,z,c,t,wall_u,public_a,,,,,le,1,u,true,mandatory,T,\nX,GB,1,z,c,t,wall_u,public_a,,,,,le,1,u,true,mandatory,T,\n");
        assert!(dup.unwrap_err().to_string().contains("duplicate"));
        let none_with_value =
            parse("X,GB,1,z,c,t,wall_u,public_a,,,,,none,1,u,true,mandatory,T,\n");
        assert!(none_with_value.is_err());
        let bad_class = parse("X,GB,1,z,c,t,wall_u,castle,,,,,le,1,u,true,mandatory,T,\n");
        assert!(bad_class.is_err());
        let bad_element = parse("X,GB,1,z,c,t,castle_wall,public_a,,,,,le,1,u,true,mandatory,T,\n");
        assert!(bad_element
            .unwrap_err()
            .to_string()
            .contains("column element"));
        let bad_prov = parse("X,GB,1,z,c,t,wall_u,public_a,,,,,le,1,u,true,mandatory,M,\n");
        assert!(bad_prov.is_err());
        // The build fails with the file, line and column of the bad cell.
        let e = parse("A,GB,1,z,c,t,wall_u,public_a,,,,,le,1,u,true,mandatory,T,\nX,GB,1,z,c,t,wall_u,public_a,,\"(0.5,0.3]\",,,le,1,u,true,mandatory,T,\n").unwrap_err();
        assert_eq!(
            (e.file, e.line, e.column.as_deref()),
            ("gb55015_limits.csv", Some(3), Some("wwr"))
        );
        assert_eq!(
            e.to_string(),
            "core/data/gb55015_limits.csv, line 3, column wwr: X: bad interval \"(0.5,0.3]\""
        );
        let e = parse("X,GB,1,z,c,t,wall_u,public_a,,,,,le,1,u,true,mandatory,M,\n").unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("provenance")));
    }

    pub(crate) fn json<T: Serialize + ?Sized>(v: &T) -> serde_json::Value {
        serde_json::to_value(v).unwrap()
    }

    /// The generated statics hold exactly what the CSV files say, as validated by `schema`.
    #[test]
    fn generated_tables_are_the_csv() {
        let limits = crate::schema::limits(include_str!("../data/gb55015_limits.csv")).unwrap();
        assert_eq!(json(&LIMIT_ROWS), json(&limits));
        for (row, rec) in LIMIT_ROWS.iter().zip(&limits) {
            assert_eq!(row.standard_edition(), rec.standard_edition);
        }
    }
}
