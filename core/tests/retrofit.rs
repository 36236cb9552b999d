//! Retrofit: the improvement checked against an independent computation, the element marks and checks, the
//! plan's targets, the errors of the `retrofit` section, the rural-house template.

use greencheck_core::editor::set_path;
use greencheck_core::fields::{self, Input};
use greencheck_core::project::{Project, Template};
use greencheck_core::retrofit::{ElementStatus, Mark, RetrofitElement, RetrofitKind};
use greencheck_core::{evaluate, Report, Verdict};
use serde_json::{json, Value};

const WALL_BOX: &str = include_str!("../../tools/retrofit/wall_box.json");

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

fn with(base: &str, edits: &[(&str, Option<Value>)]) -> Project {
    let mut doc: Value = serde_json::from_str(base).unwrap();
    for (path, v) in edits {
        assert!(set_path(&mut doc, path, v.clone()), "{path}");
    }
    Project::from_value(doc).unwrap()
}

fn rural() -> String {
    Template::RuralHouseRetrofit.json().to_owned()
}

fn element(r: &Report, e: RetrofitElement) -> &greencheck_core::retrofit::ElementReport {
    let s = r.retrofit.as_ref().expect("retrofit section");
    s.elements.iter().find(|x| x.element == e).expect("element")
}

/// The independent check. `tools/retrofit/improvement.py` works EN ISO 13790's monthly method from scratch
/// (its own decoding of the Hebi climate table, every assumption written in `tools/retrofit/wall_box.json`) for
/// a 20 m × 10 m × 3-storey box whose only retrofit is the wall K 1.5 → 0.45 W/(m²·K). Its output:
///
/// ```text
/// before: H_tr 902.4 W/K, H_ve 306 W/K; January Q_ht,H 17422.1974 kWh, Q_gn 4551.5391, γ 0.261249,
///         η 0.997993, Q_H 12879.7948 kWh = 21.466325 kWh/m²; year: heating 69.034415, cooling 30.532899,
///         E 40.102965 kWh/m²
/// after:  H_tr 448.8 W/K; January Q_H 11.196913 kWh/m²; year: heating 32.156562, cooling 30.626463,
///         E 23.367037 kWh/m²
/// Δ = 1 − 23.367037 / 40.102965 = 0.417324
/// ```
///
/// By hand for the after state: walls 0.45 × (126 + 81 + 144 + 81) m² = 194.4 W/K, windows 1.8 × (54 + 9 + 36
/// + 9) m² = 194.4 W/K, roof 0.3 × 200 m² = 60 W/K, H_tr = 448.8 W/K; H_ve = 0.34 × 0.5 × 1800 m³ = 306 W/K.
///
/// The report's demands, and so Δ, come from the hourly method (validated against EnergyPlus,
/// docs/validation.md); the monthly figures of both states are the report's `energy.monthly` (tolerance 1e-6:
/// the script prints six decimals). So the script checks the two states' monthly estimates, and Δ is checked
/// to be the same formula over the hourly figures of the energy section: the after state is the project's
/// own, the before state that of the same project with the existing wall entered as its design.
#[test]
fn wall_retrofit_improvement_matches_the_independent_script() {
    let p = Project::from_json(WALL_BOX).unwrap();
    let r = evaluate(&p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let e = r.energy.as_ref().unwrap();
    assert!(
        close(e.design.h_tr_w_k, 448.8, 1e-9),
        "{}",
        e.design.h_tr_w_k
    );
    assert!(close(e.design.h_ve_w_k, 306.0, 1e-9));
    let before_project = with(
        WALL_BOX,
        &[("envelope.wall_u", Some(json!(1.5))), ("retrofit", None)],
    );
    let rb = evaluate(&before_project);
    let eb = rb.energy.as_ref().unwrap();
    assert!(rb.retrofit.is_none());
    assert!(close(eb.design.h_tr_w_k, 902.4, 1e-9));
    // E = heating / 2.2 + cooling / 3.5 (the file's heating efficiency and EER).
    let e_of = |h: f64, c: f64| h / 2.2 + c / 3.5;
    for (got, want) in [
        (eb.monthly.design_heating_kwh_m2, 69.034415),
        (eb.monthly.design_cooling_kwh_m2, 30.532899),
        (
            e_of(
                eb.monthly.design_heating_kwh_m2,
                eb.monthly.design_cooling_kwh_m2,
            ),
            40.102965,
        ),
        (e.monthly.design_heating_kwh_m2, 32.156562),
        (e.monthly.design_cooling_kwh_m2, 30.626463),
        (
            e_of(
                e.monthly.design_heating_kwh_m2,
                e.monthly.design_cooling_kwh_m2,
            ),
            23.367037,
        ),
    ] {
        assert!(close(got, want, 1e-6), "{got} vs {want}");
    }
    let s = r.retrofit.as_ref().unwrap();
    let i = s.improvement.as_ref().expect("improvement");
    // Both states are the energy section's hourly figures: one estimate.
    for (state, report) in [(&i.before, eb), (&i.after, e)] {
        assert!(close(
            state.heating_kwh_m2,
            report.design.heating_kwh_m2,
            1e-12
        ));
        assert!(close(
            state.cooling_kwh_m2,
            report.design.cooling_kwh_m2,
            1e-12
        ));
        assert!(close(
            state.energy_kwh_m2,
            report.design.energy_kwh_m2,
            1e-12
        ));
        assert!(close(
            state.energy_kwh_m2,
            e_of(state.heating_kwh_m2, state.cooling_kwh_m2),
            1e-9
        ));
    }
    let delta = 1.0 - e.design.energy_kwh_m2 / eb.design.energy_kwh_m2;
    assert!(close(i.delta, delta, 1e-12), "{} vs {delta}", i.delta);
    // The hourly Δ is near the monthly one (0.417324): the same wall retrofit on two methods.
    assert!((0.35..0.5).contains(&i.delta), "{}", i.delta);
    // 41.7 % ≥ the plan's 30 % for a rural house (RT01, 三(三)).
    let t = &s.targets[0];
    assert_eq!(
        (t.id.as_ref(), t.clause.as_ref(), t.met),
        ("RT01", "三(三)", Some(true))
    );
    // The retrofitted wall, 0.45, exceeds the 0.35 limit of a ≤ 3-storey house: it fails.
    assert_eq!(s.failing, ["u.wall"]);
    assert_eq!(s.retrofitted_parts_comply, Some(false));
    let wall = element(&r, RetrofitElement::Wall);
    assert_eq!((wall.mark, wall.mark_given), (Mark::Retrofitted, true));
    assert_eq!(wall.values[0].before, Some(1.5));
    assert_eq!(wall.values[0].after, Some(0.45));
}

/// The template: a 2-storey brick house, wall, roof and windows retrofitted to the limits, Δ above 30 %.
#[test]
fn rural_house_template() {
    let p = Project::template(Template::RuralHouseRetrofit).unwrap();
    assert_eq!((p.storeys, p.building_use.key()), (2, "residential"));
    assert_eq!(Template::RuralHouseRetrofit.key(), "rural_house_retrofit");
    assert!(Template::RuralHouseRetrofit.name_zh().contains("农房"));
    assert!(Template::RuralHouseRetrofit.name_en().contains("Rural"));
    let r = evaluate(&p);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.verdict, Verdict::Complies);
    let s = r.retrofit.as_ref().unwrap();
    assert_eq!(s.kind, RetrofitKind::RuralHouse);
    assert_eq!(s.floor_area_m2, 216.0);
    assert_eq!(s.retrofitted_parts_comply, Some(true));
    let i = s.improvement.as_ref().unwrap();
    assert!(i.delta > 0.30 && i.delta < 1.0, "{}", i.delta);
    assert_eq!(s.targets.len(), 1);
    assert!(s.targets[0].wording.contains("30%"));
    assert!(s
        .note
        .as_deref()
        .unwrap()
        .contains("typical values for illustration, not limits"));
    for e in [
        RetrofitElement::Wall,
        RetrofitElement::Roof,
        RetrofitElement::Windows,
    ] {
        assert_eq!(element(&r, e).mark, Mark::Retrofitted, "{e:?}");
    }
}

