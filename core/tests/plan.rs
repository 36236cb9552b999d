//! The Hebi plan scorecard (report section `plan`): each building row on its target and just off it,
//! with expected values computed by hand. Rows measured from the report (saving rate, star level, energy)
//! are tested on a report whose value is set by hand; rows measured from entered values run through
//! `evaluate`.

use greencheck_core::evaluate::plan_scorecard;
use greencheck_core::plan::{
    self, Measured, PlanRow, PlanScorecard, PlanStatus, Provenance, TargetKind,
};
use greencheck_core::report::Report;
use greencheck_core::star::StarLevel;
use greencheck_core::{evaluate, Project};
use serde_json::{json, Value};

use PlanStatus::{DoesNotMeet, Meets, NeedsInput, NotApplicable};

/// A measured-areas building: `floor` m² over 4 storeys, complete envelope (so the estimate runs).
fn doc(use_: &str, floor: f64) -> Value {
    json!({
        "format": "greencheck/1", "name": "t", "use": use_, "storeys": 4,
        "geometry": {"mode": "areas", "floor_area_m2": floor, "volume_m3": floor * 3.5,
            "roof_area_m2": floor / 4.0,
            "facades": [{"name": "S", "azimuth_deg": 180, "wall_area_m2": 1600},
                        {"name": "N", "azimuth_deg": 0, "wall_area_m2": 1600},
                        {"name": "E", "azimuth_deg": 90, "wall_area_m2": 1000},
                        {"name": "W", "azimuth_deg": 270, "wall_area_m2": 1000}]},
        "facades": {"S": {"wwr": 0.4}, "N": {"wwr": 0.2}, "E": {"wwr": 0.1}, "W": {"wwr": 0.1}},
        "envelope": {"wall_u": 0.4, "roof_u": 0.3, "window_u": 1.8, "window_shgc": 0.35}
    })
}

fn with(mut d: Value, section: &str, v: Value) -> Value {
    d[section] = v;
    d
}

fn project(d: &Value) -> Project {
    Project::from_value(d.clone()).unwrap()
}

fn card(d: &Value) -> PlanScorecard {
    let r = evaluate(&project(d));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r.plan.expect("plan section")
}

fn row<'a>(c: &'a PlanScorecard, id: &str) -> &'a PlanRow {
    c.row(id).unwrap_or_else(|| panic!("no row {id}"))
}

fn status(d: &Value, id: &str) -> PlanStatus {
    row(&card(d), id).status
}

/// The report of `d` after `edit`, scored again.
fn rescore(d: &Value, edit: impl FnOnce(&mut Report)) -> PlanScorecard {
    let p = project(d);
    let mut r = evaluate(&p);
    edit(&mut r);
    plan_scorecard(&p, &r).unwrap()
}

fn number(r: &PlanRow) -> f64 {
    match r.value {
        Some(Measured::Number(x)) => x,
        ref v => panic!("{}: {v:?}", r.id),
    }
}

#[test]
fn p01_p02_energy_saving_rate_83_and_78() {
    let res = doc("residential", 10_000.0);
    let set = |d: &Value, v: f64| rescore(d, |r| r.energy.as_mut().unwrap().saving_rate = v);
    let c = set(&res, 0.83);
    assert_eq!(
        (row(&c, "P01").status, row(&c, "P02").status),
        (Meets, NotApplicable)
    );
    assert_eq!(number(row(&c, "P01")), 0.83);
    assert_eq!(row(&set(&res, 0.8299), "P01").status, DoesNotMeet);
    let office = doc("office", 10_000.0);
    let c = set(&office, 0.78);
    assert_eq!(
        (row(&c, "P01").status, row(&c, "P02").status),
        (NotApplicable, Meets)
    );
    assert_eq!(row(&set(&office, 0.7799), "P02").status, DoesNotMeet);
    // No estimate (roof K missing): needs the missing field.
    let mut d = office.clone();
    d["envelope"].as_object_mut().unwrap().remove("roof_u");
    let r = row(&card(&d), "P02").clone();
    assert_eq!(
        (r.status, r.needs),
        (NeedsInput, vec!["envelope.roof_u".to_string()])
    );
}

