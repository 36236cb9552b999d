//! The city indicators over a portfolio (`portfolio::portfolio`), checked against hand arithmetic, and the
//! CSV written then read back with the `csv` crate.

mod common;

use std::borrow::Cow;

use greencheck_core::plan::PlanStatus;
use greencheck_core::portfolio::csv::{portfolio_csv, BOM};
use greencheck_core::portfolio::{
    portfolio, portfolio_of, CityIndicator, Group, InvalidFile, Portfolio, PortfolioRow, Progress,
    RowResult, Scope,
};
use greencheck_core::project::Use;
use greencheck_core::report::Verdict;
use greencheck_core::{evaluate, Project};
use serde_json::{json, Value};

use PlanStatus::{DoesNotMeet as N, Meets as M, NeedsInput as I, NotApplicable as X};

fn res(id: &str, status: PlanStatus, q: Option<(f64, f64)>) -> RowResult {
    RowResult {
        id: Cow::Owned(id.to_owned()),
        status,
        value: q.map(|(n, d)| greencheck_core::plan::Measured::Number(n / d)),
        numerator: q.map(|q| q.0),
        denominator: q.map(|q| q.1),
    }
}

fn project_row(
    file: &str,
    building_use: Use,
    area: f64,
    verdict: Verdict,
    plan: Vec<RowResult>,
) -> PortfolioRow {
    PortfolioRow {
        file: file.to_owned(),
        name: format!("项目 {file}"),
        building_use,
        year: None,
        district: None,
        floor_area_m2: Some(area),
        verdict,
        saving_rate: Some(0.8),
        target_rate: Some(0.83),
        star_level: None,
        pv_coverage: None,
        plan,
        errors: Vec::new(),
    }
}

/// Five projects written by hand (E has an invalid `plan` section, so no scorecard) and one invalid file.
fn hand_portfolio() -> Portfolio {
    let a = project_row(
        "a.json",
        Use::Residential,
        10_000.0,
        Verdict::Complies,
        vec![
            res("P01", M, None),
            res("P02", X, None),
            res("P03", M, None),
            res("P05", M, None),
            res("P08", M, None),
            res("P09", M, Some((250.0, 1.0))),
            res("P11", M, Some((7_000.0, 10_000.0))),
            res("P12", M, Some((9_000.0, 100_000.0))),
        ],
    );
    let b = project_row(
        "b.json",
        Use::Office,
        30_000.0,
        Verdict::Fails,
        vec![
            res("P01", X, None),
            res("P02", N, None),
            res("P03", M, None),
            res("P04", M, None),
            res("P05", N, None),
            res("P06", N, Some((300.0, 1_000.0))),
            res("P08", N, None),
            res("P09", N, Some((1_200.0, 3.0))),
            res("P10", M, None),
            res("P11", M, Some((27_000.0, 30_000.0))),
            res("P12", N, Some((2_000.0, 400_000.0))),
            res("P13", M, None),
        ],
    );
    let c = project_row(
        "c.json",
        Use::School,
        5_000.0,
        Verdict::Tradeoff,
        vec![
            res("P02", M, None),
            res("P03", I, None),
            res("P04", N, None),
            res("P05", I, None),
            res("P06", M, Some((400.0, 500.0))),
            res("P07", X, None),
            res("P08", I, None),
            res("P09", I, None),
            res("P10", N, None),
            res("P11", N, Some((2_500.0, 5_000.0))),
            res("P12", M, Some((5_000.0, 50_000.0))),
            res("P13", I, None),
        ],
    );
    let d = project_row(
        "d.json",
        Use::Residential,
        20_000.0,
        Verdict::Incomplete,
        vec![
            res("P01", I, None),
            res("P03", N, None),
            res("P05", N, None),
            res("P08", M, None),
            res("P09", M, Some((500.0, 2.0))),
            res("P11", I, None),
            res("P12", I, None),
        ],
    );
    let mut e = project_row(
        "e.json",
        Use::Office,
        8_000.0,
        Verdict::Complies,
        Vec::new(),
    );
    e.errors = vec!["plan.assembly_ratio".into()];
    let z = InvalidFile {
        file: "z.xml".into(),
        path: String::new(),
        message_zh: "XML 文件".into(),
        message_en: "XML file".into(),
    };
    // Given out of order: the summary sorts by file.
    portfolio(vec![d, b, e, a, c], vec![z])
}

