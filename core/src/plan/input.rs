//! The project's `plan` section: facts about the building that only the plan scorecard needs
//! (who invests, what it is, what was entered from other calculations), parsed and range-checked
//! with the field path of the first problem.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::fields;

/// The `plan` section. Every field is optional: absent or `null` = not given, and a target that
/// needs it reports `needs_input` with its path. Unknown keys are ignored (kept verbatim in the file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanInput {
    /// The year whose progress report the project counts in (统计年度), a whole number in [2000, 2100]
    /// (held as the JSON number it is, like every number here, and checked by its field; [`Self::year`]).
    pub year: Option<f64>,
    /// The county or district that reports the project (所属县区), as typed.
    pub district: Option<String>,
    /// Government-invested or government-participated project (政府投资或参与的项目).
    pub government_invested: Option<bool>,
    /// Public-welfare building (公益性建筑).
    pub public_welfare: Option<bool>,
    /// Building of a public institution (公共机构: state organs, public institutions and organisations
    /// funded by the state budget).
    pub public_institution: Option<bool>,
    /// Factory building (厂房).
    pub factory: Option<bool>,
    /// Total building area incl. underground storeys (建筑面积), m² > 0; default the model's floor area.
    pub gross_floor_area_m2: Option<f64>,
    /// Assembly ratio (装配率) computed under GB/T 51129 or DBJ41/T 222, in [0, 1].
    pub assembly_ratio: Option<f64>,
    /// Planned construction waste generated on site, t ≥ 0.
    pub construction_waste_t: Option<f64>,
    /// Heating, hot water and cooking all electric.
    pub all_electric: Option<bool>,
    /// Electricity share of the building's energy use, in [0, 1].
    pub electricity_share: Option<f64>,
    /// Solar thermal yield, kWh/a ≥ 0.
    pub solar_thermal_kwh: Option<f64>,
    /// Ambient heat delivered by heat pumps (air, ground, water source), kWh/a ≥ 0.
    pub ambient_heat_kwh: Option<f64>,
    /// Other renewable energy (biomass, …), kWh/a ≥ 0.
    pub other_renewables_kwh: Option<f64>,
}

/// What is wrong with a `plan` field.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanErrorKind {
    /// Wrong JSON type.
    WrongType {
        /// Parser message.
        detail: String,
    },
    /// A number outside its range (or not finite).
    OutOfRange {
        /// The value.
        value: f64,
        /// Allowed range in interval notation, with its unit.
        range: String,
    },
}

/// An invalid `plan` field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {}", self.message_en())]
pub struct PlanError {
    /// Field path, e.g. `plan.assembly_ratio` (`plan` for the section itself).
    pub path: String,
    /// The reason.
    pub kind: PlanErrorKind,
}

impl PlanError {
    /// Reason in English.
    pub fn message_en(&self) -> String {
        match &self.kind {
            PlanErrorKind::WrongType { detail } => format!("wrong type or value: {detail}"),
            PlanErrorKind::OutOfRange { value, range } => format!("{value} must lie in {range}"),
        }
    }

    /// Reason in Chinese.
    pub fn message_zh(&self) -> String {
        match &self.kind {
            // The parser's detail is English: the Chinese says what the field takes instead.
            PlanErrorKind::WrongType { .. } => fields::wrong_type_zh(&self.path),
            PlanErrorKind::OutOfRange { value, range } => {
                format!("数值 {value} 超出范围，应在 {range} 内")
            }
        }
    }
}

impl PlanInput {
    /// The reporting year, when given and valid (a whole number in its field's range).
    pub fn year(&self) -> Option<u16> {
        let y = self.year?;
        let kind = fields::PLAN_YEAR.number_kind()?;
        // The range check keeps the cast exact: a whole number in [2000, 2100].
        kind.check(y).is_ok().then_some(y as u16)
    }