#[test]
fn p03_every_new_building_at_least_basic_level() {
    let d = doc("office", 10_000.0);
    let set = |l: StarLevel| rescore(&d, |r| r.star.as_mut().unwrap().level = l);
    assert_eq!(row(&set(StarLevel::Basic), "P03").status, Meets);
    assert_eq!(row(&set(StarLevel::Three), "P03").status, Meets);
    // Not rated and nothing said about the prerequisites: that is the input it needs.
    let r = row(&card(&d), "P03").clone();
    assert_eq!(r.status, NeedsInput);
    assert_eq!(r.needs, vec!["green.prerequisites_met".to_string()]);
    // Said: not met → not a green building.
    let no = with(d.clone(), "green", json!({"prerequisites_met": false}));
    assert_eq!(status(&no, "P03"), DoesNotMeet);
    let yes = with(d, "green", json!({"prerequisites_met": true}));
    assert_eq!(status(&yes, "P03"), Meets);
}

#[test]
fn p04_two_stars_for_government_public_welfare_and_large_public_buildings() {
    let gov = with(
        with(
            doc("school", 10_000.0),
            "green",
            json!({"prerequisites_met": true}),
        ),
        "plan",
        json!({"government_invested": true, "public_welfare": true}),
    );
    let set = |d: &Value, l: StarLevel, potential: StarLevel| {
        rescore(d, |r| {
            let s = r.star.as_mut().unwrap();
            (s.level, s.potential_level) = (l, potential);
        })
    };
    assert_eq!(
        row(&set(&gov, StarLevel::Two, StarLevel::Two), "P04").status,
        Meets
    );
    assert_eq!(
        row(&set(&gov, StarLevel::One, StarLevel::One), "P04").status,
        DoesNotMeet
    );
    // Two stars within reach if the undetermined gates pass: the green inputs are needed.
    let r = row(&set(&gov, StarLevel::One, StarLevel::Three), "P04").clone();
    assert_eq!((r.status, r.needs), (NeedsInput, vec!["green".to_string()]));
    // Government-invested but not public-welfare, 10 000 m²: does not apply.
    let not_welfare = with(
        gov.clone(),
        "plan",
        json!({"government_invested": true, "public_welfare": false}),
    );
    assert_eq!(status(&not_welfare, "P04"), NotApplicable);

    // Large public building: D01, ≥ 20 000 m² (to be confirmed). Exactly 20 000 m² is large; the
    // government flags are then not needed.
    let large = with(
        doc("office", 20_000.0),
        "green",
        json!({"prerequisites_met": true}),
    );
    let c = set(&large, StarLevel::Two, StarLevel::Two);
    assert_eq!(c.large_public_building, Some(true));
    assert_eq!(row(&c, "P04").status, Meets);
    assert!(row(&c, "P04").to_be_confirmed, "relies on D01 (M)");
    assert_eq!(
        row(&set(&large, StarLevel::One, StarLevel::One), "P04").status,
        DoesNotMeet
    );
    // 19 999 m²: not large, and whether it is a government public-welfare building is not said.
    let small = doc("office", 19_999.0);
    let c = card(&small);
    assert_eq!(c.large_public_building, Some(false));
    let r = row(&c, "P04");
    assert_eq!(r.status, NeedsInput);
    assert_eq!(
        r.needs[..2],
        [
            "plan.government_invested".to_string(),
            "plan.public_welfare".to_string()
        ]
    );
    let private = with(small.clone(), "plan", json!({"government_invested": false}));
    assert_eq!(status(&private, "P04"), NotApplicable);
    // The total building area (incl. basements) decides when given: 19 999 m² above ground, 20 000 in all.
    let gross = with(
        small,
        "plan",
        json!({"gross_floor_area_m2": 20_000, "government_invested": false}),
    );
    let c = card(&gross);
    assert_eq!(
        (c.large_public_building, c.floor_area_m2),
        (Some(true), Some(20_000.0))
    );
    assert_ne!(row(&c, "P04").status, NotApplicable);
    // A residential building is never a large public building.
    let res = with(
        doc("residential", 30_000.0),
        "plan",
        json!({"government_invested": false}),
    );
    let c = card(&res);
    assert_eq!(
        (c.large_public_building, row(&c, "P04").status),
        (Some(false), NotApplicable)
    );
}

