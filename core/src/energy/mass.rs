//! The construction's thermal mass: the EN ISO 13790:2008 table-12 classes (rows of
//! `core/data/thermal_mass_classes.csv`: C_m and the effective mass area A_m per m² of floor, with their
//! source), chosen by the project's `assumptions.construction`; an explicit
//! `assumptions.thermal_capacity_kj_m2k` still wins. Without either, the default C_m row of
//! `energy_defaults.csv` (370, "very heavy") applies and its class is the one with that C_m.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::borrow::Cow;

use super::{default_row, EnergyError};
use crate::columns::energy::Provenance;
use crate::project::Use;
use crate::text::Text;

// `THERMAL_MASS_ROWS`: `thermal_mass_classes.csv`, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/thermal_mass_classes.rs"));

/// The project key that picks a class (`assumptions.construction`).
pub const CONSTRUCTION_KEY: &str = "construction";

/// One thermal-mass class of EN ISO 13790:2008 table 12.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThermalMassClass {
    /// Key stored in the project (`very_heavy`).
    pub key: &'static str,
    /// Class name, Chinese.
    pub name_zh: &'static str,
    /// Class name, English.
    pub name_en: &'static str,
    /// Typical construction of the class, Chinese (this estimate's guidance).
    pub construction_zh: &'static str,
    /// Typical construction, English.
    pub construction_en: &'static str,
    /// Internal heat capacity C_m per m² of floor area, kJ/(m²·K).
    pub c_m_kj_m2k: f64,
    /// Effective mass area A_m per m² of floor area.
    pub a_m_ratio: f64,
    /// Provenance of the row.
    pub provenance: Provenance,
    /// Source.
    pub source: &'static str,
}

/// Every class, lightest first (as in the table).
pub fn thermal_mass_classes() -> &'static [ThermalMassClass] {
    THERMAL_MASS_ROWS
}

/// The class with key `key`.
pub fn thermal_mass_class(key: &str) -> Option<&'static ThermalMassClass> {
    THERMAL_MASS_ROWS.iter().find(|c| c.key == key)
}

impl ThermalMass {
    /// The name of its class (the class table's), when a class applies.
    pub fn class_name(&self) -> Option<Text> {
        self.class
            .as_deref()
            .and_then(thermal_mass_class)
            .map(|c| Text::new(c.name_zh, c.name_en))
    }
}

/// What decided the thermal mass.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MassOrigin {
    /// The data default (no input).
    Default,
    /// The project's `assumptions.construction` class.
    Construction,
    /// The project's `assumptions.thermal_capacity_kj_m2k` (the class, if also given, sets A_m).
    Override,
}

/// The thermal mass in force (report `energy.thermal_mass`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThermalMass {
    /// Class key, when a class applies (`very_heavy`); `None` for an override without a class whose C_m
    /// matches no class.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub class: Option<Cow<'static, str>>,
    /// C_m used, kJ/(m²·K) of floor.
    pub c_m_kj_m2k: f64,
    /// A_m / A_f used by the hourly method: the class's, or for a C_m between classes linear interpolation
    /// in table 12 (clamped to its ends).
    pub a_m_ratio: f64,
    /// What decided it.
    pub origin: MassOrigin,
    /// Provenance of the value's source (T/S/I/M/A).
    pub provenance: Provenance,
    /// Source of the value.
    pub source: Cow<'static, str>,
}

/// A_m / A_f for a C_m: the class's where it equals one, else linear between the neighbouring classes of
/// table 12, clamped to the lightest and heaviest.
pub fn a_m_ratio_for(c_m_kj_m2k: f64) -> f64 {
    let mut rows: Vec<&ThermalMassClass> = THERMAL_MASS_ROWS.iter().collect();
    rows.sort_by(|a, b| a.c_m_kj_m2k.total_cmp(&b.c_m_kj_m2k));
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return 2.5;
    };
    if c_m_kj_m2k <= first.c_m_kj_m2k {
        return first.a_m_ratio;
    }
    if c_m_kj_m2k >= last.c_m_kj_m2k {
        return last.a_m_ratio;
    }
    rows.windows(2)
        .find(|w| c_m_kj_m2k <= w[1].c_m_kj_m2k)
        .map_or(last.a_m_ratio, |w| {
            let f = (c_m_kj_m2k - w[0].c_m_kj_m2k) / (w[1].c_m_kj_m2k - w[0].c_m_kj_m2k);
            w[0].a_m_ratio + f * (w[1].a_m_ratio - w[0].a_m_ratio)
        })
}

