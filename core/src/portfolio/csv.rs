//! The portfolio as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the Chinese
//! headers as ANSI), RFC 4180 quoting and CRLF line ends. Six blocks, each with its own header and
//! separated by an empty line: the scope (which year and county the file covers), the city indicators, the
//! progress by reporting year and by county (the indicators per group), the projects (one status column per
//! building target), the invalid files.
//!
//! Numbers are plain decimals (ratios as fractions, as in the JSON). Text taken from the files (names,
//! paths, messages) that begins with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a
//! spreadsheet shows it instead of running it as a formula.

use std::fmt::Write as _;

use super::{status_columns, Group, Portfolio, Progress};
use crate::plan::{Indicator, Measured, PlanStatus};
use crate::report::Verdict;

/// Byte-order mark that starts the file.
pub const BOM: char = '\u{feff}';

/// Header of the scope block (one line: what the file covers).
pub const SCOPE_HEADER: [&str; 6] = [
    "范围 scope",
    "统计年度 year",
    "所属县区 district",
    "项目 projects",
    "范围外的项目 outside the scope",
    "无效文件 invalid files",
];

/// Header of the city-indicator block.
pub const INDICATOR_HEADER: [&str; 19] = [
    "编号 id",
    "指标 indicator",
    "indicator (en)",
    "方案条款 plan section",
    "指标表 table row",
    "属性 attribute",
    "统计口径 basis",
    "比较 compare",
    "目标 target",
    "单位 unit",
    "期限 deadline",
    "汇总值 value",
    "状态 status",
    "涉及项目 projects concerned",
    "已判定 decided",
    "满足 meeting",
    "待补充信息 needing input",
    "来源 provenance",
    "待确认 to be confirmed",
];

/// Fixed columns of the by-year and by-county blocks after their first (then one per verdict, in the page's
/// words, and a value and a status column per city indicator).
pub const PROGRESS_HEADER: [&str; 2] = ["项目数 projects", "建筑面积 floor area (m2)"];

/// Fixed columns of the project block (then one per building target, then the errors).
pub const PROJECT_HEADER: [&str; 11] = [
    "文件 file",
    "名称 name",
    "用途 use",
    "统计年度 year",
    "所属县区 district",
    "建筑面积 floor area (m2)",
    "结论 verdict",
    "估算节能率 saving rate",
    "目标节能率 target rate",
    "星级 star level",
    "光伏覆盖率 PV coverage",
];

/// Header of the invalid-file block.
pub const INVALID_HEADER: [&str; 4] = [
    "无效文件 invalid file",
    "字段 field",
    "原因 reason",
    "reason (en)",
];

impl Indicator {
    /// Short Chinese label (column headers).
    pub fn label_zh(self) -> &'static str {
        match self {
            Indicator::EnergySavingRate => "节能率",
            Indicator::GreenBuildingLevel => "绿色建筑",
            Indicator::StarRating => "星级",
            Indicator::PvCoverage => "光伏覆盖率",
            Indicator::AssemblyRatio => "装配式",
            Indicator::ConstructionWasteIntensity => "施工垃圾",
            Indicator::AllElectric => "全电气化",
            Indicator::ElectricityShare => "用电占比",
            Indicator::RenewableSubstitution => "可再生能源替代率",
            Indicator::GreenMaterialShare => "绿色建材",
            Indicator::LargePublicFloorArea => "大型公共建筑",
        }
    }
}

/// Serde key of a unit enum (`area_share`, `meets`, …).
fn key<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A number as a plain decimal, to 6 places, without trailing zeros.
pub fn number(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    // -0 prints as "-0".
    format!("{}", if r == 0.0 { 0.0 } else { r })
}

fn opt(v: Option<f64>) -> String {
    v.map(number).unwrap_or_default()
}

fn measured(v: &Measured) -> String {
    match v {
        Measured::Number(x) => number(*x),
        Measured::Flag(b) => b.to_string(),
        Measured::Level(l) => key(l),
    }
}

fn status(s: PlanStatus) -> String {
    // The page's words for the status (crate::labels), then its key.
    format!("{} {}", s.label().zh, s.key())
}

/// One cell: formula-looking text defused, quoted when it holds a separator, quote or line break
/// or starts or ends with a space.
fn cell(out: &mut String, text: &str, defuse: bool) {
    let prefix = if defuse && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    let quote =
        text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if quote {
        out.push('"');
        out.push_str(prefix);
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(prefix);
        out.push_str(text);
    }
}

fn line<S: AsRef<str>>(out: &mut String, cells: &[S], defuse: bool) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(out, c.as_ref(), defuse);
    }
    out.push_str("\r\n");
}

/// A progress block: one line per group (`未填 not given` for the projects without one).
fn progress_block(out: &mut String, p: &Portfolio, first: &str, lines: &[Progress]) {
    let mut header = vec![first.to_owned()];
    header.extend(PROGRESS_HEADER.iter().map(|h| (*h).to_owned()));
    for v in [
        Verdict::Complies,
        Verdict::Tradeoff,
        Verdict::Incomplete,
        Verdict::Fails,
    ] {
        header.push(format!("{} {}", v.label().zh, key(&v)));
    }
    for c in &p.indicators {
        header.push(format!("{} {} 值 value", c.id, c.indicator.label_zh()));
        header.push(format!("{} 状态 status", c.id));
    }
    line(out, &header, false);
    for g in lines {
        let v = g.verdicts;
        let mut cells = vec![
            g.group
                .as_ref()
                .map_or_else(|| "未填 not given".to_owned(), Group::name),
            g.projects.to_string(),
            number(g.floor_area_m2),
            v.complies.to_string(),
            v.tradeoff.to_string(),
            v.incomplete.to_string(),
            v.fails.to_string(),
        ];
        for i in &g.indicators {
            cells.push(opt(i.value));
            cells.push(status(i.status));
        }
        // A county's name is typed by the designer: defused like the other text from the files.
        line(out, &cells, true);
    }
    out.push_str("\r\n");
}

