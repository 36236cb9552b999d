//! The `pv` project fields (a project-format contract) deserialize as documented, and evaluate on the
//! embedded Hebi climate.

use greencheck_core::climate;
use greencheck_core::pv::{evaluate_pv, GridFactorChoice, PvInput};

#[test]
fn contract_field_names_and_grid_factor_forms() {
    let json = r#"{"installable_roof_area_m2": 400, "module_area_m2": 220, "module_efficiency": 0.22,
                   "tilt_deg": 25, "azimuth_deg": 170, "system_loss": 0.18, "grid_factor": "central_china_2022"}"#;
    let i: PvInput = serde_json::from_str(json).unwrap();
    assert_eq!(
        i.grid_factor,
        Some(GridFactorChoice::Id("central_china_2022".into()))
    );
    let i2: PvInput =
        serde_json::from_str(r#"{"module_area_m2": 10, "grid_factor": 0.58}"#).unwrap();
    assert_eq!(i2.grid_factor, Some(GridFactorChoice::KgPerKwh(0.58)));
    let empty: PvInput = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, PvInput::default());

    let hebi = climate::city("hebi").unwrap();
    let r = evaluate_pv(&i, hebi, Some(250_000.0)).unwrap();
    // 220 m² × 0.22 = 48.4 kWp; coverage 220/400 = 0.55 ≥ 0.5.
    assert!((r.kwp - 48.4).abs() < 1e-9);
    assert!((r.coverage_ratio.unwrap() - 0.55).abs() < 1e-12);
    assert_eq!(r.meets_coverage_target, Some(true));
    // Consistency of the report's own figures.
    assert!((r.annual_kwh - r.kwh_per_kwp * 48.4).abs() < 1e-6);
    // The temperature and incidence-angle factors lie between the plain irradiation yield and 10 % below it.
    let plain = r.plane_irradiation_kwh_m2 * 0.82;
    assert!(
        r.kwh_per_kwp < plain && r.kwh_per_kwp > 0.9 * plain,
        "{} {plain}",
        r.kwh_per_kwp
    );
    assert!((r.avoided_co2_kg - r.annual_kwh * 0.5395).abs() < 1e-6);
    assert!((r.renewable_share.unwrap() - r.annual_kwh / 250_000.0).abs() < 1e-12);
    let report = serde_json::to_value(&r).unwrap();
    for key in [
        "kwp",
        "annual_kwh",
        "monthly_kwh",
        "kwh_per_kwp",
        "iam_factor",
        "temperature_factor",
        "cell_temperature_c",
        "loss_model",
        "plane_irradiation_kwh_m2",
        "coverage_ratio",
        "coverage_basis",
        "renewable_share",
        "avoided_co2_kg",
        "grid_factor_kg_per_kwh",
        "grid_factor_source",
    ] {
        assert!(report.get(key).is_some(), "{key}");
    }
    // Zhengzhou gives a different, plausible yield.
    let z = evaluate_pv(&i, climate::city("zhengzhou").unwrap(), None).unwrap();
    assert!(z.annual_kwh > 0.0 && (z.annual_kwh - r.annual_kwh).abs() > 1.0);
}
