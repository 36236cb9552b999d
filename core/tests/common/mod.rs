//! Helpers shared by the CLI and portfolio tests: run the `greencheck` binary, name a file of
//! `core/tests/data/`, write a small measured-areas project.
#![allow(dead_code)] // each test file uses what it needs

use std::process::Command;

use serde_json::{json, Value};

/// A file of `core/tests/data/`.
pub fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `greencheck` binary cargo built for the tests: (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_greencheck"))
        .args(args)
        .output()
        .expect("run greencheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A measured-areas project of `use_` with `floor` m² on 4 storeys (two 1 600 m² facades, S WWR 0.4 and N 0.2,
/// a known envelope), with the given `pv` and `plan` sections (`Value::Null` for none).
pub fn areas_project(use_: &str, floor: f64, pv: Value, plan: Value) -> Value {
    json!({
        "format": "greencheck/1", "name": format!("{use_} {floor}"), "use": use_, "storeys": 4,
        "geometry": {"mode": "areas", "floor_area_m2": floor, "volume_m3": floor * 3.5,
            "roof_area_m2": floor / 4.0,
            "facades": [{"name": "S", "azimuth_deg": 180, "wall_area_m2": 1600},
                        {"name": "N", "azimuth_deg": 0, "wall_area_m2": 1600}]},
        "facades": {"S": {"wwr": 0.4}, "N": {"wwr": 0.2}},
        "envelope": {"wall_u": 0.4, "roof_u": 0.3, "window_u": 1.8, "window_shgc": 0.35},
        "pv": pv, "plan": plan
    })
}