#[test]
fn p05_star_rated_from_one_star() {
    let d = with(
        doc("residential", 10_000.0),
        "green",
        json!({"prerequisites_met": true}),
    );
    let set = |l: StarLevel| rescore(&d, |r| r.star.as_mut().unwrap().level = l);
    let c = set(StarLevel::One);
    assert_eq!(row(&c, "P05").status, Meets);
    assert_eq!(row(&c, "P05").kind, TargetKind::Contribution);
    assert_eq!(row(&set(StarLevel::Basic), "P05").status, DoesNotMeet);
}

#[test]
fn p06_p07_pv_on_half_the_installable_roof() {
    // Coverage = module area / installable roof area: 100 / 200 = 0.5 exactly; 99.8 / 200 = 0.499.
    for (id, flag) in [("P06", "public_institution"), ("P07", "factory")] {
        let d = |module: Option<f64>, on: bool| {
            let mut pv = json!({"installable_roof_area_m2": 200});
            if let Some(m) = module {
                pv["module_area_m2"] = json!(m);
            }
            with(
                with(doc("other_public", 10_000.0), "pv", pv),
                "plan",
                json!({ flag: on }),
            )
        };
        let c = card(&d(Some(100.0), true));
        let r = row(&c, id);
        assert_eq!(r.status, Meets, "{id}");
        assert_eq!(
            (number(r), r.numerator, r.denominator),
            (0.5, Some(100.0), Some(200.0))
        );
        assert_eq!(status(&d(Some(99.8), true), id), DoesNotMeet, "{id}");
        assert_eq!(status(&d(Some(100.0), false), id), NotApplicable, "{id}");
        // A module area defaulted from the target itself proves nothing.
        let r = row(&card(&d(None, true)), id).clone();
        assert_eq!(
            (r.status, r.needs),
            (NeedsInput, vec!["pv.module_area_m2".to_string()])
        );
    }
}

#[test]
fn p08_assembled_building_from_assembly_ratio_50_percent() {
    let d = |a: Value| {
        with(
            doc("residential", 10_000.0),
            "plan",
            json!({ "assembly_ratio": a }),
        )
    };
    let c = card(&d(json!(0.5)));
    assert_eq!(row(&c, "P08").status, Meets);
    assert!(row(&c, "P08").to_be_confirmed && row(&c, "P08").provenance == Provenance::M);
    assert_eq!(status(&d(json!(0.4999)), "P08"), DoesNotMeet);
    assert_eq!(status(&d(Value::Null), "P08"), NeedsInput);
}

#[test]
fn p09_construction_waste_at_most_300_t_per_10000_m2() {
    let d = |floor: f64, plan: Value| with(doc("office", floor), "plan", plan);
    // 300 t on 10 000 m² = 300 t/10⁴ m².
    let c = card(&d(10_000.0, json!({"construction_waste_t": 300})));
    let r = row(&c, "P09");
    assert_eq!((r.status, number(r)), (Meets, 300.0));
    assert_eq!((r.numerator, r.denominator), (Some(300.0), Some(1.0)));
    assert_eq!(
        status(&d(10_000.0, json!({"construction_waste_t": 300.01})), "P09"),
        DoesNotMeet
    );
    // 375 t on 12 500 m²: 375 / 1.25 = 300.
    let c = card(&d(12_500.0, json!({"construction_waste_t": 375})));
    assert_eq!(
        (row(&c, "P09").status, number(row(&c, "P09"))),
        (Meets, 300.0)
    );
    // With the total building area: 600 t on 20 000 m² = 300 although the model has 10 000 m².
    let c = card(&d(
        10_000.0,
        json!({"construction_waste_t": 600, "gross_floor_area_m2": 20_000}),
    ));
    assert_eq!(number(row(&c, "P09")), 300.0);
    assert_eq!(status(&d(10_000.0, json!({})), "P09"), NeedsInput);
}

