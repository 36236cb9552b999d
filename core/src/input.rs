//! Parsing what an architect types into a numeric field.
//!
//! [`parse_number`] turns the text of one input field into a value, or an [`InputError`] with a
//! short message in Chinese and English to show next to the field. It never panics and never
//! guesses: what is unambiguous is accepted, the rest is rejected with a hint.
//!
//! Rules (also in `docs/robustness.md`):
//! - Surrounding whitespace is ignored, including ideographic (U+3000) and no-break spaces, and
//!   zero-width spaces / byte-order marks from copy-paste.
//! - Full-width digits `０`–`９`, sign `＋` `－`, the minus sign `−` and the decimal points `．`
//!   (full-width) and `。` (what a Chinese IME types for `.`) are normalised to ASCII.
//! - Grammar after normalisation: `[+-]? (digits [. digits?] | . digits)`, optionally followed by
//!   `%` (ratio fields only; `35%`, `35 %`, `35％` → 0.35) or by one of the field's unit symbols
//!   (`3.2 m`, `18层`). No exponents, no `inf`/`NaN`, no internal spaces.
//! - A comma (`,` or `，`) is never accepted: it is a decimal mark in some locales and a thousands
//!   separator in others, and a wrong guess changes a value 1000-fold. The error suggests the
//!   likely spelling(s): `0,35` → "use 0.35"; `1,200` → "1200 or 1.2?"; `1,200,000` → "1200000".
//! - The value must lie in the field's [`NumberKind`] range (data, see the associated constants);
//!   counts must be whole numbers (`18.0` is accepted as 18). A ratio field given a value in
//!   (1, 100] is rejected with the hint "enter 0.35 or 35%".

use std::fmt;

/// One end of a [`Range`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// The limit value.
    pub value: f64,
    /// Whether the limit itself is allowed.
    pub inclusive: bool,
}

/// An interval of allowed values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Lower end.
    pub min: Bound,
    /// Upper end.
    pub max: Bound,
}

impl Range {
    /// An interval from its ends.
    pub const fn new(min: f64, min_inclusive: bool, max: f64, max_inclusive: bool) -> Range {
        Range {
            min: Bound {
                value: min,
                inclusive: min_inclusive,
            },
            max: Bound {
                value: max,
                inclusive: max_inclusive,
            },
        }
    }

    /// Whether `v` lies above the lower end.
    pub fn above_min(&self, v: f64) -> bool {
        if self.min.inclusive {
            v >= self.min.value
        } else {
            v > self.min.value
        }
    }

    /// Whether `v` lies below the upper end.
    pub fn below_max(&self, v: f64) -> bool {
        if self.max.inclusive {
            v <= self.max.value
        } else {
            v < self.max.value
        }
    }

    /// Whether `v` lies in the range (false for NaN).
    pub fn contains(&self, v: f64) -> bool {
        self.above_min(v) && self.below_max(v)
    }
}

impl fmt::Display for Range {
    /// Interval notation, e.g. `(0, 10]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}, {}{}",
            if self.min.inclusive { '[' } else { '(' },
            self.min.value,
            self.max.value,
            if self.max.inclusive { ']' } else { ')' }
        )
    }
}

/// What a field holds; decides the accepted syntax (percent, integer) and the error hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberClass {
    /// A ratio such as a WWR; `35%` is accepted.
    Ratio,
    /// A dimensionless coefficient such as SHGC (no percent).
    Coefficient,
    /// A length, m.
    Length,
    /// An area, m².
    Area,
    /// A volume, m³.
    Volume,
    /// A whole count, e.g. storeys.
    Count,
    /// A heat transfer coefficient U (K), W/(m²·K).
    UValue,
    /// A thermal resistance R, m²·K/W.
    RValue,
    /// An angle in degrees; the caller normalises it (e.g. mod 360).
    Angle,
    /// A shape factor F0/V0, 1/m.
    ShapeFactor,
    /// A number of percent (`35` or `35%` both mean 35 %).
    Percent,
}

