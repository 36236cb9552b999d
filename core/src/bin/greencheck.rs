//! `greencheck` batch CLI for the bureau: `greencheck check FILE... [--json]`, and the plan portfolio
//! commands `summary` and `gen-portfolio` (module `summary`).
//!
//! Prints a readable summary per file (verdict, failing checks with value, limit and clause), or
//! the greencheck-report/1 JSON with `--json` (an object for one file, an array for several).
//! Exit status: 0 when every file was evaluated, 2 when any file could not be read or is invalid
//! (the error goes to stderr). All file I/O lives here; the library is pure.

use greencheck_core::report::Report;
use std::process::ExitCode;

// A folder without main.rs, so cargo does not take it for a binary of its own.
#[path = "greencheck/summary.rs"]
mod summary;

const USAGE: &str = "usage: greencheck check FILE... [--json]";

fn summary(path: &str, r: &Report) -> String {
    let mut out = format!(
        "{path}: {} / {}\n",
        r.verdict.label_en(),
        r.verdict.label_zh()
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
        eprintln!("{USAGE}\n{}", summary::USAGE);
        return ExitCode::from(2);
    };
    match cmd.as_str() {
        "summary" => return summary::summary(rest),
        "gen-portfolio" => return summary::gen_portfolio(rest),
        _ => {}
    }
    if cmd != "check" {
        eprintln!("{USAGE}\n{}", summary::USAGE);
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
        match greencheck_core::evaluate_json(&text) {
            Ok(report) => {
                if !json {
                    print!("{}", summary(path, &report));
                }
                reports.push(report);
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
