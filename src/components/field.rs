//! One labelled input: number (with optional slider), text, select or checkbox, with its message.

use greencheck_core::choices::choices;
use greencheck_core::fields::Input;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::layout::FieldView;

/// Props of [`Field`].
#[derive(Properties, PartialEq, Clone)]
pub struct FieldProps {
    /// The field, its text and message. Its generation: a new one means the project was replaced, so the text
    /// is written in even when focused.
    pub view: FieldView,
    /// UI language.
    pub lang: Lang,
    /// Called with (path, text) on every keystroke.
    pub on_edit: Callback<(String, String)>,
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

/// A labelled input bound to one project path.
#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    crate::bench::rendered("field");
    let v = &p.view;
    let spec = v.field;
    let id = field_id(&v.path);
    let options = match spec.input {
        Input::Choice(list) | Input::NumberChoice(list) => choices(list),
        _ => Vec::new(),
    };
    let node = use_node_ref();
    let select_ref = use_node_ref();
    // A select shows the stored choice, or its first choice (the default) when the value is absent.
    {
        let select_ref = select_ref.clone();
        // An absent choice shows its default, the first one; an absent grade or yes/no shows "—".
        let blank_first = match spec.input {
            Input::Choice(l) | Input::NumberChoice(l) => l.optional(),
            _ => spec.input == Input::YesNo,
        };
        let shown = if v.text.is_empty() && !blank_first {
            options
                .first()
                .map(|c| c.value.to_owned())
                .unwrap_or_default()
        } else {
            v.text.clone()
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
        let generation = v.generation;
        let last_generation = use_mut_ref(|| generation);
        use_effect_with(v.text.clone(), move |text| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                let focused = browser::is_focused(&input);
                let replaced = *last_generation.borrow() != generation;
                *last_generation.borrow_mut() = generation;
                if (replaced || !focused) && input.value() != *text {
                    input.set_value(text);
                }
            }
        });
    }
    let err_id = format!("{id}-err");
    let label = spec.label.get(p.lang);
    let unit = spec.number_kind().map_or("", |k| k.unit);
    let emit = {
        let cb = p.on_edit.clone();
        let path = v.path.clone();
        move |text: String| cb.emit((path.clone(), text))
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
    let invalid = v.error.is_some();
    // The message region always exists (empty when valid), so screen readers announce a new message and the
    // input's attributes keep the same shape (Yew re-creates an element whose attribute set changes).
    let message_text = v
        .error
        .as_ref()
        .map(|(zh, en)| format!("⚠ {}", p.lang.pick(zh, en)))
        .unwrap_or_default();

    let is_flag = spec.input == Input::Flag;
    let control = if spec.input == Input::YesNo {
        // Three states: not given (a target that needs it says so), yes, no.
        html! {
            <select id={id.clone()} ref={select_ref} onchange={on_change_select} aria-invalid={invalid.to_string()}>
                <option value="">{ "—" }</option>
                <option value="true">{ p.lang.pick("是", "yes") }</option>
                <option value="false">{ p.lang.pick("否", "no") }</option>
            </select>
        }
    } else if !options.is_empty() {
        let blank = matches!(spec.input, Input::Choice(l) | Input::NumberChoice(l) if l.optional());
        html! {
            <select id={id.clone()} ref={select_ref} onchange={on_change_select} aria-invalid={invalid.to_string()}>
                // The blank says what an absent value means when the page knows it (the placeholder).
                if blank { <option value="">{ v.placeholder.clone().unwrap_or_else(|| "—".to_owned()) }</option> }
                { for options.iter().map(|c| html! {
                    <option value={c.value}>
                        { c.label.get(p.lang) }
                        { for c.detail.map(|d| format!("（{}）", d.get(p.lang))) }
                    </option>
                }) }
            </select>
        }
    } else if is_flag {
        html! { <input id={id.clone()} type="checkbox" checked={v.text == "true"} onchange={on_check} /> }
    } else {
        let slider = spec.slider_step.zip(spec.typical).map(|(step, (min, max))| {
            let value = v.text.parse::<f64>().ok().unwrap_or(min);
            html! {
                <input type="range" class="slider" min={min.to_string()} max={max.to_string()} step={step.to_string()}
                    value={value.to_string()} aria-label={label} tabindex="-1" oninput={on_input.clone()} />
            }
        });
        let mode = if spec.input == Input::Text {
            "text"
        } else {
            "decimal"
        };
        html! {
            <>
                { for slider }
                <input id={id.clone()} ref={node} type="text" inputmode={mode} oninput={on_input}
                    autocomplete="off" spellcheck="false"
                    placeholder={v.placeholder.clone().unwrap_or_default()} aria-invalid={invalid.to_string()} aria-describedby={err_id.clone()} />
            </>
        }
    };
    let class = classes!(
        "field",
        invalid.then_some("invalid"),
        is_flag.then_some("flag")
    );
    html! {
        <div class={class}>
            <label for={id.clone()}>{ label }{ if unit.is_empty() { html!{} } else { html!{ <span class="unit">{ format!(" ({unit})") }</span> } } }</label>
            <div class="control">{ control }</div>
            <p id={err_id} class="field-error" role="alert">{ message_text }</p>
        </div>
    }
}
