//! One row of the clause table (and, for a failing check, its suggestion row): a component of its own, so a
//! keystroke re-renders only the rows whose check changed — most keys change a few of the table's ≈ 40.

use greencheck_core::labels::TO_BE_CONFIRMED;
use greencheck_core::limits::Comparison;
use greencheck_core::report::{Check, FieldChange, Status};
use yew::prelude::*;

use crate::i18n::{check_label, num, status_text, t, Lang};
use crate::layout::label_for_path;

/// Props of [`CheckRow`].
#[derive(Properties, PartialEq, Clone)]
pub struct CheckRowProps {
    /// The check.
    pub check: Check,
    /// UI language.
    pub lang: Lang,
    /// Apply a suggested change.
    pub on_apply: Callback<FieldChange>,
}

fn digits(unit: &str) -> usize {
    if unit.contains("W/") || unit.contains("K/W") {
        2
    } else {
        3
    }
}

/// " unit" for display; dimensionless ratios ("-" or empty) show none.
fn unit_suffix(unit: &str) -> String {
    if unit.is_empty() || unit == "-" {
        String::new()
    } else {
        format!(" {unit}")
    }
}

fn comparison(c: Comparison) -> &'static str {
    match c {
        Comparison::Le => "≤ ",
        Comparison::Ge => "≥ ",
        Comparison::None => "",
    }
}

fn provenance_text(lang: Lang, c: &Check) -> String {
    let prov = c.provenance.map_or("", |p| p.label().get(lang));
    let trade = if c.tradeable {
        t(lang, "checks.tradeable")
    } else {
        t(lang, "checks.not_tradeable")
    };
    let table = if c.table.is_empty() {
        String::new()
    } else {
        format!(" {} {}", t(lang, "checks.table"), c.table)
    };
    format!(
        "{} {}{} · {} · {}",
        c.standard, c.clause, table, prov, trade
    )
}

/// The row.
#[function_component(CheckRow)]
pub fn check_row(p: &CheckRowProps) -> Html {
    crate::bench::rendered("check_row");
    let (lang, c) = (p.lang, &p.check);
    let code = c.status.code();
    let d = digits(&c.unit);
    let value = c.value.map(|v| num(v, d)).unwrap_or_else(|| "—".into());
    let limit = c
        .limit
        .map(|v| format!("{}{}", comparison(c.comparison), num(v, d)))
        .unwrap_or_else(|| "—".into());
    let margin = match (c.margin, c.margin_pct) {
        (Some(m), Some(pc)) => format!(
            "{}{} ({}{}%)",
            if m >= 0.0 { "+" } else { "" },
            num(m, d),
            if pc >= 0.0 { "+" } else { "" },
            num(pc, 1)
        ),
        (Some(m), None) => num(m, d),
        _ => "—".into(),
    };
    let prov = provenance_text(lang, c);
    let tip_id = format!("prov-{}", c.id.replace('.', "-"));
    let suggestion = c.suggestion.as_ref().filter(|_| c.status == Status::Fail).map(|s| {
        let buttons = s.changes.iter().map(|ch| {
            let cb = p.on_apply.clone();
            let change = ch.clone();
            let label = format!("{} {} = {}", t(lang, "checks.apply"), label_for_path(lang, &ch.field), num(ch.value, 3));
            html! { <button type="button" class="apply" data-field={ch.field.clone()} onclick={Callback::from(move |_| cb.emit(change.clone()))}>{ label }</button> }
        });
        html! {
            <tr class="suggestion"><td colspan="6">
                <span>{ lang.pick(&s.text_zh, &s.text_en) }</span>{ " " }{ for buttons }
            </td></tr>
        }
    });
    html! {
        <>
        <tr id={format!("check-{}", c.id)} class={classes!("check", format!("s-{code}"))}
            data-testid={format!("check-{}", c.id)} data-status={code}>
            <th scope="row">{ check_label(lang, c) }</th>
            <td class="num">{ value }{ unit_suffix(&c.unit) }</td>
            <td class="num limit">
                <span class="has-tip" tabindex="0" aria-describedby={tip_id.clone()}>{ limit }</span>
                if c.to_be_confirmed { <span class="tbc" title={greencheck_core::limits::Provenance::I.label().get(lang)}>{ TO_BE_CONFIRMED.get(lang) }</span> }
                <span class="tip" role="tooltip" id={tip_id}>{ prov }</span>
            </td>
            <td class="num">{ margin }</td>
            <td class="status">{ status_text(lang, c.status) }</td>
            <td>{ &*c.clause }</td>
        </tr>
        { for suggestion }
        </>
    }
}
