//! The clause table: each GB 55015 check with value, limit, margin, status and clause; failing rows carry
//! the core's suggestion and a button that applies it.

use greencheck_core::labels::TO_BE_CONFIRMED;
use greencheck_core::limits::Comparison;
use greencheck_core::report::{Check, FieldChange, Status};
use yew::prelude::*;

use crate::i18n::{check_label, num, status_text, t, Lang};
use crate::layout::label_for_path;

/// Props of [`ChecksTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChecksTableProps {
    /// The checks, in report order.
    pub checks: Vec<Check>,
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

/// The table.
#[function_component(ChecksTable)]
pub fn checks_table(p: &ChecksTableProps) -> Html {
    crate::bench::rendered("checks_table");
    let lang = p.lang;
    let rows = p.checks.iter().map(|c| {
        let code = c.status.code();
        let d = digits(&c.unit);
        let value = c.value.map(|v| num(v, d)).unwrap_or_else(|| "—".into());
        let limit = c.limit.map(|v| format!("{}{}", comparison(c.comparison), num(v, d))).unwrap_or_else(|| "—".into());
        let margin = match (c.margin, c.margin_pct) {
            (Some(m), Some(pc)) => format!("{}{} ({}{}%)", if m >= 0.0 { "+" } else { "" }, num(m, d), if pc >= 0.0 { "+" } else { "" }, num(pc, 1)),
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
    });
    html! {
        <section class="card checks">
            <h2>{ t(lang, "checks.title") }</h2>
            <div class="table-wrap">
            <table>
                <colgroup>
                    <col class="c-check" /><col class="c-value" /><col class="c-limit" />
                    <col class="c-margin" /><col class="c-status" /><col class="c-clause" />
                </colgroup>
                <thead><tr>
                    <th scope="col">{ t(lang, "checks.check") }</th><th scope="col">{ t(lang, "checks.value") }</th>
                    <th scope="col">{ t(lang, "checks.limit") }</th><th scope="col">{ t(lang, "checks.margin") }</th>
                    <th scope="col">{ t(lang, "checks.status") }</th><th scope="col">{ t(lang, "checks.clause") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
        </section>
    }
}
