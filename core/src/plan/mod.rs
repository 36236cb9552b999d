//! The Hebi carbon-peak plan for urban and rural construction (鹤壁市城乡建设领域碳达峰行动方案,
//! 鹤建综〔2023〕61号): which of its targets one building serves ([`scorecard`], report section `plan`)
//! and the city indicators the bureau reports yearly, over a portfolio of projects ([`portfolio`]).
//!
//! Every target is a row of `core/data/plan_targets.csv` with its place in the plan, wording, deadline and
//! provenance, validated at build time (`core/build.rs`, `crate::schema::plan_targets`) and compiled in as
//! [`targets`]. A threshold that is not in the plan's text (the assembly ratio of an assembled building,
//! the floor area of a large public building) is marked M/S/I there and shown "to be confirmed" (待确认).
//! The code decides only how each indicator is measured from the project and its report.

use serde::{Deserialize, Serialize};

pub use crate::columns::plan::{Attribute, Basis, Compare, Indicator, Measure, TargetKind, Term};
pub use crate::columns::star::{Provenance, StarLevel};

mod input;
mod scorecard;

pub use input::{PlanError, PlanErrorKind, PlanInput};
pub use scorecard::{scorecard, Evaluated, PlanRow, PlanScorecard};

// `TARGET_ROWS`: `plan_targets.csv`, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/plan_targets.rs"));

/// Name of the plan, Chinese.
pub const PLAN_ZH: &str = "鹤壁市城乡建设领域碳达峰行动方案";
/// Name of the plan, English.
pub const PLAN_EN: &str = "Hebi carbon-peak action plan for urban and rural construction";
/// The notice that issued it (2023-09-21).
pub const PLAN_DOCUMENT: &str = "鹤建综〔2023〕61号";

/// One row of `plan_targets.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// Stable id (`P..` building rows, `C..` city rows, `D..` definitions).
    pub id: &'static str,
    /// Requirement, contribution, city indicator or definition.
    pub kind: TargetKind,
    /// What is measured.
    pub indicator: Indicator,
    /// Place in the plan, e.g. `二(四)1`.
    pub section: &'static str,
    /// Row of the plan's indicator table (主要指标), empty when the target is only in the text.
    pub table_row: &'static str,
    /// Attribute in the indicator table (约束性 / 预期性).
    pub attribute: Option<Attribute>,
    /// The plan's wording.
    pub wording_zh: &'static str,
    /// English rendering.
    pub wording_en: &'static str,
    /// Alternatives (any) of conditions (all) under which a building row applies; empty for city rows.
    pub applies_to: &'static [&'static [Term]],
    /// `applies_to` as text (`government_invested&public_welfare|large_public`).
    pub applies_text: &'static str,
    /// Comparison with the target.
    pub compare: Compare,
    /// Numeric target (`ge`, `gt`, `le`).
    pub value: Option<f64>,
    /// Level target (`star_ge`).
    pub level: Option<StarLevel>,
    /// Unit of value and target (`ratio` = fraction).
    pub unit: &'static str,
    /// City rows: the building rows aggregated.
    pub of: &'static [&'static str],
    /// City rows: how they are aggregated.
    pub basis: Option<Basis>,
    /// Year by which the target is due (none for definitions).
    pub deadline: Option<u16>,
    /// Where the threshold comes from.
    pub provenance: Provenance,
    /// Source and notes.
    pub source: &'static str,
}

impl TargetRow {
    /// Whether the threshold is not read from the plan's text (show 待确认 / "to be confirmed").
    pub fn to_be_confirmed(&self) -> bool {
        self.provenance != Provenance::T
    }

    /// Whether this row or a definition it relies on (directly or through the rows in `of`) is to be
    /// confirmed.
    pub fn depends_on_unconfirmed(&self) -> bool {
        self.to_be_confirmed()
            || self
                .applies_to
                .iter()
                .flat_map(|alt| alt.iter())
                .filter_map(|t| t.definition())
                .filter_map(definition)
                .any(TargetRow::depends_on_unconfirmed)
            || self
                .of
                .iter()
                .filter_map(|id| target(id))
                .any(TargetRow::depends_on_unconfirmed)
    }

    /// The target as a value.
    pub fn target(&self) -> Measured {
        match (self.value, self.level) {
            (Some(v), _) => Measured::Number(v),
            (None, Some(l)) => Measured::Level(l),
            // `is_true` (build-time validation leaves no other case).
            (None, None) => Measured::Flag(true),
        }
    }

