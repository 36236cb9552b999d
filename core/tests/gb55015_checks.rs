//! GB 55015 checks: hand-computed cases (expected numbers from the tables of docs/sources/gb55015-cold-zone-b.md), every data
//! row passing and failing, bracket edges, verdict order, and property tests.

use greencheck_core::limits::{self, Comparison, Criteria, LimitRow, Provenance, Severity};
use greencheck_core::model::{BuildingClass, Orientation};
use greencheck_core::project::{Project, Template};
use greencheck_core::report::{Report, Status, Verdict};
use greencheck_core::{evaluate, evaluate_json};
use proptest::prelude::*;
use serde_json::{json, Value};

fn check<'a>(r: &'a Report, id: &str) -> &'a greencheck_core::report::Check {
    r.check(id).unwrap_or_else(|| panic!("no check {id}"))
}

fn assert_limit(r: &Report, id: &str, status: Status, limit: f64) {
    let c = check(r, id);
    assert_eq!(c.status, status, "{id}: {c:?}");
    assert_eq!(c.limit, Some(limit), "{id}");
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// A measured-areas project with facades N/E/S/W, every value given and lenient.
fn areas(use_: &str, storeys: u32, floor_area: f64, sf: f64) -> Value {
    json!({
        "format": "greencheck/1", "use": use_, "storeys": storeys,
        "geometry": {"mode": "areas", "floor_area_m2": floor_area, "volume_m3": floor_area * 3.0,
          "roof_area_m2": floor_area / storeys as f64,
          "facades": [
            {"name": "N", "azimuth_deg": 0, "wall_area_m2": 100},
            {"name": "E", "azimuth_deg": 90, "wall_area_m2": 100},
            {"name": "S", "azimuth_deg": 180, "wall_area_m2": 100},
            {"name": "W", "azimuth_deg": 270, "wall_area_m2": 100}]},
        "facades": {"N": {"wwr": 0.1}, "E": {"wwr": 0.1}, "S": {"wwr": 0.1}, "W": {"wwr": 0.1}},
        "envelope": {"wall_u": 0.2, "roof_u": 0.2, "window_u": 1.0, "window_shgc": 0.2,
          "shape_factor": sf}
    })
}

fn eval(v: &Value) -> Report {
    evaluate_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}: {v}"))
}

#[test]
fn residential_high_rise_issue_example() {
    let r = evaluate(&Project::template(Template::ResidentialHighRise).unwrap());
    assert_eq!(r.verdict, Verdict::Complies);
    let b = r.building.as_ref().unwrap();
    assert_eq!(b.class, BuildingClass::ResidentialGt3);
    // F0/V0 = 8236.8 / 37584 = 0.21916 ≤ 0.33
    assert_limit(&r, "shape_factor", Status::Pass, 0.33);
    assert!(close(
        check(&r, "shape_factor").margin,
        0.33 - 8236.8 / 37584.0
    ));
    // A faces south: WWR 0.45 ≤ 0.50, margin 0.05 (10 %)
    assert_limit(&r, "wwr.A", Status::Pass, 0.50);
    assert!(close(check(&r, "wwr.A").margin, 0.05));
    assert!(close(check(&r, "wwr.A").margin_pct, 10.0));
    assert_limit(&r, "wwr.C", Status::Pass, 0.30); // north 0.28
    assert_limit(&r, "wwr.B", Status::Pass, 0.35); // west 0.10
                                                   // window K: A in (0.30, 0.50] → 2.00 [I]; C in [0, 0.30] → 2.20 [T]
    assert_limit(&r, "u.window.A", Status::Pass, 2.00);
    assert!(check(&r, "u.window.A").to_be_confirmed);
    assert_eq!(check(&r, "u.window.A").provenance, Some(Provenance::I));
    assert_limit(&r, "u.window.C", Status::Pass, 2.20);
    assert!(!check(&r, "u.window.C").to_be_confirmed);
    assert_limit(&r, "shgc.window.B", Status::Pass, 0.55);
    assert_eq!(check(&r, "shgc.window.A").status, Status::NotApplicable);
    assert_limit(&r, "u.wall", Status::Pass, 0.45);
    assert_limit(&r, "u.roof", Status::Pass, 0.30);
    assert_limit(&r, "basic.wall_u", Status::Pass, 0.60);
    assert_limit(&r, "basic.wwr.A", Status::Pass, 0.60);
    assert_eq!(
        check(&r, "r.ground_perimeter").status,
        Status::NotApplicable
    );
    assert_eq!(
        check(&r, "roof_transparent_ratio").status,
        Status::NotApplicable
    );
}

