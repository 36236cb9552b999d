//! Runs `greencheck summary` and `greencheck gen-portfolio` on folders made in a temporary directory.

mod common;

use std::path::{Path, PathBuf};

use common::run;
use serde_json::{json, Value};

/// A fresh directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("summary-cli-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, rel: &str) -> String {
        self.0.join(rel).to_string_lossy().into_owned()
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> String {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push((p.to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn gen_portfolio_is_deterministic() {
    let s = Scratch::new("gen");
    let (a, b, c) = (s.path("a"), s.path("b"), s.path("c"));
    assert_eq!(run(&["gen-portfolio", &a, "25", "--seed", "5"]).0, 0);
    assert_eq!(run(&["gen-portfolio", &b, "25", "--seed", "5"]).0, 0);
    assert_eq!(run(&["gen-portfolio", &c, "25", "--seed", "6"]).0, 0);
    let (fa, fb, fc) = (
        files_under(Path::new(&a)),
        files_under(Path::new(&b)),
        files_under(Path::new(&c)),
    );
    assert_eq!(fa.len(), 25);
    let strip = |f: &[(String, Vec<u8>)], root: &str| -> Vec<(String, Vec<u8>)> {
        f.iter()
            .map(|(p, b)| (p.replacen(root, "", 1), b.clone()))
            .collect()
    };
    assert_eq!(strip(&fa, &a), strip(&fb, &b), "same seed, same files");
    assert_ne!(strip(&fa, &a), strip(&fc, &c), "another seed, other files");
    // Files are spread over district folders.
    assert!(fa.iter().any(|(p, _)| p.contains("淇滨区")));
}

/// The city indicator `id` of a summary's JSON.
fn indicator(v: &Value, id: &str) -> Value {
    v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone()
}

fn project(use_: &str, floor: f64, plan: Value) -> String {
    common::areas_project(use_, floor, json!({}), plan).to_string()
}

const GBXML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gbXML xmlns="http://www.gbxml.org/schema" version="6.01"><Campus id="c"/></gbXML>"#;

/// A folder with three hand-made projects, nested, next to every kind of file that is not one.
fn mixed_folder(s: &Scratch) -> String {
    s.write(
        "p/淇滨区/a.json",
        project(
            "residential",
            10_000.0,
            json!({"assembly_ratio": 0.6, "construction_waste_t": 200, "year": 2025, "district": "淇滨区"}),
        ),
    );
    s.write(
        "p/淇滨区/二期/b.json",
        project(
            "office",
            30_000.0,
            json!({"assembly_ratio": 0.3, "construction_waste_t": 1200, "year": 2026, "district": "淇滨区"}),
        ),
    );
    s.write(
        "p/浚县/c.JSON",
        project("school", 10_000.0, json!({"construction_waste_t": 300})),
    );
    s.write("p/浚县/model.xml", GBXML);
    // A real model (the hand-made 10 × 20 m box of the importer's tests, 200 m² floor): imported.
    s.write(
        "p/浚县/box.gbxml",
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/gbxml/box_m.xml"
        ))
        .unwrap(),
    );
    s.write("p/浚县/other.xml", "<root/>");
    s.write("p/bad.json", "{\"format\": \"greencheck/1\",");
    s.write("p/v2.json", "{\"format\": \"greencheck/2\"}");
    s.write("p/latin1.json", [0x7b, 0xe9, 0x7d]);
    s.write(
        "p/report.json",
        "{\"format\": \"greencheck-report/1\", \"verdict\": \"complies\"}",
    );
    // Skipped by the walk: other extensions and hidden entries.
    s.write("p/README.md", "# notes");
    s.write("p/.git/x.json", "{}");
    s.write("p/.hidden.json", "{}");
    s.path("p")
}

#[test]
fn summary_lists_invalid_files_and_summarises_the_rest() {
    let s = Scratch::new("mixed");
    let dir = mixed_folder(&s);
    let missing = s.path("nope.json");
    let readme = s.path("p/README.md");
    let (code, out, err) = run(&["summary", &dir, &missing, &readme, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "greencheck-portfolio/1");
    assert_eq!(v["projects"], 4);
    let files: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    // By path: 浚县 (U+6D5A) sorts before 淇滨区 (U+6DC7).
    assert!(
        files[0].ends_with("浚县/box.gbxml")
            && files[1].ends_with("浚县/c.JSON")
            && files[2].ends_with("淇滨区/a.json")
            && files[3].ends_with("二期/b.json"),
        "{files:?}"
    );
    // The model is summarised as the page's bureau view does: imported, then evaluated.
    assert_eq!(v["rows"][0]["floor_area_m2"], 200.0);
    assert_eq!(v["rows"][0]["use"], "residential");
    let invalid: Vec<(String, String, String)> = v["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = Path::new(f["file"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (
                name,
                f["path"].as_str().unwrap().to_owned(),
                f["message_en"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let find = |n: &str| {
        invalid
            .iter()
            .find(|i| i.0 == n)
            .unwrap_or_else(|| panic!("{n}: {invalid:?}"))
    };
    // A gbXML file without a building is refused with the importer's reason.
    assert!(find("model.xml").2.contains("no exterior walls"));
    assert!(find("other.xml").2.contains("XML file"));
    assert!(find("bad.json").2.contains("not valid JSON"));
    assert_eq!(find("v2.json").1, "format");
    assert_eq!(find("report.json").1, "format");
    assert!(find("latin1.json").2.contains("UTF-8"));
    assert!(find("nope.json").2.contains("cannot read"));
    // A file named on the command line is read whatever its extension.
    assert!(find("README.md").2.contains("not valid JSON"));
    assert_eq!(invalid.len(), 8, "{invalid:?}");
    assert!(!out.contains(".git") && !out.contains(".hidden"));
    // C07 assembled, area: a 10 000 (0.6) of a + b 40 000 (c not entered) = 0.25; C08 waste
    // (200 + 1 200 + 300) / (1 + 3 + 1) = 340 t/10⁴ m².
    let ind = |id: &str| indicator(&v, id);
    assert_eq!(ind("C07")["value"], 0.25);
    assert_eq!(ind("C07")["status"], "does_not_meet");
    assert_eq!(ind("C08")["value"], 340.0);
    assert_eq!(v["total_floor_area_m2"], 50_200.0);
    // Reporting years: 2025 (a), 2026 (b), none (c and the model), in that order.
    let years: Vec<(Value, Value)> = v["by_year"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["group"].clone(), y["projects"].clone()))
        .collect();
    assert_eq!(
        years,
        [
            (json!(2025), json!(1)),
            (json!(2026), json!(1)),
            (Value::Null, json!(2))
        ]
    );
}

#[test]
fn summary_of_one_reporting_year() {
    let s = Scratch::new("year");
    let dir = mixed_folder(&s);
    let (code, out, err) = run(&["summary", &dir, "--year", "2026", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["scope"]["year"].clone(), v["projects"].clone()),
        (json!(2026), json!(1))
    );
    assert_eq!(v["projects_outside_scope"], 3);
    assert!(v["rows"][0]["file"]
        .as_str()
        .unwrap()
        .ends_with("二期/b.json"));
    // C07 of 2026: b alone, 0.3 < 0.5 → 0 of 30 000 m²; C08: 1 200 t / 3 × 10⁴ m² = 400.
    let ind = |id: &str| indicator(&v, id);
    assert_eq!(ind("C07")["value"], 0.0);
    assert_eq!(ind("C08")["value"], 400.0);
    let (code, table, _) = run(&["summary", &dir, "--year", "2026"]);
    assert_eq!(code, 0);
    assert!(table.contains("统计年度 2026"), "{table}");
    assert!(
        table.contains("逐年进展") && table.contains("分县区进展"),
        "{table}"
    );
    // One county: a and b of 淇滨区; by year within it, 2025 and 2026.
    let (code, out, _) = run(&["summary", &dir, "--district", " 淇滨区", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["projects"].clone(), v["scope"]["district"].clone()),
        (json!(2), json!("淇滨区"))
    );
    assert_eq!(v["by_year"].as_array().unwrap().len(), 2);
    assert_eq!(run(&["summary", &dir, "--district", "  "]).0, 2);
    // A misspelt county covers nothing: the summary says which counties the files give.
    let (code, _, err) = run(&["summary", &dir, "--district", "淇滨"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("范围内没有项目") && err.contains("淇滨区"),
        "{err}"
    );
    for bad in ["1999", "2026.5", "二〇二六", "70000"] {
        let (code, _, err) = run(&["summary", &dir, "--year", bad]);
        assert_eq!(code, 2, "--year {bad}");
        assert!(err.contains("--year"), "{err}");
    }
}

#[test]
fn summary_table_and_csv() {
    let s = Scratch::new("csv");
    let dir = mixed_folder(&s);
    let csv_path = s.path("out/summary.csv");
    std::fs::create_dir_all(s.path("out")).unwrap();
    let (code, table, err) = run(&["summary", &dir, "--csv", &csv_path, "--jobs", "2"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        table.contains("projects 项目 4 · invalid files 无效文件 6"),
        "{table}"
    );
    assert!(
        table.contains("C07") && table.contains("25.0 %") && table.contains("340.0 t/10⁴m²"),
        "{table}"
    );
    assert!(table.contains("box.gbxml"), "{table}");
    assert!(err.contains("wrote"), "{err}");
    let bytes = std::fs::read(&csv_path).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF], "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let recs: Vec<Vec<String>> = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let project_rows: Vec<&Vec<String>> = recs
        .iter()
        .filter(|r| r[0].contains(".json") || r[0].contains(".JSON"))
        .collect();
    // 3 projects + bad.json, v2.json, latin1.json, report.json listed as invalid.
    assert_eq!(project_rows.len(), 7);
    let c07 = recs.iter().find(|r| r[0] == "C07").unwrap();
    assert_eq!(
        (c07[11].as_str(), c07[12].as_str()),
        ("0.25", "未满足 does_not_meet")
    );
    // Same numbers as --json.
    let (_, out, _) = run(&["summary", &dir, "--json", "--jobs", "1"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let c08 = recs.iter().find(|r| r[0] == "C08").unwrap();
    let json_c08 = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "C08")
        .unwrap();
    assert_eq!(
        c08[11].parse::<f64>().unwrap(),
        json_c08["value"].as_f64().unwrap()
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["summary"]).0, 2);
    assert_eq!(run(&["summary", "x", "--csv"]).0, 2);
    assert_eq!(run(&["summary", "x", "--frobnicate"]).0, 2);
    assert_eq!(run(&["summary", "x", "--jobs", "0"]).0, 2);
    assert_eq!(run(&["summary", "x", "--year"]).0, 2);
    assert_eq!(run(&["gen-portfolio", "x"]).0, 2);
    assert_eq!(run(&["gen-portfolio", "x", "ten"]).0, 2);
    assert_eq!(run(&["gen-portfolio", "x", "1", "--seed", "-1"]).0, 2);
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("summary PATH"), "{err}");
}

#[test]
fn an_empty_folder_is_an_empty_summary() {
    let s = Scratch::new("empty");
    let (code, out, _) = run(&["summary", &s.path(""), "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["projects"].as_u64(), v["invalid_files"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn a_generated_portfolio_is_summarised_whole() {
    let s = Scratch::new("generated");
    let dir = s.path("g");
    assert_eq!(run(&["gen-portfolio", &dir, "120", "--seed", "2"]).0, 0);
    let (code, out, err) = run(&["summary", &dir, "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["projects"].as_u64(), v["invalid_files"].as_u64()),
        (Some(120), Some(0))
    );
    let verdicts = &v["verdicts"];
    for k in ["complies", "tradeoff", "fails"] {
        assert!(verdicts[k].as_u64().unwrap() > 0, "{k}: {verdicts}");
    }
    // One thread or all cores: the same summary.
    let (_, one, _) = run(&["summary", &dir, "--json", "--jobs", "1"]);
    assert_eq!(one, out);
}