/// The thermal mass of a project: `overrides` is its `assumptions` section, `c_m_in_force` the C_m that
/// [`super::Assumptions::from_project`] set (the default row's, or the validated override).
///
/// Errors when `assumptions.construction` is given but is not a class key.
pub fn resolve(
    u: Use,
    overrides: &Map<String, Value>,
    c_m_in_force: f64,
) -> Result<ThermalMass, EnergyError> {
    let chosen = match overrides.get(CONSTRUCTION_KEY) {
        None | Some(Value::Null) => None,
        Some(Value::String(k)) => Some(thermal_mass_class(k).ok_or_else(|| unknown(k))?),
        Some(other) => return Err(unknown(&other.to_string())),
    };
    let overridden = overrides
        .get("thermal_capacity_kj_m2k")
        .is_some_and(|v| !v.is_null());
    let key = |c: &'static ThermalMassClass| Some(Cow::Borrowed(c.key));
    Ok(match (overridden, chosen) {
        (true, class) => ThermalMass {
            class: class.and_then(key),
            c_m_kj_m2k: c_m_in_force,
            a_m_ratio: class.map_or_else(|| a_m_ratio_for(c_m_in_force), |c| c.a_m_ratio),
            origin: MassOrigin::Override,
            provenance: Provenance::A,
            source: Cow::Borrowed(
                "project input assumptions.thermal_capacity_kj_m2k (it wins over the class; A_m from the \
                 class if one is chosen, else interpolated in EN ISO 13790:2008 table 12)",
            ),
        },
        (false, Some(c)) => ThermalMass {
            class: key(c),
            c_m_kj_m2k: c.c_m_kj_m2k,
            a_m_ratio: c.a_m_ratio,
            origin: MassOrigin::Construction,
            provenance: c.provenance,
            source: Cow::Borrowed(c.source),
        },
        (false, None) => {
            let row = default_row("thermal_capacity_kj_m2k", u)?;
            let class = THERMAL_MASS_ROWS
                .iter()
                .find(|c| c.c_m_kj_m2k == row.value);
            ThermalMass {
                class: class.and_then(key),
                c_m_kj_m2k: row.value,
                a_m_ratio: class.map_or_else(|| a_m_ratio_for(row.value), |c| c.a_m_ratio),
                origin: MassOrigin::Default,
                provenance: match row.provenance {
                    "T" => Provenance::T,
                    "S" => Provenance::S,
                    "I" => Provenance::I,
                    "M" => Provenance::M,
                    _ => Provenance::A,
                },
                source: Cow::Borrowed(row.source),
            }
        }
    })
}