#[test]
fn low_rise_villa() {
    // 15 × 12 × 9.6: F0 = 2·27·9.6 + 180 = 698.4; V0 = 1728; sf = 0.4042 ≤ 0.57
    let r = evaluate(&Project::template(Template::Villa).unwrap());
    assert_eq!(r.verdict, Verdict::Complies);
    assert_limit(&r, "shape_factor", Status::Pass, 0.57);
    assert!(close(
        r.building.as_ref().map(|b| b.shape_factor),
        698.4 / 1728.0
    ));
    assert_limit(&r, "u.wall", Status::Pass, 0.35);
    assert_limit(&r, "u.window.A", Status::Pass, 1.50); // south 0.35
    assert_limit(&r, "u.window.C", Status::Pass, 1.80); // north 0.15
    assert_limit(&r, "r.ground_perimeter", Status::Pass, 1.50);
    assert!(close(check(&r, "r.ground_perimeter").margin, 0.10));
    assert_limit(&r, "basic.window_u.A", Status::Pass, 2.5);
}

#[test]
fn office_public_a() {
    // 50 × 20 × 19.5: F0 = 2·70·19.5 + 1000 = 3730; V0 = 19500; sf 0.191; area 5000 m² > 800
    let r = evaluate(&Project::template(Template::Office).unwrap());
    assert_eq!(r.building.as_ref().unwrap().class, BuildingClass::PublicA);
    assert_eq!(r.verdict, Verdict::Complies);
    assert_limit(&r, "shape_factor", Status::Pass, 0.40);
    assert!(!check(&r, "shape_factor").tradeable);
    assert_limit(&r, "u.roof", Status::Pass, 0.40);
    assert_limit(&r, "u.wall", Status::Pass, 0.50);
    assert_limit(&r, "u.window.A", Status::Pass, 1.90); // south 0.50, sf ≤ 0.30
    assert_limit(&r, "shgc.window.A", Status::Pass, 0.40);
    assert_limit(&r, "u.window.B", Status::Pass, 2.50); // west 0.30
    assert_limit(&r, "shgc.window.B", Status::Pass, 0.48);
    assert_eq!(check(&r, "shgc.window.C").status, Status::NotApplicable); // north 0.40
    assert_limit(&r, "r.ground_perimeter", Status::Pass, 0.60);
    assert_limit(&r, "basic.window_u.A", Status::Pass, 2.0);
    assert_limit(&r, "basic.window_u.B", Status::Pass, 2.7);
    assert_limit(&r, "wwr.A", Status::Pass, 0.70);
    assert!(!check(&r, "wwr.A").mandatory);
}

#[test]
fn public_b_small_building() {
    let mut v = areas("office", 1, 200.0, 0.6);
    v["envelope"]["wall_u"] = json!(0.65);
    v["envelope"]["roof_u"] = json!(0.55);
    let r = eval(&v);
    assert_eq!(r.building.as_ref().unwrap().class, BuildingClass::PublicB);
    assert_eq!(check(&r, "shape_factor").status, Status::NotApplicable);
    assert_limit(&r, "u.wall", Status::Fail, 0.60);
    assert_limit(&r, "u.roof", Status::Pass, 0.55);
    assert_limit(&r, "u.window.S", Status::Pass, 2.50);
    assert_eq!(check(&r, "shgc.window.W").status, Status::NotApplicable);
    assert_eq!(check(&r, "basic.wall_u").status, Status::NotApplicable);
    // 3.1.11 is not tradeable → fails
    assert_eq!(r.verdict, Verdict::Fails);
    assert_eq!(r.decisive, vec!["u.wall".to_owned()]);
}

