//! The PV card: capacity, yield, specific yield, roof coverage against the 50 % target, renewable share, CO₂.

use greencheck_core::pv::PvReport;
use yew::prelude::*;

use crate::i18n::{num, pct, t, Lang};

/// Props of [`PvCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct PvCardProps {
    /// The report's PV section (None when no roof area is entered).
    pub pv: Option<PvReport>,
    /// UI language.
    pub lang: Lang,
}

/// The card.
#[function_component(PvCard)]
pub fn pv_card(p: &PvCardProps) -> Html {
    crate::bench::rendered("pv_card");
    let lang = p.lang;
    let Some(pv) = &p.pv else {
        return html! {
            <section class="card pv" aria-labelledby="pv-title">
                <h2 id="pv-title">{ t(lang, "pv.title") }</h2>
                <p class="note">{ t(lang, "pv.none") }</p>
            </section>
        };
    };
    let coverage = pv.coverage_ratio.map(|c| {
        let ok = pv.meets_coverage_target.unwrap_or(false);
        format!(
            "{} ({} {} {})",
            pct(lang, c, 0),
            if ok { "✓" } else { "✗" },
            t(lang, "energy.target"),
            pct(lang, pv.coverage_target, 0)
        )
    });
    // The factor comes from the report (the data row, or a number set in the file); a row is named in the language.
    let grid = match greencheck_core::pv::grid_factors()
        .iter()
        .find(|r| r.id == pv.grid_factor_id)
    {
        Some(r) => format!(
            "{}{}{}",
            lang.pick(r.name_zh, r.name_en),
            t(lang, "colon"),
            pv.grid_factor_kg_per_kwh
        ),
        None => pv.grid_factor_kg_per_kwh.to_string(),
    };
    let row = |k: &str, v: String, testid: Option<&'static str>| {
        html! {
            <tr><th scope="row">{ t(lang, k) }</th><td class="num" data-testid={testid}>{ v }</td></tr>
        }
    };
    html! {
        <section class="card pv" aria-labelledby="pv-title">
            <h2 id="pv-title">{ t(lang, "pv.title") }</h2>
            <table class="kv"><tbody>
                { row("pv.kwp", format!("{} kWp", num(pv.kwp, 1)), Some("pv-kwp")) }
                { row("pv.annual", format!("{} kWh/a", num(pv.annual_kwh, 0)), None) }
                { row("pv.specific", format!("{} kWh/kWp", num(pv.kwh_per_kwp, 0)), None) }
                { row("pv.coverage", coverage.unwrap_or_else(|| "—".into()), None) }
                { row("pv.share", pv.renewable_share.map(|s| pct(lang, s, 1)).unwrap_or_else(|| "—".into()), None) }
                { row("pv.co2", format!("{} kg", num(pv.avoided_co2_kg, 0)), None) }
            </tbody></table>
            <p class="note" data-testid="pv-note">
                { format!("{} · {} {} kgCO₂/kWh · ", t(lang, "pv.basis"), t(lang, "pv.grid"), grid) }
                // The source is cited as the data table gives it (English).
                <span lang="en">{ &pv.grid_factor_source }</span>
            </p>
        </section>
    }
}