    /// Whether `v` meets the target; `None` when `v` is not the kind of value the row compares.
    pub fn passes(&self, v: &Measured) -> Option<bool> {
        match (self.compare, v, self.value, self.level) {
            (Compare::Ge, Measured::Number(x), Some(t), _) => Some(*x >= t),
            (Compare::Gt, Measured::Number(x), Some(t), _) => Some(*x > t),
            (Compare::Le, Measured::Number(x), Some(t), _) => Some(*x <= t),
            (Compare::IsTrue, Measured::Flag(b), _, _) => Some(*b),
            (Compare::StarGe, Measured::Level(l), _, Some(t)) => Some(*l >= t),
            _ => None,
        }
    }
}

/// Every row of `plan_targets.csv`, in file order.
pub fn targets() -> &'static [TargetRow] {
    TARGET_ROWS
}

/// The row with this id.
pub fn target(id: &str) -> Option<&'static TargetRow> {
    TARGET_ROWS.iter().find(|r| r.id == id)
}

/// The building rows (requirements and contributions), in file order: the scorecard's rows.
pub fn building_rows() -> impl Iterator<Item = &'static TargetRow> {
    TARGET_ROWS
        .iter()
        .filter(|r| matches!(r.kind, TargetKind::Requirement | TargetKind::Contribution))
}

/// The city rows, in file order.
pub fn city_rows() -> impl Iterator<Item = &'static TargetRow> {
    TARGET_ROWS.iter().filter(|r| r.kind == TargetKind::City)
}

/// The definition row of an indicator (build-time validation: exactly one per definition a term needs).
pub fn definition(indicator: Indicator) -> Option<&'static TargetRow> {
    TARGET_ROWS
        .iter()
        .find(|r| r.kind == TargetKind::Definition && r.indicator == indicator)
}

/// Whether a building serves a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Meets the target (for a contribution: counts toward the city share).
    Meets,
    /// Does not meet it (does not count).
    DoesNotMeet,
    /// The target does not concern this building.
    NotApplicable,
    /// An input is missing to decide (see `needs`).
    NeedsInput,
}

impl PlanStatus {
    /// Key as serialised.
    pub fn key(self) -> &'static str {
        match self {
            PlanStatus::Meets => "meets",
            PlanStatus::DoesNotMeet => "does_not_meet",
            PlanStatus::NotApplicable => "not_applicable",
            PlanStatus::NeedsInput => "needs_input",
        }
    }
}

