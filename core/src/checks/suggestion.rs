//! What would make a failing check pass: the direct field change (the limit) and, for a window K, the largest
//! WWR bracket in which the current K passes — with a sentence in Chinese and English.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::specs::Spec;
use crate::limits::{self, Criteria, Element, LimitRow};
use crate::model::Orientation;
use crate::report::{FieldChange, Suggestion};

/// Appends the label of the element a suggestion changes (a C.0.1 precondition names its element), with the
/// facade's orientation: "南向外窗 K", "Window K (south)".
fn push_label(
    element: Element,
    orientation: Option<Orientation>,
    zh: &mut String,
    en: &mut String,
) {
    let label = element.base().label();
    if let Some(o) = orientation {
        zh.push_str(o.label().zh);
        zh.push('向');
    }
    zh.push_str(label.zh);
    en.push_str(label.en);
    if let Some(o) = orientation {
        en.push_str(" (");
        en.push_str(o.label().en);
        en.push(')');
    }
}

/// For a failing window-K check: the largest WWR (a bracket's inclusive upper end below the
/// current WWR) at which the current K would pass, read from the table.
fn wwr_alternative(element: Element, c: &Criteria<'_>, u: f64) -> Option<f64> {
    let current = c.wwr?;
    let rows = limits::rows();
    let without_wwr = Criteria { wwr: None, ..*c };
    rows.iter()
        .filter(|r| {
            r.matches_except_wwr(element, &without_wwr)
                && r.wwr
                    .is_some_and(|b| b.upper_inclusive && b.upper < current)
                && r.value.is_some_and(|limit| r.comparison.passes(u, limit))
        })
        .filter_map(|r| r.wwr.map(|b| b.upper))
        .reduce(f64::max)
}

pub(super) fn suggestion(spec: &Spec<'_>, row: &LimitRow, value: f64, limit: f64) -> Suggestion {
    let orientation = spec.facade.map(|f| f.orientation);
    let sym = row.comparison.symbol();
    let mut changes = Vec::new();
    if let Some(field) = &spec.field {
        changes.push(FieldChange {
            field: field.clone(),
            value: limit,
        });
    }
    let mut text_zh = String::with_capacity(96);
    let mut text_en = String::with_capacity(64);
    text_zh.push_str("达标条件：");
    text_en.push_str("to pass: ");
    push_label(spec.element, orientation, &mut text_zh, &mut text_en);
    // Writing to a String cannot fail.
    let _ = write!(text_zh, " {sym} {limit:.2}");
    let _ = write!(text_en, " {sym} {limit:.2}");
    if matches!(spec.element, Element::WindowU | Element::BasicWindowU) {
        if let (Some(f), Some(w)) = (
            spec.facade,
            wwr_alternative(spec.element, &spec.criteria, value),
        ) {
            changes.push(FieldChange {
                field: Cow::Owned(format!("facades.{}.wwr", f.name)),
                value: w,
            });
            text_zh.push_str("，或");
            text_en.push_str(" or ");
            push_label(Element::Wwr, orientation, &mut text_zh, &mut text_en);
            let _ = write!(text_zh, " ≤ {w:.2}");
            let _ = write!(text_en, " ≤ {w:.2}");
        }
    }
    Suggestion {
        changes,
        text_zh,
        text_en,
    }
}
