//! Energy estimate: hand-computed monthly balance, reference building, tiers, outlook, report wiring,
//! sweeps.

use greencheck_core::energy::{
    self, loss_utilisation, month_needs, outlook, simulate, utilisation, Assumptions,
    EnvelopeParams, FacadeParams, Outlook, Site,
};
use greencheck_core::model::BuildingClass;
use greencheck_core::project::{Template, Use};
use greencheck_core::reference::reference_values;
use greencheck_core::sweep::{sweep, SweepParam};
use greencheck_core::{evaluate, Project, Verdict};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

fn highrise() -> Project {
    Project::template(Template::ResidentialHighRise).unwrap()
}

fn simple_assumptions() -> Assumptions {
    let mut a = Assumptions::defaults(Use::Residential).unwrap();
    a.thermal_capacity_kj_m2k = 165.0; // the hand computations below use C_m = 165 ("medium")
    a.shading_factor = 1.0;
    a.wall_absorptance = 0.0;
    a.roof_absorptance = 0.0;
    a.sky_radiation_h_r = 0.0;
    a.thermal_bridge_du = 0.0;
    a
}

#[test]
fn defaults_are_the_documented_data_rows() {
    let r = Assumptions::defaults(Use::Residential).unwrap();
    assert_eq!((r.air_changes_per_h, r.internal_gains_w_m2), (0.5, 3.8));
    assert_eq!((r.heating_setpoint_c, r.cooling_setpoint_c), (18.0, 26.0));
    assert_eq!(r.thermal_capacity_kj_m2k, 370.0);
    assert_eq!(r.tradeoff_band, 0.05);
    let o = Assumptions::defaults(Use::Office).unwrap();
    assert_eq!((o.air_changes_per_h, o.internal_gains_w_m2), (1.0, 10.0));
    for row in energy::default_rows() {
        assert!(!row.source.is_empty(), "{} has a source", row.key);
        assert!(["T", "S", "A"].contains(&row.provenance));
    }
    // Every overridable key has a default for every use.
    for u in [Use::Residential, Use::School, Use::OtherPublic] {
        assert_eq!(Assumptions::defaults(u).unwrap().used(u).len(), 17);
    }
}

#[test]
fn utilisation_formula_values() {
    // γ = 1: a/(a+1).
    assert!(close(utilisation(1.0, 3.0), 0.75, 1e-15));
    // γ = 0.5, a = 2: (1 − 0.25)/(1 − 0.125) = 6/7.
    assert!(close(utilisation(0.5, 2.0), 6.0 / 7.0, 1e-14));
    // γ = 2, a = 2: (1 − 4)/(1 − 8) = 3/7.
    assert!(close(utilisation(2.0, 2.0), 3.0 / 7.0, 1e-14));
    assert_eq!(utilisation(0.0, 2.0), 1.0);
    // Continuity around γ = 1.
    assert!(close(utilisation(1.0 + 1e-7, 3.0), 0.75, 1e-6));
    // Loss utilisation is η(1/γ).
    assert!(close(loss_utilisation(2.0, 2.0), 6.0 / 7.0, 1e-14));
    assert_eq!(loss_utilisation(-1.0, 2.0), 1.0);
    // Cooling with losses ≤ 0: all gains and the negative "loss" are removed.
    assert_eq!(month_needs(-10.0, -5.0, 100.0, 2.0), (0.0, 105.0));
    assert!(utilisation(1e300, 2.0).is_finite());
}