/// A value compared with a target: a number in the row's unit, a star level or a flag.
/// Serialised as a bare number, level key (`"two"`) or boolean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Measured {
    /// Yes/no.
    Flag(bool),
    /// Number in the row's unit.
    Number(f64),
    /// GB/T 50378 level.
    Level(StarLevel),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::tests::json;

    /// The generated static holds exactly what the CSV file says, as validated by `schema`.
    #[test]
    fn generated_table_is_the_csv() {
        let rows =
            crate::schema::plan_targets(include_str!("../../data/plan_targets.csv")).unwrap();
        assert_eq!(json(TARGET_ROWS), json(&rows));
    }

    fn parse(
        text: &str,
    ) -> Result<Vec<crate::schema::PlanTargetRecord>, crate::schema::TableError> {
        crate::schema::plan_targets(text)
    }

    const HEADER: &str = "id,kind,indicator,section,table_row,attribute,wording_zh,wording_en,applies_to,compare,value,unit,of,basis,deadline,provenance,source";

    fn table(rows: &[&str]) -> String {
        let mut s = String::from(HEADER);
        for r in rows {
            s.push('\n');
            s.push_str(r);
        }
        s.push('\n');
        s
    }

    const GOOD_P: &str =
        "P1,requirement,assembly_ratio,二(四)3,,,zh,en,all,ge,0.5,ratio,,,2025,M,src";
    const GOOD_C: &str =
        "C1,city,assembly_ratio,二(四)3,,,zh,en,,ge,0.4,ratio,P1,area_share,2025,T,src";
    const GOOD_D: &str =
        "D1,definition,large_public_floor_area,x,,,zh,en,non_residential,ge,20000,m2,,,,M,src";

    #[test]
    fn a_good_table_parses() {
        let rows = parse(&table(&[GOOD_P, GOOD_C, GOOD_D])).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].value, Some(0.5));
        assert_eq!(rows[1].of, vec!["P1".to_string()]);
        assert_eq!(rows[2].deadline, None);
    }

    /// Each bad row names its line (header = 1) and column.
    #[test]
    fn bad_rows_are_rejected_with_line_and_column() {
        let cases: Vec<(Vec<String>, u64, &str)> = vec![
            (vec![GOOD_P.replace(",0.5,", ",half,")], 2, "value"),
            (
                vec![GOOD_P.replace(",ge,0.5,", ",star_ge,0.5,")],
                2,
                "compare",
            ),
            (vec![GOOD_P.replace(",all,", ",everyone,")], 2, "applies_to"),
            (vec![GOOD_P.replace(",all,", ",,")], 2, "applies_to"),
            (vec![GOOD_P.replace(",2025,", ",1999,")], 2, "deadline"),
            (vec![GOOD_P.replace(",2025,", ",,")], 2, "deadline"),
            (vec![GOOD_P.replace(",src", ",")], 2, "source"),
            (vec![GOOD_P.into(), GOOD_P.into()], 3, "id"),
            (vec![GOOD_P.into(), GOOD_C.replace(",P1,", ",P9,")], 3, "of"),
            (
                vec![GOOD_P.into(), GOOD_C.replace(",area_share,", ",,")],
                3,
                "of",
            ),
            (
                vec![GOOD_P.into(), GOOD_C.replace(",area_share,", ",quotient,")],
                3,
                "basis",
            ),
            (
                vec![GOOD_P.into(), GOOD_C.replace(",,ge,0.4", ",all,ge,0.4")],
                3,
                "applies_to",
            ),
            (
                vec![
                    GOOD_P.into(),
                    GOOD_C.replace("assembly_ratio", "pv_coverage"),
                ],
                3,
                "of",
            ),
            (
                vec![GOOD_D.replace("definition", "requirement")],
                2,
                "indicator",
            ),
            (
                vec![GOOD_P.replace(",ge,0.5,ratio", ",is_true,0.5,ratio")],
                2,
                "compare",
            ),
            (vec![GOOD_P.replace(",M,", ",X,")], 2, "provenance"),
            (
                vec![GOOD_D.replace(",non_residential,", ",large_public,")],
                2,
                "applies_to",
            ),
        ];
        for (rows, line, column) in cases {
            let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
            let e = parse(&table(&refs)).unwrap_err();
            assert_eq!(
                (e.line, e.column.as_deref()),
                (Some(line), Some(column)),
                "{rows:?}: {e}"
            );
            assert_eq!(e.file, "plan_targets.csv");
        }
        // A term that needs a definition without its definition row.
        let e = parse(&table(&[&GOOD_P.replace(",all,", ",large_public,")])).unwrap_err();
        assert!(
            e.to_string().contains("0 rows for LargePublicFloorArea"),
            "{e}"
        );
    }

    #[test]
    fn every_building_row_is_measured_and_every_city_row_aggregates_building_rows() {
        assert!(building_rows().count() >= 13);
        for c in city_rows() {
            assert!(!c.of.is_empty() && c.basis.is_some(), "{}", c.id);
            for id in c.of {
                let b = target(id).unwrap();
                assert!(matches!(
                    b.kind,
                    TargetKind::Requirement | TargetKind::Contribution
                ));
            }
        }
        assert_eq!(
            definition(Indicator::LargePublicFloorArea).map(|d| d.id),
            Some("D01")
        );
    }

    #[test]
    fn passes_compares_by_kind() {
        let p01 = target("P01").unwrap();
        assert_eq!(p01.passes(&Measured::Number(0.83)), Some(true));
        assert_eq!(p01.passes(&Measured::Number(0.8299)), Some(false));
        assert_eq!(p01.passes(&Measured::Number(f64::NAN)), Some(false));
        assert_eq!(p01.passes(&Measured::Flag(true)), None);
        let p04 = target("P04").unwrap();
        assert_eq!(p04.target(), Measured::Level(StarLevel::Two));
        assert_eq!(p04.passes(&Measured::Level(StarLevel::Three)), Some(true));
        assert_eq!(p04.passes(&Measured::Level(StarLevel::One)), Some(false));
        assert_eq!(
            p04.applies_text,
            "government_invested&public_welfare|large_public"
        );
        assert!(p04.depends_on_unconfirmed() && !p04.to_be_confirmed());
        let p10 = target("P10").unwrap();
        assert_eq!(p10.target(), Measured::Flag(true));
        assert_eq!(p10.passes(&Measured::Flag(false)), Some(false));
        let c07 = target("C07").unwrap();
        assert!(!c07.to_be_confirmed() && c07.depends_on_unconfirmed());
    }
}