#[test]
fn p10_p11_electrification() {
    let d = |use_: &str, plan: Value| with(doc(use_, 10_000.0), "plan", plan);
    assert_eq!(
        status(&d("office", json!({"all_electric": true})), "P10"),
        Meets
    );
    assert_eq!(
        status(&d("office", json!({"all_electric": false})), "P10"),
        DoesNotMeet
    );
    assert_eq!(
        status(&d("residential", json!({"all_electric": true})), "P10"),
        NotApplicable
    );
    assert_eq!(status(&d("office", json!({})), "P10"), NeedsInput);
    // > 65 %: exactly 65 % is not more than 65 %.
    assert_eq!(
        status(&d("hotel", json!({"electricity_share": 0.65})), "P11"),
        DoesNotMeet
    );
    assert_eq!(
        status(&d("hotel", json!({"electricity_share": 0.6501})), "P11"),
        Meets
    );
    // All-electric with no share entered: 100 %.
    let c = card(&d("residential", json!({"all_electric": true})));
    assert_eq!(
        (row(&c, "P11").status, number(row(&c, "P11"))),
        (Meets, 1.0)
    );
    // Weighted by floor area in a portfolio: numerator share × area.
    let c = card(&d("hotel", json!({"electricity_share": 0.7})));
    assert_eq!(row(&c, "P11").denominator, Some(10_000.0));
    assert_eq!(row(&c, "P11").numerator, Some(0.7 * 10_000.0));
    assert_eq!(status(&d("hotel", json!({})), "P11"), NeedsInput);
}

#[test]
fn p12_renewable_substitution_8_percent() {
    // Energy set to 100 000 kWh/a; 5 000 solar thermal + 2 000 ambient heat + 1 000 other = 8 000 → 0.08.
    let d = |other: f64| {
        with(
            doc("residential", 10_000.0),
            "plan",
            json!({"solar_thermal_kwh": 5000, "ambient_heat_kwh": 2000, "other_renewables_kwh": other}),
        )
    };
    let set = |d: &Value| {
        rescore(d, |r| {
            r.energy.as_mut().unwrap().design.energy_kwh = 100_000.0
        })
    };
    let c = set(&d(1000.0));
    let r = row(&c, "P12");
    assert_eq!((r.status, number(r)), (Meets, 0.08));
    assert_eq!(
        (r.numerator, r.denominator),
        (Some(8000.0), Some(100_000.0))
    );
    assert_eq!(row(&set(&d(999.0)), "P12").status, DoesNotMeet);
    // PV counts too: 3 000 kWh of PV + 5 000 solar thermal = 8 000.
    let pv = with(
        with(
            doc("residential", 10_000.0),
            "pv",
            json!({"module_area_m2": 10}),
        ),
        "plan",
        json!({"solar_thermal_kwh": 5000}),
    );
    let c = rescore(&pv, |r| {
        r.energy.as_mut().unwrap().design.energy_kwh = 100_000.0;
        r.pv.as_mut().unwrap().annual_kwh = 3000.0;
    });
    assert_eq!(number(row(&c, "P12")), 0.08);
    // Nothing entered counts as 0 (does not meet), and the note says so.
    let r = row(&card(&doc("office", 10_000.0)), "P12").clone();
    assert_eq!((r.status, number(&r)), (DoesNotMeet, 0.0));
    assert!(r.note.contains("count as 0"), "{}", r.note);
}