/// A file name for the CSV that says its scope: `greencheck-portfolio[-YEAR][-COUNTY].csv`.
pub fn file_name(p: &Portfolio) -> String {
    let mut name = "greencheck-portfolio".to_owned();
    if let Some(y) = p.scope.year {
        let _ = write!(name, "-{y}");
    }
    if let Some(d) = &p.scope.district {
        // Characters a file system refuses become '_'.
        let safe: String = d
            .chars()
            .map(|c| if "/\\:*?\"<>| ".contains(c) { '_' } else { c })
            .collect();
        let _ = write!(name, "-{safe}");
    }
    name + ".csv"
}

/// The portfolio as CSV text, starting with the byte-order mark.
pub fn portfolio_csv(p: &Portfolio) -> String {
    let mut out = String::with_capacity(256 + 200 * p.rows.len());
    out.push(BOM);
    line(&mut out, &SCOPE_HEADER, false);
    let every = "全部 every";
    let scope = [
        format!("{} {}", p.plan_zh, p.document),
        p.scope
            .year
            .map_or_else(|| every.to_owned(), |y| y.to_string()),
        p.scope.district.clone().unwrap_or_else(|| every.to_owned()),
        p.projects.to_string(),
        p.projects_outside_scope.to_string(),
        p.invalid_files.to_string(),
    ];
    line(&mut out, &scope, true);
    out.push_str("\r\n");

    line(&mut out, &INDICATOR_HEADER, false);
    for c in &p.indicators {
        let cells = [
            c.id.to_owned(),
            c.wording_zh.to_owned(),
            c.wording_en.to_owned(),
            c.section.to_owned(),
            c.table_row.to_owned(),
            c.attribute.map(|a| key(&a)).unwrap_or_default(),
            key(&c.basis),
            key(&c.compare),
            measured(&c.target),
            c.unit.to_owned(),
            c.deadline.map(|d| d.to_string()).unwrap_or_default(),
            opt(c.value),
            status(c.status),
            c.projects_concerned.to_string(),
            c.projects_decided.to_string(),
            c.projects_meeting.to_string(),
            c.projects_needing_input.to_string(),
            key(&c.provenance),
            if c.to_be_confirmed {
                "待确认 yes"
            } else {
                ""
            }
            .to_owned(),
        ];
        line(&mut out, &cells, false);
    }
    out.push_str("\r\n");

    progress_block(&mut out, p, "统计年度 year", &p.by_year);
    progress_block(&mut out, p, "所属县区 district", &p.by_district);

    let columns = status_columns();
    let mut header: Vec<String> = PROJECT_HEADER.iter().map(|h| (*h).to_owned()).collect();
    for r in &columns {
        let mut h = String::new();
        let _ = write!(
            h,
            "{} {} {}",
            r.id,
            r.indicator.label_zh(),
            key(&r.indicator)
        );
        header.push(h);
    }
    header.push("错误 errors".to_owned());
    line(&mut out, &header, false);
    for r in &p.rows {
        let mut cells = vec![
            r.file.clone(),
            r.name.clone(),
            key(&r.building_use),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.district.clone().unwrap_or_default(),
            opt(r.floor_area_m2),
            key(&r.verdict),
            opt(r.saving_rate),
            opt(r.target_rate),
            r.star_level.map(|l| key(&l)).unwrap_or_default(),
            opt(r.pv_coverage),
        ];
        for c in &columns {
            cells.push(r.status(c.id).map(status).unwrap_or_default());
        }
        cells.push(r.errors.join(" "));
        line(&mut out, &cells, true);
    }
    out.push_str("\r\n");

    line(&mut out, &INVALID_HEADER, false);
    for f in &p.invalid {
        let cells = [&f.file, &f.path, &f.message_zh, &f.message_en];
        line(&mut out, &cells, true);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, defuse: bool) -> String {
        let mut s = String::new();
        cell(&mut s, text, defuse);
        s
    }

    #[test]
    fn quoting_and_defusing() {
        assert_eq!(one("plain 中文", true), "plain 中文");
        assert_eq!(one("a,b", true), "\"a,b\"");
        assert_eq!(one("say \"hi\"", true), "\"say \"\"hi\"\"\"");
        assert_eq!(one("two\nlines", true), "\"two\nlines\"");
        assert_eq!(one(" padded", true), "\" padded\"");
        assert_eq!(one("=1+1", true), "'=1+1");
        assert_eq!(one("-2", false), "-2");
        assert_eq!(one("@x,y", true), "\"'@x,y\"");
        assert_eq!(one("", true), "");
    }

    #[test]
    fn the_file_name_says_the_scope() {
        let mut p = super::super::portfolio(Vec::new(), Vec::new());
        assert_eq!(file_name(&p), "greencheck-portfolio.csv");
        p.scope.year = Some(2026);
        p.scope.district = Some("淇滨区 a/b".into());
        assert_eq!(file_name(&p), "greencheck-portfolio-2026-淇滨区_a_b.csv");
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number(0.83), "0.83");
        assert_eq!(number(24_000.0), "24000");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(number(-0.0000001), "0");
        assert_eq!(number(300.0), "300");
    }
}
