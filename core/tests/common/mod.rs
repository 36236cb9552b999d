//! Helpers shared by the CLI tests: run the `greencheck` binary, name a file of `core/tests/data/`.
#![allow(dead_code)] // each test file uses what it needs

use std::process::Command;

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