#[test]
fn p13_green_materials_in_government_projects() {
    let d = |green: Value, gov: bool| {
        with(
            with(doc("office", 10_000.0), "green", green),
            "plan",
            json!({"government_invested": gov}),
        )
    };
    assert_eq!(
        status(&d(json!({"green_material_share_pct": 0}), true), "P13"),
        DoesNotMeet
    );
    let c = card(&d(json!({"green_material_share_pct": 1}), true));
    assert_eq!(
        (row(&c, "P13").status, number(row(&c, "P13"))),
        (Meets, 0.01)
    );
    assert!(row(&c, "P13").to_be_confirmed);
    assert_eq!(status(&d(json!({}), true), "P13"), NeedsInput);
    assert_eq!(
        status(&d(json!({"green_material_share_pct": 30}), false), "P13"),
        NotApplicable
    );
}

#[test]
fn every_row_has_its_place_wording_and_provenance() {
    let c = card(&doc("office", 10_000.0));
    let ids: Vec<&str> = c.rows.iter().map(|r| r.id.as_ref()).collect();
    assert_eq!(
        ids,
        [
            "P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10", "P11", "P12",
            "P13"
        ]
    );
    for r in &c.rows {
        assert!(!r.section.is_empty() && !r.wording_zh.is_empty() && !r.wording_en.is_empty());
        assert_eq!(
            r.to_be_confirmed || r.provenance != Provenance::T,
            r.to_be_confirmed,
            "{}",
            r.id
        );
        assert!(r.status == NeedsInput || r.needs.is_empty(), "{}", r.id);
    }
    assert_eq!(c.document, "鹤建综〔2023〕61号");
    assert_eq!(c.floor_area_source, "building.floor_area_m2");
}

#[test]
fn an_invalid_plan_section_is_an_error_and_changes_nothing_else() {
    let d = doc("office", 10_000.0);
    let bad = with(
        d.clone(),
        "plan",
        json!({"assembly_ratio": 1.5, "all_electric": true}),
    );
    let (a, b) = (evaluate(&project(&d)), evaluate(&project(&bad)));
    assert!(b.plan.is_none());
    assert_eq!(b.errors.len(), 1);
    assert_eq!(b.errors[0].path, "plan.assembly_ratio");
    assert!(b.errors[0].message_zh.contains("[0, 1]"));
    assert_eq!(
        (&a.verdict, &a.checks, &a.energy, &a.star, &a.pv),
        (&b.verdict, &b.checks, &b.energy, &b.star, &b.pv)
    );
    let wrong = with(d.clone(), "plan", json!({"government_invested": "yes"}));
    assert_eq!(
        evaluate(&project(&wrong)).errors[0].path,
        "plan.government_invested"
    );
    // A valid plan section changes no check, verdict or other section either.
    let full = with(
        d,
        "plan",
        json!({"government_invested": true, "public_welfare": true,
        "assembly_ratio": 0.6, "construction_waste_t": 100, "all_electric": true}),
    );
    let c = evaluate(&project(&full));
    assert_eq!(
        (&a.verdict, &a.checks, &a.energy, &a.star, &a.pv),
        (&c.verdict, &c.checks, &c.energy, &c.star, &c.pv)
    );
    assert!(c.errors.is_empty());
}

#[test]
fn the_plan_section_survives_a_round_trip_and_is_not_written_when_empty() {
    let d = with(
        doc("office", 10_000.0),
        "plan",
        json!({"assembly_ratio": 0.6, "future_key": [1]}),
    );
    let p = project(&d);
    let back: Value = serde_json::from_str(&p.to_json_pretty()).unwrap();
    assert_eq!(back["plan"], d["plan"]);
    let empty: Value =
        serde_json::from_str(&project(&doc("office", 10_000.0)).to_json_pretty()).unwrap();
    assert!(empty.get("plan").is_none());
}

