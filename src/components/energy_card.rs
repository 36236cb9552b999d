//! The energy card: estimated saving rate on a gauge against the code baseline and the Hebi target,
//! the energy ratio, heating/cooling demand (the hourly method), the thermal mass in force, monthly bars for
//! design vs reference. Labelled an estimate.

use greencheck_core::energy::{EnergyReport, ThermalMass};
use yew::prelude::*;

use crate::i18n::{num, pct, t, Lang};

/// Props of [`EnergyCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct EnergyCardProps {
    /// The report's energy section.
    pub energy: EnergyReport,
    /// UI language.
    pub lang: Lang,
}

/// Gauge scale: saving rates from 60 % to 90 % (every target and baseline of GB 55015 / the Hebi plan lies inside).
const GAUGE: (f64, f64) = (0.60, 0.90);
const GAUGE_W: f64 = 300.0;

fn gx(rate: f64) -> f64 {
    ((rate - GAUGE.0) / (GAUGE.1 - GAUGE.0)).clamp(0.0, 1.0) * GAUGE_W
}

/// Monthly bars, design beside reference (heating + cooling demand).
fn monthly_bars(e: &EnergyReport, lang: Lang) -> Html {
    let total = |v: &greencheck_core::energy::VariantEnergy, m: usize| {
        v.monthly_heating_kwh_m2[m] + v.monthly_cooling_kwh_m2[m]
    };
    let max = (0..12)
        .map(|m| total(&e.design, m).max(total(&e.reference, m)))
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let (w, h) = (300.0, 90.0);
    let slot = w / 12.0;
    let bars = (0..12).map(|m| {
        let d = total(&e.design, m) / max * h;
        let r = total(&e.reference, m) / max * h;
        let x = m as f64 * slot;
        html! {
            <g>
                <rect class="bar-ref" x={format!("{:.1}", x + 2.0)} y={format!("{:.1}", h - r)} width={format!("{:.1}", slot / 2.0 - 2.0)} height={format!("{:.1}", r)} />
                <rect class="bar-design" x={format!("{:.1}", x + slot / 2.0)} y={format!("{:.1}", h - d)} width={format!("{:.1}", slot / 2.0 - 2.0)} height={format!("{:.1}", d)} />
                <text x={format!("{:.1}", x + slot / 2.0)} y={format!("{}", h + 11.0)} text-anchor="middle">{ m + 1 }</text>
            </g>
        }
    });
    html! {
        <figure class="monthly">
            <svg viewBox={format!("0 0 {w} {}", h + 14.0)} role="img" aria-label={t(lang, "energy.monthly")}>{ for bars }</svg>
            <figcaption>
                { t(lang, "energy.monthly") }{ " · " }
                <span class="key"><span class="swatch key-ref" aria-hidden="true">{ "▮ " }</span>{ t(lang, "energy.reference") }</span>{ " " }
                <span class="key"><span class="swatch key-design" aria-hidden="true">{ "▮ " }</span>{ t(lang, "energy.design") }</span>
            </figcaption>
        </figure>
    }
}

/// The thermal mass in force: its class's name (from the core's class table) or "entered", with C_m and where
/// it came from.
fn thermal_mass_text(m: &ThermalMass, lang: Lang) -> String {
    let class = m.class_name().map(|n| n.get(lang));
    let c_m = format!("C_m {} kJ/(m²·K)", num(m.c_m_kj_m2k, 0));
    match class {
        Some(name) => format!("{name} · {c_m} · {}", m.origin.label().get(lang)),
        None => format!("{c_m} · {}", m.origin.label().get(lang)),
    }
}

/// The card.
#[function_component(EnergyCard)]
pub fn energy_card(p: &EnergyCardProps) -> Html {
    crate::bench::rendered("energy_card");
    let (e, lang) = (&p.energy, p.lang);
    let meets = if e.meets_target {
        t(lang, "energy.meets")
    } else {
        t(lang, "energy.misses")
    };
    let gauge = html! {
        <svg class="gauge" viewBox={format!("-10 0 {} 44", GAUGE_W + 20.0)} role="img"
             aria-label={format!("{} {} · {} {} · {} {}", t(lang, "energy.saving"), pct(lang, e.saving_rate, 1), t(lang, "energy.base"), pct(lang, e.base_rate, 0), t(lang, "energy.target"), pct(lang, e.target_rate, 0))}>
            <rect class="track" x="0" y="12" width={GAUGE_W.to_string()} height="12" rx="3" />
            <rect class={classes!("fill", if e.meets_target { "ok" } else { "short" })} x="0" y="12" width={format!("{:.1}", gx(e.saving_rate))} height="12" rx="3" />
            <line class="mark-base" x1={format!("{:.1}", gx(e.base_rate))} x2={format!("{:.1}", gx(e.base_rate))} y1="6" y2="30" />
            <text x={format!("{:.1}", gx(e.base_rate))} y="40" text-anchor="middle">{ pct(lang, e.base_rate, 0) }</text>
            <line class="mark-target" x1={format!("{:.1}", gx(e.target_rate))} x2={format!("{:.1}", gx(e.target_rate))} y1="4" y2="32" />
            <text x={format!("{:.1}", gx(e.target_rate))} y="40" text-anchor="middle">{ pct(lang, e.target_rate, 0) }</text>
            <text x="0" y="8">{ pct(lang, GAUGE.0, 0) }</text>
            <text x={GAUGE_W.to_string()} y="8" text-anchor="end">{ pct(lang, GAUGE.1, 0) }</text>
        </svg>
    };
    html! {
        <section class="card energy" aria-labelledby="energy-title">
            <h2 id="energy-title">{ t(lang, "energy.title") }</h2>
            <p class="big" data-testid="saving-rate" data-value={format!("{:.4}", e.saving_rate)}>
                { t(lang, "energy.saving") }{ " " }<strong>{ pct(lang, e.saving_rate, 1) }</strong>
                { format!(" · {} {} · {}", t(lang, "energy.target"), pct(lang, e.target_rate, 0), meets) }
            </p>
            { gauge }
            if let Some(o) = e.tradeoff_outlook {
                <p class={classes!("outlook", o.code())} data-testid="tradeoff-outlook">{ o.label().get(lang) }</p>
            }
            <table class="kv">
                <tbody>
                    <tr><th scope="row">{ t(lang, "energy.ratio") }</th><td class="num" data-testid="energy-ratio">{ num(e.ratio, 3) }</td><td></td></tr>
                    <tr><th scope="row"></th><td class="num">{ t(lang, "energy.design") }</td><td class="num">{ t(lang, "energy.reference") }</td></tr>
                    <tr><th scope="row">{ t(lang, "energy.heating") }{ format!(" ({})", t(lang, "unit.kwh_m2")) }</th>
                        <td class="num">{ num(e.design.heating_kwh_m2, 1) }</td><td class="num">{ num(e.reference.heating_kwh_m2, 1) }</td></tr>
                    <tr><th scope="row">{ t(lang, "energy.cooling") }{ format!(" ({})", t(lang, "unit.kwh_m2")) }</th>
                        <td class="num">{ num(e.design.cooling_kwh_m2, 1) }</td><td class="num">{ num(e.reference.cooling_kwh_m2, 1) }</td></tr>
                    <tr><th scope="row">{ t(lang, "energy.mass") }</th><td colspan="2" data-testid="thermal-mass">{ thermal_mass_text(&e.thermal_mass, lang) }</td></tr>
                </tbody>
            </table>
            { monthly_bars(e, lang) }
            <p class="note">{ t(lang, "energy.note") }</p>
        </section>
    }
}
