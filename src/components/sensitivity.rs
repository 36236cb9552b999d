//! The sensitivity chart: the estimated saving rate as one parameter varies (the core's sweep), with the
//! GB 55015 verdict bands shaded, the target line and the current value marked. The sweep is the monthly
//! method's (fast); the note beside it gives the design's rate by both methods.

use greencheck_core::project::Project;
use greencheck_core::report::Verdict;
use greencheck_core::sweep::{params, sweep, SweepParam, SweepPoint};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{num, pct, t, Lang};

/// Props of [`Sensitivity`].
#[derive(Properties, PartialEq, Clone)]
pub struct SensitivityProps {
    /// The project (last valid).
    pub project: Project,
    /// The target saving rate (83 % / 78 %), if the estimate ran.
    pub target_rate: Option<f64>,
    /// The design's saving rate by the report's hourly method and by the monthly method the curve uses
    /// (`energy.saving_rate`, `energy.monthly.saving_rate`), so the chart says how far the two are apart.
    #[prop_or_default]
    pub rates: Option<(f64, f64)>,
    /// UI language.
    pub lang: Lang,
}

/// The parameter's label: the registry field's, with the facade name for a WWR.
fn param_label(p: &SweepParam, lang: Lang) -> String {
    let label = p.field().label.get(lang);
    match p {
        SweepParam::Wwr(f) => format!("{label} {f}"),
        _ => label.to_owned(),
    }
}

const W: f64 = 320.0;
const H: f64 = 150.0;
const PAD_L: f64 = 40.0;
const PAD_B: f64 = 20.0;
const STEPS: usize = 60;
/// Pause after the last change before the curve is recomputed: long enough that a keystroke paints first and a
/// fast typist's burst costs one sweep, short enough to follow a slider.
const SWEEP_DELAY_MS: u32 = 120;

/// The curve of one parameter over its typical range.
fn curve_of(project: &Project, param: Option<&SweepParam>) -> Vec<SweepPoint> {
    match param {
        Some(x) => {
            let (from, to) = x.range();
            sweep(project, x.clone(), from, to, STEPS)
        }
        None => Vec::new(),
    }
}

