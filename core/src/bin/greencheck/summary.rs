//! `greencheck summary PATH... [--year YYYY] [--district NAME] [--csv FILE] [--json] [--jobs N]`: the
//! bureau's portfolio summary of the Hebi plan's indicators (of one reporting year and / or county, with the
//! progress of every year and every county beside it), and `greencheck gen-portfolio DIR N [--seed S]`: a synthetic portfolio.
//!
//! File walking, reading and the worker threads live here; classification of a file's content, the
//! evaluation and the aggregation are the library's (`greencheck_core::portfolio`).

use greencheck_core::fields;
use greencheck_core::gbxml::{self, ImportOptions};
use greencheck_core::plan::PlanInput;
use greencheck_core::plan::{Basis, Compare, Measured, PlanStatus};
use greencheck_core::portfolio::csv::portfolio_csv;
use greencheck_core::portfolio::synth::synthetic_portfolio;
use greencheck_core::portfolio::{
    portfolio_of, status_columns, CityIndicator, Group, InvalidFile, Portfolio, PortfolioRow,
    Progress, Scope,
};
use greencheck_core::{evaluate, Project};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Usage lines of the two commands.
pub const USAGE: &str =
    "       greencheck summary PATH... [--year YYYY] [--district NAME] [--csv FILE] [--json] [--jobs N]\n       \
                         greencheck gen-portfolio DIR N [--seed S]";

/// Files larger than this are listed as invalid without being read.
const MAX_BYTES: u64 = 16 << 20;

/// Extensions picked up when walking a folder (a file named on the command line is always read).
const EXTENSIONS: [&str; 3] = ["json", "xml", "gbxml"];

fn usage(msg: &str) -> ExitCode {
    eprintln!("greencheck: {msg}\nusage:\n{USAGE}");
    ExitCode::from(2)
}

fn invalid(file: &str, path: &str, zh: impl Into<String>, en: impl Into<String>) -> InvalidFile {
    InvalidFile {
        file: file.to_owned(),
        path: path.to_owned(),
        message_zh: zh.into(),
        message_en: en.into(),
    }
}

fn unreadable(file: &str, e: &std::io::Error) -> InvalidFile {
    invalid(
        file,
        "",
        format!("无法读取：{e}"),
        format!("cannot read: {e}"),
    )
}

/// What a UTF-8 file holds, judged by its content (gbXML models, in any encoding, are told apart before).
enum Content<'a> {
    /// JSON: parsed as a `greencheck/1` project (its own errors say if it is not one).
    Json(&'a str),
    /// XML that is not a gbXML model.
    OtherXml,
}

fn classify(text: &str) -> Content<'_> {
    let body = text.trim_start_matches('\u{feff}');
    if body.trim_start().starts_with('<') {
        Content::OtherXml
    } else {
        Content::Json(body)
    }
}

/// A gbXML model's row: imported with the importer's defaults (as the page's bureau view does), or why not.
fn model_row(file: &str, path: &Path, bytes: &[u8]) -> Outcome {
    let options = ImportOptions {
        source_name: path
            .file_name()
            .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned()),
        ..ImportOptions::default()
    };
    match gbxml::import(bytes, &options) {
        Ok(imported) => Outcome::Row(Box::new(PortfolioRow::new(
            file,
            &imported.project,
            &evaluate(&imported.project),
        ))),
        Err(e) => Outcome::Invalid(invalid(file, "", e.message_zh(), e.message_en())),
    }
}

enum Outcome {
    Row(Box<PortfolioRow>),
    Invalid(InvalidFile),
}

fn process(file: &str, path: &Path) -> Outcome {
    let too_large = fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES);
    if too_large {
        return Outcome::Invalid(invalid(
            file,
            "",
            "文件过大（超过 16 MiB）",
            "file too large (over 16 MiB)",
        ));
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return Outcome::Invalid(unreadable(file, &e)),
    };
    if gbxml::is_gbxml(&bytes) {
        return model_row(file, path, &bytes);
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Outcome::Invalid(invalid(
            file,
            "",
            "不是 UTF-8 文本，不是 greencheck/1 项目",
            "not UTF-8 text: not a greencheck/1 project",
        ));
    };
    match classify(text) {
        Content::OtherXml => Outcome::Invalid(invalid(
            file,
            "",
            "XML 文件，不是 greencheck/1 项目",
            "XML file, not a greencheck/1 project",
        )),
        Content::Json(body) => match Project::from_json(body) {
            Ok(p) => Outcome::Row(Box::new(PortfolioRow::new(file, &p, &evaluate(&p)))),
            Err(e) => Outcome::Invalid(invalid(file, &e.path, e.message_zh(), e.message_en())),
        },
    }
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Files under `dir`, recursively, in name order; hidden entries and symlinked folders are skipped
/// (no loops), symlinked files are followed.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, bad: &mut Vec<InvalidFile>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return bad.push(unreadable(&dir.display().to_string(), &e)),
    };
    let mut entries: Vec<fs::DirEntry> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, files, bad);
        } else if wanted(&path)
            && (kind.is_file() || fs::metadata(&path).is_ok_and(|m| m.is_file()))
        {
            files.push(path);
        }
    }
}