/// A kept element is reported with its value and limit, not failed; a retrofitted one is judged.
#[test]
fn kept_elements_are_reported_not_failed() {
    // The walls are kept as they were (2.0, far above 0.35): the top-level check fails, the retrofit does not.
    let p = with(
        &rural(),
        &[
            ("envelope.wall_u", Some(json!(2.0))),
            ("retrofit.existing.envelope.wall_u", None),
            ("retrofit.elements.wall", Some(json!("kept"))),
        ],
    );
    let r = evaluate(&p);
    assert_eq!(
        r.check("u.wall").unwrap().status,
        greencheck_core::Status::Fail
    );
    let wall = element(&r, RetrofitElement::Wall);
    assert_eq!(wall.mark, Mark::Kept);
    assert_eq!(wall.checks[0].status, ElementStatus::Kept);
    assert_eq!(
        (wall.checks[0].value, wall.checks[0].limit),
        (Some(2.0), Some(0.35))
    );
    let s = r.retrofit.as_ref().unwrap();
    assert!(s.failing.is_empty());
    assert_eq!(s.retrofitted_parts_comply, Some(true));
    // A kept element unmarked in the file is derived from its values: same before and after → kept.
    let p = with(
        &rural(),
        &[
            ("envelope.wall_u", Some(json!(2.0))),
            ("retrofit.existing.envelope.wall_u", None),
            ("retrofit.elements.wall", None),
        ],
    );
    let wall = element(&evaluate(&p), RetrofitElement::Wall).clone();
    assert_eq!((wall.mark, wall.mark_given), (Mark::Kept, false));
    // Unmarked with a different existing value → retrofitted (derived).
    let p = with(&rural(), &[("retrofit.elements", None)]);
    let r = evaluate(&p);
    for e in [
        RetrofitElement::Wall,
        RetrofitElement::Roof,
        RetrofitElement::Windows,
    ] {
        let x = element(&r, e);
        assert_eq!((x.mark, x.mark_given), (Mark::Retrofitted, false), "{e:?}");
    }
    // Windows retrofitted to 2.0: the south window (WWR 0.35, limit 1.5) fails, the others (1.8) fail too.
    let p = with(&rural(), &[("envelope.window_u", Some(json!(2.0)))]);
    let s = evaluate(&p).retrofit.unwrap();
    assert_eq!(
        s.failing,
        ["u.window.A", "u.window.B", "u.window.C", "u.window.D"]
    );
    assert_eq!(s.retrofitted_parts_comply, Some(false));
}