/// The hand portfolio's rows with reporting years: A and B 2025, C 2026, D and E none.
fn hand_rows_with_years() -> (Vec<PortfolioRow>, Vec<InvalidFile>) {
    let mut p = hand_portfolio();
    for (r, y) in p
        .rows
        .iter_mut()
        .zip([Some(2025), Some(2025), Some(2026), None, None])
    {
        r.year = y;
    }
    (p.rows, p.invalid)
}

#[test]
fn progress_by_reporting_year() {
    let (rows, invalid) = hand_rows_with_years();
    let p = portfolio(rows, invalid);
    let years: Vec<_> = p
        .by_year
        .iter()
        .map(|y| {
            (
                y.group.as_ref().map(Group::name),
                y.projects,
                y.floor_area_m2,
            )
        })
        .collect();
    // 2025: A 10 000 + B 30 000; 2026: C 5 000; not given: D 20 000 + E 8 000, last.
    assert_eq!(
        years,
        [
            (Some("2025".to_owned()), 2, 40_000.0),
            (Some("2026".to_owned()), 1, 5_000.0),
            (None, 2, 28_000.0)
        ]
    );
    let v = p.by_year[0].verdicts;
    assert_eq!(
        (v.complies, v.tradeoff, v.incomplete, v.fails),
        (1, 0, 0, 1)
    );
    let of = |i: usize, id: &str| {
        let y = &p.by_year[i];
        assert_eq!(y.indicators.len(), p.indicators.len());
        y.indicators.iter().find(|c| c.id == id).unwrap().clone()
    };
    // C01 in 2025: A and B meet → 40 000 / 40 000 = 1 (the whole portfolio: 0.6667, does not meet).
    let c = of(0, "C01");
    assert!(close(c.value, 1.0));
    assert_eq!((c.status, c.projects_decided), (M, 2));
    // C01 in 2026: C needs input, nothing decided.
    let c = of(1, "C01");
    assert_eq!((c.value, c.status), (None, I));
    // C04 in 2025: A (P01) 10 000 meets, B (P02) 30 000 does not → 0.25.
    assert!(close(of(0, "C04").value, 0.25));
    // Not given: D only (E has no scorecard) → C07: D 20 000 assembled of 20 000 = 1.
    assert!(close(of(2, "C07").value, 1.0));
    // The whole portfolio is unchanged by the years.
    assert!(close(ind(&p, "C01").value, 40_000.0 / 60_000.0));
    assert_eq!(
        (&p.scope, p.projects, p.projects_outside_scope),
        (&Scope::default(), 5, 0)
    );
}

#[test]
fn one_reporting_year_summarised() {
    let (rows, invalid) = hand_rows_with_years();
    let y2025 = Scope {
        year: Some(2025),
        district: None,
    };
    let p = portfolio_of(rows.clone(), invalid.clone(), &y2025);
    let files: Vec<&str> = p.rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files, ["a.json", "b.json"]);
    assert_eq!(
        (p.scope.year, p.projects, p.projects_outside_scope),
        (Some(2025), 2, 3)
    );
    assert_eq!(p.total_floor_area_m2, 40_000.0);
    // The invalid file's year is unknown: still listed.
    assert_eq!(p.invalid_files, 1);
    // Its indicators are the 2025 line's, and the table of years still covers every project.
    assert!(close(ind(&p, "C04").value, 0.25));
    assert_eq!(p.by_year.len(), 3);
    // A year nobody reports: nothing summarised, every project outside it.
    let y2030 = Scope {
        year: Some(2030),
        district: None,
    };
    let p = portfolio_of(rows, invalid, &y2030);
    assert_eq!((p.projects, p.projects_outside_scope), (0, 5));
    assert!(p.indicators.iter().all(|c| c.value.is_none()));
}