#[test]
fn floor_area_edges() {
    // exactly 300 m² → 乙类 (no shape-factor limit); 800 → 0.50; 800.001 → 0.40
    let r = eval(&areas("office", 1, 300.0, 0.45));
    assert_eq!(r.building.as_ref().unwrap().class, BuildingClass::PublicB);
    assert_eq!(check(&r, "shape_factor").status, Status::NotApplicable);
    let r = eval(&areas("office", 2, 800.0, 0.45));
    assert_limit(&r, "shape_factor", Status::Pass, 0.50);
    let r = eval(&areas("office", 2, 800.001, 0.45));
    assert_limit(&r, "shape_factor", Status::Fail, 0.40);
    assert_eq!(r.verdict, Verdict::Fails);
}

#[test]
fn shape_factor_edges() {
    // public 甲类, 500 m²: sf exactly 0.30 → left column (wall 0.50); 0.50 → right column and passes 3.1.3
    let r = eval(&areas("office", 2, 500.0, 0.30));
    assert_limit(&r, "u.wall", Status::Pass, 0.50);
    assert_limit(&r, "u.roof", Status::Pass, 0.40);
    let r = eval(&areas("office", 2, 500.0, 0.300_001));
    assert_limit(&r, "u.wall", Status::Pass, 0.45);
    let r = eval(&areas("office", 2, 500.0, 0.50));
    assert_limit(&r, "shape_factor", Status::Pass, 0.50);
    assert_limit(&r, "u.roof", Status::Pass, 0.35);
    let r = eval(&areas("office", 2, 500.0, 0.500_001));
    assert_limit(&r, "shape_factor", Status::Fail, 0.50);
    // residential > 3 storeys: 0.33 passes, 0.3301 fails (tradeable)
    let r = eval(&areas("residential", 6, 3000.0, 0.33));
    assert_limit(&r, "shape_factor", Status::Pass, 0.33);
    let r = eval(&areas("residential", 6, 3000.0, 0.3301));
    assert_limit(&r, "shape_factor", Status::Fail, 0.33);
    assert_eq!(r.verdict, Verdict::Tradeoff);
}

#[test]
fn wwr_edges() {
    let mut v = areas("residential", 6, 3000.0, 0.3);
    v["envelope"]["window_u"] = json!(2.1);
    v["facades"]["N"]["wwr"] = json!(0.30);
    v["facades"]["S"]["wwr"] = json!(0.50);
    let r = eval(&v);
    assert_limit(&r, "wwr.N", Status::Pass, 0.30);
    assert_limit(&r, "u.window.N", Status::Pass, 2.20); // 0.30 is in [0, 0.30]
    assert_limit(&r, "wwr.S", Status::Pass, 0.50);
    assert_limit(&r, "u.window.S", Status::Fail, 2.00); // 0.50 is in (0.30, 0.50]
    let s = check(&r, "u.window.S").suggestion.as_ref().unwrap();
    assert_eq!(s.changes[0].field, "envelope.window_u");
    assert_eq!(s.changes[0].value, 2.00);
    assert_eq!(s.changes[1].field, "facades.S.wwr");
    assert_eq!(s.changes[1].value, 0.30);
    assert_eq!(
        s.text_en,
        "to pass: Window K (south) ≤ 2.00 or Window-to-wall ratio (south) ≤ 0.30"
    );
    assert_eq!(
        s.text_zh,
        "达标条件：南向外窗 K ≤ 2.00，或南向窗墙比 ≤ 0.30"
    );
    v["facades"]["N"]["wwr"] = json!(0.300_001);
    v["facades"]["S"]["wwr"] = json!(0.500_001);
    let r = eval(&v);
    assert_limit(&r, "wwr.N", Status::Fail, 0.30);
    assert_limit(&r, "u.window.N", Status::Fail, 2.00);
    assert_limit(&r, "wwr.S", Status::Fail, 0.50);
    let c = check(&r, "u.window.S");
    assert_eq!(c.limit_id.as_deref(), Some("R35"));
    assert!(c.note.contains("beyond"));
    let s = check(&r, "wwr.S").suggestion.as_ref().unwrap();
    assert_eq!(
        (&*s.changes[0].field, s.changes[0].value),
        ("facades.S.wwr", 0.50)
    );
}

