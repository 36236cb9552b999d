//! `greencheck` batch CLI for the bureau: `greencheck check FILE... [--json]`.
//!
//! Prints a readable summary per file (verdict, failing checks with value, limit and clause), or
//! the greencheck-report/1 JSON with `--json` (an object for one file, an array for several).
//! A file with a `variants` section is reported variant by variant, in order: its summary has one block per
//! variant, its JSON is a `greencheck-variants-report/1` object (every variant's report and their
//! comparison) in place of the report; files without the section are reported exactly as before.
//! Exit status: 0 when every file was evaluated, 2 when any file could not be read or is invalid,
//! or has a variant that cannot be read (the error goes to stderr). All file I/O lives here; the library is
//! pure.

use greencheck_core::report::Report;
use greencheck_core::variants::{self, Variants};
use greencheck_core::Project;
use std::process::ExitCode;

/// What `--json` prints for one file: its report, or (a file with variants) every variant's report.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Output {
    Report(Box<Report>),
    Variants(Box<variants::VariantsReport>),
}

const USAGE: &str = "usage: greencheck check FILE... [--json]";

fn summary(path: &str, r: &Report) -> String {
    let mut out = format!(
        "{path}: {} / {}\n",
        r.verdict.label().en,
        r.verdict.label().zh
    );
    if let Some(b) = &r.building {
        out.push_str(&format!(
            "  class {} · floor area {:.1} m² · shape factor {:.3}\n",
            b.class, b.floor_area_m2, b.shape_factor
        ));
    }
    for c in r.failing() {
        let fmt = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"));
        let flag = if c.to_be_confirmed {
            " [I: to be confirmed 待确认]"
        } else {
            ""
        };
        let kind = if !c.mandatory {
            " (advisory)"
        } else if c.tradeable {
            " (tradeable)"
        } else {
            ""
        };
        out.push_str(&format!(
            "  FAIL {}: {} {} {} — {} {}{}{}\n",
            c.id,
            fmt(c.value),
            c.comparison.symbol(),
            fmt(c.limit),
            c.standard,
            c.clause,
            kind,
            flag
        ));
        if let Some(s) = &c.suggestion {
            out.push_str(&format!("       {}\n", s.text_en));
        }
    }
    if !r.missing.is_empty() {
        out.push_str(&format!("  missing: {}\n", r.missing.join(", ")));
    }
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if cmd != "check" {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let json = rest.iter().any(|a| a == "--json");
    let files: Vec<&String> = rest.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut ok = true;
    let mut reports = Vec::new();
    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                ok = false;
                continue;
            }
        };
        match Project::from_json(&text) {
            Ok(project) if project.extra.contains_key(variants::SECTION) => {
                let all = variants::evaluate_variants(&Variants::from_project(project));
                for e in &all.errors {
                    eprintln!("{path}: {}: {} / {}", e.path, e.message_en, e.message_zh);
                    ok = false;
                }
                if !json {
                    for v in &all.variants {
                        let mark = if v.active { ", active" } else { "" };
                        let name = format!("{path} [{} {}{mark}]", v.id, v.label);
                        print!("{}", summary(&name, &v.report));
                    }
                }
                reports.push(Output::Variants(Box::new(all)));
            }
            Ok(project) => {
                let report = greencheck_core::evaluate(&project);
                if !json {
                    print!("{}", summary(path, &report));
                }
                reports.push(Output::Report(Box::new(report)));
            }
            Err(e) => {
                let field = if e.path.is_empty() {
                    "(document)"
                } else {
                    &e.path
                };
                eprintln!("{path}: {field}: {} / {}", e.message_en(), e.message_zh());
                ok = false;
            }
        }
    }
    if json {
        let out = if files.len() == 1 {
            reports.first().map(serde_json::to_string_pretty)
        } else {
            Some(serde_json::to_string_pretty(&reports))
        };
        if let Some(Ok(s)) = out {
            println!("{s}");
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
