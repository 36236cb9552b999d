//! The comparison of variants: rows, best cells, differing inputs, reports kept between keystrokes.

use greencheck_core::editor::{set_path, Editor};
use greencheck_core::project::{Project, Template};
use greencheck_core::text::Lang;
use greencheck_core::variants::{
    compare_all, evaluate_variants, Better, Cell, Reports, RowKey, Variants,
};
use greencheck_core::Verdict;
use serde_json::{json, Value};

const FIXTURE: &str = include_str!("data/variants/highrise.json");

fn fixture() -> Variants {
    Variants::from_project(Project::from_json(FIXTURE).unwrap())
}

fn edited(p: &Project, path: &str, v: Value) -> Project {
    let mut doc: Value = serde_json::from_str(&p.to_json_pretty()).unwrap();
    assert!(set_path(&mut doc, path, Some(v)));
    Project::from_value(doc).unwrap()
}

/// An invalid variant: its report is the error with its path in the file, its column is marked, its cells
/// are missing; the others are compared.
#[test]
fn an_invalid_variant_is_a_column_with_its_error() {
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    doc["variants"]["list"][2]["facades"]["A"]["wwr"] = json!(1.5);
    let v = Variants::from_project(Project::from_value(doc).unwrap());
    let r = evaluate_variants(&v);
    assert_eq!(r.errors[0].path, "variants.list[2].facades.A.wwr");
    let bad = &r.variants[2].report;
    assert_eq!(bad.verdict, Verdict::Incomplete);
    assert_eq!(bad.errors[0].path, "variants.list[2].facades.A.wwr");
    assert!(r.comparison.variants[0].valid && !r.comparison.variants[2].valid);
    let saving = r
        .comparison
        .rows
        .iter()
        .find(|x| x.key == RowKey::SavingRate)
        .unwrap();
    assert_eq!(saving.cells[2], Cell::Missing);
    assert_eq!(saving.best, [0]);
}

/// The brief's question: south WWR 0.45 with window K 1.8, or 0.35 with K 2.0?
#[test]
fn comparison_rows_best_and_differences() {
    let v = fixture();
    let c = compare_all(&v);
    assert_eq!(c.variants.len(), 3);
    assert!(c.variants[0].active && !c.variants[1].active);
    let row = |k: RowKey| c.rows.iter().find(|r| r.key == k).unwrap();
    // Every row has one cell per variant; best cells are at the extreme in the row's direction.
    for r in &c.rows {
        assert_eq!(r.cells.len(), 3, "{:?}", r.key);
        let ranks: Vec<Option<f64>> = r.cells.iter().map(Cell::rank).collect();
        let present: Vec<f64> = ranks.iter().flatten().copied().collect();
        for &b in &r.best {
            let x = ranks[b].unwrap();
            match r.better {
                Better::Higher => assert!(present.iter().all(|y| *y <= x + 1e-12), "{:?}", r.key),
                Better::Lower => assert!(present.iter().all(|y| *y >= x - 1e-12), "{:?}", r.key),
                Better::Neither => panic!("{:?} has a best", r.key),
            }
        }
    }
    // C fails the south WWR and the wall: two failing checks, decisive with labels; A and B pass.
    let failing = row(RowKey::FailingChecks);
    assert_eq!(failing.best, [0, 1]);
    let Cell::Checks { count, decisive } = &failing.cells[2] else {
        panic!()
    };
    assert_eq!(*count, 2);
    assert_eq!(decisive[0].id, "wwr.A");
    assert_eq!(decisive[0].label_en, "Window-to-wall ratio · A south");
    assert_eq!(decisive[0].label_zh, "窗墙比 · A 南");
    assert_eq!(row(RowKey::Verdict).best, [0, 1]);
    // The saving rate carries the 83 % target.
    let Cell::Number { target, .. } = &row(RowKey::SavingRate).cells[0] else {
        panic!()
    };
    assert_eq!(*target, Some(0.83));
    // Same shape in every variant: no best.
    assert!(row(RowKey::ShapeFactor).best.is_empty());
    // WWR rows never have a best; the south one differs.
    let Cell::Number { value, .. } = row(RowKey::WwrS).cells[1] else {
        panic!()
    };
    assert!((value - 0.35).abs() < 1e-12);
    // PV only in C: shown, no best with one value.
    assert!(row(RowKey::PvYield).best.is_empty());
    assert!(c.rows.iter().all(|r| r.key != RowKey::RetrofitImprovement));
    let paths: Vec<&str> = c.differing.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "facades.A.wwr",
            "envelope.wall_u",
            "envelope.window_u",
            "pv.installable_roof_area_m2"
        ]
    );
    assert_eq!(
        c.differing[2].values,
        [Some(json!(1.8)), Some(json!(2.0)), Some(json!(1.9))]
    );
    assert_eq!(c.differing[3].values[0], None);
}

