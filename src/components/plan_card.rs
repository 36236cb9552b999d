//! The Hebi plan scorecard (鹤壁方案指标): each building-level target of the carbon-peak plan — its wording and
//! place in the plan, the target, this project's value and whether it meets it — and, for a target that cannot be
//! decided yet, a link to the input it needs.

use greencheck_core::labels::TO_BE_CONFIRMED;
use greencheck_core::plan::{Compare, PlanRow, PlanScorecard, PlanStatus};
use yew::prelude::*;

use crate::components::field::field_id;
use crate::i18n::{measured, t, Lang};
use crate::layout::label_for_path;

/// Props of [`PlanCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlanCardProps {
    /// The report's plan section.
    pub plan: PlanScorecard,
    /// UI language.
    pub lang: Lang,
}

fn compare(c: Compare) -> &'static str {
    match c {
        Compare::Ge | Compare::StarGe => "≥ ",
        Compare::Gt => "> ",
        Compare::Le => "≤ ",
        Compare::IsTrue => "",
    }
}

fn row(lang: Lang, r: &PlanRow) -> Html {
    let code = r.status.key();
    let target = format!(
        "{}{}",
        compare(r.compare),
        measured(lang, &r.target, &r.unit)
    );
    let value = r
        .value
        .as_ref()
        .map_or_else(|| "—".to_owned(), |v| measured(lang, v, &r.unit));
    let needs = (r.status == PlanStatus::NeedsInput && !r.needs.is_empty()).then(|| {
        let links = r.needs.iter().map(|path| {
            html! { <a href={format!("#{}", field_id(path))}>{ label_for_path(lang, path) }</a> }
        });
        html! { <div class="needs">{ t(lang, "plan.needs") }{ t(lang, "colon") }{ for links }</div> }
    });
    html! {
        <tr class={classes!("plan-row", format!("p-{code}"))} data-testid={format!("plan-{}", r.id)} data-status={code}>
            <th scope="row">
                { lang.pick(&r.wording_zh, &r.wording_en) }
                <span class="place" lang="zh">{ format!(" 〔{}〕", r.section) }</span>
                { for r.deadline.map(|y| html! { <span class="deadline">{ format!(" · {y}") }</span> }) }
                { for needs }
            </th>
            <td class="num">
                { target }
                if r.to_be_confirmed { <span class="tbc">{ TO_BE_CONFIRMED.get(lang) }</span> }
            </td>
            <td class="num">{ value }</td>
            <td class="status">{ r.status.label().get(lang) }</td>
        </tr>
    }
}

/// The card.
#[function_component(PlanCard)]
pub fn plan_card(p: &PlanCardProps) -> Html {
    crate::bench::rendered("plan_card");
    let (plan, lang) = (&p.plan, p.lang);
    html! {
        <section class="card plan-card" aria-labelledby="plan-card-title" data-testid="plan-card">
            <h2 id="plan-card-title">{ t(lang, "plan.card.title") }</h2>
            <p class="note">{ lang.pick(&plan.plan_zh, &plan.plan_en) }{ " · " }<span lang="zh-CN">{ &*plan.document }</span></p>
            <div class="table-wrap">
            <table>
                <thead><tr>
                    <th scope="col">{ t(lang, "plan.col.target") }</th><th scope="col">{ t(lang, "checks.limit") }</th>
                    <th scope="col">{ t(lang, "plan.col.value") }</th><th scope="col">{ t(lang, "checks.status") }</th>
                </tr></thead>
                <tbody>{ for plan.rows.iter().map(|r| row(lang, r)) }</tbody>
            </table>
            </div>
        </section>
    }
}
