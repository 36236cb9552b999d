//! The verdict banner: the report's verdict with the checks that decided it.

use greencheck_core::report::{Report, Verdict};
use yew::prelude::*;

use crate::i18n::{check_label, t, Lang};
use crate::shared::Shared;

/// Props of [`VerdictBanner`].
#[derive(Properties, PartialEq, Clone)]
pub struct VerdictProps {
    /// The report (compared by pointer: a new one after every accepted edit).
    pub report: Shared<Report>,
    /// True when some input is not accepted and the report shows the last valid input.
    pub stale: bool,
    /// UI language.
    pub lang: Lang,
}

fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Complies => "✓",
        Verdict::Tradeoff => "≈",
        Verdict::Fails => "✗",
        Verdict::Incomplete => "?",
    }
}

/// The banner.
#[function_component(VerdictBanner)]
pub fn verdict_banner(p: &VerdictProps) -> Html {
    crate::bench::rendered("verdict_banner");
    let r = &p.report;
    let code = r.verdict.code();
    let decisive = r.decisive.iter().filter_map(|id| r.check(id)).map(|c| {
        html! { <li><a href={format!("#check-{}", c.id)}>{ check_label(p.lang, c) }</a>{ format!(" · {}", c.clause) }</li> }
    });
    let errors = r.errors.iter().map(|e| html! { <li>{ format!("{}: {}", e.path, p.lang.pick(&e.message_zh, &e.message_en)) }</li> });
    html! {
        <section class={classes!("verdict", format!("v-{code}"), p.stale.then_some("stale"))}
                 data-testid="verdict" data-verdict={code} data-stale={p.stale.to_string()} aria-live="polite">
            <p class="verdict-title"><span class="icon" aria-hidden="true">{ icon(r.verdict) }</span>
                { r.verdict.label().get(p.lang) }</p>
            if p.stale { <p class="stale-note" role="status">{ t(p.lang, "verdict.stale") }</p> }
            if let (Verdict::Tradeoff, Some(e)) = (r.verdict, &r.energy) {
                if let Some(o) = e.tradeoff_outlook {
                    <p class="outlook-line" data-testid="verdict-outlook">
                        { format!("{} {} · ", t(p.lang, "energy.ratio"), crate::i18n::num(e.ratio, 3)) }
                        { o.label().get(p.lang) }
                    </p>
                }
            }
            if !r.decisive.is_empty() {
                <div class="decisive"><span>{ t(p.lang, "verdict.decisive") }{ t(p.lang, "colon") }</span><ul>{ for decisive }</ul></div>
            }
            if !r.missing.is_empty() {
                <p class="missing">{ t(p.lang, "verdict.missing") }{ t(p.lang, "colon") }{ r.missing.join(", ") }</p>
            }
            if !r.errors.is_empty() { <ul class="report-errors">{ for errors }</ul> }
        </section>
    }
}
