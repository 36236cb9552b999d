//! A titled group of fields bound to the editor.

use greencheck_core::editor::{Editor, FieldKind};
use yew::prelude::*;

use crate::components::field::Field;
use crate::fields::FieldSpec;
use crate::i18n::{t, Lang};

/// Props of [`Section`].
#[derive(Properties, PartialEq, Clone)]
pub struct SectionProps {
    /// i18n key of the title.
    pub title: &'static str,
    /// Extra title text (e.g. a facade's orientation).
    #[prop_or_default]
    pub subtitle: Option<String>,
    /// Fields.
    pub fields: Vec<FieldSpec>,
    /// The editing session (texts and drafts).
    pub editor: Editor,
    /// Placeholders by path.
    #[prop_or_default]
    pub placeholders: Vec<(String, String)>,
    /// UI language.
    pub lang: Lang,
    /// Field edits.
    pub on_edit: Callback<(String, FieldKind, String)>,
    /// Render as a closed `<details>` fold.
    #[prop_or_default]
    pub folded: bool,
}

/// A fieldset of inputs.
#[function_component(Section)]
pub fn section(p: &SectionProps) -> Html {
    let fields = p.fields.iter().map(|spec| {
        let draft = p.editor.draft(&spec.path);
        let placeholder = p
            .placeholders
            .iter()
            .find(|(k, _)| *k == spec.path)
            .map(|(_, v)| v.clone());
        html! {
            <Field spec={spec.clone()} text={p.editor.field_text(&spec.path)}
                error={draft.map(|d| (d.error.zh.clone(), d.error.en.clone()))}
                {placeholder} lang={p.lang} on_edit={p.on_edit.clone()} />
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
