//! Geometry input: a box (length × depth × storeys, orientation) or measured areas from CAD, with the
//! plan view beside it.

use greencheck_core::project::Geometry;
use greencheck_core::report::FacadeSummary;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::plan_view::PlanView;
use crate::components::section::Section;
use crate::i18n::{t, Lang};
use crate::layout::FieldView;

/// Props of [`GeometryInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct GeometryProps {
    /// The project's geometry.
    pub geometry: Geometry,
    /// Box fields.
    pub massing: Vec<FieldView>,
    /// Measured-areas totals.
    pub areas: Vec<FieldView>,
    /// Measured facades' fields, by facade.
    pub area_facades: Vec<Vec<FieldView>>,
    /// Facades of the report (azimuth, class).
    pub facades: Vec<FacadeSummary>,
    /// UI language.
    pub lang: Lang,
    /// Field edits.
    pub on_edit: Callback<(String, String)>,
    /// Switch mode (`box` | `areas`).
    pub on_mode: Callback<String>,
    /// Add a measured facade.
    pub on_add: Callback<()>,
    /// Remove measured facade n.
    pub on_remove: Callback<usize>,
}

/// The geometry inputs.
#[function_component(GeometryInput)]
pub fn geometry_input(p: &GeometryProps) -> Html {
    crate::bench::rendered("geometry_input");
    let lang = p.lang;
    let is_box = matches!(p.geometry, Geometry::Box { .. });
    let mode_ref = use_node_ref();
    {
        let mode_ref = mode_ref.clone();
        use_effect_with(is_box, move |is_box| {
            if let Some(sel) = mode_ref.cast::<HtmlSelectElement>() {
                sel.set_value(if *is_box { "box" } else { "areas" });
            }
        });
    }
    let on_mode = {
        let cb = p.on_mode.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let mode = html! {
        <div class="field mode">
            <label for="geometry-mode">{ t(lang, "f.geometry_mode") }</label>
            <select id="geometry-mode" data-testid="geometry-mode" ref={mode_ref} onchange={on_mode}>
                <option value="box">{ t(lang, "geo.mode.box") }</option>
                <option value="areas">{ t(lang, "geo.mode.areas") }</option>
            </select>
        </div>
    };
    let (inputs, plan) = match &p.geometry {
        Geometry::Box {
            length_m,
            depth_m,
            orientation_deg,
        } => (
            html! { <Section title="sec.massing" fields={p.massing.clone()} {lang} on_edit={p.on_edit.clone()} /> },
            html! { <PlanView facades={p.facades.clone()} footprint={Some((*length_m, *depth_m))} orientation_deg={*orientation_deg} {lang} /> },
        ),
        Geometry::Areas { facades, .. } => {
            let rows = facades.iter().enumerate().map(|(i, f)| {
                let remove = {
                    let cb = p.on_remove.clone();
                    Callback::from(move |_: MouseEvent| cb.emit(i))
                };
                html! {
                    <div class="area-facade">
                        <Section title="geo.facade" subtitle={format!(" · {}", f.name)} fields={p.area_facades.get(i).cloned().unwrap_or_default()} {lang} on_edit={p.on_edit.clone()} />
                        if facades.len() > 1 {
                            <button type="button" class="remove" aria-label={format!("{} {}", t(lang, "geo.remove_facade"), f.name)} onclick={remove}>{ t(lang, "geo.remove_facade") }</button>
                        }
                    </div>
                }
            });
            let add = {
                let cb = p.on_add.clone();
                Callback::from(move |_: MouseEvent| cb.emit(()))
            };
            (
                html! {
                    <>
                        <Section title="sec.massing" fields={p.areas.clone()} {lang} on_edit={p.on_edit.clone()} />
                        { for rows }
                        <button type="button" data-testid="add-facade" onclick={add}>{ t(lang, "geo.add_facade") }</button>
                    </>
                },
                html! { <PlanView facades={p.facades.clone()} footprint={None::<(f64, f64)>} orientation_deg={0.0} {lang} /> },
            )
        }
    };
    html! {
        <div class="massing">
            <div>{ mode }{ inputs }</div>
            { plan }
        </div>
    }
}