/// The kind of a numeric field: its class, valid range and accepted unit suffixes.
///
/// The ranges are the data of this module: use the associated constants (or
/// [`NumberKind::for_path`]) rather than literals. Every range lies inside what
/// `Project::validate` accepts, so a parsed value never makes a project invalid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberKind {
    /// What the field holds.
    pub class: NumberClass,
    /// Allowed values (after percent conversion).
    pub range: Range,
    /// Unit shown after the range in messages (empty for dimensionless values).
    pub unit: &'static str,
    /// Unit suffixes accepted after the number (e.g. `m`, `米`).
    pub suffixes: &'static [&'static str],
}

const NO_SUFFIX: &[&str] = &[];
const LENGTH_SUFFIXES: &[&str] = &["m", "米"];
const AREA_SUFFIXES: &[&str] = &["m²", "m2", "㎡", "平方米"];
const VOLUME_SUFFIXES: &[&str] = &["m³", "m3", "立方米"];
const ANGLE_SUFFIXES: &[&str] = &["°", "度", "deg"];
const COUNT_SUFFIXES: &[&str] = &["层"];
const YEAR_SUFFIXES: &[&str] = &["年", "年度"];
const U_SUFFIXES: &[&str] = &["W/(m²·K)", "W/(m2·K)", "W/(m2K)", "W/m²K", "W/m2K"];
const R_SUFFIXES: &[&str] = &["m²·K/W", "m2·K/W", "m2K/W"];

impl NumberKind {
    /// A kind from its parts.
    pub const fn new(
        class: NumberClass,
        range: Range,
        unit: &'static str,
        suffixes: &'static [&'static str],
    ) -> NumberKind {
        NumberKind {
            class,
            range,
            unit,
            suffixes,
        }
    }

    /// Window-to-wall ratio, [0, 1); `35%` accepted.
    pub const WWR: NumberKind = NumberKind::new(
        NumberClass::Ratio,
        Range::new(0.0, true, 1.0, false),
        "",
        NO_SUFFIX,
    );
    /// A ratio in [0, 1] such as the skylight ratio; `5%` accepted.
    pub const RATIO_CLOSED: NumberKind = NumberKind::new(
        NumberClass::Ratio,
        Range::new(0.0, true, 1.0, true),
        "",
        NO_SUFFIX,
    );
    /// A loss ratio in [0, 1) such as the PV system loss; `20%` accepted.
    pub const LOSS_RATIO: NumberKind = NumberKind::WWR;
    /// A positive efficiency in (0, 1] such as the PV module efficiency; `21%` accepted.
    pub const EFFICIENCY: NumberKind = NumberKind::new(
        NumberClass::Ratio,
        Range::new(0.0, false, 1.0, true),
        "",
        NO_SUFFIX,
    );
    /// Solar heat gain coefficient, (0, 1] (0 is meaningless for a window).
    pub const SHGC: NumberKind = NumberKind::new(
        NumberClass::Coefficient,
        Range::new(0.0, false, 1.0, true),
        "",
        NO_SUFFIX,
    );
    /// U (K) value, (0, 10] W/(m²·K) (single glazing is about 6).
    pub const U_VALUE: NumberKind = NumberKind::new(
        NumberClass::UValue,
        Range::new(0.0, false, 10.0, true),
        "W/(m²·K)",
        U_SUFFIXES,
    );
    /// Thermal resistance R, [0, 20] m²·K/W.
    pub const R_VALUE: NumberKind = NumberKind::new(
        NumberClass::RValue,
        Range::new(0.0, true, 20.0, true),
        "m²·K/W",
        R_SUFFIXES,
    );
    /// Building length or depth, (0, 1000] m.
    pub const LENGTH: NumberKind = NumberKind::new(
        NumberClass::Length,
        Range::new(0.0, false, 1000.0, true),
        "m",
        LENGTH_SUFFIXES,
    );
    /// Storey height, (0, 20] m.
    pub const STOREY_HEIGHT: NumberKind = NumberKind::new(
        NumberClass::Length,
        Range::new(0.0, false, 20.0, true),
        "m",
        LENGTH_SUFFIXES,
    );
    /// Number of above-ground storeys, whole number in [1, 200].
    pub const STOREYS: NumberKind = NumberKind::new(
        NumberClass::Count,
        Range::new(1.0, true, 200.0, true),
        "",
        COUNT_SUFFIXES,
    );
    /// A calendar year, whole number in [2000, 2100] (a typo guard: the plan runs from 2021 to 2030 and
    /// the bureau keeps earlier projects' records).
    pub const YEAR: NumberKind = NumberKind::new(
        NumberClass::Count,
        Range::new(2000.0, true, 2100.0, true),
        "",
        YEAR_SUFFIXES,
    );
    /// An angle in degrees, [-3600, 3600] (a typo guard; the caller normalises mod 360).
    pub const ANGLE: NumberKind = NumberKind::new(
        NumberClass::Angle,
        Range::new(-3600.0, true, 3600.0, true),
        "°",
        ANGLE_SUFFIXES,
    );
    /// PV tilt from horizontal, [0, 90]°.
    pub const TILT: NumberKind = NumberKind::new(
        NumberClass::Angle,
        Range::new(0.0, true, 90.0, true),
        "°",
        ANGLE_SUFFIXES,
    );
    /// A positive area, (0, 10⁷] m².
    pub const AREA: NumberKind = NumberKind::new(
        NumberClass::Area,
        Range::new(0.0, false, 1.0e7, true),
        "m²",
        AREA_SUFFIXES,
    );
    /// An area that may be 0, [0, 10⁷] m² (roof area, floor over outside air).
    pub const AREA_OR_ZERO: NumberKind = NumberKind::new(
        NumberClass::Area,
        Range::new(0.0, true, 1.0e7, true),
        "m²",
        AREA_SUFFIXES,
    );
    /// Heated volume, (0, 10⁸] m³.
    pub const VOLUME: NumberKind = NumberKind::new(
        NumberClass::Volume,
        Range::new(0.0, false, 1.0e8, true),
        "m³",
        VOLUME_SUFFIXES,
    );
    /// Points of a self-assessed category, [0, 1000] (a typo guard; the star rating checks each category's
    /// own maximum from its data table).
    pub const POINTS: NumberKind = NumberKind::new(
        NumberClass::Coefficient,
        Range::new(0.0, true, 1000.0, true),
        "",
        NO_SUFFIX,
    );
    /// A percentage in [0, 100] %, entered as a number of percent (`35` or `35%`).
    pub const PERCENT: NumberKind = NumberKind::new(
        NumberClass::Percent,
        Range::new(0.0, true, 100.0, true),
        "%",
        NO_SUFFIX,
    );
    /// Shape factor override, (0, 5] 1/m.
    pub const SHAPE_FACTOR: NumberKind = NumberKind::new(
        NumberClass::ShapeFactor,
        Range::new(0.0, false, 5.0, true),
        "1/m",
        NO_SUFFIX,
    );

    fn accepts_percent(&self) -> bool {
        matches!(self.class, NumberClass::Ratio | NumberClass::Percent)
    }

    /// The allowed range with its unit, e.g. `(0, 10] W/(m²·K)`.
    pub fn range_text(&self) -> String {
        if self.unit.is_empty() {
            self.range.to_string()
        } else {
            format!("{} {}", self.range, self.unit)
        }
    }
}

