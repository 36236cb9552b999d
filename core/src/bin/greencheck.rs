//! `greencheck` batch CLI for the bureau (the plan portfolio commands `summary` and `gen-portfolio` are in
//! module `summary`):
//!
//! - `greencheck check FILE... [--json]`: prints a readable summary per file (verdict, failing checks with
//!   value, limit and clause), or the greencheck-report/1 JSON with `--json` (an object for one file, an
//!   array for several). A FILE is a `greencheck/1` project or a gbXML model (told apart by content; a model
//!   is imported with the defaults of `import`). A project with a `variants` section is reported variant by
//!   variant, in order: its summary has one block per variant, its JSON is a `greencheck-variants-report/1`
//!   object (every variant's report and their comparison) in place of the report; files without the section
//!   are reported exactly as before.
//! - `greencheck import MODEL.xml [--use USE] [--storeys N] [--north DEG] [--base PROJECT.json]`: prints the
//!   imported `greencheck/1` project JSON on stdout and the import summary (Chinese and English) on stderr.
//!
//! Exit status: 0 when every file was evaluated or imported, 2 when any file could not be read or is
//! invalid, has a variant that cannot be read, or on a usage error (the message goes to stderr). All file
//! I/O lives here; the library is pure.

use greencheck_core::gbxml::{self, ImportOptions};
use greencheck_core::project::Use;
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

// A folder without main.rs, so cargo does not take it for a binary of its own.
#[path = "greencheck/summary.rs"]
mod summary;

const USAGE: &str = "usage: greencheck check FILE... [--json]
       greencheck import MODEL.xml [--use residential|office|hotel|commercial|hospital|school|other_public]
                         [--storeys N] [--north DEG] [--base PROJECT.json]";

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

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn use_of(key: &str) -> Option<Use> {
    serde_json::from_value(serde_json::Value::String(key.to_owned())).ok()
}

/// `import MODEL.xml [options]`.
fn import(args: &[String]) -> ExitCode {
    let mut options = ImportOptions::default();
    let mut model: Option<&String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            let v = it.next();
            if v.is_none() {
                eprintln!("{name} needs a value\n{USAGE}");
            }
            v
        };
        match a.as_str() {
            "--use" => {
                let Some(v) = value("--use") else {
                    return ExitCode::from(2);
                };
                let Some(u) = use_of(v) else {
                    eprintln!("--use {v}: unknown use / 未知的建筑类型\n{USAGE}");
                    return ExitCode::from(2);
                };
                options.building_use = Some(u);
            }
            "--storeys" => {
                let Some(v) = value("--storeys") else {
                    return ExitCode::from(2);
                };
                match v.parse::<u32>() {
                    Ok(n) if n >= 1 => options.storeys = Some(n),
                    _ => {
                        eprintln!(
                            "--storeys {v}: must be a whole number ≥ 1 / 层数必须是不小于 1 的整数"
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            "--north" => {
                let Some(v) = value("--north") else {
                    return ExitCode::from(2);
                };
                match v.parse::<f64>() {
                    Ok(d) if d.is_finite() => options.north_offset_deg = Some(d),
                    _ => {
                        eprintln!(
                            "--north {v}: must be a number of degrees / 北向角必须是数字（度）"
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            "--base" => {
                let Some(v) = value("--base") else {
                    return ExitCode::from(2);
                };
                let text = match std::fs::read_to_string(v) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("{v}: cannot read: {e}");
                        return ExitCode::from(2);
                    }
                };
                match greencheck_core::migrate::load_project(&text) {
                    Ok(l) => options.base = Some(l.project),
                    Err(e) => {
                        eprintln!("{v}: {} / {}", e.message_en(), e.message_zh());
                        return ExitCode::from(2);
                    }
                }
            }
            _ if a.starts_with("--") || model.is_some() => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            _ => model = Some(a),
        }
    }
    let Some(path) = model else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    options.source_name = file_name(path);
    match gbxml::import(&bytes, &options) {
        Ok(imported) => {
            for l in &imported.summary.lines {
                eprintln!("{}\n{}", l.zh, l.en);
            }
            println!("{}", imported.project.to_json_pretty());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {} / {}", e.message_zh(), e.message_en());
            ExitCode::from(2)
        }
    }
}

/// A project file (each of its variants) or a gbXML model, told apart by content, evaluated.
fn evaluate_file(path: &str) -> Result<Output, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    if gbxml::is_gbxml(&bytes) {
        let options = ImportOptions {
            source_name: file_name(path),
            ..ImportOptions::default()
        };
        let imported = gbxml::import(&bytes, &options)
            .map_err(|e| format!("{path}: {} / {}", e.message_en(), e.message_zh()))?;
        let s = &imported.summary;
        let building_use = serde_json::to_value(s.building_use.building_use).unwrap_or_default();
        eprintln!(
            "{path}: gbXML model imported: {} facades, use {}, {} storeys (`greencheck import` shows the summary) / 已导入 gbXML 模型",
            s.facades.len(),
            building_use.as_str().unwrap_or("?"),
            s.storeys.count
        );
        return Ok(Output::Report(Box::new(greencheck_core::evaluate(
            &imported.project,
        ))));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{path}: cannot read: stream did not contain valid UTF-8"))?;
    let project = Project::from_json(&text).map_err(|e| {
        let field = if e.path.is_empty() {
            "(document)"
        } else {
            &e.path
        };
        format!("{path}: {field}: {} / {}", e.message_en(), e.message_zh())
    })?;
    if project.extra.contains_key(variants::SECTION) {
        let all = variants::evaluate_variants(&Variants::from_project(project));
        return Ok(Output::Variants(Box::new(all)));
    }
    Ok(Output::Report(Box::new(greencheck_core::evaluate(
        &project,
    ))))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("{USAGE}\n{}", summary::USAGE);
        return ExitCode::from(2);
    };
    match cmd.as_str() {
        "import" => return import(rest),
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
        match evaluate_file(path) {
            Ok(Output::Variants(all)) => {
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
                reports.push(Output::Variants(all));
            }
            Ok(Output::Report(report)) => {
                if !json {
                    print!("{}", summary(path, &report));
                }
                reports.push(Output::Report(report));
            }
            Err(message) => {
                eprintln!("{message}");
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