#[test]
fn one_facade_box_by_hand() {
    // 100 m² floor, 300 m³, one 100 m² facade with WWR 0.2: walls 80 m² at U 0.5, windows 20 m² at
    // U 2.0, SHGC 0.5, 50 kWh/m² per month on the facade, 744 h months.
    // H_tr = 0.5·80 + 2·20 = 80 W/K; H_ve = 0.34·0.5·300 = 51 W/K; H = 131 W/K.
    // C_m = 165 kJ/(m²K)·100 m² = 4583.33 Wh/K; τ = 34.987 h; a = 1 + τ/15 = 3.33249.
    // January at 0 °C: Q_ht = 131·18·744/1000 = 1754.352 kWh; Q_sol = 0.5·20·50 = 500;
    // Q_int = 3.8·100·744/1000 = 282.72; Q_gn = 782.72; γ = 0.446159; η = 0.961214;
    // Q_H = 1754.352 − 0.961214·782.72 = 1001.991 kWh.
    // February at 24 °C: Q_ht,C = 131·2·744/1000 = 194.928; γ_C = 4.015431; η_C = 0.992676;
    // Q_C = 782.72 − 0.992676·194.928 = 589.220 kWh; no heating.
    let mut t_e = [0.0; 12];
    t_e[1] = 24.0;
    let site = Site {
        floor_area_m2: 100.0,
        volume_m3: 300.0,
        roof_area_m2: 0.0,
        floor_over_outside_m2: 0.0,
        facades: vec![(100.0, [50.0; 12])],
        azimuths_deg: vec![180.0],
        roof_solar_kwh_m2: [0.0; 12],
        t_e_c: t_e,
        hours: [744.0; 12],
    };
    let env = EnvelopeParams {
        wall_u: 0.5,
        roof_u: 0.3,
        facades: vec![FacadeParams {
            wwr: 0.2,
            window_u: 2.0,
            window_shgc: 0.5,
        }],
        skylight_ratio: 0.0,
        skylight_u: 0.0,
        skylight_shgc: 0.0,
        floor_over_outside_u: 0.0,
    };
    let a = simple_assumptions();
    let d = simulate(&site, &env, &a);
    assert!(close(d.h_tr_w_k, 80.0, 1e-12));
    assert!(close(d.h_ve_w_k, 51.0, 1e-12));
    assert!(close(d.tau_h, 34.987277, 1e-6));
    assert!(
        close(d.heating_kwh[0], 1001.9907, 1e-6),
        "{}",
        d.heating_kwh[0]
    );
    assert_eq!(d.heating_kwh[1], 0.0);
    assert!(
        close(d.cooling_kwh[1], 589.2196, 1e-6),
        "{}",
        d.cooling_kwh[1]
    );
    // January cooling by the same formula: γ_C = 782.72 / (131·26·0.744), η_C = η(1/γ_C, a).
    let q_ht_c = 131.0 * 26.0 * 0.744;
    let a_par = 1.0 + 34.987_277_353_689_56 / 15.0;
    let x: f64 = q_ht_c / 782.72;
    let eta_c = (1.0 - x.powf(a_par)) / (1.0 - x.powf(a_par + 1.0));
    assert!(close(
        d.cooling_kwh[0],
        (782.72 - eta_c * q_ht_c).max(0.0),
        1e-9
    ));
    // Energy: heating / η + cooling / EER.
    let e = d.energy(&a);
    assert!(close(e, d.heating() / 2.2 + d.cooling() / 3.5, 1e-12));
}

/// Sets every design value to the reference building's value.
fn at_reference(mut p: Project) -> Project {
    let b = greencheck_core::model::Building::from_project(&p).unwrap();
    let r = reference_values(&b).unwrap();
    p.envelope.wall_u = r.wall_u;
    p.envelope.roof_u = r.roof_u;
    for f in &r.facades {
        let e = p.facades.entry(f.name.clone()).or_default();
        e.wwr = f.wwr;
        if f.window_u.is_some() {
            e.window_u = f.window_u;
        }
        if f.window_shgc.is_some() {
            e.window_shgc = f.window_shgc;
        }
    }
    p
}

#[test]
fn design_equal_to_reference_gives_ratio_one() {
    for t in Template::ALL {
        let p = at_reference(Project::template(t).unwrap());
        let r = evaluate(&p);
        let e = r.energy.as_ref().expect("energy");
        assert_eq!(e.ratio, 1.0, "{t:?}");
        assert_eq!(e.load_ratio, 1.0);
        assert_eq!(e.design.heating_kwh_m2, e.reference.heating_kwh_m2);
        assert!(close(e.saving_rate, e.base_rate, 1e-15));
    }
}

