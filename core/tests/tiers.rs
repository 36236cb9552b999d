//! The hourly method in the report, the thermal-mass class, the GB/T 51350 assessment and the tier ladder,
//! through `evaluate` (the unit tests of each part are in their modules).

use greencheck_core::energy::{EnergyReport, MassOrigin, RungId, TierStatus};
use greencheck_core::project::Template;
use greencheck_core::{evaluate, Project};
use proptest::prelude::*;
use serde_json::json;

fn energy(p: &Project) -> EnergyReport {
    let r = evaluate(p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r.energy.expect("estimate")
}

fn highrise() -> Project {
    Project::template(Template::ResidentialHighRise).unwrap()
}

/// Each class gives its C_m (ISO 13790 table 12: 80, 110, 165, 260, 370) to both methods and is shown on
/// the report's assumption row; an explicit capacity wins over the class.
#[test]
fn thermal_mass_class_in_the_report() {
    let base = energy(&highrise());
    assert_eq!(base.thermal_mass.class.as_deref(), Some("very_heavy"));
    assert_eq!(base.thermal_mass.origin, MassOrigin::Default);
    let row = |e: &EnergyReport| {
        e.assumptions
            .iter()
            .find(|a| a.key == "thermal_capacity_kj_m2k")
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (row(&base).value, row(&base).class.as_deref()),
        (370.0, Some("very_heavy"))
    );
    let mut heating = Vec::new();
    for (key, c_m) in [
        ("very_light", 80.0),
        ("light", 110.0),
        ("medium", 165.0),
        ("heavy", 260.0),
        ("very_heavy", 370.0),
    ] {
        let mut p = highrise();
        p.assumptions.insert("construction".into(), json!(key));
        let e = energy(&p);
        assert_eq!(e.thermal_mass.c_m_kj_m2k, c_m, "{key}");
        assert_eq!(e.thermal_mass.origin, MassOrigin::Construction);
        let r = row(&e);
        assert_eq!((r.value, r.class.as_deref()), (c_m, Some(key)));
        assert!(r.source.contains("table 12"), "{}", r.source);
        // τ = C_m / (H_tr + H_ve) follows the class.
        assert!(
            (e.design.tau_h * (e.design.h_tr_w_k + e.design.h_ve_w_k) * 3.6 / 12_960.0 - c_m).abs()
                < 1e-9
        );
        heating.push(e.design.heating_kwh_m2);
    }
    // More mass stores more of the free gains: heating falls from very light to very heavy.
    assert!(heating.windows(2).all(|w| w[1] < w[0]), "{heating:?}");
    let mut p = highrise();
    p.assumptions.insert("construction".into(), json!("light"));
    p.assumptions
        .insert("thermal_capacity_kj_m2k".into(), json!(200));
    let e = energy(&p);
    assert_eq!(
        (
            e.thermal_mass.c_m_kj_m2k,
            e.thermal_mass.a_m_ratio,
            e.thermal_mass.origin
        ),
        (200.0, 2.5, MassOrigin::Override)
    );
    let mut p = highrise();
    p.assumptions
        .insert("construction".into(), json!("granite"));
    let r = evaluate(&p);
    assert!(r.energy.is_none());
    assert_eq!(r.errors[0].path, "assumptions.construction");
}

/// The report's demands are the hourly method's; the monthly figures (the sweeps' basis) are alongside.
#[test]
fn hourly_demands_with_the_monthly_alongside() {
    let e = energy(&highrise());
    assert!(e.method.contains("hourly"), "{}", e.method);
    assert!(e.monthly.method.contains("monthly"));
    // The two methods differ (the monthly one runs high, docs/validation.md) but not wildly.
    let ratio = e.design.heating_kwh_m2 / e.monthly.design_heating_kwh_m2;
    assert!((0.8..1.05).contains(&ratio), "{ratio}");
    assert!((e.ratio - e.monthly.ratio).abs() < 0.03);
    let months: f64 = e.design.monthly_heating_kwh_m2.iter().sum();
    assert!((months - e.design.heating_kwh_m2).abs() < 1e-9);
    // No heating in July, no cooling in January (Hebi).
    assert_eq!(e.design.monthly_heating_kwh_m2[6], 0.0);
    assert_eq!(e.design.monthly_cooling_kwh_m2[0], 0.0);
}

/// Residential: assessed under GB/T 51350's own conditions, with the four rungs; a declared N50 and
/// efficiency reach the report and the demand.
#[test]
fn residential_ladder_and_nzeb() {
    let mut p = highrise();
    let e = energy(&p);
    assert!(e.nzeb.assessed && e.nzeb.provisional);
    let rung_ids: Vec<RungId> = e.ladder.rungs.iter().map(|r| r.id).collect();
    assert_eq!(rung_ids, RungId::ALL);
    // Without N50 / efficiency the GB/T 51350 rungs are at best undetermined; the conditions list the
    // assumed values.
    for r in &e.ladder.rungs[2..] {
        assert!(r.provisional);
        assert_ne!(r.status, TierStatus::Met);
        assert!(r
            .criteria
            .iter()
            .all(|c| c.to_be_confirmed || c.status == TierStatus::NotAssessed));
    }
    assert!(e
        .nzeb
        .conditions
        .iter()
        .any(|c| c.key == "airtightness_n50_if_missing"));
    // Not declared, the limits (0.6, 0.75) are assumed; declaring no heat recovery raises the demand.
    let h = e.nzeb.heating_kwh_m2.unwrap();
    let mut none = p.clone();
    none.ventilation.heat_recovery_efficiency = Some(0.0);
    let h_none = energy(&none).nzeb.heating_kwh_m2.unwrap();
    assert!(h_none > h + 5.0, "{h_none} vs {h}");
    p.envelope.airtightness_n50 = Some(0.5);
    p.ventilation.heat_recovery_efficiency = Some(0.8);
    let e2 = energy(&p);
    assert_eq!(e2.nzeb.airtightness_n50, Some(0.5));
    let n50 = e2.ladder.rungs[3]
        .criteria
        .iter()
        .find(|c| c.quantity == "airtightness_n50")
        .unwrap();
    assert_eq!(n50.status, TierStatus::Met);
    // Tighter and better recovery than the `if_missing` rows (0.6, 0.75): less heating.
    assert!(e2.nzeb.heating_kwh_m2.unwrap() < h);
    // The GB 55015 design's own demand is unchanged by the declared ventilation.
    assert_eq!(e2.design, e.design);
}

/// Public buildings: GB/T 51350 not assessed, and the report says why.
#[test]
fn public_buildings_are_not_assessed() {
    let e = energy(&Project::template(Template::Office).unwrap());
    assert!(!e.nzeb.assessed && e.nzeb.heating_kwh_m2.is_none());
    assert!(e.nzeb.note_en.contains("not assessed"));
    assert_eq!(e.ladder.rungs[2].status, TierStatus::NotAssessed);
    assert_eq!(e.ladder.rungs[3].status, TierStatus::NotAssessed);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Raising any U-value never lowers the hourly heating demand of the design, nor its GB/T 51350 heating
    /// demand.
    #[test]
    fn raising_u_never_lowers_hourly_heating(
        wall in 0.1f64..1.0, roof in 0.1f64..1.0, win in 0.8f64..3.5, d in 0.001f64..0.5,
    ) {
        let mut p = highrise();
        p.envelope.wall_u = Some(wall);
        p.envelope.roof_u = Some(roof);
        p.envelope.window_u = Some(win);
        let e0 = energy(&p);
        for k in 0..3 {
            let mut q = p.clone();
            match k {
                0 => q.envelope.wall_u = Some(wall + d),
                1 => q.envelope.roof_u = Some(roof + d),
                _ => q.envelope.window_u = Some(win + d),
            }
            let e1 = energy(&q);
            prop_assert!(e1.design.heating_kwh_m2 >= e0.design.heating_kwh_m2,
                "k={} {} -> {}", k, e0.design.heating_kwh_m2, e1.design.heating_kwh_m2);
            prop_assert!(e1.nzeb.heating_kwh_m2 >= e0.nzeb.heating_kwh_m2);
        }
    }
}
