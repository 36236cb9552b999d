//! The star-rating data tables (`core/data/star_*.csv`), validated and compiled in at build time, and the
//! per-edition grouping of the computed items' ladders (built once).

use std::sync::OnceLock;

#[cfg(test)]
use serde::Serialize;

use super::ladders::basis_max;
use super::{Category, Edition, Provenance, Quantity, Rule, Stage, StarError, StarLevel};

// `CATEGORY_ROWS`, `LEVEL_ROWS`, `GATE_ROWS`, `LADDER_ROWS`: the `star_*.csv` tables, validated
// (one row per key, consistent ladders; see `crate::schema::star`) and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/star_categories.rs"));
include!(concat!(env!("OUT_DIR"), "/star_levels.rs"));
include!(concat!(env!("OUT_DIR"), "/star_gates.rs"));
include!(concat!(env!("OUT_DIR"), "/star_ladders.rs"));

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
pub(super) struct CategoryRow {
    pub(super) edition: Edition,
    pub(super) stage: Stage,
    pub(super) category: Category,
    pub(super) max: f64,
    pub(super) floor_pct: Option<f64>,
    pub(super) clause: &'static str,
    pub(super) provenance: Provenance,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
pub(super) struct LevelRow {
    pub(super) edition: Edition,
    pub(super) level: StarLevel,
    pub(super) min_total: f64,
    pub(super) clause: &'static str,
    pub(super) provenance: Provenance,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
pub(super) struct GateRow {
    pub(super) edition: Edition,
    pub(super) level: StarLevel,
    pub(super) quantity: Quantity,
    pub(super) required: f64,
    pub(super) alt_quantity: Option<Quantity>,
    pub(super) alt_required: Option<f64>,
    pub(super) residential_only: bool,
    pub(super) clause: &'static str,
    pub(super) provenance: Provenance,
    /// Gate id (the quantity's serde name).
    pub(super) id: &'static str,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
pub(super) struct LadderRow {
    pub(super) edition: Edition,
    pub(super) item: &'static str,
    pub(super) category: Category,
    pub(super) basis: Quantity,
    pub(super) rule: Rule,
    pub(super) threshold: f64,
    pub(super) points: f64,
    pub(super) step: Option<f64>,
    pub(super) step_points: Option<f64>,
    pub(super) cap: Option<f64>,
    pub(super) provenance: Provenance,
    pub(super) note: &'static str,
}

/// A computed item of an edition: clause, category and its ladder rows grouped by basis.
pub(super) type Item = (&'static str, Category, Vec<Vec<&'static LadderRow>>);

#[derive(Debug)]
pub(super) struct StarData {
    pub(super) categories: &'static [CategoryRow],
    pub(super) levels: &'static [LevelRow],
    pub(super) gates: &'static [GateRow],
    pub(super) ladders: &'static [LadderRow],
}

pub(super) fn data_err(table: &str, detail: String) -> StarError {
    StarError::Data {
        table: table.to_string(),
        detail,
    }
}

pub(super) fn data() -> &'static StarData {
    static DATA: StarData = StarData {
        categories: CATEGORY_ROWS,
        levels: LEVEL_ROWS,
        gates: GATE_ROWS,
        ladders: LADDER_ROWS,
    };
    &DATA
}

impl StarData {
    pub(super) fn category(
        &self,
        ed: Edition,
        st: Stage,
        c: Category,
    ) -> Result<&CategoryRow, StarError> {
        self.categories
            .iter()
            .find(|r| r.edition == ed && r.stage == st && r.category == c)
            .ok_or_else(|| data_err("star_categories.csv", format!("missing {c:?}")))
    }

    /// Items of an edition in data order, each with its rows grouped by basis (built once).
    pub(super) fn items(&'static self, ed: Edition) -> &'static [Item] {
        static ITEMS: OnceLock<[Vec<Item>; 2]> = OnceLock::new();
        let [e2019, e2024] = ITEMS.get_or_init(|| {
            [
                self.build_items(Edition::E2019),
                self.build_items(Edition::E2024),
            ]
        });
        match ed {
            Edition::E2019 => e2019,
            Edition::E2024 => e2024,
        }
    }

    pub(super) fn build_items(&'static self, ed: Edition) -> Vec<Item> {
        let mut out: Vec<Item> = Vec::new();
        for r in self.ladders.iter().filter(|r| r.edition == ed) {
            let idx = match out.iter().position(|(i, _, _)| *i == r.item) {
                Some(i) => i,
                None => {
                    out.push((r.item, r.category, Vec::new()));
                    out.len() - 1
                }
            };
            if let Some((_, _, bases)) = out.get_mut(idx) {
                match bases
                    .iter_mut()
                    .find(|b| b.first().is_some_and(|f| f.basis == r.basis))
                {
                    Some(b) => b.push(r),
                    None => bases.push(vec![r]),
                }
            }
        }
        out
    }

    /// Most points the computed items of `c` can give in `ed`.
    pub(super) fn computed_max(&'static self, ed: Edition, c: Category) -> f64 {
        self.items(ed)
            .iter()
            .filter(|(_, cat, _)| *cat == c)
            .map(|(_, _, bases)| bases.iter().map(|b| basis_max(b)).fold(0.0, f64::max))
            .sum()
    }
}
