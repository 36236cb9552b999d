//! The tier ladder: GB 55015's saving rate → the Hebi plan's 83 % / 78 % → GB/T 51350 ultra-low → near-zero,
//! each rung with its status and its criteria as the core words them (value, limit, what is still needed),
//! the provisional rungs and unverified limits marked 待确认. Everything shown is the report's `energy.ladder`;
//! the data rows behind each limit are in `data-rows` (the rung's label names the standard).

use greencheck_core::energy::{Ladder, TierStatus};
use greencheck_core::labels::TO_BE_CONFIRMED;
use yew::prelude::*;

use crate::i18n::{t, Lang};

/// Props of [`TierLadder`].
#[derive(Properties, PartialEq, Clone)]
pub struct TierLadderProps {
    /// The report's ladder.
    pub ladder: Ladder,
    /// UI language.
    pub lang: Lang,
}

/// CSS class and test value of a status.
fn status_code(s: TierStatus) -> &'static str {
    match s {
        TierStatus::Met => "met",
        TierStatus::NotMet => "not_met",
        TierStatus::Undetermined => "undetermined",
        TierStatus::NotAssessed => "not_assessed",
    }
}

/// The card.
#[function_component(TierLadder)]
pub fn tier_ladder(p: &TierLadderProps) -> Html {
    crate::bench::rendered("tier_ladder");
    let (l, lang) = (&p.ladder, p.lang);
    let position = match l.position {
        Some(r) => r.label().get(lang).to_owned(),
        None => t(lang, "ladder.none").to_owned(),
    };
    let next = match l.next {
        Some(r) => r.label().get(lang).to_owned(),
        None => t(lang, "ladder.top").to_owned(),
    };
    let rungs = l.rungs.iter().rev().map(|r| {
        let criteria = r.criteria.iter().map(|c| {
            let text = match lang {
                Lang::Zh => &c.text_zh,
                Lang::En => &c.text_en,
            };
            html! {
                <li class={classes!("crit", status_code(c.status))} data-quantity={c.quantity.to_string()} data-status={status_code(c.status)}
                    data-rows={c.rows.join(" ")}>
                    <span class="crit-status">{ c.status.label().get(lang) }</span>{ " " }
                    { text }
                    if c.to_be_confirmed { <span class="tbc" title={c.provenance.label().get(lang)}>{ TO_BE_CONFIRMED.get(lang) }</span> }
                </li>
            }
        });
        let note = match lang {
            Lang::Zh => r.note_zh.to_string(),
            Lang::En => r.note_en.to_string(),
        };
        html! {
            <li class={classes!("rung", status_code(r.status), (Some(r.id) == l.position).then_some("here"))}
                data-testid={format!("rung-{}", r.id.key())} data-status={status_code(r.status)}>
                <p class="rung-head">
                    <strong>{ r.id.label().get(lang) }</strong>{ " · " }
                    <span class="rung-status">{ r.status.label().get(lang) }</span>
                    if r.provisional { <span class="tbc">{ t(lang, "ladder.provisional") }</span> }
                </p>
                <ul class="criteria">{ for criteria }</ul>
                <p class="note">{ note }</p>
            </li>
        }
    });
    html! {
        <section class="card ladder" aria-labelledby="ladder-title" data-testid="tier-ladder"
            data-position={l.position.map(|r| r.key())} data-next={l.next.map(|r| r.key())}>
            <h2 id="ladder-title">{ t(lang, "ladder.title") }</h2>
            <p class="big">
                { t(lang, "ladder.position") }{ " " }<strong data-testid="ladder-position">{ position }</strong>
                { " · " }{ t(lang, "ladder.next") }{ " " }<span data-testid="ladder-next">{ next }</span>
            </p>
            <ol class="rungs" reversed=true>{ for rungs }</ol>
        </section>
    }
}