#[test]
fn raising_wall_u_raises_heating_and_ratio() {
    let mut p = highrise();
    let lo = evaluate(&p).energy.unwrap();
    p.envelope.wall_u = Some(0.6);
    let hi = evaluate(&p).energy.unwrap();
    assert!(hi.design.heating_kwh_m2 > lo.design.heating_kwh_m2);
    assert!(hi.ratio > lo.ratio);
    // The reference does not move with the design's wall.
    assert_eq!(hi.reference.heating_kwh_m2, lo.reference.heating_kwh_m2);
}

#[test]
fn wwr_trimmed_only_above_the_limit() {
    let mut p = highrise();
    let e = evaluate(&p).energy.unwrap();
    let a = &e.reference_building.facades[0];
    assert_eq!((a.name.as_str(), a.wwr, a.wwr_trimmed), ("A", 0.45, false));
    p.facades.get_mut("A").unwrap().wwr = Some(0.50);
    let e = evaluate(&p).energy.unwrap();
    assert!(!e.reference_building.facades[0].wwr_trimmed);
    p.facades.get_mut("A").unwrap().wwr = Some(0.55);
    let e = evaluate(&p).energy.unwrap();
    let a = &e.reference_building.facades[0];
    assert_eq!((a.wwr_design, a.wwr, a.wwr_trimmed), (0.55, 0.50, true));
    // The reference keeps the design SHGC on the south (no limit) and uses 0.55 east/west.
    assert!(!a.window_shgc_at_limit);
    assert_eq!(e.reference_building.facades[1].window_shgc, 0.55);
}

#[test]
fn tier_thresholds_are_data() {
    // The plan's rates are the data (rows E03/E04); the ratio limit is derived: 0.17 / 0.25 = 0.68.
    let t = energy::tier(BuildingClass::ResidentialGt3, "cold_b").unwrap();
    assert_eq!((t.base_rate, t.target_rate, t.row), (0.75, 0.83, "E03"));
    assert!(close(t.target_ratio, 0.68, 1e-12));
    let t = energy::tier(BuildingClass::PublicA, "cold_b").unwrap();
    assert_eq!((t.base_rate, t.target_rate, t.row), (0.72, 0.78, "E04"));
    assert!(close(t.target_ratio, 0.22 / 0.28, 1e-12));
    // Ratio 0.68 ⇔ 83 %: a report's saving rate and target agree.
    let e = evaluate(&highrise()).energy.unwrap();
    assert_eq!(e.target_rate, 0.83);
    assert!(close(e.saving_rate, 1.0 - 0.25 * e.ratio, 1e-15));
    assert_eq!(e.meets_target, e.ratio <= 0.68);
}

#[test]
fn outlook_band_edges() {
    assert_eq!(outlook(0.95, 0.05), Outlook::Borderline);
    assert_eq!(outlook(0.9499, 0.05), Outlook::LikelyPass);
    assert_eq!(outlook(1.05, 0.05), Outlook::Borderline);
    assert_eq!(outlook(1.0501, 0.05), Outlook::LikelyFail);
    assert_eq!(outlook(1.0, 0.0), Outlook::Borderline);
    // In a report: only for the trade-off verdict.
    let mut p = highrise();
    p.envelope.wall_u = Some(0.55); // > 0.45 limit, ≤ 0.60 basic: trade-off
    let r = evaluate(&p);
    assert_eq!(r.verdict, Verdict::Tradeoff);
    let e = r.energy.unwrap();
    assert_eq!(e.tradeoff_likely_passes, Some(e.ratio <= 1.0));
    assert_eq!(e.tradeoff_outlook, Some(outlook(e.ratio, 0.05)));
    let c = evaluate(&highrise()).energy.unwrap();
    assert_eq!((c.tradeoff_likely_passes, c.tradeoff_outlook), (None, None));
}