#[test]
fn verdict_order() {
    let base = areas("residential", 6, 3000.0, 0.3);
    assert_eq!(eval(&base).verdict, Verdict::Complies);
    assert!(eval(&base).decisive.is_empty());
    // tradeable failure only → tradeoff
    let mut v = base.clone();
    v["envelope"]["wall_u"] = json!(0.50);
    let r = eval(&v);
    assert_eq!(
        (r.verdict, r.decisive.clone()),
        (Verdict::Tradeoff, vec!["u.wall".to_owned()])
    );
    // + a missing value → incomplete
    v["envelope"].as_object_mut().unwrap().remove("roof_u");
    let r = eval(&v);
    assert_eq!(r.verdict, Verdict::Incomplete);
    assert_eq!(r.missing, vec!["envelope.roof_u".to_owned()]);
    assert_eq!(r.decisive, vec!["u.roof".to_owned()]);
    // + a basic requirement failing → fails
    v["envelope"]["wall_u"] = json!(0.61);
    let r = eval(&v);
    assert_eq!(r.verdict, Verdict::Fails);
    assert_eq!(r.decisive, vec!["basic.wall_u".to_owned()]);
    // non-tradeable E/W SHGC → fails
    let mut v = base.clone();
    v["envelope"]["window_shgc"] = json!(0.56);
    let r = eval(&v);
    assert_eq!(r.verdict, Verdict::Fails);
    assert_eq!(
        r.decisive,
        vec!["shgc.window.E".to_owned(), "shgc.window.W".to_owned()]
    );
    // advisory public WWR never decides
    let mut v = areas("office", 2, 1000.0, 0.2);
    v["facades"]["S"]["wwr"] = json!(0.75);
    let r = eval(&v);
    assert_eq!(check(&r, "wwr.S").status, Status::Fail);
    assert_eq!(r.verdict, Verdict::Complies);
    // missing WWR → window checks undetermined on that facade
    let mut v = base;
    v["facades"].as_object_mut().unwrap().remove("E");
    let r = eval(&v);
    assert_eq!(r.verdict, Verdict::Incomplete);
    assert_eq!(r.missing, vec!["facades.E.wwr".to_owned()]);
    assert_eq!(check(&r, "u.window.E").status, Status::Undetermined);
}

#[test]
fn skylight_and_optional_elements() {
    let mut v = areas("residential", 6, 3000.0, 0.3);
    v["envelope"]["skylight_ratio"] = json!(0.15);
    let r = eval(&v);
    assert_limit(&r, "skylight_ratio", Status::Pass, 0.15);
    assert_eq!(check(&r, "u.skylight").status, Status::Undetermined);
    assert_eq!(
        r.missing,
        vec!["envelope.skylight_u", "envelope.skylight_shgc"]
    );
    v["envelope"]["skylight_ratio"] = json!(0.16);
    v["envelope"]["skylight_u"] = json!(1.8);
    v["envelope"]["skylight_shgc"] = json!(0.46);
    v["envelope"]["floor_over_outside_u"] = json!(0.46);
    v["envelope"]["basement_wall_r"] = json!(1.59);
    let r = eval(&v);
    assert_limit(&r, "skylight_ratio", Status::Fail, 0.15);
    assert_limit(&r, "u.skylight", Status::Pass, 1.80);
    assert_limit(&r, "shgc.skylight", Status::Fail, 0.45);
    assert_limit(&r, "u.floor_over_outside", Status::Fail, 0.45);
    assert_limit(&r, "r.basement_wall", Status::Fail, 1.60);
    assert!(close(check(&r, "r.basement_wall").margin, -0.01));
    assert_eq!(r.verdict, Verdict::Fails); // basement wall R may not be relaxed
    let mut v = areas("office", 2, 1000.0, 0.2);
    v["envelope"]["skylight_ratio"] = json!(0.2);
    v["envelope"]["skylight_u"] = json!(2.4);
    v["envelope"]["skylight_shgc"] = json!(0.35);
    let r = eval(&v);
    assert_limit(&r, "roof_transparent_ratio", Status::Pass, 0.20);
    assert_eq!(check(&r, "skylight_ratio").status, Status::NotApplicable);
    assert_limit(&r, "u.skylight", Status::Pass, 2.40);
}

/// A point inside an interval (never 1.0 for ratios).
fn inside(i: Option<limits::Interval>, default: f64) -> f64 {
    i.map_or(default, |i| {
        let hi = i.upper.min(i.lower + 1.0).min(0.99_f64.max(i.lower + 0.5));
        (i.lower + hi) / 2.0
    })
}

