//! A titled group of fields.

use yew::prelude::*;

use crate::components::field::Field;
use crate::i18n::{t, Lang};
use crate::layout::FieldView;

/// Props of [`Section`].
#[derive(Properties, PartialEq, Clone)]
pub struct SectionProps {
    /// i18n key of the title.
    pub title: &'static str,
    /// Extra title text (e.g. a facade's orientation).
    #[prop_or_default]
    pub subtitle: Option<String>,
    /// Fields with their texts and messages.
    pub fields: Vec<FieldView>,
    /// UI language.
    pub lang: Lang,
    /// Field edits.
    pub on_edit: Callback<(String, String)>,
    /// Render as a closed `<details>` fold.
    #[prop_or_default]
    pub folded: bool,
}

/// A fieldset of inputs.
#[function_component(Section)]
pub fn section(p: &SectionProps) -> Html {
    crate::bench::rendered("section");
    let fields = p.fields.iter().map(|f| {
        html! {
            <Field view={f.clone()} lang={p.lang} on_edit={p.on_edit.clone()} />
        }
    });
    let title = html! { <>{ t(p.lang, p.title) }{ for p.subtitle.clone().map(|s| html!{ <span class="subtitle">{ s }</span> }) }</> };
    if p.folded {
        html! {
            <details class="section">
                <summary>{ title }</summary>
                <div class="grid">{ for fields }</div>
            </details>
        }
    } else {
        html! {
            <fieldset class="section">
                <legend>{ title }</legend>
                <div class="grid">{ for fields }</div>
            </fieldset>
        }
    }
}