fn unknown(v: &str) -> EnergyError {
    EnergyError::UnknownChoice {
        path: format!("assumptions.{CONSTRUCTION_KEY}"),
        value: v.to_owned(),
        allowed: THERMAL_MASS_ROWS
            .iter()
            .map(|c| c.key)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::tests::json;
    use serde_json::json;

    /// The generated statics hold exactly what the CSV file says.
    #[test]
    fn generated_classes_are_the_csv() {
        let csv = include_str!("../../data/thermal_mass_classes.csv");
        let rows = crate::schema::thermal_mass_classes(csv).unwrap();
        assert_eq!(json(THERMAL_MASS_ROWS), json(&rows));
    }

    fn map(v: serde_json::Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    /// Each class gives ISO 13790 table 12's C_m and A_m (values typed from the table, not read back).
    #[test]
    fn each_class_gives_its_capacity() {
        for (key, c_m, a_m) in [
            ("very_light", 80.0, 2.5),
            ("light", 110.0, 2.5),
            ("medium", 165.0, 2.5),
            ("heavy", 260.0, 3.0),
            ("very_heavy", 370.0, 3.5),
        ] {
            let m = resolve(Use::Office, &map(json!({ "construction": key })), 370.0).unwrap();
            assert_eq!(
                (m.class.as_deref(), m.c_m_kj_m2k, m.a_m_ratio, m.origin),
                (Some(key), c_m, a_m, MassOrigin::Construction)
            );
            assert!(m.source.contains("table 12"), "{}", m.source);
        }
    }

    #[test]
    fn default_is_very_heavy_and_the_override_wins() {
        let d = resolve(Use::Residential, &Map::new(), 370.0).unwrap();
        assert_eq!(
            (d.class.as_deref(), d.c_m_kj_m2k, d.a_m_ratio, d.origin),
            (Some("very_heavy"), 370.0, 3.5, MassOrigin::Default)
        );
        // …and names its class: EN ISO 13790 table 12's "very heavy".
        assert_eq!(d.class_name().map(|t| t.en), Some("very heavy"));
        assert_eq!(d.provenance, Provenance::A);
        // Override with a class: C_m from the override, A_m from the class.
        let o = resolve(
            Use::Residential,
            &map(json!({"construction": "light", "thermal_capacity_kj_m2k": 200})),
            200.0,
        )
        .unwrap();
        assert_eq!(
            (o.class.as_deref(), o.c_m_kj_m2k, o.a_m_ratio, o.origin),
            (Some("light"), 200.0, 2.5, MassOrigin::Override)
        );
        // Override alone: A_m interpolated between medium (165, 2.5) and heavy (260, 3.0):
        // 2.5 + (200 − 165)/(260 − 165) × 0.5 = 2.6842…; beyond the ends clamped.
        let o = resolve(
            Use::Residential,
            &map(json!({"thermal_capacity_kj_m2k": 200})),
            200.0,
        )
        .unwrap();
        assert_eq!(o.class, None);
        assert!((o.a_m_ratio - (2.5 + 35.0 / 95.0 * 0.5)).abs() < 1e-12);
        assert_eq!((a_m_ratio_for(10.0), a_m_ratio_for(2000.0)), (2.5, 3.5));
    }

    #[test]
    fn unknown_class_is_an_error() {
        for bad in [json!("granite"), json!(370)] {
            let e = resolve(Use::Office, &map(json!({ "construction": bad })), 370.0).unwrap_err();
            assert_eq!(e.path(), "assumptions.construction");
            assert!(e.message_en().contains("very_heavy"), "{}", e.message_en());
        }
        assert!(resolve(Use::Office, &map(json!({ "construction": null })), 370.0).is_ok());
    }

    #[test]
    fn bad_rows_fail_the_build() {
        let header = "key,name_zh,name_en,construction_zh,construction_en,c_m_kj_m2k,a_m_ratio,provenance,source";
        let ok = format!("{header}\nx,甲,x,甲,x,100,2.5,S,s\n");
        assert!(crate::schema::thermal_mass_classes(&ok).is_ok());
        for (row, column) in [
            ("x,甲,x,甲,x,0,2.5,S,s", "c_m_kj_m2k"),
            ("x,甲,x,甲,x,100,5,S,s", "a_m_ratio"),
            ("x,甲,x,甲,x,100,2.5,Q,s", "provenance"),
        ] {
            let e = crate::schema::thermal_mass_classes(&format!("{header}\n{row}\n")).unwrap_err();
            assert_eq!(e.column.as_deref(), Some(column), "{e}");
        }
        let dup = format!("{header}\nx,甲,x,甲,x,100,2.5,S,s\nx,甲,x,甲,x,110,2.5,S,s\n");
        let e = crate::schema::thermal_mass_classes(&dup).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("key")));
    }
}