/// Why a field's text is not a valid value. Show [`InputError::message_zh`] or
/// [`InputError::message_en`] next to the field.
#[derive(Debug, Clone, PartialEq)]
pub enum InputError {
    /// Nothing typed (or only spaces).
    Empty,
    /// Not a plain decimal number (letters, `-` alone, exponent, `inf`, `NaN`, …).
    NotANumber,
    /// The text is implausibly long for a number.
    TooLong,
    /// A decimal comma such as `0,35`.
    DecimalComma {
        /// The same number with a decimal point, e.g. `0.35`.
        suggestion: String,
    },
    /// `1,200`: a thousands separator or a decimal comma.
    AmbiguousComma {
        /// Read as thousands, e.g. `1200`.
        as_thousands: String,
        /// Read as a decimal, e.g. `1.200`.
        as_decimal: String,
    },
    /// `1,200,000` or `12,000.5`: thousands separators.
    ThousandsSeparator {
        /// Without separators, e.g. `1200000`.
        suggestion: String,
    },
    /// A percent sign in a field that is not a ratio.
    PercentNotAllowed,
    /// A fraction where a whole number is required.
    NotInteger,
    /// A ratio field given a value that looks like a percentage (e.g. `35`).
    LooksLikePercent {
        /// The value typed.
        value: f64,
    },
    /// Zero where the value must be positive.
    Zero {
        /// Allowed range (with unit).
        range: String,
    },
    /// Negative where that is meaningless.
    Negative {
        /// Allowed range (with unit).
        range: String,
    },
    /// Below the allowed range (other than zero / negative).
    TooSmall {
        /// Allowed range (with unit).
        range: String,
    },
    /// Above the allowed range (also numbers too large to represent).
    TooLarge {
        /// Allowed range (with unit).
        range: String,
    },
}