#[test]
fn progress_by_county_within_the_year_and_by_year_within_the_county() {
    let (mut rows, invalid) = hand_rows_with_years();
    // A and C in 淇滨区, B and D in 浚县, E none.
    for (r, d) in rows.iter_mut().zip([
        Some("淇滨区"),
        Some("浚县"),
        Some("淇滨区"),
        Some("浚县"),
        None,
    ]) {
        r.district = d.map(str::to_owned);
    }
    let p = portfolio(rows.clone(), invalid.clone());
    let counties: Vec<_> = p
        .by_district
        .iter()
        .map(|g| {
            (
                g.group.as_ref().map(Group::name),
                g.projects,
                g.floor_area_m2,
            )
        })
        .collect();
    // 浚县 (U+6D5A) before 淇滨区 (U+6DC7): B 30 000 + D 20 000; A 10 000 + C 5 000; E 8 000 last.
    assert_eq!(
        counties,
        [
            (Some("浚县".to_owned()), 2, 50_000.0),
            (Some("淇滨区".to_owned()), 2, 15_000.0),
            (None, 1, 8_000.0)
        ]
    );
    // The year 2025 (A, B): each county that year — 浚县 B only, 淇滨区 A only.
    let y2025 = Scope {
        year: Some(2025),
        district: None,
    };
    let p = portfolio_of(rows.clone(), invalid.clone(), &y2025);
    let counties: Vec<_> = p
        .by_district
        .iter()
        .map(|g| (g.group.as_ref().map(Group::name), g.projects))
        .collect();
    assert_eq!(
        counties,
        [(Some("浚县".to_owned()), 1), (Some("淇滨区".to_owned()), 1)]
    );
    // C04 of 淇滨区 in 2025: A (P01) 10 000 meets → 1; of 浚县: B (P02) 30 000 does not → 0.
    let c04 = |g: &Progress| g.indicators.iter().find(|i| i.id == "C04").unwrap().value;
    assert_eq!(c04(&p.by_district[1]), Some(1.0));
    assert_eq!(c04(&p.by_district[0]), Some(0.0));
    // 淇滨区 over the years: A 2025, C 2026.
    let qibin = Scope {
        year: None,
        district: Some("淇滨区".into()),
    };
    let p = portfolio_of(rows, invalid, &qibin);
    assert_eq!((p.projects, p.projects_outside_scope), (2, 3));
    let years: Vec<_> = p
        .by_year
        .iter()
        .map(|g| (g.group.clone(), g.projects))
        .collect();
    assert_eq!(
        years,
        [(Some(Group::Year(2025)), 1), (Some(Group::Year(2026)), 1)]
    );
}

