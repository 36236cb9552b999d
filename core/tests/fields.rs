//! The field registry: one definition per field, held alike for typed and loaded values, and every choice it
//! offers is one the core accepts.

use greencheck_core::choices::{choices, Choices};
use greencheck_core::editor::Editor;
use greencheck_core::fields::{self, Input};
use greencheck_core::input::parse_number;
use greencheck_core::project::{Project, Template};
use greencheck_core::{evaluate, Report};
use serde_json::{json, Value};

/// A measured-areas office with every optional section present, so every registry path exists.
fn areas_project() -> Project {
    Project::from_value(json!({
        "format": "greencheck/1", "name": "t", "city": "hebi", "use": "office", "storeys": 4,
        "geometry": {"mode": "areas", "floor_area_m2": 4000, "volume_m3": 16000, "roof_area_m2": 1000,
            "north_offset_deg": 0,
            "facades": [{"name": "S", "azimuth_deg": 180, "wall_area_m2": 600},
                        {"name": "N", "azimuth_deg": 0, "wall_area_m2": 600}]},
        "facades": {"S": {"wwr": 0.4}, "N": {"wwr": 0.3}},
        "envelope": {"wall_u": 0.45, "roof_u": 0.35, "window_u": 1.8, "window_shgc": 0.38},
        "pv": {"installable_roof_area_m2": 500}
    }))
    .unwrap()
}

fn concrete(path: &str) -> String {
    path.replace("facades.*", "facades.S").replace("[*]", "[0]")
}

fn set(project: &Project, path: &str, v: Value) -> Result<Project, String> {
    let mut doc: Value = serde_json::from_str(&project.to_json_pretty()).unwrap();
    greencheck_core::editor::set_path(&mut doc, path, Some(v));
    Project::from_value(doc).map_err(|e| e.to_string())
}

fn no_errors(r: &Report) -> bool {
    r.errors.is_empty() && r.building.is_some()
}

/// A typed value and a loaded value are held to the same range: at each end of every numeric field of the
/// project itself, the form and the file agree (both accept the end, both refuse just beyond it).
#[test]
fn typed_and_loaded_values_share_one_range() {
    let base = areas_project();
    let mut checked = 0;
    for f in fields::ALL {
        let Input::Number(kind) = f.input else {
            continue;
        };
        // The open sections validate in their own modules (see the next tests and tests/retrofit.rs).
        if [
            "assumptions.",
            "pv.",
            "green.",
            "plan.",
            "retrofit.",
            "geometry.length",
            "geometry.depth",
            "geometry.orientation",
            "storey_height",
        ]
        .iter()
        .any(|p| f.path.starts_with(p))
        {
            continue;
        }
        let path = concrete(f.path);
        let (lo, hi) = (kind.range.min, kind.range.max);
        let step = |v: f64| (v.abs() * 1e-6).max(1e-6);
        let cases = [
            (lo.value, lo.inclusive),
            (lo.value - step(lo.value), false),
            (hi.value, hi.inclusive),
            (hi.value + step(hi.value), false),
        ];
        for (v, want) in cases {
            let text = format!("{v}");
            let typed = parse_number(&text, kind).is_ok();
            // A count is a JSON integer in the file.
            let value =
                if v.fract() == 0.0 && kind.class == greencheck_core::input::NumberClass::Count {
                    json!(v as i64)
                } else {
                    json!(v)
                };
            let loaded = set(&base, &path, value).is_ok();
            assert_eq!(typed, want, "{path} = {text} typed");
            assert_eq!(loaded, want, "{path} = {text} loaded");
            checked += 1;
        }
    }
    assert!(checked >= 60, "{checked}");
}

/// The estimate's assumptions take their ranges from the registry: the end of a range is accepted, beyond it
/// is a report error naming the field.
#[test]
fn assumption_ranges_come_from_the_registry() {
    let base = Project::template(Template::Office).unwrap();
    for f in fields::ASSUMPTIONS {
        let kind = f.number_kind().unwrap();
        let inside = set(&base, f.path, json!(kind.range.max.value)).unwrap();
        let r = evaluate(&inside);
        // The cooling set point must stay above the heating one; every other end is accepted.
        let ok = r.errors.iter().all(|e| e.path != f.path);
        assert!(ok, "{} = max: {:?}", f.path, r.errors);
        let beyond = set(&base, f.path, json!(kind.range.max.value * 1.01 + 0.01)).unwrap();
        let r = evaluate(&beyond);
        assert!(
            r.errors.iter().any(|e| e.path == f.path),
            "{} beyond max: {:?}",
            f.path,
            r.errors
        );
    }
}