/// A retrofitted element without its existing value: Δ cannot be computed and the path is listed.
#[test]
fn missing_existing_value() {
    let p = with(
        &rural(),
        &[
            ("retrofit.existing.envelope.roof_u", None),
            ("retrofit.elements.roof", Some(json!("retrofitted"))),
        ],
    );
    let s = evaluate(&p).retrofit.unwrap();
    assert_eq!(s.missing, ["retrofit.existing.envelope.roof_u"]);
    assert!(s.improvement.is_none());
    assert_eq!(s.targets[0].met, None);
}

/// Errors of the section name the field and keep the checks; the section is then absent.
#[test]
fn section_errors_name_the_field() {
    for (edits, path) in [
        (
            vec![("retrofit.elements.wall", Some(json!("kept")))],
            "retrofit.elements.wall",
        ),
        (
            vec![("retrofit.existing.envelope.wall_u", Some(json!(11)))],
            "retrofit.existing.envelope.wall_u",
        ),
        (
            vec![("retrofit.existing.facades.E", Some(json!({"wwr": 0.2})))],
            "retrofit.existing.facades.E",
        ),
        (
            vec![("retrofit.kind", Some(json!("castle")))],
            "retrofit.kind",
        ),
        (
            vec![("retrofit.existing.assumptions", Some(json!({})))],
            "retrofit.existing.assumptions",
        ),
    ] {
        let r = evaluate(&with(&rural(), &edits));
        assert!(r.retrofit.is_none(), "{path}");
        assert!(
            r.errors.iter().any(|e| e.path == path),
            "{path}: {:?}",
            r.errors
        );
        assert!(!r.checks.is_empty() && r.energy.is_some());
        assert!(r
            .errors
            .iter()
            .all(|e| !e.message_zh.is_empty() && !e.message_en.is_empty()));
    }
}