#[test]
fn csv_of_a_scope_with_years_and_counties() {
    let (mut rows, invalid) = hand_rows_with_years();
    // A and C in 淇滨区, B in a county whose typed name looks like a formula.
    for (r, d) in rows
        .iter_mut()
        .zip([Some("淇滨区"), Some("=1+1"), Some("淇滨区"), None, None])
    {
        r.district = d.map(str::to_owned);
    }
    let scope = Scope {
        year: Some(2025),
        district: None,
    };
    let [_, projects, _, years, counties, head] =
        read_back(&portfolio_csv(&portfolio_of(rows, invalid, &scope)));
    // 2025: A and B of 5; the other three are outside the scope.
    assert_eq!(&head[1][1..], ["2025", "全部 every", "2", "3", "1"]);
    // Every year (no county chosen): 2025 (2 projects), 2026 (1), not given (2).
    let lines: Vec<(&str, &str)> = years[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        lines,
        [("2025", "2"), ("2026", "1"), ("未填 not given", "2")]
    );
    // Counties of 2025: "=1+1" (B, defused) and 淇滨区 (A); "=" sorts before CJK.
    let lines: Vec<(&str, &str)> = counties[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(lines, [("'=1+1", "1"), ("淇滨区", "1")]);
    // C04 of 淇滨区 in 2025: A (P01, 10 000 m²) meets → 1.
    let col = counties[0]
        .iter()
        .position(|h| h.starts_with("C04") && h.ends_with("value"))
        .unwrap();
    assert_eq!(counties[2][col], "1");
    // The project block lists the scope's rows with their year and county.
    let col = |name: &str| projects[0].iter().position(|h| h == name).unwrap();
    let listed: Vec<(&str, &str)> = projects[1..]
        .iter()
        .map(|r| {
            (
                r[col("统计年度 year")].as_str(),
                r[col("所属县区 district")].as_str(),
            )
        })
        .collect();
    assert_eq!(listed, [("2025", "淇滨区"), ("2025", "'=1+1")]);
}

#[test]
fn an_invalid_plan_field_keeps_the_project_in_its_year_and_county() {
    let doc = doc(
        "office",
        10_000.0,
        json!({}),
        json!({"year": 2026, "district": "淇县", "assembly_ratio": "50%"}),
    );
    let project = Project::from_value(doc).unwrap();
    let row = PortfolioRow::new("x.json", &project, &evaluate(&project));
    assert!(row.plan.is_empty(), "no scorecard: {:?}", row.errors);
    assert_eq!(
        (row.year, row.district.as_deref()),
        (Some(2026), Some("淇县"))
    );
    let scope = Scope {
        year: Some(2026),
        district: Some("淇县".into()),
    };
    let p = portfolio_of(vec![row], Vec::new(), &scope);
    assert_eq!((p.projects, p.projects_without_scorecard), (1, 1));
}

fn ind<'a>(p: &'a Portfolio, id: &str) -> &'a CityIndicator {
    p.indicators.iter().find(|c| c.id == id).unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn city_indicators_of_a_hand_made_portfolio() {
    let p = hand_portfolio();
    let files: Vec<&str> = p.rows.iter().map(|r| r.file.as_str()).collect();
    assert_eq!(files, ["a.json", "b.json", "c.json", "d.json", "e.json"]);
    assert_eq!(
        (p.projects, p.invalid_files, p.projects_without_scorecard),
        (5, 1, 1)
    );
    // 10 000 + 30 000 + 5 000 + 20 000 + 8 000.
    assert_eq!(p.total_floor_area_m2, 73_000.0);
    let v = p.verdicts;
    assert_eq!(
        (v.complies, v.tradeoff, v.incomplete, v.fails),
        (2, 1, 1, 1)
    );

    // C01 green buildings, share of floor area: A 10 000 and B 30 000 meet, D 20 000 does not, C needs
    // input (not decided) → 40 000 / 60 000 = 0.6667 < 1.
    let c = ind(&p, "C01");
    assert!(close(c.value, 40_000.0 / 60_000.0));
    assert_eq!(
        (c.status, c.area_decided_m2, c.area_meeting_m2),
        (N, 60_000.0, 40_000.0)
    );
    assert_eq!(
        (
            c.projects_concerned,
            c.projects_decided,
            c.projects_meeting,
            c.projects_needing_input
        ),
        (4, 3, 2, 1)
    );
    // C02 star-rated, area: A 10 000 of A + B + D 60 000 = 0.1667 < 0.30.
    assert!(close(ind(&p, "C02").value, 10_000.0 / 60_000.0));
    assert_eq!(ind(&p, "C02").status, N);
    // C03 two stars, by number: B meets, C does not → 1 / 2 < 100 %.
    assert!(close(ind(&p, "C03").value, 0.5));
    // C04 83 % / 78 %, area: A (P01) 10 000 and C (P02) 5 000 meet, B (P02) 30 000 does not, D needs
    // input → 15 000 / 45 000 = 0.3333.
    let c = ind(&p, "C04");
    assert!(close(c.value, 15_000.0 / 45_000.0));
    assert_eq!((c.projects_decided, c.projects_needing_input), (3, 1));
    // C05 PV of public institutions, Σ module / Σ roof: (300 + 400) / (1 000 + 500) = 0.4667 < 0.5,
    // although C alone (0.8) meets.
    let c = ind(&p, "C05");
    assert!(close(c.value, 700.0 / 1_500.0));
    assert_eq!(
        (c.numerator, c.denominator, c.status),
        (Some(700.0), Some(1_500.0), N)
    );
    // C06 factories: no project concerned.
    let c = ind(&p, "C06");
    assert_eq!((c.value, c.status, c.projects_concerned), (None, X, 0));
    // C07 assembled, area: A 10 000 and D 20 000 of A + B + D 60 000 = 0.5 ≥ 0.4.
    assert!(close(ind(&p, "C07").value, 0.5));
    assert_eq!(ind(&p, "C07").status, M);
    // C08 waste, Σ t / Σ 10⁴ m²: A 250 on 1, B 1 200 on 3, D 500 on 2 → 1 950 / 6 = 325 > 300.
    let c = ind(&p, "C08");
    assert!(close(c.value, 325.0));
    assert_eq!(c.status, N);
    // C09 all-electric public buildings, area: B 30 000 of B + C 35 000 = 0.857 ≥ 0.2.
    assert!(close(ind(&p, "C09").value, 30_000.0 / 35_000.0));
    assert_eq!(ind(&p, "C09").status, M);
    // C10 electricity share, area-weighted: (0.7·10 000 + 0.9·30 000 + 0.5·5 000) / 45 000
    // = 36 500 / 45 000 = 0.8111 > 0.65.
    assert!(close(ind(&p, "C10").value, 36_500.0 / 45_000.0));
    assert_eq!(ind(&p, "C10").status, M);
    // C11 renewables, Σ kWh / Σ kWh: (9 000 + 2 000 + 5 000) / (100 000 + 400 000 + 50 000) = 0.0291 < 0.08.
    assert!(close(ind(&p, "C11").value, 16_000.0 / 550_000.0));
    assert_eq!(ind(&p, "C11").status, N);
    // C12 green materials of government projects, by number: B meets, C needs input → 1 / 1.
    let c = ind(&p, "C12");
    assert_eq!(
        (c.value, c.status, c.projects_needing_input),
        (Some(1.0), M, 1)
    );
    assert!(c.to_be_confirmed);
}