#[test]
fn report_json_sections_and_field_names() {
    let mut p = highrise();
    p.pv.insert("installable_roof_area_m2".into(), 600.0.into());
    let r = evaluate(&p);
    let v = serde_json::to_value(&r).unwrap();
    let e = &v["energy"];
    for k in [
        "is_estimate",
        "ratio",
        "load_reduction",
        "saving_rate",
        "target_rate",
        "meets_target",
        "reference_building",
        "assumptions",
    ] {
        assert!(!e[k].is_null(), "energy.{k}");
    }
    for k in ["heating_kwh_m2", "cooling_kwh_m2", "energy_kwh_m2"] {
        assert!(e["design"][k].as_f64().unwrap() > 0.0);
        assert!(e["reference"][k].as_f64().unwrap() > 0.0);
    }
    assert_eq!(
        e["design"]["monthly_heating_kwh_m2"]
            .as_array()
            .unwrap()
            .len(),
        12
    );
    assert_eq!(e["is_estimate"], true);
    assert!(e.get("tradeoff_outlook").is_none());
    // PV share uses the design energy.
    let pv = r.pv.as_ref().unwrap();
    let energy = r.energy.as_ref().unwrap();
    assert!(close(
        pv.renewable_share.unwrap(),
        pv.annual_kwh / energy.design.energy_kwh,
        1e-12
    ));
    assert!(!v["star"].is_null());
    // Round trip of the typed report.
    let back: greencheck_core::Report = serde_json::from_value(v).unwrap();
    assert_eq!(back, r);
    // No pv area: no pv section.
    assert!(evaluate(&highrise()).pv.is_none());
}

#[test]
fn section_errors_keep_the_checks() {
    let mut p = highrise();
    p.pv.insert("installable_roof_area_m2".into(), 600.0.into());
    p.pv.insert("module_efficiency".into(), 2.0.into());
    p.green.insert("edition".into(), "1999".into());
    p.assumptions
        .insert("air_changes_per_h".into(), serde_json::json!("lots"));
    let r = evaluate(&p);
    let paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"pv.module_efficiency"), "{paths:?}");
    assert!(paths.contains(&"green.edition"), "{paths:?}");
    assert!(
        paths.contains(&"assumptions.air_changes_per_h"),
        "{paths:?}"
    );
    assert!(!r.checks.is_empty());
    assert_eq!(r.verdict, evaluate(&highrise()).verdict);
    assert!(r.energy.is_none() && r.pv.is_none() && r.star.is_none());
    // Range and order of assumptions.
    let mut p = highrise();
    p.assumptions
        .insert("heating_setpoint_c".into(), 27.0.into());
    let r = evaluate(&p);
    assert_eq!(r.errors[0].path, "assumptions.cooling_setpoint_c");
    let mut p = highrise();
    p.assumptions.insert("shading_factor".into(), 1.5.into());
    assert_eq!(evaluate(&p).errors[0].path, "assumptions.shading_factor");
    // NaN cannot be written in JSON; from Rust it becomes null and is rejected, never used.
    let mut m = serde_json::Map::new();
    m.insert("internal_gains_w_m2".into(), serde_json::json!(f64::NAN));
    assert!(Assumptions::from_project(Use::Residential, &m).is_err());
    // Overrides are used.
    let mut p = highrise();
    p.assumptions.insert("air_changes_per_h".into(), 1.0.into());
    let e = evaluate(&p).energy.unwrap();
    assert!(e
        .assumptions
        .iter()
        .any(|a| a.key == "air_changes_per_h" && a.overridden));
}

#[test]
fn missing_design_value_leaves_energy_out() {
    let mut p = highrise();
    p.envelope.wall_u = None;
    let r = evaluate(&p);
    assert_eq!(r.verdict, Verdict::Incomplete);
    assert!(r.energy.is_none() && r.errors.is_empty());
    assert!(r.star.is_some());
}

#[test]
fn star_metrics_from_checks_and_estimate() {
    let r = evaluate(&highrise());
    let b = greencheck_core::model::Building::from_project(&highrise()).unwrap();
    let m = greencheck_core::evaluate::star_metrics(&b, &r.checks, r.energy.as_ref(), None);
    // Wall 0.42 vs 0.45: 6.67 %; worst window K: south 1.9 vs 2.0 → 5 %.
    let wall = m.envelope.iter().find(|(id, _)| id == "u.wall").unwrap().1;
    assert!(close(wall, 0.03 / 0.45, 1e-12));
    assert!(close(m.window_k_reduction.unwrap(), 0.05, 1e-12));
    let e = r.energy.unwrap();
    assert_eq!(m.energy_reduction, Some(1.0 - e.ratio));
    assert_eq!(m.load_reduction, Some(e.load_reduction));
    assert!(m.is_residential);
}

