//! Field parsing: what an architect types, accepted or rejected with a message.

use greencheck_core::input::{parse_number, InputError, NumberKind, MAX_INPUT_CHARS};
use proptest::prelude::*;

fn ok(text: &str, kind: NumberKind) -> f64 {
    parse_number(text, kind).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn err(text: &str, kind: NumberKind) -> InputError {
    match parse_number(text, kind) {
        Ok(v) => panic!("{text:?} accepted as {v}"),
        Err(e) => e,
    }
}

#[test]
fn plain_numbers() {
    assert_eq!(ok("0.35", NumberKind::WWR), 0.35);
    assert_eq!(ok(".35", NumberKind::WWR), 0.35);
    assert_eq!(ok("0", NumberKind::WWR), 0.0);
    assert_eq!(ok("1.9", NumberKind::U_VALUE), 1.9);
    assert_eq!(ok("+1.9", NumberKind::U_VALUE), 1.9);
    assert_eq!(ok("2.", NumberKind::U_VALUE), 2.0);
    assert_eq!(ok("60", NumberKind::LENGTH), 60.0);
    assert_eq!(ok("-90", NumberKind::ANGLE), -90.0);
    assert_eq!(ok("18", NumberKind::STOREYS), 18.0);
    assert_eq!(ok("18.0", NumberKind::STOREYS), 18.0);
    assert_eq!(ok("007", NumberKind::STOREYS), 7.0);
}

#[test]
fn surrounding_spaces_of_every_kind() {
    for text in [
        " 0.35 ",
        "\t0.35\n",
        "\u{3000}0.35\u{3000}",
        "\u{00A0}0.35",
        "0.35\u{202F}",
        "\u{FEFF}0.35",
        "\u{200B}0.35\u{200B}",
    ] {
        assert_eq!(ok(text, NumberKind::WWR), 0.35, "{text:?}");
    }
}

#[test]
fn full_width_is_normalised() {
    assert_eq!(ok("０.３５", NumberKind::WWR), 0.35);
    assert_eq!(ok("０．３５", NumberKind::WWR), 0.35);
    assert_eq!(ok("０。３５", NumberKind::WWR), 0.35);
    assert_eq!(ok("0。35", NumberKind::WWR), 0.35);
    assert_eq!(ok("１８", NumberKind::STOREYS), 18.0);
    assert_eq!(ok("－９０", NumberKind::ANGLE), -90.0);
    assert_eq!(ok("−90", NumberKind::ANGLE), -90.0);
    assert_eq!(ok("＋1.5", NumberKind::U_VALUE), 1.5);
    assert_eq!(ok("　３５％　", NumberKind::WWR), 0.35);
}

#[test]
fn percent_for_ratios_only() {
    for text in ["35%", "35 %", "35％", "35　％", "３５％", "35.0%"] {
        assert!((ok(text, NumberKind::WWR) - 0.35).abs() < 1e-15, "{text:?}");
    }
    assert_eq!(ok("0%", NumberKind::WWR), 0.0);
    assert!((ok("5%", NumberKind::RATIO_CLOSED) - 0.05).abs() < 1e-15);
    assert_eq!(ok("100%", NumberKind::RATIO_CLOSED), 1.0);
    assert!((ok("21%", NumberKind::EFFICIENCY) - 0.21).abs() < 1e-15);
    for kind in [
        NumberKind::SHGC,
        NumberKind::U_VALUE,
        NumberKind::LENGTH,
        NumberKind::STOREYS,
    ] {
        assert_eq!(err("35%", kind), InputError::PercentNotAllowed);
    }
    // WWR 100 % is not a valid WWR ([0, 1)).
    assert!(matches!(
        err("100%", NumberKind::WWR),
        InputError::TooLarge { .. }
    ));
    assert_eq!(err("%", NumberKind::WWR), InputError::NotANumber);
    assert_eq!(err("35%%", NumberKind::WWR), InputError::NotANumber);
}

#[test]
fn ratio_typed_as_percent_number_gets_a_hint() {
    let e = err("35", NumberKind::WWR);
    assert_eq!(e, InputError::LooksLikePercent { value: 35.0 });
    assert!(e.message_en().contains("0.35") && e.message_en().contains("35%"));
    assert!(e.message_zh().contains("0.35"));
    assert!(matches!(
        err("101", NumberKind::WWR),
        InputError::TooLarge { .. }
    ));
    assert!(matches!(
        err("1", NumberKind::WWR),
        InputError::TooLarge { .. }
    ));
}

#[test]
fn commas_are_never_guessed() {
    let e = err("0,35", NumberKind::WWR);
    assert_eq!(
        e,
        InputError::DecimalComma {
            suggestion: "0.35".into()
        }
    );
    assert!(e.message_en().contains("0.35"));
    assert!(e.message_zh().contains("0.35"));
    assert_eq!(
        err("０，３５", NumberKind::WWR),
        InputError::DecimalComma {
            suggestion: "0.35".into()
        }
    );
    assert_eq!(
        err("1,5", NumberKind::U_VALUE),
        InputError::DecimalComma {
            suggestion: "1.5".into()
        }
    );
    assert_eq!(
        err("0,350", NumberKind::WWR),
        InputError::DecimalComma {
            suggestion: "0.350".into()
        }
    );
    let e = err("1,200", NumberKind::AREA);
    assert_eq!(
        e,
        InputError::AmbiguousComma {
            as_thousands: "1200".into(),
            as_decimal: "1.200".into()
        }
    );
    assert!(e.message_en().contains("1200") && e.message_en().contains("1.200"));
    assert_eq!(
        err("1,200,000", NumberKind::AREA),
        InputError::ThousandsSeparator {
            suggestion: "1200000".into()
        }
    );
    assert_eq!(
        err("12,000.5", NumberKind::AREA),
        InputError::ThousandsSeparator {
            suggestion: "12000.5".into()
        }
    );
    assert_eq!(
        err("35,5%", NumberKind::WWR),
        InputError::DecimalComma {
            suggestion: "35.5".into()
        }
    );
    for bad in [",", "1,,2", "1,2,3", "1.2,3", ",5,"] {
        assert_eq!(err(bad, NumberKind::AREA), InputError::NotANumber, "{bad}");
    }
}

#[test]
fn empty_and_garbage() {
    for text in ["", "   ", "\u{3000}"] {
        assert_eq!(err(text, NumberKind::WWR), InputError::Empty, "{text:?}");
    }
    for text in [
        "-", "+", ".", "-.", "abc", "0.3.5", "1e3", "1E-2", "inf", "-inf", "NaN", "nan",
        "infinity", "0x10", "1 000", "3 5", "--1", "+-1", "1-", "½", "٣", "0.35a", "m",
    ] {
        assert_eq!(
            err(text, NumberKind::LENGTH),
            InputError::NotANumber,
            "{text:?}"
        );
    }
    let long = "1".repeat(MAX_INPUT_CHARS + 1);
    assert_eq!(err(&long, NumberKind::LENGTH), InputError::TooLong);
}

#[test]
fn zero_negative_and_huge() {
    assert!(matches!(
        err("0", NumberKind::U_VALUE),
        InputError::Zero { .. }
    ));
    assert!(matches!(
        err("-0", NumberKind::U_VALUE),
        InputError::Zero { .. }
    ));
    assert!(matches!(
        err("0", NumberKind::LENGTH),
        InputError::Zero { .. }
    ));
    assert!(matches!(
        err("0", NumberKind::SHGC),
        InputError::Zero { .. }
    ));
    assert!(matches!(
        err("-0.1", NumberKind::WWR),
        InputError::Negative { .. }
    ));
    assert!(matches!(
        err("-3", NumberKind::STOREYS),
        InputError::Negative { .. }
    ));
    assert!(matches!(
        err("0", NumberKind::STOREYS),
        InputError::TooSmall { .. }
    ));
    assert!(matches!(
        err("-4000", NumberKind::ANGLE),
        InputError::TooSmall { .. }
    ));
    assert!(matches!(
        err("10.01", NumberKind::U_VALUE),
        InputError::TooLarge { .. }
    ));
    assert!(matches!(
        err("201", NumberKind::STOREYS),
        InputError::TooLarge { .. }
    ));
    assert!(matches!(
        err("1.5", NumberKind::SHGC),
        InputError::TooLarge { .. }
    ));
    let huge = format!("1{}", "0".repeat(60));
    assert!(matches!(
        err(&huge, NumberKind::AREA),
        InputError::TooLarge { .. }
    ));
    // -0 is 0 (positive zero) where 0 is allowed.
    let z = ok("-0", NumberKind::WWR);
    assert!(z == 0.0 && z.is_sign_positive());
}

#[test]
fn range_edges() {
    assert_eq!(ok("10", NumberKind::U_VALUE), 10.0);
    assert_eq!(ok("1", NumberKind::SHGC), 1.0);
    assert_eq!(ok("0.999", NumberKind::WWR), 0.999);
    assert_eq!(ok("1", NumberKind::STOREYS), 1.0);
    assert_eq!(ok("200", NumberKind::STOREYS), 200.0);
    assert_eq!(ok("0", NumberKind::R_VALUE), 0.0);
    assert_eq!(ok("0", NumberKind::AREA_OR_ZERO), 0.0);
    assert_eq!(ok("90", NumberKind::TILT), 90.0);
    assert_eq!(ok("3600", NumberKind::ANGLE), 3600.0);
}

#[test]
fn counts_are_whole() {
    assert_eq!(err("18.5", NumberKind::STOREYS), InputError::NotInteger);
    assert_eq!(err("0.5", NumberKind::STOREYS), InputError::NotInteger);
}

#[test]
fn reporting_years() {
    assert_eq!(ok("2026", NumberKind::YEAR), 2026.0);
    assert_eq!(ok("２０２６年", NumberKind::YEAR), 2026.0);
    assert_eq!(ok("2026 年度", NumberKind::YEAR), 2026.0);
    assert_eq!(ok("2000", NumberKind::YEAR), 2000.0, "edges allowed");
    assert_eq!(ok("2100", NumberKind::YEAR), 2100.0);
    assert_eq!(err("2026.5", NumberKind::YEAR), InputError::NotInteger);
    assert!(matches!(
        err("1999", NumberKind::YEAR),
        InputError::TooSmall { .. }
    ));
    assert!(matches!(
        err("2101", NumberKind::YEAR),
        InputError::TooLarge { .. }
    ));
    // A two-digit year is not guessed.
    assert!(parse_number("26", NumberKind::YEAR).is_err());
}

#[test]
fn unit_suffixes() {
    assert_eq!(ok("3.2 m", NumberKind::STOREY_HEIGHT), 3.2);
    assert_eq!(ok("3.2m", NumberKind::STOREY_HEIGHT), 3.2);
    assert_eq!(ok("60米", NumberKind::LENGTH), 60.0);
    assert_eq!(ok("18层", NumberKind::STOREYS), 18.0);
    assert_eq!(ok("180°", NumberKind::ANGLE), 180.0);
    assert_eq!(ok("640 m²", NumberKind::AREA), 640.0);
    assert_eq!(ok("640㎡", NumberKind::AREA), 640.0);
    assert_eq!(ok("1.9 W/(m²·K)", NumberKind::U_VALUE), 1.9);
    // A unit of another kind, or a unit alone, is not a number.
    assert_eq!(err("3.2 m", NumberKind::U_VALUE), InputError::NotANumber);
    assert_eq!(err("m", NumberKind::LENGTH), InputError::NotANumber);
    assert_eq!(err("3.2 mm", NumberKind::LENGTH), InputError::NotANumber);
}

#[test]
fn messages_are_short_and_bilingual() {
    let samples = [
        err("", NumberKind::WWR),
        err("x", NumberKind::WWR),
        err("0,35", NumberKind::WWR),
        err("1,200", NumberKind::AREA),
        err("1,200,000", NumberKind::AREA),
        err("35%", NumberKind::SHGC),
        err("2.5", NumberKind::STOREYS),
        err("35", NumberKind::WWR),
        err("0", NumberKind::U_VALUE),
        err("-1", NumberKind::U_VALUE),
        err("0", NumberKind::STOREYS),
        err("11", NumberKind::U_VALUE),
        err(&"9".repeat(100), NumberKind::U_VALUE),
    ];
    for e in samples {
        let (zh, en) = (e.message_zh(), e.message_en());
        assert!(!zh.is_empty() && zh.chars().count() <= 40, "{zh}");
        assert!(!en.is_empty() && en.chars().count() <= 60, "{en}");
        assert!(
            zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{zh}"
        );
        assert_eq!(e.to_string(), en);
    }
    let e = err("11", NumberKind::U_VALUE);
    assert!(
        e.message_en().contains("(0, 10] W/(m²·K)"),
        "{}",
        e.message_en()
    );
}

#[test]
fn kinds_by_project_path() {
    let kind_of = |path: &str| greencheck_core::fields::find(path).and_then(|f| f.number_kind());
    let cases = [
        ("facades.A.wwr", NumberKind::WWR),
        ("facades.south.window_u", NumberKind::U_VALUE),
        ("facades.A.window_shgc", NumberKind::SHGC),
        ("envelope.wall_u", NumberKind::U_VALUE),
        ("envelope.window_shgc", NumberKind::SHGC),
        ("envelope.skylight_ratio", NumberKind::RATIO_CLOSED),
        ("envelope.basement_wall_r", NumberKind::R_VALUE),
        ("envelope.shape_factor", NumberKind::SHAPE_FACTOR),
        ("storeys", NumberKind::STOREYS),
        ("storey_height_m", NumberKind::STOREY_HEIGHT),
        ("geometry.length_m", NumberKind::LENGTH),
        ("geometry.orientation_deg", NumberKind::ANGLE),
        ("geometry.facades[1].azimuth_deg", NumberKind::ANGLE),
        ("geometry.facades[0].wall_area_m2", NumberKind::AREA),
        ("geometry.roof_area_m2", NumberKind::AREA_OR_ZERO),
        ("geometry.volume_m3", NumberKind::VOLUME),
        ("pv.tilt_deg", NumberKind::TILT),
        ("pv.module_efficiency", NumberKind::EFFICIENCY),
    ];
    for (path, kind) in cases {
        assert_eq!(kind_of(path), Some(kind), "{path}");
    }
    assert_eq!(kind_of("name"), None);
    assert_eq!(kind_of("envelope.colour"), None);
    assert_eq!(kind_of("facades.A.B.wwr"), None);
    assert_eq!(kind_of("geometry.facades[].azimuth_deg"), None);
}

const ALL_KINDS: [NumberKind; 16] = [
    NumberKind::YEAR,
    NumberKind::WWR,
    NumberKind::RATIO_CLOSED,
    NumberKind::LOSS_RATIO,
    NumberKind::EFFICIENCY,
    NumberKind::SHGC,
    NumberKind::U_VALUE,
    NumberKind::R_VALUE,
    NumberKind::LENGTH,
    NumberKind::STOREY_HEIGHT,
    NumberKind::STOREYS,
    NumberKind::ANGLE,
    NumberKind::TILT,
    NumberKind::AREA,
    NumberKind::AREA_OR_ZERO,
    NumberKind::VOLUME,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Never panics; whatever is accepted is finite and inside the kind's range.
    #[test]
    fn never_panics_on_any_string(text in any::<String>(), k in 0..ALL_KINDS.len()) {
        let kind = ALL_KINDS[k];
        if let Ok(v) = parse_number(&text, kind) {
            prop_assert!(v.is_finite() && kind.range.contains(v));
        }
    }

    /// Number-like strings (digits, signs, dots, commas, percent, spaces, full-width forms).
    #[test]
    fn never_panics_on_number_like_strings(
        text in "[ 0-9０-９.．。,，%％+\\-－−\u{3000}m层e]{0,24}",
        k in 0..ALL_KINDS.len(),
    ) {
        let kind = ALL_KINDS[k];
        match parse_number(&text, kind) {
            Ok(v) => prop_assert!(v.is_finite() && kind.range.contains(v)),
            Err(e) => prop_assert!(!e.message_zh().is_empty() && !e.message_en().is_empty()),
        }
    }

    /// A value formatted with Rust's `Display` parses back to itself when in range.
    #[test]
    fn display_round_trips(v in 0.0f64..1.0) {
        prop_assert_eq!(parse_number(&v.to_string(), NumberKind::WWR), Ok(v));
    }
}