#[test]
fn an_empty_portfolio_has_no_values() {
    let p = portfolio(Vec::new(), Vec::new());
    assert_eq!(p.projects, 0);
    assert!(p
        .indicators
        .iter()
        .all(|c| c.value.is_none() && c.status == X));
}

fn doc(use_: &str, floor: f64, pv: Value, plan: Value) -> Value {
    common::areas_project(use_, floor, pv, plan)
}

#[test]
fn entered_indicators_end_to_end() {
    let docs = [
        (
            "x.json",
            doc(
                "residential",
                10_000.0,
                json!({}),
                json!({"assembly_ratio": 0.6, "construction_waste_t": 200, "year": 2026, "district": " 淇县 "}),
            ),
        ),
        (
            "y.json",
            doc(
                "office",
                30_000.0,
                json!({"installable_roof_area_m2": 1000, "module_area_m2": 300}),
                json!({"assembly_ratio": 0.3, "construction_waste_t": 1200, "all_electric": true,
                       "public_institution": true}),
            ),
        ),
        (
            "z.json",
            doc(
                "school",
                10_000.0,
                json!({"installable_roof_area_m2": 500, "module_area_m2": 400}),
                json!({"construction_waste_t": 300, "all_electric": false, "public_institution": true}),
            ),
        ),
    ];
    let rows = docs
        .iter()
        .map(|(f, d)| {
            let p = Project::from_value(d.clone()).unwrap();
            PortfolioRow::new(*f, &p, &evaluate(&p))
        })
        .collect();
    let p = portfolio(rows, Vec::new());
    // Assembled: X 10 000 (0.6 ≥ 0.5) of X + Y 40 000 (Z not entered) = 0.25 < 0.4.
    let c = ind(&p, "C07");
    assert!(close(c.value, 0.25));
    assert_eq!((c.status, c.projects_needing_input), (N, 1));
    // Waste: (200 + 1 200 + 300) t / (1 + 3 + 1) × 10⁴ m² = 340 > 300.
    assert!(close(ind(&p, "C08").value, 340.0));
    // All-electric public buildings: Y 30 000 of Y + Z 40 000 = 0.75 (X is residential).
    assert!(close(ind(&p, "C09").value, 0.75));
    assert_eq!(ind(&p, "C09").projects_concerned, 2);
    // PV of public institutions: (300 + 400) / (1 000 + 500) = 0.4667.
    assert!(close(ind(&p, "C05").value, 700.0 / 1_500.0));
    assert_eq!(p.rows[1].pv_coverage, Some(0.3));
    // The reporting year and county come from the project's `plan.year` and `plan.district`.
    let years: Vec<_> = p.rows.iter().map(|r| r.year).collect();
    assert_eq!(years, [Some(2026), None, None]);
    assert_eq!(p.rows[0].district.as_deref(), Some("淇县"));
}

/// Parses the CSV into its six blocks (split on the header rows).
fn read_back(text: &str) -> [Vec<Vec<String>>; 6] {
    let body = text
        .strip_prefix(BOM)
        .expect("starts with the byte-order mark");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut blocks: [Vec<Vec<String>>; 6] = Default::default();
    let mut at = 0;
    for rec in r.records() {
        let rec: Vec<String> = rec.unwrap().iter().map(str::to_owned).collect();
        match rec.first().map(String::as_str) {
            Some("编号 id") => at = 0,
            Some("文件 file") => at = 1,
            Some("无效文件 invalid file") => at = 2,
            Some("统计年度 year") => at = 3,
            Some("所属县区 district") => at = 4,
            Some("范围 scope") => at = 5,
            Some("") if rec.len() == 1 => continue,
            _ => {}
        }
        blocks[at].push(rec);
    }
    blocks
}

fn parse(cell: &str) -> Option<f64> {
    (!cell.is_empty()).then(|| cell.parse().unwrap())
}