/// Sets the input of `element` to `value` in a project document.
fn set_input(v: &mut Value, element: greencheck_core::limits::Element, facade: &str, value: f64) {
    let element = element.key();
    let env = &mut v["envelope"];
    match element.strip_prefix("basic_").unwrap_or(element) {
        "shape_factor" => env["shape_factor"] = json!(value),
        "wwr" => v["facades"][facade]["wwr"] = json!(value),
        "skylight_ratio" | "roof_transparent_ratio" => {
            env["skylight_ratio"] = json!(value);
            env["skylight_u"] = json!(0.5);
            env["skylight_shgc"] = json!(0.1);
        }
        "skylight_u" | "skylight_shgc" => {
            env["skylight_ratio"] = json!(0.05);
            env["skylight_u"] = json!(0.5);
            env["skylight_shgc"] = json!(0.1);
            env[element] = json!(value);
        }
        "window_u" => v["facades"][facade]["window_u"] = json!(value),
        "window_shgc" => v["facades"][facade]["window_shgc"] = json!(value),
        other => env[other] = json!(value),
    }
}

fn project_for(row: &LimitRow, class: BuildingClass) -> (Value, String) {
    let (use_, storeys) = match class {
        BuildingClass::ResidentialLe3 => ("residential", 2),
        BuildingClass::ResidentialGt3 => ("residential", 10),
        _ => ("office", 2),
    };
    let area = match class {
        BuildingClass::PublicB => inside(row.floor_area_m2, 200.0),
        _ => inside(row.floor_area_m2, 1000.0),
    };
    let sf = inside(row.shape_factor, 0.25);
    let mut v = areas(use_, storeys, area, sf);
    let o = row.orientations.first().copied().unwrap_or(Orientation::S);
    let facade = format!("{o:?}");
    if let Some(w) = row.wwr {
        v["facades"][&facade]["wwr"] = json!(inside(Some(w), 0.1));
    }
    (v, facade)
}

#[test]
fn every_row_has_a_passing_and_a_failing_case() {
    let rows = limits::rows();
    let mut tested = 0;
    for row in rows.iter().filter(|r| r.severity != Severity::Reference) {
        for &class in row.classes {
            let (mut v, facade) = project_for(row, class);
            let cases: Vec<(f64, Status)> = match (row.comparison, row.value) {
                (Comparison::Le, Some(l)) => vec![(l, Status::Pass), (l + 0.01, Status::Fail)],
                (Comparison::Ge, Some(l)) => vec![(l, Status::Pass), (l - 0.01, Status::Fail)],
                _ => vec![(0.5, Status::NotApplicable)],
            };
            for (value, expected) in cases {
                set_input(&mut v, row.element, &facade, value);
                let r = eval(&v);
                let hits: Vec<_> = r
                    .checks
                    .iter()
                    .filter(|c| c.limit_id.as_deref() == Some(row.id))
                    .collect();
                assert!(
                    !hits.is_empty(),
                    "row {} ({class:?}) never used: {v}",
                    row.id
                );
                let mine = hits
                    .iter()
                    .find(|c| c.facade.as_deref().map_or(true, |f| f == facade))
                    .unwrap_or_else(|| panic!("row {} facade {facade}", row.id));
                assert_eq!(
                    mine.status, expected,
                    "row {} {class:?} value {value}",
                    row.id
                );
                assert_eq!(mine.limit, row.value);
                assert_eq!(mine.to_be_confirmed, row.provenance == Provenance::I);
                if expected == Status::Fail {
                    assert!(mine.suggestion.is_some(), "row {}", row.id);
                    assert!(mine.margin.unwrap() < 0.0);
                }
                tested += 1;
            }
        }
    }
    assert!(tested > 150, "{tested}");
}