/// The chart.
#[function_component(Sensitivity)]
pub fn sensitivity(p: &SensitivityProps) -> Html {
    crate::bench::rendered("sensitivity");
    let lang = p.lang;
    let all = params(&p.project);
    let selected = use_state(|| all.first().map(SweepParam::id).unwrap_or_default());
    let param = all
        .iter()
        .find(|x| x.id() == *selected)
        .or(all.first())
        .cloned();
    let printed_param = param
        .as_ref()
        .map(|x| param_label(x, lang))
        .unwrap_or_default();
    // The sweep (60 full estimates) runs off the keystroke path: after typing pauses, and only while the card
    // is on screen; the chart keeps its last curve meanwhile (the current-value marker moves at once).
    let card = use_node_ref();
    let visible = use_state_eq(|| true);
    {
        let card = card.clone();
        let visible = visible.setter();
        use_effect_with((), move |_| {
            let guard = card
                .cast::<web_sys::Element>()
                .and_then(|el| crate::browser::observe_visibility(&el, move |v| visible.set(v)));
            move || drop(guard)
        });
    }
    // The curve with the parameter it was computed for (axis and points always match).
    let curve = use_state(|| (None::<SweepParam>, Vec::<SweepPoint>::new()));
    // Printing shows the card whatever the scroll position: compute the curve at once before the page prints.
    let latest = use_mut_ref(|| (p.project.clone(), param.clone()));
    *latest.borrow_mut() = (p.project.clone(), param.clone());
    {
        let curve = curve.setter();
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let guard = crate::browser::on_before_print(move |_| {
                let (project, param) = latest.borrow().clone();
                curve.set((param.clone(), curve_of(&project, param.as_ref())));
            });
            move || drop(guard)
        });
    }
    {
        let curve = curve.setter();
        let key = (p.project.clone(), param.clone(), *visible);
        use_effect_with(key, move |(project, param, visible)| {
            let timer = (*visible).then(|| {
                let (project, param) = (project.clone(), param.clone());
                gloo::timers::callback::Timeout::new(SWEEP_DELAY_MS, move || {
                    let points = curve_of(&project, param.as_ref());
                    curve.set((param, points));
                })
            });
            move || drop(timer)
        });
    }
    let on_change = {
        let selected = selected.clone();
        Callback::from(move |e: Event| {
            selected.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        use_effect_with((*selected).clone(), move |id| {
            if let Some(sel) = select_ref.cast::<HtmlSelectElement>() {
                sel.set_value(id);
            }
        });
    }
    let Some(param) = param else { return html! {} };
    let current = serde_json::to_value(&p.project).ok().and_then(|v| {
        greencheck_core::editor::get_path(&v, &param.path()).and_then(|x| x.as_f64())
    });
    let (shown, points) = &*curve;
    let chart = match shown {
        // The marker belongs to the selected parameter; until its curve is computed the last one stays, unmarked.
        Some(shown) => chart(
            points,
            shown,
            current.filter(|_| *shown == param),
            p.target_rate,
            lang,
        ),
        None => html! { <p class="note">{ "…" }</p> },
    };
    let method = p.rates.map(|(hourly, monthly)| {
        t(lang, "sens.method")
            .replace("{h}", &pct(lang, hourly, 1))
            .replace("{m}", &pct(lang, monthly, 1))
    });
    html! {
        <section class="card sensitivity" aria-labelledby="sens-title" ref={card} data-testid="sensitivity"
            data-points={points.len().to_string()} data-param={shown.as_ref().map(SweepParam::id)}>
            <h2 id="sens-title">{ t(lang, "sens.title") }</h2>
            <label for="sens-param">{ t(lang, "sens.param") }{ " " }</label>
            <select id="sens-param" data-testid="sens-param" ref={select_ref} onchange={on_change}>
                { for all.iter().map(|x| html! { <option value={x.id()}>{ param_label(x, lang) }</option> }) }
            </select>
            // Print hides the select; the parameter's name takes its place.
            <span class="print-only-inline" data-testid="sens-param-printed">{ printed_param.clone() }</span>
            { chart }
            <p class="note legend">
                <span class="key"><span class="swatch band-complies" aria-hidden="true">{ "▮ " }</span>{ Verdict::Complies.label().get(lang) }</span>{ " " }
                <span class="key"><span class="swatch band-tradeoff" aria-hidden="true">{ "▮ " }</span>{ Verdict::Tradeoff.label().get(lang) }</span>{ " " }
                <span class="key"><span class="swatch band-fails" aria-hidden="true">{ "▮ " }</span>{ Verdict::Fails.label().get(lang) }</span>
            </p>
            if let Some(m) = method { <p class="note" data-testid="sens-method">{ m }</p> }
        </section>
    }
}

fn chart(
    points: &[SweepPoint],
    param: &SweepParam,
    current: Option<f64>,
    target: Option<f64>,
    lang: Lang,
) -> Html {
    let rates: Vec<f64> = points
        .iter()
        .filter_map(|p| p.saving_rate)
        .chain(target)
        .collect();
    if rates.is_empty() {
        return html! { <p class="note">{ "—" }</p> };
    }
    let lo = rates.iter().copied().fold(f64::INFINITY, f64::min) - 0.01;
    let hi = rates.iter().copied().fold(f64::NEG_INFINITY, f64::max) + 0.01;
    let (x0, x1) = param.range();
    let sx = |x: f64| PAD_L + (x - x0) / (x1 - x0) * (W - PAD_L - 4.0);
    let sy = |y: f64| 4.0 + (hi - y) / (hi - lo) * (H - PAD_B - 4.0);
    let half = (x1 - x0) / (STEPS as f64 - 1.0) / 2.0;
    let bands = points.iter().filter(|p| p.verdict != Verdict::Incomplete).map(|p| {
        let (a, b) = (sx((p.x - half).max(x0)), sx((p.x + half).min(x1)));
        html! { <rect class={format!("band-{}", p.verdict.code())} x={format!("{a:.1}")} y="4" width={format!("{:.1}", b - a)} height={format!("{:.1}", H - PAD_B - 4.0)} /> }
    });
    let line: String = points
        .iter()
        .filter_map(|p| {
            p.saving_rate
                .map(|r| format!("{:.1},{:.1}", sx(p.x), sy(r)))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let target_line = target.map(|tr| html! {
        <g class="target">
            <line x1={PAD_L.to_string()} x2={(W - 4.0).to_string()} y1={format!("{:.1}", sy(tr))} y2={format!("{:.1}", sy(tr))} />
            <text x={(W - 6.0).to_string()} y={format!("{:.1}", sy(tr) - 3.0)} text-anchor="end">{ format!("{} {}", t(lang, "energy.target"), pct(lang, tr, 0)) }</text>
        </g>
    });
    let marker = current.filter(|c| *c >= x0 && *c <= x1).map(|c| html! {
        <g class="current" data-testid="sens-current" data-x={c.to_string()}>
            <line x1={format!("{:.1}", sx(c))} x2={format!("{:.1}", sx(c))} y1="4" y2={(H - PAD_B).to_string()} />
            <text x={format!("{:.1}", sx(c))} y="12" text-anchor="middle">{ t(lang, "sens.current") }</text>
        </g>
    });
    let label = format!(
        "{}: {} {}–{}",
        t(lang, "sens.y"),
        param_label(param, lang),
        num(x0, 2),
        num(x1, 2)
    );
    html! {
        <svg class="sens-chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={label} data-testid="sens-chart">
            { for bands }
            <polyline class="rate" points={line} />
            { for target_line }
            { for marker }
            <text class="axis" x="2" y={format!("{:.1}", sy(hi) + 8.0)}>{ pct(lang, hi, 0) }</text>
            <text class="axis" x="2" y={format!("{:.1}", sy(lo))}>{ pct(lang, lo, 0) }</text>
            <text class="axis" x={PAD_L.to_string()} y={(H - 6.0).to_string()}>{ num(x0, 2) }</text>
            <text class="axis" x={(W - 4.0).to_string()} y={(H - 6.0).to_string()} text-anchor="end">{ num(x1, 2) }</text>
        </svg>
    }
}