    /// The reporting county or district, spaces trimmed and runs of spaces (full-width too) made one, so that
    /// "淇滨区 " and "淇滨区" are one group; `None` when not given or blank.
    pub fn district(&self) -> Option<String> {
        let words: Vec<&str> = self.district.as_deref()?.split_whitespace().collect();
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// Only the two fields the portfolio groups projects by (`year`, `district`), read on their own: a project
    /// whose section has another invalid field still counts in its year and county (where the bureau needs to
    /// see it). A value of the wrong type reads as not given; [`Self::year`] and [`Self::district`] then check
    /// and normalise.
    pub fn reporting(map: &Map<String, Value>) -> PlanInput {
        PlanInput {
            year: map.get("year").and_then(Value::as_f64),
            district: map
                .get("district")
                .and_then(Value::as_str)
                .map(str::to_owned),
            ..PlanInput::default()
        }
    }

    /// Parses and checks the `plan` section.
    pub fn from_section(map: &Map<String, Value>) -> Result<PlanInput, PlanError> {
        let input: PlanInput = serde_path_to_error::deserialize(map).map_err(|e| {
            let inner = e.path().to_string();
            let path = if inner.is_empty() || inner == "." {
                "plan".to_owned()
            } else {
                format!("plan.{inner}")
            };
            PlanError {
                path,
                kind: PlanErrorKind::WrongType {
                    detail: e.into_inner().to_string(),
                },
            }
        })?;
        input.validate()?;
        Ok(input)
    }

    /// Checks every number against its field's range in the registry ([`crate::fields`], the same rule as
    /// typed input); the first problem is returned.
    pub fn validate(&self) -> Result<(), PlanError> {
        for (field, v) in [
            (&fields::PLAN_YEAR, self.year),
            (&fields::PLAN_AREA, self.gross_floor_area_m2),
            (&fields::PLAN_ASSEMBLY, self.assembly_ratio),
            (&fields::PLAN_WASTE, self.construction_waste_t),
            (&fields::PLAN_ELECTRICITY_SHARE, self.electricity_share),
            (&fields::PLAN_SOLAR_THERMAL, self.solar_thermal_kwh),
            (&fields::PLAN_AMBIENT_HEAT, self.ambient_heat_kwh),
            (&fields::PLAN_OTHER_RENEWABLES, self.other_renewables_kwh),
        ] {
            if let (Some(x), Some(kind)) = (v, field.number_kind()) {
                if kind.check(x).is_err() {
                    return Err(PlanError {
                        path: field.path.to_owned(),
                        kind: PlanErrorKind::OutOfRange {
                            value: x,
                            range: kind.range_text(),
                        },
                    });
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<PlanInput, PlanError> {
        match v {
            Value::Object(m) => PlanInput::from_section(&m),
            _ => unreachable!(),
        }
    }

    #[test]
    fn empty_and_null_mean_not_given() {
        assert_eq!(parse(json!({})).unwrap(), PlanInput::default());
        let p = parse(json!({"assembly_ratio": null, "all_electric": true, "future": 1})).unwrap();
        assert_eq!((p.assembly_ratio, p.all_electric), (None, Some(true)));
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (json!({"assembly_ratio": 1.2}), "plan.assembly_ratio"),
            (json!({"assembly_ratio": -0.1}), "plan.assembly_ratio"),
            (json!({"electricity_share": 1.01}), "plan.electricity_share"),
            (
                json!({"construction_waste_t": -1}),
                "plan.construction_waste_t",
            ),
            (
                json!({"gross_floor_area_m2": 0}),
                "plan.gross_floor_area_m2",
            ),
            (json!({"ambient_heat_kwh": -5}), "plan.ambient_heat_kwh"),
            (
                json!({"government_invested": "yes"}),
                "plan.government_invested",
            ),
            (json!({"assembly_ratio": "50%"}), "plan.assembly_ratio"),
            (json!({"year": 1999}), "plan.year"),
            (json!({"year": 2101}), "plan.year"),
            (json!({"year": 2026.5}), "plan.year"),
            (json!({"year": "2026"}), "plan.year"),
        ];
        for (v, path) in cases {
            let e = parse(v.clone()).unwrap_err();
            assert_eq!(e.path, path, "{v}");
            assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
        }
        // The edges are allowed.
        let p =
            parse(json!({"assembly_ratio": 1, "electricity_share": 0, "construction_waste_t": 0}));
        assert!(p.is_ok());
        let e = PlanInput {
            solar_thermal_kwh: Some(f64::NAN),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.path, "plan.solar_thermal_kwh");
    }

    #[test]
    fn a_wrong_type_says_what_the_field_takes() {
        let e = parse(json!({"year": "2026"})).unwrap_err();
        assert_eq!(e.message_zh(), "类型错误：应为数值，范围 [2000, 2100]");
        let e = parse(json!({"government_invested": "yes"})).unwrap_err();
        assert_eq!(e.message_zh(), "类型错误：应为 true、false 或不填");
        let e = parse(json!({"district": 7})).unwrap_err();
        assert_eq!(e.message_zh(), "类型错误：应为文本");
        assert!(
            e.message_en().contains("invalid type"),
            "{}",
            e.message_en()
        );
    }

    #[test]
    fn year_and_district_survive_another_invalid_field() {
        let map = |v: Value| match v {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let m = map(json!({"year": 2026, "district": "淇滨区 ", "assembly_ratio": "50%"}));
        assert!(PlanInput::from_section(&m).is_err());
        let r = PlanInput::reporting(&m);
        assert_eq!(
            (r.year(), r.district()),
            (Some(2026), Some("淇滨区".into()))
        );
        // Wrong types or values read as not given.
        let r = PlanInput::reporting(&map(json!({"year": "2026", "district": 7})));
        assert_eq!((r.year(), r.district()), (None, None));
        let r = PlanInput::reporting(&map(json!({"year": 1999.0})));
        assert_eq!(r.year(), None);
    }

    #[test]
    fn the_district_is_trimmed_and_blank_is_none() {
        let district = |v: Value| parse(json!({ "district": v })).unwrap().district();
        assert_eq!(district(json!(" 淇滨区\u{3000}")), Some("淇滨区".into()));
        assert_eq!(district(json!("鹤壁  经开区")), Some("鹤壁 经开区".into()));
        assert_eq!(district(json!("  ")), None);
        assert_eq!(district(Value::Null), None);
        assert!(parse(json!({"district": 3})).is_err());
    }

    #[test]
    fn the_reporting_year_is_a_whole_year_in_range() {
        let year = |v: Value| parse(json!({ "year": v })).map(|p| p.year());
        assert_eq!(year(json!(2026)), Ok(Some(2026)));
        assert_eq!(year(json!(2000)), Ok(Some(2000)), "edges allowed");
        assert_eq!(year(json!(2100)), Ok(Some(2100)));
        assert_eq!(year(Value::Null), Ok(None));
        // Invalid values never reach `year()` through the parser; set directly, they read as not given.
        let p = PlanInput {
            year: Some(2026.5),
            ..Default::default()
        };
        assert_eq!(p.year(), None);
    }
}