/// The WWR of an orientation class is weighted by the facades' areas.
#[test]
fn wwr_per_class_is_area_weighted() {
    let p = Project::from_value(json!({
        "format": "greencheck/1", "use": "office", "storeys": 2,
        "geometry": {"mode": "areas", "floor_area_m2": 800, "volume_m3": 3000, "roof_area_m2": 400,
            "facades": [{"name": "S1", "azimuth_deg": 180, "wall_area_m2": 100},
                        {"name": "S2", "azimuth_deg": 170, "wall_area_m2": 300},
                        {"name": "N", "azimuth_deg": 0, "wall_area_m2": 400}]},
        "facades": {"S1": {"wwr": 0.5}, "S2": {"wwr": 0.1}, "N": {"wwr": 0.2}},
        "envelope": {"wall_u": 0.45, "roof_u": 0.35, "window_u": 1.8, "window_shgc": 0.35}
    }))
    .unwrap();
    let c = compare_all(&Variants::from_project(p));
    let Cell::Number { value, .. } =
        c.rows.iter().find(|r| r.key == RowKey::WwrS).unwrap().cells[0]
    else {
        panic!()
    };
    assert!((value - (50.0 + 30.0) / 400.0).abs() < 1e-12, "{value}");
    assert!(
        c.rows.iter().all(|r| r.key != RowKey::WwrE),
        "no east facade, no row"
    );
    assert!(c.differing.is_empty());
}

/// A keystroke changes the active variant only: the kept reports of the others are reused; handing over the
/// editor's report evaluates nothing. The result equals a comparison from scratch.
#[test]
fn only_the_changed_variant_is_evaluated_again() {
    let mut v = fixture();
    let mut reports = Reports::new();
    assert_eq!(reports.refresh(&v), 3);
    assert_eq!(reports.refresh(&v), 0);
    let mut editor = Editor::new(v.active_project().clone());
    editor.edit("envelope.wall_u", "0.4");
    v.set_active_project(editor.project().clone());
    assert_eq!(reports.refresh(&v), 1);
    editor.edit("envelope.wall_u", "0.38");
    v.set_active_project(editor.project().clone());
    reports.set(v.active().id(), editor.project(), editor.shared_report());
    assert_eq!(reports.refresh(&v), 0);
    assert_eq!(reports.compare(&v), compare_all(&v));
    assert_eq!(reports.get("v1"), Some(editor.report()));
    // Reordered and removed variants follow.
    v.move_to(2, 0).unwrap();
    assert_eq!(reports.refresh(&v), 0);
    v.remove(1).unwrap();
    assert_eq!(reports.refresh(&v), 0);
    assert_eq!(reports.compare(&v), compare_all(&v));
    assert_eq!(reports.get("v1"), None);
}

/// Retrofit variants compare their improvement against the plan's 30 %.
#[test]
fn retrofit_improvement_row() {
    let mut v = Variants::from_project(Project::template(Template::RuralHouseRetrofit).unwrap());
    v.duplicate_active(Lang::Zh).unwrap();
    let p = edited(v.active_project(), "envelope.wall_u", json!(0.5));
    v.set_active_project(p);
    let c = compare_all(&v);
    let row = c
        .rows
        .iter()
        .find(|r| r.key == RowKey::RetrofitImprovement)
        .unwrap();
    let Cell::Number { target, meets, .. } = &row.cells[1] else {
        panic!()
    };
    assert_eq!((*target, *meets), (Some(0.30), Some(true)));
    assert_eq!(row.best, [0]);
    assert_eq!(c.differing[0].path, "envelope.wall_u");
}

/// Differences are found in measured facades by index, and only registry fields are listed (a path the
/// registry does not hold, like `geometry.mode`, is not an input of its own).
#[test]
fn differences_in_measured_facades_and_names() {
    let areas = json!({
        "format": "greencheck/1", "name": "A", "use": "office", "storeys": 2,
        "geometry": {"mode": "areas", "floor_area_m2": 800, "volume_m3": 3000, "roof_area_m2": 400,
            "facades": [{"name": "S", "azimuth_deg": 180, "wall_area_m2": 300},
                        {"name": "N", "azimuth_deg": 0, "wall_area_m2": 300}]},
        "facades": {"S": {"wwr": 0.4}, "N": {"wwr": 0.2}},
        "envelope": {"wall_u": 0.45, "roof_u": 0.35, "window_u": 1.8, "window_shgc": 0.35}
    });
    let mut v = Variants::from_project(Project::from_value(areas).unwrap());
    v.duplicate_active(Lang::En).unwrap();
    let p = edited(
        v.active_project(),
        "geometry.facades[1].azimuth_deg",
        json!(10),
    );
    v.set_active_project(edited(&p, "name", json!("B")));
    v.duplicate_active(Lang::En).unwrap();
    let mut e = Editor::new(v.active_project().clone());
    assert!(e.set_geometry_mode("box"));
    v.set_active_project(e.project().clone());
    let c = compare_all(&v);
    let paths: Vec<&str> = c.differing.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths[0], "name");
    assert!(
        paths.contains(&"geometry.facades[1].azimuth_deg"),
        "{paths:?}"
    );
    assert!(paths.contains(&"geometry.length_m") && paths.contains(&"storey_height_m"));
    assert!(!paths.contains(&"geometry.mode"));
    let az = c
        .differing
        .iter()
        .find(|d| d.path == "geometry.facades[1].azimuth_deg")
        .unwrap();
    assert_eq!(az.values, [Some(json!(0.0)), Some(json!(10.0)), None]);
}