/// The existing building may have another geometry (the retrofit added a storey): each state is estimated on
/// its own geometry and Δ compares energy per m².
#[test]
fn geometry_changed_by_the_retrofit() {
    let p = with(&rural(), &[("retrofit.existing.storeys", Some(json!(1)))]);
    let s = evaluate(&p).retrofit.unwrap();
    let i = s.improvement.unwrap();
    assert_eq!(
        (i.before.floor_area_m2, i.after.floor_area_m2),
        (108.0, 216.0)
    );
    assert!(i.delta > 0.0);
}

/// An existing urban building: the plan's rule for the retrofitted parts (二(四)4) and the city totals, with this
/// project's share of each.
#[test]
fn existing_building_targets() {
    let p = with(
        &rural(),
        &[("retrofit.kind", Some(json!("existing_building")))],
    );
    let s = evaluate(&p).retrofit.unwrap();
    let ids: Vec<&str> = s.targets.iter().map(|t| t.id.as_ref()).collect();
    assert_eq!(ids, ["RT02", "RT03", "RT04"]);
    assert_eq!(s.targets[0].met, Some(true));
    assert!(close(s.targets[1].share.unwrap(), 216.0 / 100_000.0, 1e-15));
    assert!(close(s.targets[2].share.unwrap(), 216.0 / 200_000.0, 1e-15));
    assert_eq!(s.targets[1].year, Some(2025));
}

/// The existing building's values are held to the registry's ranges: the end of a range is accepted, beyond
/// it is a report error naming the field (the `retrofit` section is validated by its module, like `pv`).
#[test]
fn existing_values_use_the_registry_ranges() {
    let mut n = 0;
    for f in fields::RETROFIT {
        let Input::Number(kind) = f.input else {
            continue;
        };
        let path = f.path.replace('*', "A");
        let hi = kind.range.max.value;
        let inside = if kind.range.max.inclusive {
            hi
        } else {
            hi * (1.0 - 1e-9)
        };
        let r = evaluate(&with(&rural(), &[(&path, Some(json!(inside)))]));
        assert!(
            r.errors.iter().all(|e| e.path != path),
            "{path}: {:?}",
            r.errors
        );
        let beyond = if kind.range.max.inclusive {
            hi * 1.01 + 0.01
        } else {
            hi
        };
        let r = evaluate(&with(&rural(), &[(&path, Some(json!(beyond)))]));
        assert!(
            r.errors.iter().any(|e| e.path == path),
            "{path} = {beyond}: {:?}",
            r.errors
        );
        n += 1;
    }
    assert!(n >= 12, "{n}");
}

/// A project without the section has no retrofit section; a reader that ignores the section keeps it.
#[test]
fn the_section_travels_as_an_open_section() {
    assert!(evaluate(&Project::template(Template::Villa).unwrap())
        .retrofit
        .is_none());
    let p = Project::template(Template::RuralHouseRetrofit).unwrap();
    let back = Project::from_json(&p.to_json_pretty()).unwrap();
    assert_eq!(back, p);
    let link = greencheck_core::share::encode_fragment(&p);
    assert_eq!(greencheck_core::share::decode_fragment(&link).unwrap(), p);
}

/// Both states go through the same estimate: an existing building equal to the retrofitted one gives Δ = 0
/// exactly (the before state is computed by the retrofit module, the after state is the energy section's).
#[test]
fn no_change_means_no_improvement() {
    let p = with(
        &rural(),
        &[
            ("retrofit.existing", Some(json!({}))),
            ("retrofit.elements", None),
        ],
    );
    let s = evaluate(&p).retrofit.unwrap();
    let i = s.improvement.unwrap();
    assert_eq!(i.before, i.after);
    assert_eq!(i.delta, 0.0);
    assert_eq!(s.retrofitted_parts_comply, None, "nothing retrofitted");
    assert!(s.elements.iter().all(|e| e.mark == Mark::Kept));
    assert_eq!(s.targets[0].met, Some(false));
    // A value the estimate needs is missing at the top level: Δ is absent and the path listed.
    let p = with(
        &rural(),
        &[
            ("envelope.roof_u", None),
            ("retrofit.existing.envelope.roof_u", None),
            ("retrofit.elements.roof", None),
        ],
    );
    let s = evaluate(&p).retrofit.unwrap();
    assert!(s.improvement.is_none());
    assert_eq!(s.missing, ["envelope.roof_u"]);
}
