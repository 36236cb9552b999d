//! The gate descriptions of the report, in English and Chinese ("2★ needs envelope improvement ≥ 5 % …").

use super::report::{Condition, Gate};
use super::{Edition, GateStatus, SoundInsulation, StarLevel, Unit};

/// Formats a number with at most two decimals, trailing zeros trimmed ("-0" is "0").
pub(super) fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    if !s.contains('.') {
        return s; // inf, NaN
    }
    match s.trim_end_matches('0').trim_end_matches('.') {
        "-0" => "0".to_owned(),
        t => t.to_owned(),
    }
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
            let r = num(r);
            en.push_str(&r);
            zh.push_str(&r);
            if c.unit == Unit::Percent {
                en.push_str(" %");
                zh.push_str(" %");
            }
        }
        Unit::Grade => {
            en.push_str(" grade ");
            en.push_str(&num(r));
            en.push_str(" or better");
            zh.push(' ');
            zh.push_str(&num(r));
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
                en.push_str(&num(v));
                zh.push_str(&num(v));
                if c.unit == Unit::Percent {
                    en.push_str(" %");
                    zh.push_str(" %");
                }
            }
            Unit::Grade => {
                en.push_str("grade ");
                en.push_str(&num(v));
                zh.push_str(&num(v));
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