#[test]
fn exactly_one_row_per_lookup() {
    let elements = [
        "shape_factor",
        "wwr",
        "skylight_ratio",
        "roof_transparent_ratio",
        "roof_u",
        "wall_u",
        "floor_over_outside_u",
        "window_u",
        "window_shgc",
        "skylight_u",
        "skylight_shgc",
        "ground_perimeter_r",
        "basement_wall_r",
        "basic_wall_u",
        "basic_window_u",
        "basic_floor_over_outside_u",
        "basic_wwr",
    ];
    let wwrs = [
        0.0, 0.1, 0.2, 0.2000001, 0.25, 0.3, 0.3000001, 0.4, 0.4000001, 0.5, 0.5000001, 0.6,
        0.6000001, 0.7, 0.7000001, 0.8, 0.8000001, 0.99,
    ];
    let sfs = [0.01, 0.3, 0.3000001, 0.5, 0.5000001, 2.0];
    let mut n = 0;
    for class in BuildingClass::ALL {
        let areas: &[f64] = match class {
            BuildingClass::PublicA => &[300.001, 800.0, 800.001, 1e6],
            BuildingClass::PublicB => &[1.0, 300.0],
            _ => &[1.0, 1e6],
        };
        for element in elements {
            for o in [
                Orientation::N,
                Orientation::E,
                Orientation::S,
                Orientation::W,
            ] {
                for &w in &wwrs {
                    for &sf in &sfs {
                        for &a in areas {
                            let c = Criteria {
                                zone: "cold_b",
                                class,
                                orientation: Some(o),
                                wwr: Some(w),
                                shape_factor: Some(sf),
                                floor_area_m2: Some(a),
                            };
                            let el = greencheck_core::limits::Element::from_key(element)
                                .expect("element key");
                            if let Err(e) = limits::lookup(el, &c) {
                                panic!("{element} {c:?}: {e}");
                            }
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(n > 10_000);
}

#[test]
fn reference_values_from_the_same_rows() {
    let p = Project::template(Template::ResidentialHighRise).unwrap();
    let b = greencheck_core::model::Building::from_project(&p).unwrap();
    let rv = greencheck_core::reference::reference_values(&b).unwrap();
    assert_eq!((rv.wall_u, rv.roof_u), (Some(0.45), Some(0.30)));
    assert_eq!(rv.skylight_ratio_max, Some(0.15));
    let a = &rv.facades[0];
    assert_eq!(
        (a.wwr, a.window_u, a.window_shgc),
        (Some(0.45), Some(2.00), None)
    );
    let mut p2 = p.clone();
    p2.facades.get_mut("A").unwrap().wwr = Some(0.6);
    let b2 = greencheck_core::model::Building::from_project(&p2).unwrap();
    let a2 = &greencheck_core::reference::reference_values(&b2)
        .unwrap()
        .facades[0];
    assert_eq!((a2.wwr, a2.window_u), (Some(0.50), Some(2.00))); // trimmed to the limit
    let w = &greencheck_core::reference::reference_values(&b2)
        .unwrap()
        .facades[1];
    assert_eq!(w.window_shgc, Some(0.55));
}

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Complies => 0,
        Verdict::Tradeoff => 1,
        Verdict::Incomplete => 2,
        Verdict::Fails => 3,
    }
}

fn arb_project() -> impl Strategy<Value = Project> {
    (
        prop::bool::ANY,
        1u32..30,
        50.0..20_000.0f64,
        0.1..0.9f64,
        prop::array::uniform4(0.0..0.95f64),
        prop::array::uniform4(0.05..1.0f64),
        (0.1..3.5f64, 0.1..1.0f64, 0.5..4.0f64, 0.05..0.9f64),
        (
            0.0..0.3f64,
            0.5..4.0f64,
            0.05..0.9f64,
            0.1..2.0f64,
            0.1..2.0f64,
        ),
    )
        .prop_map(
            |(
                res,
                storeys,
                area,
                sf,
                wwr,
                _sh,
                (wall, roof, win, shgc),
                (sky, sku, skg, gr, bw),
            )| {
                let mut v = areas(
                    if res { "residential" } else { "office" },
                    storeys,
                    area,
                    sf,
                );
                for (name, w) in ["N", "E", "S", "W"].iter().zip(wwr) {
                    v["facades"][name]["wwr"] = json!(w);
                }
                v["envelope"] = json!({"wall_u": wall, "roof_u": roof, "window_u": win,
                "window_shgc": shgc, "skylight_ratio": sky, "skylight_u": sku, "skylight_shgc": skg,
                "ground_perimeter_r": gr, "basement_wall_r": bw, "floor_over_outside_u": wall,
                "shape_factor": sf});
                Project::from_value(v).unwrap()
            },
        )
}

fn raise(p: &Project, which: usize, frac: f64) -> Project {
    let mut q = p.clone();
    let up = |x: &mut Option<f64>, cap: f64| {
        if let Some(v) = x {
            *v += (cap - *v) * frac;
        }
    };
    let e = &mut q.envelope;
    match which {
        0 => up(&mut e.wall_u, 5.0),
        1 => up(&mut e.roof_u, 5.0),
        2 => up(&mut e.window_u, 6.0),
        3 => up(&mut e.window_shgc, 1.0),
        4 => up(&mut e.skylight_u, 6.0),
        5 => up(&mut e.skylight_shgc, 1.0),
        6 => up(&mut e.floor_over_outside_u, 5.0),
        7 => up(&mut e.skylight_ratio, 1.0),
        n => {
            let name = ["N", "E", "S", "W"][n % 4];
            let f = q.facades.get_mut(name).unwrap();
            match n {
                8..=11 => up(&mut f.wwr, 0.999),
                12..=15 => {
                    f.window_u = Some(f.window_u.unwrap_or(e.window_u.unwrap()) * (1.0 + frac))
                }
                _ => f.window_shgc = Some((e.window_shgc.unwrap() + frac).min(1.0)),
            }
        }
    }
    q
}

proptest! {
    #[test]
    fn raising_never_helps(p in arb_project(), which in 0usize..20, frac in 0.0..1.0f64) {
        let q = raise(&p, which, frac);
        prop_assume!(q.validate().is_ok());
        let (a, b) = (evaluate(&p), evaluate(&q));
        for c in &a.checks {
            if c.status == Status::Fail {
                if let Some(d) = b.check(&c.id) {
                    prop_assert_ne!(d.status, Status::Pass, "{} turned pass", c.id);
                }
            }
        }
        prop_assert!(rank(b.verdict) >= rank(a.verdict), "{:?} -> {:?}", a.verdict, b.verdict);
    }

    #[test]
    fn never_panics_on_any_number(p in arb_project(), field in 0usize..20, x in prop::num::f64::ANY) {
        let mut q = p;
        let e = &mut q.envelope;
        match field {
            0 => e.wall_u = Some(x),
            1 => e.roof_u = Some(x),
            2 => e.window_u = Some(x),
            3 => e.window_shgc = Some(x),
            4 => e.skylight_u = Some(x),
            5 => e.skylight_shgc = Some(x),
            6 => e.floor_over_outside_u = Some(x),
            7 => e.skylight_ratio = Some(x),
            8 => e.shape_factor = Some(x),
            9 => e.ground_perimeter_r = Some(x),
            10 => e.basement_wall_r = Some(x),
            11 => q.storey_height_m = Some(x),
            12 => q.facades.get_mut("S").unwrap().wwr = Some(x),
            13 => q.facades.get_mut("S").unwrap().window_u = Some(x),
            14 => q.facades.get_mut("S").unwrap().window_shgc = Some(x),
            n => {
                if let greencheck_core::project::Geometry::Areas { floor_area_m2, volume_m3, roof_area_m2, facades, .. } = &mut q.geometry {
                    match n {
                        15 => *floor_area_m2 = x,
                        16 => *volume_m3 = x,
                        17 => *roof_area_m2 = x,
                        18 => facades[0].azimuth_deg = x,
                        _ => facades[1].wall_area_m2 = x,
                    }
                }
            }
        }
        let r = evaluate(&q);
        if !x.is_finite() && field != 11 {
            prop_assert_eq!(r.verdict, Verdict::Incomplete);
            prop_assert!(!r.errors.is_empty());
        }
        let _ = serde_json::to_string(&r).unwrap();
        let _ = q.to_json_pretty();
    }
}

#[test]
fn documented_examples_parse_and_evaluate() {
    let doc = include_str!("../../docs/project-format.md");
    let blocks: Vec<&str> = doc
        .split("```json")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    assert_eq!(blocks.len(), 4);
    for b in blocks {
        let r = evaluate_json(b).unwrap_or_else(|e| panic!("{e}\n{b}"));
        assert_ne!(r.verdict, Verdict::Incomplete, "{b}");
    }
}