/// The thresholds, typed from the plan's text (and the two definitions from their stated sources),
/// not from the CSV: a wrong cell or column mapping shows here.
#[test]
fn targets_typed_from_the_plan() {
    let t = |id: &str| plan::target(id).unwrap_or_else(|| panic!("{id}"));
    let num = |id: &str| (t(id).value, t(id).deadline, t(id).section, t(id).provenance);
    assert_eq!(
        num("P01"),
        (Some(0.83), Some(2030), "二(四)1", Provenance::T)
    );
    assert_eq!(
        num("P02"),
        (Some(0.78), Some(2030), "二(四)1", Provenance::T)
    );
    assert_eq!(
        num("P06"),
        (Some(0.5), Some(2025), "二(五)1", Provenance::T)
    );
    assert_eq!(
        num("P07"),
        (Some(0.5), Some(2025), "二(五)1", Provenance::T)
    );
    assert_eq!(
        num("P09"),
        (Some(300.0), Some(2030), "二(四)3", Provenance::T)
    );
    assert_eq!(
        num("P11"),
        (Some(0.65), Some(2030), "二(五)3", Provenance::T)
    );
    assert_eq!(
        num("P12"),
        (Some(0.08), Some(2025), "二(五)2", Provenance::T)
    );
    assert_eq!(
        num("C02"),
        (Some(0.3), Some(2030), "二(四)1", Provenance::T)
    );
    assert_eq!(
        num("C05"),
        (Some(0.5), Some(2025), "二(五)1", Provenance::T)
    );
    assert_eq!(
        num("C07"),
        (Some(0.4), Some(2025), "二(四)3", Provenance::T)
    );
    assert_eq!(
        num("C08"),
        (Some(300.0), Some(2030), "二(四)3", Provenance::T)
    );
    assert_eq!(
        num("C09"),
        (Some(0.2), Some(2030), "二(五)3", Provenance::T)
    );
    assert_eq!(
        num("C11"),
        (Some(0.08), Some(2025), "二(五)2", Provenance::T)
    );
    assert_eq!(
        (t("P03").level, t("P04").level, t("P05").level),
        (
            Some(StarLevel::Basic),
            Some(StarLevel::Two),
            Some(StarLevel::One)
        )
    );
    assert_eq!(t("C01").table_row, "新建建筑中绿色建筑占比");
    assert_eq!(t("C01").attribute, Some(plan::Attribute::Binding));
    // Not in the plan's text: marked, never presented as the plan's.
    assert_eq!(
        (t("P08").value, t("P08").provenance),
        (Some(0.5), Provenance::M)
    );
    assert_eq!(
        (t("D01").value, t("D01").provenance),
        (Some(20_000.0), Provenance::M)
    );
    assert!(t("P08").to_be_confirmed() && t("D01").to_be_confirmed());
}

/// The plan rows repeat numbers that other tables already use; they must agree.
#[test]
fn plan_rows_agree_with_the_energy_and_pv_tables() {
    let e = |id: &str| {
        greencheck_core::limits::rows()
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| r.value)
    };
    assert_eq!(e("E03"), plan::target("P01").unwrap().value);
    assert_eq!(e("E04"), plan::target("P02").unwrap().value);
    let pv = greencheck_core::pv::pv_defaults().coverage_target;
    assert_eq!(Some(pv), plan::target("P06").unwrap().value);
    assert_eq!(Some(pv), plan::target("C05").unwrap().value);
}

#[test]
fn synthetic_projects_are_valid_and_cover_every_status() {
    let mut seen = std::collections::HashSet::new();
    for f in greencheck_core::portfolio::synth::synthetic_portfolio(11, 200) {
        let p = Project::from_json(&f.json).unwrap_or_else(|e| panic!("{}: {e}", f.path));
        let r = evaluate(&p);
        assert!(r.errors.is_empty(), "{}: {:?}", f.path, r.errors);
        for row in &r.plan.unwrap().rows {
            seen.insert((row.id.to_string(), row.status));
        }
    }
    for id in ["P03", "P05", "P08", "P09", "P11", "P12"] {
        for s in [Meets, DoesNotMeet, NeedsInput] {
            assert!(seen.contains(&(id.to_string(), s)), "{id} {s:?}");
        }
    }
    for s in [Meets, DoesNotMeet, NeedsInput, NotApplicable] {
        assert!(seen.contains(&("P02".to_string(), s)), "P02 {s:?}");
    }
}
