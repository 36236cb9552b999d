//! The gate descriptions of the report, in English and Chinese ("2★ needs envelope improvement ≥ 5 % …").

use std::fmt::Write as _;

use super::report::{Condition, Gate};
use super::{Edition, GateStatus, SoundInsulation, StarLevel, Unit};

/// Formats a number with at most two decimals, trailing zeros trimmed ("-0" is "0").
pub(super) fn num(x: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, x);
    s
}

/// Appends [`num`] of `x`. Gate texts format dozens of numbers per evaluation, most of them whole points or with
/// two decimals at most; those are written from integers straight into the text, because going through the
/// float formatter (and a string per number) made up a sixth of a whole report's instructions (callgrind).
/// Anything near a rounding tie, or large, goes through `{:.2}`.
pub(super) fn push_num(s: &mut String, x: f64) {
    let Some((neg, whole, cents)) = num_parts(x) else {
        let t = format!("{x:.2}");
        if !t.contains('.') {
            s.push_str(&t); // inf, NaN
            return;
        }
        match t.trim_end_matches('0').trim_end_matches('.') {
            "-0" => s.push('0'),
            trimmed => s.push_str(trimmed),
        }
        return;
    };
    if neg {
        s.push('-');
    }
    // Writing to a String cannot fail.
    let _ = write!(s, "{whole}");
    if cents != 0 {
        let digit = |d: u64| char::from(b'0' + (d % 10) as u8);
        s.push('.');
        s.push(digit(cents / 10));
        if cents % 10 != 0 {
            s.push(digit(cents));
        }
    }
}

/// The digits of [`num`] when they need no float formatting: `(negative, whole, hundredths)`. Whole numbers
/// below 2^53 exactly; moderate values from x × 100 rounded, unless the product lies within 1e-6 of a rounding
/// tie (its own error is below 1e-8 for |x| < 1e6), where only the exact decimal expansion can decide.
fn num_parts(x: f64) -> Option<(bool, u64, u64)> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        let i = x as i64;
        return Some((i < 0, i.unsigned_abs(), 0));
    }
    if x.abs() < 1e6 {
        let y = x * 100.0;
        if ((y - y.trunc()).abs() - 0.5).abs() > 1e-6 {
            let r = y.round();
            let cents = r.abs() as u64;
            // A value that rounds to zero is "0", not "-0".
            return Some((r < 0.0, cents / 100, cents % 100));
        }
    }
    None
}

pub(super) fn describe(
    c: &Condition,
    edition_tag: Option<Edition>,
    en: &mut String,
    zh: &mut String,
) {
    match c.category {
        Some(cat) => {
            let (e, z) = cat.labels();
            en.push_str(e);
            en.push_str(" points");
            zh.push_str(z);
            zh.push_str("得分");
        }
        None => {
            let (e, z) = c.quantity.labels();
            en.push_str(e);
            zh.push_str(z);
        }
    }
    let r = c.required;
    match c.unit {
        Unit::Percent | Unit::Points => {
            en.push_str(" ≥ ");
            zh.push_str(" ≥ ");
            push_num(en, r);
            push_num(zh, r);
            if c.unit == Unit::Percent {
                en.push_str(" %");
                zh.push_str(" %");
            }
        }
        Unit::Grade => {
            en.push_str(" grade ");
            push_num(en, r);
            en.push_str(" or better");
            zh.push(' ');
            push_num(zh, r);
            zh.push_str("级或更优");
        }
        Unit::Level => {
            let (e, z) = SoundInsulation::rank_labels(r);
            en.push_str(" ≥ ");
            en.push_str(e);
            zh.push_str(" ≥ ");
            zh.push_str(z);
        }
        Unit::Flag => {}
    }
    if let Some(ed) = edition_tag {
        en.push_str(" (");
        en.push_str(ed.year());
        en.push(')');
        zh.push('（');
        zh.push_str(ed.year());
        zh.push_str("版）");
    }
    en.push_str(" — now ");
    zh.push_str(" — 当前 ");
    match c.current {
        None => {
            en.push_str("not known");
            zh.push_str("未知");
        }
        Some(v) => match c.unit {
            Unit::Percent | Unit::Points => {
                push_num(en, v);
                push_num(zh, v);
                if c.unit == Unit::Percent {
                    en.push_str(" %");
                    zh.push_str(" %");
                }
            }
            Unit::Grade => {
                en.push_str("grade ");
                push_num(en, v);
                push_num(zh, v);
                zh.push('级');
            }
            Unit::Level => {
                let (e, z) = SoundInsulation::rank_labels(v);
                en.push_str(e);
                zh.push_str(z);
            }
            Unit::Flag => {
                let yes = v >= 0.5;
                en.push_str(if yes { "yes" } else { "no" });
                zh.push_str(if yes { "是" } else { "否" });
            }
        },
    }
}

/// A gate whose texts are not written yet, with the edition tag its text will carry.
/// Writes the English and Chinese texts of a gate of `level`.
pub(super) fn render_gate(level: StarLevel, g: &mut Gate, edition_tag: Option<Edition>) {
    let (lvl_en, lvl_zh) = level.labels();
    let mut en = String::with_capacity(128);
    let mut zh = String::with_capacity(192);
    en.push_str(lvl_en);
    en.push_str(" needs ");
    zh.push_str(lvl_zh);
    zh.push_str("要求");
    for (i, c) in g.conditions.iter().enumerate() {
        if i > 0 {
            en.push_str("; or ");
            zh.push_str("；或");
        }
        describe(c, if i == 0 { edition_tag } else { None }, &mut en, &mut zh);
    }
    if g.status == GateStatus::Undetermined {
        en.push_str(" [undetermined]");
        zh.push_str("［待定］");
    }
    // The clause column is written in English ("table 3.2.8"); the Chinese text says 表.
    en.push_str(" [");
    en.push_str(&g.clause);
    en.push(']');
    zh.push('〔');
    match g.clause.strip_prefix("table ") {
        Some(rest) => {
            zh.push_str("表 ");
            zh.push_str(rest);
        }
        None => zh.push_str(&g.clause),
    }
    zh.push('〕');
    g.text_en = en;
    g.text_zh = zh;
}