/// The plan section's numbers take their ranges from the registry too: each end is accepted, beyond it is a
/// report error naming the field (the rest of the report stays).
#[test]
fn plan_ranges_come_from_the_registry() {
    let base = Project::template(Template::Office).unwrap();
    let mut n = 0;
    for f in fields::ALL.iter().filter(|f| f.path.starts_with("plan.")) {
        let Some(kind) = f.number_kind() else {
            continue;
        };
        for (v, ok) in [
            (kind.range.max.value, kind.range.max.inclusive),
            (kind.range.max.value * 1.01 + 0.01, false),
            (-1.0, false),
        ] {
            let r = evaluate(&set(&base, f.path, json!(v)).unwrap());
            let flagged = r.errors.iter().any(|e| e.path == f.path);
            assert_eq!(!flagged, ok, "{} = {v}: {:?}", f.path, r.errors);
            assert!(r.building.is_some() && !r.checks.is_empty());
            n += 1;
        }
    }
    assert!(n >= 21, "{n}");
}

/// Every choice the registry offers is accepted by the core: set through the editor it leaves no draft, and
/// the report has no error.
#[test]
fn every_offered_choice_validates() {
    let mut n = 0;
    for f in fields::ALL {
        let list = match f.input {
            Input::Choice(l) | Input::NumberChoice(l) => l,
            _ => continue,
        };
        let offered = choices(list);
        assert!(!offered.is_empty(), "{}", f.path);
        for c in offered {
            let mut e = Editor::new(Project::template(Template::ResidentialHighRise).unwrap());
            e.edit(f.path, c.value);
            assert!(
                e.draft(f.path).is_none(),
                "{} = {}: {:?}",
                f.path,
                c.value,
                e.draft(f.path)
            );
            assert!(
                no_errors(e.report()),
                "{} = {}: {:?}",
                f.path,
                c.value,
                e.report().errors
            );
            assert!(!c.label.zh.is_empty() && !c.label.en.is_empty());
            n += 1;
        }
    }
    assert!(n >= 20, "{n}");
}

/// Zhengzhou is offered with its own weather: the report's estimate uses the Zhengzhou climate table.
#[test]
fn zhengzhou_uses_its_own_weather() {
    let cities = choices(Choices::Cities);
    let zz = cities
        .iter()
        .find(|c| c.value == "zhengzhou")
        .expect("offered");
    assert_eq!(zz.label.zh, "郑州");
    assert!(zz.detail.unwrap().zh.contains("郑州"));
    let mut e = Editor::new(Project::template(Template::ResidentialHighRise).unwrap());
    let hebi = e.report().energy.clone().unwrap();
    e.edit("city", "zhengzhou");
    let zz = e.report().energy.clone().unwrap();
    assert_eq!(zz.climate_id, "zhengzhou");
    assert_eq!(hebi.climate_id, "hebi");
    // Zhengzhou is milder (HDD18 2197 vs 2340): less heating for the same building.
    assert!(zz.design.heating_kwh_m2 < hebi.design.heating_kwh_m2);
}

/// Every path of the registry is unique and resolves to itself.
#[test]
fn paths_are_unique_and_found() {
    for (i, f) in fields::ALL.iter().enumerate() {
        assert!(
            fields::ALL[..i].iter().all(|g| g.path != f.path),
            "{}",
            f.path
        );
        let p = concrete(f.path);
        assert_eq!(fields::find(&p).map(|g| g.path), Some(f.path), "{p}");
        assert!(
            !f.label.zh.is_empty() && !f.label.en.is_empty(),
            "{}",
            f.path
        );
        if let (Some((a, b)), Some(kind)) = (f.typical, f.number_kind()) {
            assert!(
                a < b && kind.range.contains(a) && kind.range.contains(b),
                "{}",
                f.path
            );
        }
    }
}

/// A choice list that is not optional promises that an absent value means its first choice (the form shows
/// the first choice when the value is absent): for every such field that may be absent, the report without
/// the value equals the report with the first choice set. (The thermal-mass classes broke this — the data
/// default is the heaviest class, listed last — and are now an optional list whose blank names the default.)
#[test]
fn an_absent_choice_means_the_first_one_shown() {
    let mut checked = 0;
    for template in [Template::ResidentialHighRise, Template::Office] {
        for f in fields::ALL {
            let list = match f.input {
                Input::Choice(l) | Input::NumberChoice(l) if !l.optional() => l,
                _ => continue,
            };
            let first = choices(list)[0].value;
            let mut absent = Editor::new(Project::template(template).unwrap());
            absent.edit(f.path, "");
            if absent.draft(f.path).is_some() {
                continue; // a required value (city, use): never absent
            }
            let mut given = Editor::new(Project::template(template).unwrap());
            given.edit(f.path, first);
            assert!(given.draft(f.path).is_none(), "{} = {first}", f.path);
            // The parts of the report an absent choice could change.
            let parts = |r: &greencheck_core::Report| {
                [
                    ("checks", serde_json::to_value(&r.checks).unwrap()),
                    ("energy", serde_json::to_value(&r.energy).unwrap()),
                    ("pv", serde_json::to_value(&r.pv).unwrap()),
                    ("star", serde_json::to_value(&r.star).unwrap()),
                ]
            };
            for ((part, a), (_, g)) in parts(absent.report())
                .into_iter()
                .zip(parts(given.report()))
            {
                assert_eq!(a, g, "{} ({part}): absent vs {first}", f.path);
            }
            checked += 1;
        }
    }
    assert!(checked >= 4, "{checked}");
}
