//! The `greencheck` binary on files with variants: every variant reported in order; files without variants
//! are reported as before (the golden test in `cli.rs` guards their bytes).

mod common;

use common::{data, run};

#[test]
fn summary_has_one_block_per_variant_in_order() {
    let (code, out, err) = run(&["check", &data("variants/highrise.json")]);
    assert_eq!(code, 0, "{err}");
    let a = out.find("[v1 方案 A, active]: Complies").expect(&out);
    let b = out.find("[v2 方案 B]: Complies").expect(&out);
    let c = out.find("[v3 方案 C（外墙加厚）]: Trade-off").expect(&out);
    assert!(a < b && b < c, "{out}");
    assert!(out[c..].contains("FAIL wwr.A"), "{out}");
}

#[test]
fn json_carries_every_variant_and_the_comparison() {
    let (code, out, _) = run(&["check", &data("variants/highrise.json"), "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "greencheck-variants-report/1");
    assert_eq!(v["active"], "v1");
    assert_eq!(v["errors"], serde_json::json!([]));
    let ids: Vec<&str> = v["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["v1", "v2", "v3"]);
    assert_eq!(v["variants"][0]["active"], true);
    assert_eq!(v["variants"][2]["report"]["format"], "greencheck-report/1");
    assert_eq!(v["variants"][2]["report"]["verdict"], "tradeoff");
    assert_eq!(v["comparison"]["rows"][0]["key"], "verdict");
    assert_eq!(v["comparison"]["differing"][0]["path"], "facades.A.wwr");
    // With other files: an array, each element a report or a variants report.
    let (code, out, _) = run(&[
        "check",
        "--json",
        &data("villa.json"),
        &data("variants/highrise.json"),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["format"], "greencheck-report/1");
    assert_eq!(v[1]["format"], "greencheck-variants-report/1");
}

#[test]
fn a_corrupt_variant_is_reported_with_its_path_and_exit_2() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("variants/highrise.json")).unwrap())
            .unwrap();
    doc["variants"]["list"][1]["envelope"]["wall_u"] = serde_json::json!(-1);
    let path = format!("{}/corrupt_variant.json", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, doc.to_string()).unwrap();
    let (code, out, err) = run(&["check", &path, "--json"]);
    assert_eq!(code, 2);
    assert!(err.contains("variants.list[1].envelope.wall_u"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["errors"][0]["path"], "variants.list[1].envelope.wall_u");
    assert_eq!(v["variants"][0]["report"]["verdict"], "complies");
    assert_eq!(v["variants"][1]["report"]["verdict"], "incomplete");
    assert_eq!(
        v["variants"][1]["report"]["errors"][0]["path"],
        "variants.list[1].envelope.wall_u"
    );
    assert_eq!(v["comparison"]["variants"][1]["valid"], false);
}

/// Behaviour guard, like `cli.rs`'s goldens (the fixture sits in `tests/data/variants/`, outside that test's
/// folder): `check --json` of the fixture is byte-identical to `core/tests/golden/variants_highrise.report.json`.
/// A deliberate change regenerates it with `cargo run -q --release -p greencheck-core --bin greencheck -- check
/// core/tests/data/variants/highrise.json --json > core/tests/golden/variants_highrise.report.json`.
#[test]
fn json_report_matches_the_recorded_one() {
    let golden = format!(
        "{}/tests/golden/variants_highrise.report.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let expected = std::fs::read_to_string(golden).unwrap();
    let (code, out, err) = run(&["check", &data("variants/highrise.json"), "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out == expected,
        "the variants report differs from the recorded one"
    );
}
