//! The Hebi plan's retrofit targets: rows of `core/data/retrofit_targets.csv` (scope, quantity, value, year,
//! clause, provenance and the plan's wording), validated and compiled in at build time (`core/build.rs`).

use serde::Serialize;

pub use crate::columns::retrofit::{RetrofitKind, RetrofitQuantity};
use crate::limits::{Comparison, Provenance};

// `TARGET_ROWS`: `retrofit_targets.csv`, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/retrofit_targets.rs"));

/// One row of `retrofit_targets.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// Row id, e.g. `RT01`.
    pub id: &'static str,
    /// The retrofits it applies to.
    pub scope: RetrofitKind,
    /// What it sets.
    pub quantity: RetrofitQuantity,
    /// How a value meets it (`none` for a rule without a number).
    pub comparison: Comparison,
    /// The target value (a fraction, or m²).
    pub value: Option<f64>,
    /// Unit of the value.
    pub unit: &'static str,
    /// The year it is due by, when the plan gives one.
    pub year: Option<u16>,
    /// Document.
    pub source: &'static str,
    /// Section of the plan, e.g. `三(三)`.
    pub clause: &'static str,
    /// Table of the plan, when the value is also there (`主要指标`).
    pub table: &'static str,
    /// Provenance (T: read from the plan's text).
    pub provenance: Provenance,
    /// The plan's wording.
    pub wording: &'static str,
    /// How the calculator reads it.
    pub note: &'static str,
}

/// Every target row, in table order.
pub fn target_rows() -> &'static [TargetRow] {
    TARGET_ROWS
}

/// The rows that apply to a kind of retrofit, in table order.
pub fn targets_for(kind: RetrofitKind) -> impl Iterator<Item = &'static TargetRow> {
    TARGET_ROWS.iter().filter(move |r| r.scope == kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::tests::json;

    /// The generated statics hold exactly what the CSV file says, as validated by `schema`.
    #[test]
    fn generated_rows_are_the_csv() {
        let csv = include_str!("../../data/retrofit_targets.csv");
        let rows = crate::schema::retrofit_targets(csv).unwrap();
        assert_eq!(json(TARGET_ROWS), json(&rows));
    }

    #[test]
    fn bad_rows_are_rejected_with_line_and_column() {
        let header = "id,scope,quantity,comparison,value,unit,year,source,clause,table,provenance,wording,note";
        let row = |id: &str, cmp: &str, value: &str, year: &str, wording: &str| {
            format!("{id},rural_house,energy_improvement,{cmp},{value},-,{year},plan,三(三),,T,{wording},n")
        };
        let ok = format!("{header}\n{}\n", row("A", "ge", "0.3", "", "w"));
        assert_eq!(crate::schema::retrofit_targets(&ok).unwrap().len(), 1);
        for (second, column) in [
            (row("B", "ge", "", "2030", "w"), "value"),
            (row("B", "none", "0.3", "2030", "w"), "value"),
            (row("B", "ge", "0.3", "2030", ""), "wording"),
            (row("A", "ge", "0.3", "2030", "w"), "id"),
            (row("B", "ge", "0.4", "", "w"), "year"),
            (row("B", "gt", "0.4", "2030", "w"), "comparison"),
        ] {
            let text = format!("{header}\n{}\n{second}\n", row("A", "ge", "0.3", "", "w"));
            let e = crate::schema::retrofit_targets(&text).unwrap_err();
            assert_eq!(
                (e.line, e.column.as_deref()),
                (Some(3), Some(column)),
                "{e}"
            );
            assert!(e.to_string().contains("retrofit_targets.csv"), "{e}");
        }
    }

    /// The plan's text (docs/sources/hebi-urban-rural-construction-carbon-peak-plan-2023.txt): rural houses
    /// 30 % after a retrofit (三(三)); city totals 10 and 20 × 10⁴ m² by 2025 and 2030 (二(四)4).
    #[test]
    fn rows_from_the_plan() {
        let rural: Vec<_> = targets_for(RetrofitKind::RuralHouse).collect();
        assert_eq!(rural.len(), 1);
        let r = rural[0];
        assert_eq!(
            (r.quantity, r.comparison, r.value, r.clause, r.provenance),
            (
                RetrofitQuantity::EnergyImprovement,
                Comparison::Ge,
                Some(0.30),
                "三(三)",
                Provenance::T
            )
        );
        assert!(r.wording.contains("整体能效提升 30%以上"));
        let areas: Vec<(Option<u16>, Option<f64>)> = targets_for(RetrofitKind::ExistingBuilding)
            .filter(|r| r.quantity == RetrofitQuantity::CityRetrofitArea)
            .map(|r| (r.year, r.value))
            .collect();
        assert_eq!(
            areas,
            [(Some(2025), Some(100_000.0)), (Some(2030), Some(200_000.0))]
        );
    }
}
