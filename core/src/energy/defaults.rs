//! The estimate's default values: rows of `core/data/energy_defaults.csv` (value, unit, provenance, source),
//! validated and compiled in at build time, looked up by key and building use.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

use super::EnergyError;
use crate::project::Use;

// `DEFAULT_ROWS`: `energy_defaults.csv`, validated (every value finite) and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/energy_defaults.rs"));

/// One row of `energy_defaults.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefaultRow {
    /// Assumption key (also the `assumptions` field name).
    pub key: &'static str,
    /// `all`, `residential`, `public`, or a use (`office`, `school`, …).
    pub category: &'static str,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// Provenance: T text of a standard, S secondhand, A assumption.
    pub provenance: &'static str,
    /// Source.
    pub source: &'static str,
}

/// Every default row (validated at build time by `build.rs`).
pub fn default_rows() -> &'static [DefaultRow] {
    DEFAULT_ROWS
}

/// The default row for `key` and a use: the use's own row, else `residential`/`public`, else `all`.
pub fn default_row(key: &str, u: Use) -> Result<&'static DefaultRow, EnergyError> {
    /// Rows grouped by key, in table order.
    type ByKey = HashMap<&'static str, Vec<&'static DefaultRow>>;
    static BY_KEY: OnceLock<ByKey> = OnceLock::new();
    let by_key = BY_KEY.get_or_init(|| {
        let mut m = ByKey::default();
        for r in DEFAULT_ROWS {
            m.entry(r.key).or_default().push(r);
        }
        m
    });
    let group = if u.is_residential() {
        "residential"
    } else {
        "public"
    };
    let candidates = by_key.get(key).map_or(&[][..], Vec::as_slice);
    [u.key(), group, "all"]
        .iter()
        .find_map(|c| candidates.iter().copied().find(|r| r.category == *c))
        .ok_or_else(|| EnergyError::Data(format!("no default for {key} ({})", u.key())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::tests::json;

    /// The generated statics hold exactly what the CSV file says, as validated by `schema`.
    #[test]
    fn generated_defaults_are_the_csv() {
        let csv = include_str!("../../data/energy_defaults.csv");
        let rows = crate::schema::energy_defaults(csv).unwrap();
        assert_eq!(json(DEFAULT_ROWS), json(&rows));
    }

    #[test]
    fn non_finite_default_is_rejected() {
        let header = "key,category,value,unit,provenance,source";
        let ok = crate::schema::energy_defaults(&format!("{header}\nk,all,1.5,-,A,src\n"));
        assert_eq!(ok.unwrap().len(), 1);
        for bad in ["inf", "NaN"] {
            let text = format!("{header}\nk,all,1.5,-,A,src\nk,all,{bad},-,A,src\n");
            let e = crate::schema::energy_defaults(&text).unwrap_err();
            assert_eq!(
                (e.line, e.column.as_deref()),
                (Some(3), Some("value")),
                "{e}"
            );
            assert!(e.to_string().contains("energy_defaults.csv"), "{e}");
        }
    }
}
