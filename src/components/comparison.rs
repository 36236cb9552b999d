//! The variants side by side: one column per variant, one row per figure (verdict, governing failing checks,
//! saving rate against the target, demands, shape factor, WWR by orientation, star level and score, PV, retrofit
//! Δ), the best variant of each row marked, and the inputs that differ between the variants. All figures and
//! which one is best come from the core's comparison (`greencheck_core::variants::Comparison`).

use greencheck_core::variants::{Cell, Comparison, RowKey};
use yew::prelude::*;

use crate::i18n::{check_label_of, num, pct, t, Lang};
use crate::shared::Shared;

/// Props of [`ComparisonTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonProps {
    /// The comparison (compared by pointer: the session makes a new one after every accepted edit).
    pub comparison: Shared<Comparison>,
    /// UI language.
    pub lang: Lang,
}

fn cell_html(lang: Lang, key: RowKey, c: &Cell) -> Html {
    match c {
        Cell::Missing => html! { { "—" } },
        Cell::Verdict { verdict } => html! {
            <span class={format!("v-{}", verdict.code())}>{ verdict.label().get(lang) }</span>
        },
        Cell::Level { level } => html! { { level.label().get(lang) } },
        Cell::Checks { count, decisive } => html! {
            <>
                { count.to_string() }
                if !decisive.is_empty() {
                    <ul class="decisive">{ for decisive.iter().map(|d| html! { <li>{ check_label_of(lang, &d.label_zh, &d.label_en) }</li> }) }</ul>
                }
            </>
        },
        Cell::Number {
            value,
            target,
            meets,
        } => {
            let show = |v: f64| {
                if key.is_fraction() {
                    pct(lang, v, 1)
                } else {
                    num(v, key.decimals() as usize)
                }
            };
            html! {
                <>
                    { show(*value) }
                    { for target.map(|tg| html! {
                        <span class={classes!("target", meets.map(|m| if m { "ok" } else { "bad" }))}>
                            { format!(" ({} {})", t(lang, "energy.target"), show(tg)) }
                        </span>
                    }) }
                </>
            }
        }
    }
}

/// The table.
#[function_component(ComparisonTable)]
pub fn comparison_table(p: &ComparisonProps) -> Html {
    crate::bench::rendered("comparison");
    // Drawn a frame after the keystroke's verdict, like the results' cards.
    let comparison = crate::hooks::use_after_paint(&p.comparison);
    let (c, lang) = (&comparison, p.lang);
    let heads = c.variants.iter().map(|v| {
        html! { <th scope="col" class={classes!(v.active.then_some("active"))}>{ greencheck_core::variants::shown_label(&v.label, lang) }</th> }
    });
    let rows = c.rows.iter().map(|r| {
        let unit = if r.unit.is_empty() {
            String::new()
        } else {
            format!(" ({})", r.unit)
        };
        let cells = r.cells.iter().enumerate().map(|(i, cell)| {
            let best = r.best.contains(&i);
            html! {
                <td class={classes!("num", best.then_some("best"))} data-best={best.to_string()}>
                    { cell_html(lang, r.key, cell) }
                    if best { <span class="sr-only">{ t(lang, "variants.best") }</span> }
                </td>
            }
        });
        html! {
            <tr data-testid={format!("cmp-{}", serde_key(r.key))}>
                <th scope="row">{ r.label.get(lang) }{ unit }</th>
                { for cells }
            </tr>
        }
    });
    let differing = c.differing.iter().map(|d| {
        let values = d.values.iter().map(|v| {
            let text = match v {
                None => "—".to_owned(),
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
            };
            html! { <td class="num">{ text }</td> }
        });
        html! {
            <tr class="differs" data-testid={format!("diff-{}", d.path)}>
                <th scope="row">{ d.label.get(lang) }<span class="path" lang="en">{ format!(" {}", d.path) }</span></th>
                { for values }
            </tr>
        }
    });
    html! {
        <section class="card comparison" aria-labelledby="cmp-title" data-testid="comparison">
            <h2 id="cmp-title">{ t(lang, "variants.compare") }</h2>
            <div class="table-wrap">
            <table>
                <thead><tr><th scope="col">{ "" }</th>{ for heads }</tr></thead>
                <tbody>{ for rows }</tbody>
                if !c.differing.is_empty() {
                    <tbody class="inputs-differ">
                        <tr><th scope="rowgroup" colspan={(c.variants.len() + 1).to_string()}>{ t(lang, "variants.differ") }</th></tr>
                        { for differing }
                    </tbody>
                }
            </table>
            </div>
            <p class="note">{ t(lang, "variants.best_note") }</p>
        </section>
    }
}

/// The row key as serialised (`saving_rate`, …), for test ids.
fn serde_key(k: RowKey) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
