//! Unit tests of the star rating's tables and helpers (the behaviour is tested from outside in
//! `core/tests/star.rs`, against hand-worked cases).

use super::tables::data;
use super::text::num;
use super::*;

/// The generated statics hold exactly what the CSV files say, as validated by `schema`.
#[test]
fn data_tables_load() {
    use crate::limits::tests::json;
    let r = crate::schema::star(&STAR_TEXTS).unwrap();
    let d = data();
    assert_eq!(json(d.categories), json(&r.categories));
    assert_eq!(json(d.levels), json(&r.levels));
    assert_eq!(json(d.gates), json(&r.gates));
    assert_eq!(json(d.ladders), json(&r.ladders));
    assert_eq!(d.gates.first().map(|g| g.id), Some("envelope_improvement"));
}

const STAR_TEXTS: crate::schema::StarTexts<'static> = crate::schema::StarTexts {
    categories: include_str!("../../data/star_categories.csv"),
    levels: include_str!("../../data/star_levels.csv"),
    gates: include_str!("../../data/star_gates.csv"),
    ladders: include_str!("../../data/star_ladders.csv"),
};

/// Each consistency rule of the star tables fails the build, naming the file, line and column.
#[test]
fn inconsistent_star_tables_are_rejected() {
    let check = |texts: crate::schema::StarTexts<'_>, file: &str, column: &str| {
        let e = crate::schema::star(&texts).unwrap_err();
        assert_eq!(e.file, file, "{e}");
        assert_eq!(e.column.as_deref(), Some(column), "{e}");
        assert!(
            e.to_string().starts_with(&format!("core/data/{file}")),
            "{e}"
        );
        e
    };
    // A duplicate category row: the second one is named.
    let first = STAR_TEXTS.categories.lines().nth(1).unwrap();
    let dup = format!("{}{first}\n", STAR_TEXTS.categories);
    let lines = STAR_TEXTS.categories.lines().count() as u64;
    let texts = crate::schema::StarTexts {
        categories: &dup,
        ..STAR_TEXTS
    };
    let e = check(texts, "star_categories.csv", "category");
    assert_eq!(e.line, Some(lines + 1));
    // A missing level row names the table.
    let levels: String = STAR_TEXTS
        .levels
        .lines()
        .take(2)
        .map(|l| format!("{l}\n"))
        .collect();
    let texts = crate::schema::StarTexts {
        levels: &levels,
        ..STAR_TEXTS
    };
    let e = crate::schema::star(&texts).unwrap_err();
    assert_eq!((e.file, e.line), ("star_levels.csv", None), "{e}");
    // An alternative quantity without its requirement.
    let gates = STAR_TEXTS
        .gates
        .replacen(",load_reduction,5,", ",load_reduction,,", 1);
    let texts = crate::schema::StarTexts {
        gates: &gates,
        ..STAR_TEXTS
    };
    let e = check(texts, "star_gates.csv", "alt_quantity");
    assert_eq!(e.line, Some(2));
    // A step ladder with an increment row.
    let ladders = STAR_TEXTS
        .ladders
        .replacen(",step,10,", ",increment,10,", 1);
    let texts = crate::schema::StarTexts {
        ladders: &ladders,
        ..STAR_TEXTS
    };
    check(texts, "star_ladders.csv", "rule");
    // An unknown key in a cell.
    let ladders = STAR_TEXTS.ladders.replacen(",resources,", ",luck,", 1);
    let texts = crate::schema::StarTexts {
        ladders: &ladders,
        ..STAR_TEXTS
    };
    let e = check(texts, "star_ladders.csv", "category");
    assert_eq!(e.line, Some(2));
}

#[test]
fn floor_gate_ids_follow_the_field_names() {
    for c in Category::ALL {
        let last = c.field().rsplit('.').next().unwrap_or("");
        assert_eq!(c.floor_gate_id(), format!("floor_{last}"));
    }
}

#[test]
fn num_formatting() {
    assert_eq!(num(-0.001), "0");
    assert_eq!(num(2.675), "2.67"); // 2.675 is 2.67499… in binary
    assert_eq!(num(f64::INFINITY), "inf");
    assert_eq!(num(3.2000000001), "3.2");
    assert_eq!(num(5.0), "5");
    assert_eq!(num(0.5), "0.5");
    assert_eq!(num(80.5), "80.5");
}

/// `num`'s integer path agrees with the plain `{:.2}`-and-trim form everywhere.
#[test]
fn num_matches_plain_formatting() {
    fn plain(x: f64) -> String {
        if !x.is_finite() {
            return x.to_string();
        }
        let s = format!("{x:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".to_string()
        } else {
            s.to_string()
        }
    }
    let mut xs = vec![
        0.0,
        -0.0,
        0.005,
        -0.004,
        -0.001,
        0.125,
        0.375,
        2.675,
        1e15,
        -1e15 - 0.5,
        9.1e15,
        1e300,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        999.995,
    ];
    let mut x = 1.0f64;
    for i in 0..4000 {
        x = (x * 1.618_033_988_749 + 0.377) % 2000.0;
        xs.push(if i % 2 == 0 { x } else { -x / 7.0 });
        xs.push((x * 100.0).round() / 100.0);
        xs.push(x.round());
    }
    for k in 0..20_000 {
        let k = f64::from(k);
        xs.extend([
            k * 0.005,
            -k * 0.005,
            k * 0.001 + 1e-9,
            k * 37.123_456,
            k * 1e-4,
        ]);
    }
    for x in xs {
        assert_eq!(num(x), plain(x), "{x:e}");
    }
}