#[test]
fn csv_written_then_read_back() {
    let mut p = hand_portfolio();
    // Names that need quoting or defusing.
    p.rows[0].name = "=HYPERLINK(\"http://x\")".into();
    p.rows[1].name = "楼, \"南区\"\n二期".into();
    p.invalid.push(InvalidFile {
        file: "dir/we,ird \"file\".json".into(),
        path: "facades.A.wwr".into(),
        message_zh: "必须在 [0, 1) 范围内".into(),
        message_en: "must lie in [0, 1)".into(),
    });
    let text = portfolio_csv(&p);
    assert!(
        text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM"
    );
    assert!(
        text.contains("\r\n") && !text.replace("\r\n", "").contains("\r"),
        "CRLF line ends"
    );
    let [indicators, projects, invalid, years, counties, scope] = read_back(&text);
    // The scope: every year and county, 5 projects, none left out, 1 invalid file counted (z.xml: the one
    // pushed above is added to the list after the summary counted it).
    assert_eq!(scope.len(), 2);
    assert_eq!(&scope[1][1..], ["全部 every", "全部 every", "5", "0", "1"]);
    assert_eq!(counties.len(), 2);
    assert_eq!(&counties[1][..3], ["未填 not given", "5", "73000"]);
    // No project gives a year: one line, "not given", over all five.
    assert_eq!(years.len(), 2);
    assert_eq!(&years[1][..3], ["未填 not given", "5", "73000"]);

    assert_eq!(indicators.len(), 1 + p.indicators.len());
    let head = &indicators[0];
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    for (rec, c) in indicators[1..].iter().zip(&p.indicators) {
        assert_eq!(rec.len(), head.len());
        assert_eq!(rec[col("编号 id")], c.id);
        assert_eq!(rec[col("指标 indicator")], c.wording_zh);
        let v = parse(&rec[col("汇总值 value")]);
        assert_eq!(v.is_some(), c.value.is_some(), "{}", c.id);
        if let (Some(a), Some(b)) = (v, c.value) {
            assert!((a - b).abs() <= 5e-7, "{}: {a} vs {b}", c.id);
        }
        let status = serde_json::to_value(c.status).unwrap();
        assert!(rec[col("状态 status")].ends_with(status.as_str().unwrap()));
        assert_eq!(rec[col("已判定 decided")], c.projects_decided.to_string());
        assert_eq!(
            rec[col("待确认 to be confirmed")].is_empty(),
            !c.to_be_confirmed
        );
    }
    // C08: 325 t/10⁴ m²; C02: 0.166667 (6 places).
    let cell =
        |id: &str, name: &str| indicators.iter().find(|r| r[0] == id).unwrap()[col(name)].clone();
    assert_eq!(cell("C08", "汇总值 value"), "325");
    assert_eq!(cell("C02", "汇总值 value"), "0.166667");
    assert_eq!(cell("C07", "目标 target"), "0.4");
    assert_eq!(cell("C07", "状态 status"), "满足 meets");

    assert_eq!(projects.len(), 1 + p.rows.len());
    let head = &projects[0];
    let col = |name: &str| head.iter().position(|h| h.starts_with(name)).unwrap();
    for (rec, r) in projects[1..].iter().zip(&p.rows) {
        assert_eq!(rec.len(), head.len());
        assert_eq!(rec[col("文件 file")], r.file);
        assert_eq!(parse(&rec[col("建筑面积")]), r.floor_area_m2);
        assert_eq!(
            rec[col("结论 verdict")],
            serde_json::to_value(r.verdict).unwrap().as_str().unwrap()
        );
        for id in ["P01", "P03", "P08", "P12", "P13"] {
            let want = r.status(id).map(|s| {
                serde_json::to_value(s)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            });
            let got = &rec[col(id)];
            match want {
                Some(k) => assert!(got.ends_with(&format!(" {k}")), "{} {id}: {got}", r.file),
                None => assert!(got.is_empty()),
            }
        }
    }
    assert_eq!(
        projects[1][col("名称 name")],
        "'=HYPERLINK(\"http://x\")",
        "formula defused"
    );
    assert_eq!(projects[2][col("名称 name")], "楼, \"南区\"\n二期");
    assert_eq!(projects[5][col("错误 errors")], "plan.assembly_ratio");
    assert_eq!(projects[1][col("P01")], "满足 meets");

    assert_eq!(invalid.len(), 1 + p.invalid.len());
    for (rec, f) in invalid[1..].iter().zip(&p.invalid) {
        assert_eq!(
            rec,
            &[
                f.file.clone(),
                f.path.clone(),
                f.message_zh.clone(),
                f.message_en.clone()
            ]
        );
    }
}
