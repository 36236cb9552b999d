//! Runs the `greencheck` binary on the example files in `core/tests/data/`.

mod common;

use common::{data, run};

#[test]
fn summary_lists_failing_checks() {
    let (code, out, _) = run(&["check", &data("failing_highrise.json")]);
    assert_eq!(code, 0);
    assert!(out.contains("Trade-off calculation required"), "{out}");
    assert!(out.contains("FAIL wwr.A: 0.550 ≤ 0.500"), "{out}");
    assert!(out.contains("FAIL u.wall: 0.500 ≤ 0.450"), "{out}");
    assert!(out.contains("3.1.8"));
    // Suggestions name the element as the form and the clause table do (one spelling per idea).
    assert!(
        out.contains("to pass: Window-to-wall ratio (south) ≤ 0.50"),
        "{out}"
    );
    assert!(out.contains("to pass: External wall K ≤ 0.45"), "{out}");
}

#[test]
fn json_object_for_one_file_array_for_several() {
    let (code, out, _) = run(&["check", &data("villa.json"), "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "greencheck-report/1");
    assert_eq!(v["verdict"], "complies");
    let (code, out, _) = run(&[
        "check",
        "--json",
        &data("villa.json"),
        &data("failing_highrise.json"),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(v[1]["verdict"], "tradeoff");
    assert_eq!(v[1]["decisive"], serde_json::json!(["wwr.A", "u.wall"]));
}

#[test]
fn invalid_file_exits_2_with_error_on_stderr() {
    let (code, out, err) = run(&["check", &data("villa.json"), &data("invalid.json")]);
    assert_eq!(code, 2);
    assert!(out.contains("Complies"));
    assert!(
        err.contains("invalid.json") && err.contains("缺少"),
        "{err}"
    );
    let (code, _, err) = run(&["check", &data("does-not-exist.json")]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"));
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["frobnicate", "x"]).0, 2);
}

/// Behaviour guard for refactors: `check --json` of the templates and the example projects is byte-identical
/// to the reports recorded in `core/tests/golden/` (written by the CLI before the evaluation spine was
/// restructured). A deliberate change of the report regenerates them with
/// `cargo run -q --release -p greencheck-core --bin greencheck -- check FILE --json > core/tests/golden/….report.json`
/// and says why in the commit.
#[test]
fn json_reports_match_the_recorded_ones() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut cases: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(format!("{root}/data/templates")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        cases.push((
            path.to_string_lossy().into_owned(),
            format!("template_{stem}"),
        ));
    }
    for entry in std::fs::read_dir(format!("{root}/tests/data")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "json") && stem != "invalid" {
            cases.push((path.to_string_lossy().into_owned(), stem));
        }
    }
    assert!(cases.len() >= 7, "{cases:?}");
    for (input, golden) in cases {
        let expected = std::fs::read_to_string(format!("{root}/tests/golden/{golden}.report.json"))
            .unwrap_or_else(|e| panic!("{golden}: {e}"));
        let (code, out, err) = run(&["check", &input, "--json"]);
        assert_eq!(code, 0, "{input}: {err}");
        assert!(
            out == expected,
            "{input}: report differs from tests/golden/{golden}.report.json"
        );
    }
}

#[test]
fn import_prints_the_project_on_stdout_and_the_summary_on_stderr() {
    let (code, out, err) = run(&["import", &data("gbxml/box_m.xml")]);
    assert_eq!(code, 0, "{err}");
    let p = greencheck_core::Project::from_json(&out).expect("stdout is a greencheck/1 project");
    assert_eq!(p.facade_names(), vec!["N-1", "E-1", "S-1", "W-1"]);
    assert_eq!(p.facades["S-1"].wwr, Some(0.2));
    assert_eq!(p.extra["import"]["source"], "box_m.xml");
    // Both languages, line by line.
    assert!(
        err.contains("来源文件：box_m.xml") && err.contains("Source file: box_m.xml"),
        "{err}"
    );
    assert!(err.contains("已忽略") && err.contains("Ignored"), "{err}");
    // Revit's UTF-16 export, options on the command line.
    let (code, out, err) = run(&[
        "import",
        &data("gbxml/Small_House.xml"),
        "--use",
        "office",
        "--storeys",
        "5",
        "--north",
        "30",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["use"], "office");
    assert_eq!(v["storeys"], 5);
    assert_eq!(v["geometry"]["north_offset_deg"], 30.0);
    assert!(
        err.contains("层数：5（按指定值）") && err.contains("Storeys: 5 (as given)"),
        "{err}"
    );
}

#[test]
fn import_with_a_base_project_keeps_its_sections() {
    let (code, out, err) = run(&[
        "import",
        &data("gbxml/ExteriorWindowRatioCW.xml"),
        "--base",
        &data("villa.json"),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("villa.json")).unwrap()).unwrap();
    assert_eq!(v["name"], base["name"]);
    assert_eq!(
        v["envelope"]["ground_perimeter_r"],
        base["envelope"]["ground_perimeter_r"]
    );
    assert_eq!(v["geometry"]["mode"], "areas");
}

#[test]
fn import_errors_exit_2() {
    let (code, out, err) = run(&["import", &data("villa.json")]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "no partial project: {out}");
    assert!(
        err.contains("这不是 gbXML 文件") && err.contains("this is not a gbXML file"),
        "{err}"
    );
    let (code, _, err) = run(&["import", &data("gbxml/does-not-exist.xml")]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    for bad in [
        vec!["import"],
        vec!["import", "a.xml", "b.xml"],
        vec!["import", "a.xml", "--use", "castle"],
        vec!["import", "a.xml", "--storeys", "0"],
        vec!["import", "a.xml", "--north", "north"],
        vec!["import", "a.xml", "--storeys"],
        vec!["import", "a.xml", "--frobnicate"],
    ] {
        let (code, out, err) = run(&bad);
        assert_eq!(code, 2, "{bad:?}");
        assert!(out.is_empty() && !err.is_empty(), "{bad:?}");
    }
}

#[test]
fn check_reads_a_gbxml_model_as_well_as_a_project() {
    // Told apart by content, not by name: a model saved as .json is still imported.
    let copy =
        std::env::temp_dir().join(format!("greencheck-cli-{}-model.json", std::process::id()));
    std::fs::copy(data("gbxml/box_m.xml"), &copy).unwrap();
    let (code, out, err) = run(&[
        "check",
        &data("villa.json"),
        &data("gbxml/Small_House.xml"),
        copy.to_str().unwrap(),
        "--json",
    ]);
    let _ = std::fs::remove_file(&copy);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(3));
    assert_eq!(v[2]["building"]["facades"][2]["name"], "S-1");
    assert_eq!(v[2]["building"]["facades"][2]["wwr"], 0.2);
    assert!(err.contains("gbXML model imported"), "{err}");
    let (code, _, err) = run(&["check", &data("gbxml/box_ft.xml")]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn usage_names_both_commands() {
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("greencheck check FILE... [--json]"), "{err}");
    assert!(err.contains("greencheck import MODEL.xml"), "{err}");
}
