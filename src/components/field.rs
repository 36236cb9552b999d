//! One labelled input: number (with optional slider), text, select or checkbox, with its message.

use greencheck_core::editor::FieldKind;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::fields::FieldSpec;
use crate::i18n::{has, t, Lang};

/// Props of [`Field`].
#[derive(Properties, PartialEq, Clone)]
pub struct FieldProps {
    /// What the field edits.
    pub spec: FieldSpec,
    /// Text to show (draft or current value).
    pub text: String,
    /// Message (zh, en) when the text is not accepted.
    #[prop_or_default]
    pub error: Option<(String, String)>,
    /// Hint shown when empty (e.g. the derived value).
    #[prop_or_default]
    pub placeholder: Option<String>,
    /// Project generation: a new one means the project was replaced, so the text is written in even when focused.
    #[prop_or_default]
    pub generation: u64,
    /// UI language.
    pub lang: Lang,
    /// Called with (path, kind, text) on every keystroke.
    pub on_edit: Callback<(String, FieldKind, String)>,
}

/// DOM id of the input editing `path`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    id.extend(path.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        }
    }));
    id
}

fn choice_label(lang: Lang, key: &str) -> String {
    if has(key) {
        t(lang, key).to_owned()
    } else {
        key.to_owned()
    }
}

/// A labelled input bound to one project path.
#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let id = field_id(&p.spec.path);
    let node = use_node_ref();
    let select_ref = use_node_ref();
    // A select shows the stored choice, or its first choice (the default) when the value is absent.
    {
        let select_ref = select_ref.clone();
        let shown = if p.text.is_empty() {
            p.spec
                .choices
                .first()
                .map(|(v, _)| (*v).to_owned())
                .unwrap_or_default()
        } else {
            p.text.clone()
        };
        use_effect_with(shown, move |shown| {
            if let Some(sel) = select_ref.cast::<HtmlSelectElement>() {
                sel.set_value(shown);
            }
        });
    }
    // The text box is not controlled while the user types in it: re-rendering the state's text into a focused
    // box would fight fast typing and reformat half-typed numbers ("1.0" → "1"). Outside changes (suggestions,
    // sliders) are written in when the box is not focused; a replaced project (new generation) always.
    {
        let node = node.clone();
        let generation = p.generation;
        let last_generation = use_mut_ref(|| generation);
        use_effect_with(p.text.clone(), move |text| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                let focused = gloo::utils::document()
                    .active_element()
                    .is_some_and(|a| a == **input);
                let replaced = *last_generation.borrow() != generation;
                *last_generation.borrow_mut() = generation;
                if (replaced || !focused) && input.value() != *text {
                    input.set_value(text);
                }
            }
        });
    }
    let err_id = format!("{id}-err");
    let label = t(p.lang, p.spec.label);
    let unit = if p.spec.unit.is_empty() {
        ""
    } else {
        t(p.lang, p.spec.unit)
    };
    let emit = {
        let cb = p.on_edit.clone();
        let path = p.spec.path.clone();
        let kind = p.spec.kind;
        move |text: String| cb.emit((path.clone(), kind, text))
    };
    let on_input = {
        let emit = emit.clone();
        Callback::from(move |e: InputEvent| {
            emit(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_change_select = {
        let emit = emit.clone();
        Callback::from(move |e: Event| emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_check = {
        let emit = emit.clone();
        Callback::from(move |e: Event| {
            emit(
                e.target_unchecked_into::<HtmlInputElement>()
                    .checked()
                    .to_string(),
            )
        })
    };
    let invalid = p.error.is_some();
    // The message region always exists (empty when valid), so screen readers announce a new message and the
    // input's attributes keep the same shape (Yew re-creates an element whose attribute set changes).
    let message_text = p
        .error
        .as_ref()
        .map(|(zh, en)| format!("⚠ {}", p.lang.pick(zh, en)))
        .unwrap_or_default();

    let control = if !p.spec.choices.is_empty() {
        html! {
            <select id={id.clone()} ref={select_ref} onchange={on_change_select} aria-invalid={invalid.to_string()}>
                { for p.spec.choices.iter().map(|(v, k)| html! {
                    <option value={*v}>{ choice_label(p.lang, k) }</option>
                }) }
            </select>
        }
    } else if p.spec.kind == FieldKind::Flag {
        html! { <input id={id.clone()} type="checkbox" checked={p.text == "true"} onchange={on_check} /> }
    } else {
        let slider = p.spec.slider.map(|(min, max, step)| {
            let value = p.text.parse::<f64>().ok().unwrap_or(min);
            html! {
                <input type="range" class="slider" min={min.to_string()} max={max.to_string()} step={step.to_string()}
                    value={value.to_string()} aria-label={label} tabindex="-1" oninput={on_input.clone()} />
            }
        });
        let mode = if p.spec.kind == FieldKind::Text {
            "text"
        } else {
            "decimal"
        };
        html! {
            <>
                { for slider }
                <input id={id.clone()} ref={node} type="text" inputmode={mode} oninput={on_input}
                    autocomplete="off" spellcheck="false"
                    placeholder={p.placeholder.clone().unwrap_or_default()} aria-invalid={invalid.to_string()} aria-describedby={err_id.clone()} />
            </>
        }
    };
    let class = classes!(
        "field",
        invalid.then_some("invalid"),
        (p.spec.kind == FieldKind::Flag).then_some("flag")
    );
    html! {
        <div class={class}>
            <label for={id.clone()}>{ label }{ if unit.is_empty() { html!{} } else { html!{ <span class="unit">{ format!(" ({unit})") }</span> } } }</label>
            <div class="control">{ control }</div>
            <p id={err_id} class="field-error" role="alert">{ message_text }</p>
        </div>
    }
}