impl InputError {
    /// Short message in English.
    pub fn message_en(&self) -> String {
        match self {
            InputError::Empty => "required: enter a number".into(),
            InputError::NotANumber => "not a number; type digits, e.g. 0.35".into(),
            InputError::TooLong => "too long for a number".into(),
            InputError::DecimalComma { suggestion } => {
                format!("use a decimal point: {suggestion}")
            }
            InputError::AmbiguousComma {
                as_thousands,
                as_decimal,
            } => format!("no commas: did you mean {as_thousands} or {as_decimal}?"),
            InputError::ThousandsSeparator { suggestion } => {
                format!("no thousands separators: {suggestion}")
            }
            InputError::PercentNotAllowed => "% is not allowed here".into(),
            InputError::NotInteger => "must be a whole number".into(),
            InputError::LooksLikePercent { value } => {
                format!("a ratio: enter {} or {value}%", value / 100.0)
            }
            InputError::Zero { range } => format!("must be greater than 0: {range}"),
            InputError::Negative { range } => format!("must not be negative: {range}"),
            InputError::TooSmall { range } => format!("too small: {range}"),
            InputError::TooLarge { range } => format!("too large: {range}"),
        }
    }

    /// Short message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            InputError::Empty => "必填：请输入数值".into(),
            InputError::NotANumber => "不是有效数值，请输入数字，如 0.35".into(),
            InputError::TooLong => "输入过长，不是有效数值".into(),
            InputError::DecimalComma { suggestion } => {
                format!("请使用小数点：{suggestion}")
            }
            InputError::AmbiguousComma {
                as_thousands,
                as_decimal,
            } => format!("请勿使用逗号：是 {as_thousands} 还是 {as_decimal}？"),
            InputError::ThousandsSeparator { suggestion } => {
                format!("请勿使用千位分隔符：{suggestion}")
            }
            InputError::PercentNotAllowed => "此处不能使用 %".into(),
            InputError::NotInteger => "必须是整数".into(),
            InputError::LooksLikePercent { value } => {
                format!("这是比值：请输入 {} 或 {value}%", value / 100.0)
            }
            InputError::Zero { range } => format!("必须大于 0，范围 {range}"),
            InputError::Negative { range } => format!("不能为负数，范围 {range}"),
            InputError::TooSmall { range } => format!("数值过小，范围 {range}"),
            InputError::TooLarge { range } => format!("数值过大，范围 {range}"),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for InputError {}

/// Longest text (in chars, after trimming) considered as a number.
pub const MAX_INPUT_CHARS: usize = 64;

fn is_trimmable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Maps full-width and look-alike characters to ASCII; everything else is kept.
fn normalise_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '－' | '−' | '﹣' => '-',
        '＋' | '﹢' => '+',
        '．' | '。' | '｡' => '.',
        '，' | '﹐' => ',',
        '％' | '﹪' => '%',
        c if is_trimmable(c) => ' ',
        c => c,
    }
}

/// Parses the text of a numeric field. See the module docs for the rules.
pub fn parse_number(text: &str, kind: NumberKind) -> Result<f64, InputError> {
    let trimmed = text.trim_matches(is_trimmable);
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    if trimmed.chars().count() > MAX_INPUT_CHARS {
        return Err(InputError::TooLong);
    }
    let normalised: String = trimmed.chars().map(normalise_char).collect();
    let (body, percent) = split_suffix(&normalised, kind)?;
    if body.contains(',') {
        return Err(comma_error(body));
    }
    if !is_plain_decimal(body) {
        return Err(InputError::NotANumber);
    }
    let typed: f64 = body.parse().map_err(|_| InputError::NotANumber)?;
    let range = || kind.range_text();
    if !typed.is_finite() {
        return Err(InputError::TooLarge { range: range() });
    }
    let value = if percent && kind.class != NumberClass::Percent {
        typed / 100.0
    } else {
        typed
    };
    // Normalise -0 to 0.
    let value = if value == 0.0 { 0.0 } else { value };
    match kind.check(value) {
        Err(InputError::TooLarge { .. })
            if kind.accepts_percent() && !percent && value > 1.0 && value <= 100.0 =>
        {
            Err(InputError::LooksLikePercent { value })
        }
        Err(e) => Err(e),
        Ok(()) => Ok(value),
    }
}

