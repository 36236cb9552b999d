//! A small SVG plan: the footprint rotated on a compass, each facade labelled and coloured by its
//! GB 55015 B.0.5 orientation class (colour and text, never colour alone).

use greencheck_core::model::Orientation;
use greencheck_core::report::FacadeSummary;
use yew::prelude::*;

use crate::i18n::{t, Lang};

/// Props of [`PlanView`].
#[derive(Properties, PartialEq, Clone)]
pub struct PlanViewProps {
    /// Facades from the report (name, azimuth, class).
    pub facades: Vec<FacadeSummary>,
    /// Box footprint (length of facade A, depth), m; `None` for measured areas (facades drawn as normals).
    pub footprint: Option<(f64, f64)>,
    /// Azimuth of facade A, degrees (box only).
    pub orientation_deg: f64,
    /// UI language.
    pub lang: Lang,
}

fn class_css(o: Orientation) -> &'static str {
    match o {
        Orientation::N => "o-n",
        Orientation::E => "o-e",
        Orientation::S => "o-s",
        Orientation::W => "o-w",
    }
}

/// Point on the compass circle at azimuth `deg` (clockwise from north; SVG y points down).
fn polar(r: f64, deg: f64) -> (f64, f64) {
    let a = deg.to_radians();
    (r * a.sin(), -r * a.cos())
}

/// The rotated footprint on a compass.
#[function_component(PlanView)]
pub fn plan_view(p: &PlanViewProps) -> Html {
    crate::bench::rendered("plan_view");
    let lang = p.lang;
    let Some((l, d)) = p.footprint else {
        return normals_view(p);
    };
    // Footprint scaled into a 100-unit box; A is the bottom edge before rotation (normal = south).
    let (l, d) = (l.max(1e-6), d.max(1e-6));
    let s = 90.0 / l.max(d);
    let (hw, hd) = (l * s / 2.0, d * s / 2.0);
    // Edges in local coordinates: A bottom, B left (A + 90° clockwise is west of A-facing-south), C top, D right.
    let edges = [
        (-hw, hd, hw, hd),
        (-hw, -hd, -hw, hd),
        (-hw, -hd, hw, -hd),
        (hw, -hd, hw, hd),
    ];
    let label_pos = [
        (0.0, hd + 12.0),
        (-hw - 12.0, 0.0),
        (0.0, -hd - 12.0),
        (hw + 12.0, 0.0),
    ];
    let rot = p.orientation_deg - 180.0;
    let facade_lines = p.facades.iter().take(4).enumerate().map(|(i, f)| {
        let (x1, y1, x2, y2) = edges[i];
        let (lx, ly) = label_pos[i];
        let class_name = f.orientation.label().get(lang);
        html! {
            <g class={classes!("facade", class_css(f.orientation))} data-facade={f.name.clone()}
               data-orientation={f.orientation.key()}>
                <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                <text x={lx.to_string()} y={ly.to_string()} transform={format!("rotate({} {} {})", -rot, lx, ly)}
                      text-anchor="middle" dominant-baseline="middle">{ format!("{} {}", f.name, class_name) }</text>
            </g>
        }
    });
    let body = html! {
        <g transform={format!("rotate({rot})")}>
            <rect class="footprint" x={(-hw).to_string()} y={(-hd).to_string()} width={(2.0 * hw).to_string()} height={(2.0 * hd).to_string()} />
            { for facade_lines }
        </g>
    };
    compass(lang, body, format!(" · A = {:.0}°", p.orientation_deg))
}

/// Measured facades: each drawn as a wall segment facing its azimuth on a ring.
fn normals_view(p: &PlanViewProps) -> Html {
    let lang = p.lang;
    let lines = p.facades.iter().map(|f| {
        let (cx, cy) = polar(70.0, f.azimuth_deg);
        let (lx, ly) = polar(96.0, f.azimuth_deg);
        let class_name = f.orientation.label().get(lang);
        html! {
            <g class={classes!("facade", class_css(f.orientation))} data-facade={f.name.clone()}
               data-orientation={f.orientation.key()}>
                <line x1="-18" y1="0" x2="18" y2="0" transform={format!("translate({cx:.1} {cy:.1}) rotate({})", f.azimuth_deg)} />
                <text x={format!("{lx:.1}")} y={format!("{ly:.1}")} text-anchor="middle" dominant-baseline="middle">{ format!("{} {}", f.name, class_name) }</text>
            </g>
        }
    });
    compass(lang, html! { <>{ for lines }</> }, String::new())
}

/// The compass with B.0.5 sector edges around `body`.
fn compass(lang: Lang, body: Html, caption: String) -> Html {
    // Sector edges of B.0.5 (dashed) and the cardinal letters.
    let sector_edges = [60.0, 150.0, 210.0, 300.0].map(|deg| {
        let (x, y) = polar(118.0, deg);
        html! { <line class="sector" x1="0" y1="0" x2={x.to_string()} y2={y.to_string()} /> }
    });
    let cardinals = [("N", "北", 0.0), ("E", "东", 90.0), ("S", "南", 180.0), ("W", "西", 270.0)].map(|(en, zh, deg)| {
        let (x, y) = polar(128.0, deg);
        html! { <text class="cardinal" x={x.to_string()} y={y.to_string()} text-anchor="middle" dominant-baseline="middle">{ lang.pick(zh, en) }</text> }
    });
    let title = t(lang, "plan.title");
    html! {
        <figure class="plan">
            <svg viewBox="-140 -140 280 280" role="img" aria-labelledby="plan-title plan-desc" data-testid="plan-view">
                <title id="plan-title">{ title }</title>
                <desc id="plan-desc">{ t(lang, "plan.desc") }</desc>
                <circle class="compass" r="118" />
                { for sector_edges }
                { for cardinals }
                { body }
            </svg>
            <figcaption>{ title }{ caption }</figcaption>
        </figure>
    }
}
