//! The star card: level reached, total score, category bars, and the gates that block the next level.

use greencheck_core::star::{Category, GateStatus, StarLevel, StarReport};
use yew::prelude::*;

use crate::i18n::{num, t, Lang};

/// Props of [`StarCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct StarCardProps {
    /// The report's star section.
    pub star: StarReport,
    /// UI language.
    pub lang: Lang,
}

/// The level code used in `data-level` (`none` | `basic` | `one` | `two` | `three`).
pub fn level_code(l: StarLevel) -> &'static str {
    match l {
        StarLevel::None => "none",
        StarLevel::Basic => "basic",
        StarLevel::One => "one",
        StarLevel::Two => "two",
        StarLevel::Three => "three",
    }
}

/// The card.
#[function_component(StarCard)]
pub fn star_card(p: &StarCardProps) -> Html {
    crate::bench::rendered("star_card");
    let (s, lang) = (&p.star, p.lang);
    let bars = s.categories.iter().filter(|c| c.category != Category::Prerequisites).map(|c| {
        let w = if c.max > 0.0 { (c.score / c.max).clamp(0.0, 1.0) * 200.0 } else { 0.0 };
        let floor = c.floor.map(|f| if c.max > 0.0 { f / c.max * 200.0 } else { 0.0 });
        html! {
            <tr>
                <th scope="row">{ c.category.label().get(lang) }</th>
                <td><svg class="cat-bar" viewBox="0 0 200 10" role="img" aria-label={format!("{} / {}", num(c.score, 1), num(c.max, 0))}>
                    <rect class="track" x="0" y="0" width="200" height="10" />
                    <rect class="fill" x="0" y="0" width={format!("{w:.1}")} height="10" />
                    if let Some(f) = floor { <line class="floor" x1={format!("{f:.1}")} x2={format!("{f:.1}")} y1="0" y2="10" /> }
                </svg></td>
                <td class="num">{ format!("{} / {}", num(c.score, 1), num(c.max, 0)) }</td>
            </tr>
        }
    });
    let next = s.next_levels.first().map(|lg| {
        let gates = lg.gates.iter().filter(|g| g.status != GateStatus::Pass).map(|g| {
            let mark = if g.status == GateStatus::Fail { "✗" } else { "?" };
            html! { <li>{ format!("{mark} ") }{ lang.pick(&g.text_zh, &g.text_en) }</li> }
        });
        html! {
            <div class="next-level">
                <p>{ t(lang, "star.next") }{ " " }{ lg.level.label().get(lang) }{ t(lang, "colon") }</p>
                <ul>{ for gates }</ul>
            </div>
        }
    });
    html! {
        <section class="card star" aria-labelledby="star-title">
            <h2 id="star-title">{ t(lang, "star.title") }</h2>
            <p class="big" data-testid="star-level" data-level={level_code(s.level)}>
                <strong>{ s.level.label().get(lang) }</strong>
                { format!(" · {} {} · {}", t(lang, "star.total"), num(s.q, 1), s.edition.label().get(lang)) }
            </p>
            <table class="kv"><tbody>{ for bars }</tbody></table>
            { for next }
        </section>
    }
}