impl NumberKind {
    /// Checks a value (typed or read from a file) against the kind: finite, whole for counts, in range.
    /// The one rule for both, so a saved project never holds what the form would refuse.
    pub fn check(&self, value: f64) -> Result<(), InputError> {
        let range = || self.range_text();
        if !value.is_finite() {
            return Err(InputError::TooLarge { range: range() });
        }
        if self.class == NumberClass::Count && value.fract() != 0.0 {
            return Err(InputError::NotInteger);
        }
        if !self.range.above_min(value) {
            let min = self.range.min.value;
            return Err(if value == 0.0 && min == 0.0 {
                InputError::Zero { range: range() }
            } else if value < 0.0 && min >= 0.0 {
                InputError::Negative { range: range() }
            } else {
                InputError::TooSmall { range: range() }
            });
        }
        if !self.range.below_max(value) {
            return Err(InputError::TooLarge { range: range() });
        }
        Ok(())
    }
}

/// Splits a trailing `%` or unit suffix off; returns the number text and whether it was a percent.
fn split_suffix(text: &str, kind: NumberKind) -> Result<(&str, bool), InputError> {
    if let Some(body) = text.strip_suffix('%') {
        if !kind.accepts_percent() {
            return Err(InputError::PercentNotAllowed);
        }
        return Ok((body.trim_end_matches(' '), true));
    }
    for suffix in kind.suffixes {
        if let Some(body) = text.strip_suffix(suffix) {
            let body = body.trim_end_matches(' ');
            if body.ends_with(|c: char| c.is_ascii_digit() || c == '.') {
                return Ok((body, false));
            }
        }
    }
    Ok((text, false))
}

/// `[+-]? (digits [. digits?] | . digits)` in ASCII.
fn is_plain_decimal(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let has_digit = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    has_digit && digits(int) && frac.map_or(true, digits)
}

/// The error for a number containing commas, with the likely intended spelling(s).
fn comma_error(body: &str) -> InputError {
    let without = body.replace(',', "");
    let commas = body.matches(',').count();
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let unsigned = int.strip_prefix(['+', '-']).unwrap_or(int);
    let mut groups = unsigned.split(',');
    let first = groups.next().unwrap_or("");
    let thousands_grouping = !first.is_empty()
        && first.len() <= 3
        && !first.starts_with('0')
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        && frac.map_or(true, |f| !f.contains(','));
    if thousands_grouping && is_plain_decimal(&without) {
        if commas == 1 && frac.is_none() {
            return InputError::AmbiguousComma {
                as_thousands: without,
                as_decimal: body.replace(',', "."),
            };
        }
        return InputError::ThousandsSeparator {
            suggestion: without,
        };
    }
    let as_decimal = body.replace(',', ".");
    if commas == 1 && !body.contains('.') && is_plain_decimal(&as_decimal) {
        return InputError::DecimalComma {
            suggestion: as_decimal,
        };
    }
    InputError::NotANumber
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_display_in_interval_notation() {
        assert_eq!(NumberKind::WWR.range.to_string(), "[0, 1)");
        assert_eq!(NumberKind::U_VALUE.range_text(), "(0, 10] W/(m²·K)");
        assert_eq!(NumberKind::AREA.range.to_string(), "(0, 10000000]");
    }

    #[test]
    fn plain_decimal_grammar() {
        for ok in ["1", "-1", "+1", "1.", ".5", "0.35", "007"] {
            assert!(is_plain_decimal(ok), "{ok}");
        }
        for bad in [
            "", "-", ".", "+-1", "1e3", "1.2.3", "inf", "NaN", "1 2", "0x10",
        ] {
            assert!(!is_plain_decimal(bad), "{bad}");
        }
    }
}