/// Reads and evaluates every file on `jobs` threads; the outcomes keep the files' order.
fn evaluate_all(files: &[PathBuf], jobs: usize) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Outcome>> = (0..files.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = files.get(i) else { break };
                        done.push((i, process(&path.display().to_string(), path)));
                    }
                    done
                })
            })
            .collect();
        for w in workers {
            // `evaluate` does not panic; if a worker did, its files are reported below.
            for (i, o) in w.join().unwrap_or_default() {
                slots[i] = Some(o);
            }
        }
    });
    slots
        .into_iter()
        .zip(files)
        .map(|(o, path)| {
            o.unwrap_or_else(|| {
                Outcome::Invalid(invalid(
                    &path.display().to_string(),
                    "",
                    "内部错误",
                    "internal error while evaluating",
                ))
            })
        })
        .collect()
}

struct Args {
    paths: Vec<String>,
    csv: Option<String>,
    json: bool,
    jobs: Option<usize>,
    scope: Scope,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut out = Args {
        paths: Vec::new(),
        csv: None,
        json: false,
        jobs: None,
        scope: Scope::default(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => out.json = true,
            "--csv" => out.csv = Some(it.next().ok_or("--csv needs a FILE")?.clone()),
            "--jobs" => {
                let n = it.next().ok_or("--jobs needs a number")?;
                match n.parse::<usize>() {
                    Ok(n) if n > 0 => out.jobs = Some(n),
                    _ => return Err(format!("--jobs {n:?}: not a positive number")),
                }
            }
            "--year" => {
                let y = it.next().ok_or("--year needs a year")?;
                // The same rule as the project's `plan.year` field (PlanInput::year), and its range.
                let input = PlanInput {
                    year: y.parse::<f64>().ok(),
                    ..PlanInput::default()
                };
                match input.year() {
                    Some(y) => out.scope.year = Some(y),
                    None => {
                        let range = fields::PLAN_YEAR
                            .number_kind()
                            .map(|k| k.range_text())
                            .unwrap_or_default();
                        return Err(format!("--year {y:?}: not a whole year in {range}"));
                    }
                }
            }
            "--district" => {
                let d = it.next().ok_or("--district needs a name")?;
                // Normalised as the projects' own `plan.district` is.
                let input = PlanInput {
                    district: Some(d.clone()),
                    ..PlanInput::default()
                };
                match input.district() {
                    Some(d) => out.scope.district = Some(d),
                    None => return Err("--district needs a name".into()),
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => out.paths.push(a.clone()),
        }
    }
    if out.paths.is_empty() {
        return Err("summary needs at least one PATH".into());
    }
    Ok(out)
}

/// `greencheck summary`: exit 0 when the summary was produced (invalid files are listed in it), 1 when
/// the CSV cannot be written, 2 on a usage error.
pub fn summary(args: &[String]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(msg) => return usage(&msg),
    };
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for arg in &args.paths {
        let path = Path::new(arg);
        match fs::metadata(path) {
            Err(e) => bad.push(unreadable(arg, &e)),
            Ok(m) if m.is_dir() => walk(path, &mut files, &mut bad),
            Ok(_) => files.push(path.to_path_buf()),
        }
    }
    files.sort();
    files.dedup();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let jobs = args.jobs.unwrap_or(cores).clamp(1, files.len().max(1));
    let mut rows = Vec::with_capacity(files.len());
    for o in evaluate_all(&files, jobs) {
        match o {
            Outcome::Row(r) => rows.push(*r),
            Outcome::Invalid(i) => bad.push(i),
        }
    }
    let p = portfolio_of(rows, bad, &args.scope);
    if p.projects == 0 && p.projects_outside_scope > 0 {
        // A misspelt county or a year nobody reports: say what the files do give.
        let found = |lines: &[Progress]| {
            lines
                .iter()
                .filter_map(|g| g.group.as_ref().map(Group::name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        eprintln!(
            "greencheck: no project in the scope 范围内没有项目; years given (in the county chosen) 已填年度（所选县区内）: {}; counties given (in the year chosen) 已填县区（所选年度内）: {}",
            found(&p.by_year),
            found(&p.by_district)
        );
    }
    if let Some(file) = &args.csv {
        if let Err(e) = fs::write(file, portfolio_csv(&p)) {
            eprintln!("greencheck: cannot write {file}: {e}");
            return ExitCode::from(1);
        }
        eprintln!(
            "wrote {file}: {} projects, {} invalid files",
            p.projects, p.invalid_files
        );
    }
    if args.json {
        match serde_json::to_string_pretty(&p) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("greencheck: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", table(&p));
    }
    ExitCode::SUCCESS
}

fn fmt_value(v: Option<f64>, unit: &str) -> String {
    match v {
        None => "-".into(),
        Some(x) if unit == "ratio" => format!("{:.1} %", x * 100.0),
        Some(x) => format!("{x:.1} {}", unit.replace("10^4 m2", "10⁴m²")),
    }
}

fn fmt_target(c: &CityIndicator) -> String {
    let sym = match c.compare {
        Compare::Gt => ">",
        Compare::Le => "≤",
        _ => "≥",
    };
    match c.target {
        Measured::Number(t) => format!("{sym} {}", fmt_value(Some(t), c.unit)),
        _ => String::new(),
    }
}

fn mark(s: Option<PlanStatus>) -> char {
    match s {
        Some(PlanStatus::Meets) => '✓',
        Some(PlanStatus::DoesNotMeet) => '✗',
        Some(PlanStatus::NotApplicable) => '–',
        Some(PlanStatus::NeedsInput) => '?',
        None => ' ',
    }
}

/// Columns a terminal gives `text`: East Asian wide characters take two.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `text` padded with spaces to `cols` terminal columns, after it (`left`) or before it.
fn pad(text: &str, cols: usize, left: bool) -> String {
    let fill = " ".repeat(cols.saturating_sub(width(text)));
    if left {
        format!("{text}{fill}")
    } else {
        format!("{fill}{text}")
    }
}

/// Serde key of a unit enum (`complies`, `two`).
fn key<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A progress table: per group (a year, a county), projects, floor area, and each city indicator's value and
/// mark.
fn progress(out: &mut String, p: &Portfolio, title: &str, lines: &[Progress]) {
    let names: Vec<String> = lines
        .iter()
        .map(|g| {
            g.group
                .as_ref()
                .map_or_else(|| "未填 not given".to_owned(), Group::name)
        })
        .collect();
    let cols = names.iter().map(|n| width(n)).max().unwrap_or(4).max(6);
    let _ = write!(
        out,
        "\n{title} (value and mark per city indicator 各城市指标的汇总值及标记)\n  {}{:>8}{:>12}",
        pad("", cols, true),
        "projects",
        "area m²"
    );
    for c in &p.indicators {
        let _ = write!(out, " {}", pad(c.id, 14, false));
    }
    out.push('\n');
    for (g, n) in lines.iter().zip(&names) {
        let _ = write!(
            out,
            "  {}{:>8}{:>12.0}",
            pad(n, cols, true),
            g.projects,
            g.floor_area_m2
        );
        for (i, c) in g.indicators.iter().zip(&p.indicators) {
            let v = fmt_value(i.value, c.unit);
            let cell = format!("{} {}", v.replace(' ', ""), mark(Some(i.status)));
            let _ = write!(out, " {}", pad(&cell, 14, false));
        }
        out.push('\n');
    }
}

/// The summary as text for a terminal.
fn table(p: &Portfolio) -> String {
    let mut out = String::new();
    let v = &p.verdicts;
    let _ = writeln!(
        out,
        "{}（{}）汇总 — portfolio summary\n\
         projects 项目 {} · invalid files 无效文件 {} · floor area 建筑面积 {:.0} m²\n\
         verdicts: complies {} · tradeoff {} · incomplete {} · fails {}\n",
        p.plan_zh,
        p.document,
        p.projects,
        p.invalid_files,
        p.total_floor_area_m2,
        v.complies,
        v.tradeoff,
        v.incomplete,
        v.fails
    );
    if p.scope != Scope::default() {
        let year = p
            .scope
            .year
            .map(|y| format!("reporting year 统计年度 {y} · "))
            .unwrap_or_default();
        let district = p
            .scope
            .district
            .as_ref()
            .map(|d| format!("county 所属县区 {d} · "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{year}{district}projects left out 范围外的项目 {}\n",
            p.projects_outside_scope
        );
    }
    let _ = writeln!(
        out,
        "City indicators 城市指标\n  {}{} {} {:<5} {:<14}{} {:<6}indicator",
        pad("id", 4, true),
        pad("value", 14, false),
        pad("target", 17, true),
        "by",
        "status",
        pad("dec/meet/need", 14, false),
        "basis"
    );
    for c in &p.indicators {
        let counts = format!(
            "{}/{}/{}",
            c.projects_decided, c.projects_meeting, c.projects_needing_input
        );
        let basis = match c.basis {
            Basis::AreaShare => "area",
            Basis::CountShare => "count",
            Basis::Quotient => "Σ/Σ",
        };
        let flag = if c.to_be_confirmed {
            " [待确认 to be confirmed]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {}{} {} {:<5} {:<14}{} {basis:<6}{}{flag}",
            pad(c.id, 4, true),
            pad(&fmt_value(c.value, c.unit), 14, false),
            pad(&fmt_target(c), 17, true),
            c.deadline.map(|d| d.to_string()).unwrap_or_default(),
            c.status.key(),
            pad(&counts, 14, false),
            c.wording_zh,
        );
    }
    progress(
        &mut out,
        p,
        "Progress by reporting year 逐年进展",
        &p.by_year,
    );
    progress(&mut out, p, "Progress by county 分县区进展", &p.by_district);
    let columns = status_columns();
    // The marks' words are the page's (crate::labels), in both languages.
    let legend = [
        (PlanStatus::Meets, "✓"),
        (PlanStatus::DoesNotMeet, "✗"),
        (PlanStatus::NotApplicable, "–"),
        (PlanStatus::NeedsInput, "?"),
    ]
    .map(|(s, mark)| format!("{mark} {} {}", s.label().en, s.label().zh))
    .join(" · ");
    let _ = writeln!(out, "\nProjects 项目 ({legend})");
    let cols = p
        .rows
        .iter()
        .map(|r| width(&r.file))
        .max()
        .unwrap_or(4)
        .min(60);
    let mut head = format!(
        "  {}  {:<10} {:>13}  {:<5} {:>6}  ",
        pad("file", cols, true),
        "verdict",
        "saving/target",
        "star",
        "PV"
    );
    for c in &columns {
        let _ = write!(head, "{} ", c.id);
    }
    let _ = writeln!(out, "{}", head.trim_end());
    for r in &p.rows {
        let rate = match (r.saving_rate, r.target_rate) {
            (Some(s), Some(t)) => format!("{s:.3}/{t:.2}"),
            _ => "-".into(),
        };
        let star = r.star_level.map_or_else(|| "-".into(), key);
        let pv = r
            .pv_coverage
            .map_or_else(|| "-".into(), |c| format!("{c:.2}"));
        let mut line = format!(
            "  {}  {:<10} {rate:>13}  {star:<5} {pv:>6}  ",
            pad(&r.file, cols, true),
            key(r.verdict)
        );
        for c in &columns {
            let _ = write!(line, "{}   ", mark(r.status(c.id)));
        }
        if !r.errors.is_empty() {
            let _ = write!(line, "errors: {}", r.errors.join(", "));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !p.invalid.is_empty() {
        let _ = writeln!(out, "\nInvalid files 无效文件");
        for f in &p.invalid {
            let sep = if f.path.is_empty() { "" } else { ": " };
            let _ = writeln!(
                out,
                "  {}: {}{sep}{} / {}",
                f.file, f.path, f.message_en, f.message_zh
            );
        }
    }
    out
}

/// `greencheck gen-portfolio DIR N [--seed S]`: writes N synthetic projects under DIR (one folder per
/// district). Exit 0, 1 when a file cannot be written, 2 on a usage error.
pub fn gen_portfolio(args: &[String]) -> ExitCode {
    let mut seed = 1u64;
    let mut pos = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seed" {
            match it.next().map(|s| s.parse::<u64>()) {
                Some(Ok(s)) => seed = s,
                _ => return usage("--seed needs a non-negative integer"),
            }
        } else if a.starts_with("--") {
            return usage(&format!("unknown option {a}"));
        } else {
            pos.push(a);
        }
    }
    let (dir, n) = match pos.as_slice() {
        [dir, n] => match n.parse::<u64>() {
            Ok(n) => (Path::new(dir.as_str()), n),
            Err(_) => return usage(&format!("N {n:?}: not a number")),
        },
        _ => return usage("gen-portfolio needs DIR and N"),
    };
    for f in synthetic_portfolio(seed, n) {
        let path = dir.join(&f.path);
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&path, &f.json));
        if let Err(e) = written {
            eprintln!("greencheck: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    println!("wrote {n} projects to {} (seed {seed})", dir.display());
    ExitCode::SUCCESS
}
