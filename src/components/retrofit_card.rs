//! The retrofit card: the whole building's improvement Δ = 1 − E_after / E_before against the Hebi plan's
//! target, each envelope element before → after with its check (a kept element is reported, not judged), and the
//! floor area retrofitted toward the city's totals.

use greencheck_core::retrofit::{ElementStatus, RetrofitReport};
use yew::prelude::*;

use crate::i18n::{num, pct, t, Lang};

/// Props of [`RetrofitCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct RetrofitCardProps {
    /// The report's retrofit section.
    pub retrofit: RetrofitReport,
    /// UI language.
    pub lang: Lang,
}

fn status_class(s: ElementStatus) -> &'static str {
    match s {
        ElementStatus::Pass => "s-pass",
        ElementStatus::Fail => "s-fail",
        ElementStatus::Kept | ElementStatus::NotApplicable => "s-not_applicable",
        ElementStatus::Undetermined => "s-undetermined",
    }
}

/// The card.
#[function_component(RetrofitCard)]
pub fn retrofit_card(p: &RetrofitCardProps) -> Html {
    crate::bench::rendered("retrofit_card");
    let (r, lang) = (&p.retrofit, p.lang);
    let value = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |x| num(x, 2));
    let improvement = r.improvement.as_ref().map(|i| {
        html! {
            <p class="big" data-testid="retrofit-delta" data-value={i.delta.to_string()}>
                { t(lang, "retrofit.delta") }{ " " }<strong>{ pct(lang, i.delta, 1) }</strong>
                { format!(" · {} {} → {} kWh/(m²·a)", t(lang, "retrofit.energy"), num(i.before.energy_kwh_m2, 1), num(i.after.energy_kwh_m2, 1)) }
            </p>
        }
    });
    let targets = r.targets.iter().map(|tg| {
        let goal = tg.value.map(|v| {
            if tg.unit == "m2" || tg.unit == "m²" {
                format!("{} {} m²", tg.comparison.symbol(), num(v, 0))
            } else {
                format!("{} {}", tg.comparison.symbol(), pct(lang, v, 0))
            }
        });
        let mark = match (tg.met, tg.share) {
            (Some(true), _) => html! { <span class="ok">{ "✓" }</span> },
            (Some(false), _) => html! { <span class="bad">{ "✗" }</span> },
            (None, Some(share)) => html! { <span>{ format!("{} {}", t(lang, "retrofit.share"), pct(lang, share, 2)) }</span> },
            (None, None) => html! { <span>{ "—" }</span> },
        };
        html! {
            <li data-testid={format!("retrofit-target-{}", tg.id)}>
                <span lang="zh-CN">{ &*tg.wording }</span>{ format!(" 〔{}〕", tg.clause) }
                { for goal.map(|g| format!(" {g}")) }{ tg.year.map(|y| format!(" · {y}")).unwrap_or_default() }{ " " }{ mark }
            </li>
        }
    });
    let elements = r.elements.iter().map(|e| {
        let values = e.values.iter().map(|v| format!("{} → {}", value(v.before), value(v.after))).collect::<Vec<_>>().join("; ");
        let checks = e.checks.iter().map(|c| html! {
            <span class={classes!("el-check", status_class(c.status))}>{ c.status.label().get(lang) }</span>
        });
        html! {
            <tr>
                <th scope="row">{ e.element.label().get(lang) }</th>
                <td>{ e.mark.label().get(lang) }</td>
                <td class="num">{ values }</td>
                <td>{ for checks }</td>
            </tr>
        }
    });
    html! {
        <section class="card retrofit" aria-labelledby="retrofit-title" data-testid="retrofit-card">
            <h2 id="retrofit-title">{ r.kind.label().get(lang) }</h2>
            { for improvement }
            if !r.missing.is_empty() {
                <p class="missing">{ t(lang, "verdict.missing") }{ t(lang, "colon") }{ r.missing.join(", ") }</p>
            }
            <ul class="targets">{ for targets }</ul>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{ t(lang, "retrofit.element") }</th><th scope="col">{ t(lang, "retrofit.mark") }</th>
                    <th scope="col">{ t(lang, "retrofit.values") }</th><th scope="col">{ t(lang, "checks.status") }</th>
                </tr></thead>
                <tbody>{ for elements }</tbody>
            </table>
            </div>
            <p class="note">{ format!("{} {} m² · ", t(lang, "retrofit.area"), num(r.floor_area_m2, 0)) }<span lang="en">{ &*r.elements_basis }</span></p>
        </section>
    }
}