/// The monthly ratio of a full evaluation (`energy.monthly`, the sweeps' basis) and the verdict.
fn ratio_at(p: &Project) -> (Option<f64>, Verdict) {
    let r = evaluate(p);
    (r.energy.map(|e| e.monthly.ratio), r.verdict)
}

#[test]
fn sweeps_agree_with_full_evaluation() {
    let base = highrise();
    let cases: Vec<(SweepParam, f64, f64)> = vec![
        (SweepParam::Wwr("A".into()), 0.0, 0.75),
        (SweepParam::Wwr("B".into()), 0.6, 0.0),
        (SweepParam::WallU, 0.2, 0.9),
        (SweepParam::RoofU, 0.1, 0.6),
        (SweepParam::WindowU, 1.0, 3.0),
        (SweepParam::WindowShgc, 0.2, 0.7),
        (SweepParam::Orientation, 0.0, 360.0),
        (SweepParam::Storeys, 1.0, 30.0),
    ];
    for (param, from, to) in cases {
        let pts = sweep(&base, param.clone(), from, to, 41);
        assert_eq!(pts.len(), 41);
        assert_eq!((pts[0].x, pts[40].x), (from, to));
        for pt in &pts {
            let mut p = base.clone();
            greencheck_core::sweep::apply(&mut p, &base, &param, pt.x);
            let (ratio, verdict) = ratio_at(&p);
            assert_eq!(pt.verdict, verdict, "{param:?} at {}", pt.x);
            match (pt.ratio, ratio) {
                (Some(a), Some(b)) => {
                    assert!(close(a, b, 1e-12), "{param:?} at {}: {a} vs {b}", pt.x)
                }
                (a, b) => assert_eq!(a, b, "{param:?} at {}", pt.x),
            }
        }
    }
    assert!(sweep(&base, SweepParam::WallU, 0.3, 0.5, 0).is_empty());
    assert_eq!(sweep(&base, SweepParam::WallU, 0.3, 0.5, 1).len(), 1);
    // Invalid values: verdict incomplete, no ratio, no panic.
    let pts = sweep(&base, SweepParam::WallU, -1.0, f64::NAN, 3);
    assert!(pts.iter().all(|p| p.ratio.is_none()));
    let pts = sweep(&base, SweepParam::Wwr("Z".into()), 0.1, 0.2, 3);
    assert!(pts.iter().all(|p| p.verdict == Verdict::Incomplete));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn ratio_is_monotone_in_u(wall in 0.1f64..1.0, roof in 0.1f64..1.0, win in 0.8f64..3.5, d in 0.001f64..0.5) {
        let mut p = highrise();
        p.envelope.wall_u = Some(wall);
        p.envelope.roof_u = Some(roof);
        p.envelope.window_u = Some(win);
        let r0 = ratio_at(&p).0.unwrap();
        for k in 0..3 {
            let mut q = p.clone();
            match k {
                0 => q.envelope.wall_u = Some(wall + d),
                1 => q.envelope.roof_u = Some(roof + d),
                _ => q.envelope.window_u = Some(win + d),
            }
            let r1 = ratio_at(&q).0.unwrap();
            prop_assert!(r1 >= r0, "k={} {} -> {}", k, r0, r1);
        }
    }
}

#[test]
fn outlook_code_is_its_serialised_name() {
    // The UI uses the code as a CSS class; the report's JSON uses the serde name: they must agree.
    for o in [
        Outlook::LikelyPass,
        Outlook::Borderline,
        Outlook::LikelyFail,
    ] {
        assert_eq!(serde_json::to_value(o).unwrap(), o.code(), "{o:?}");
    }
}
