//! The variants of the project as tabs above the form: which one is edited, and duplicate, rename, move and
//! remove (undoable from the notice). The core keeps the variants and their limits (`greencheck_core::variants`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{t, Lang};

/// One tab.
#[derive(Debug, Clone, PartialEq)]
pub struct Tab {
    /// Stable id (`v1`, …).
    pub id: String,
    /// Label ("方案 A").
    pub label: String,
    /// The variant is valid (an unreadable one can only be removed).
    pub valid: bool,
}

/// Props of [`VariantBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct VariantBarProps {
    /// The variants, in order.
    pub tabs: Vec<Tab>,
    /// Index of the edited one.
    pub active: usize,
    /// UI language.
    pub lang: Lang,
    /// Edit variant n.
    pub on_switch: Callback<usize>,
    /// Duplicate the edited one.
    pub on_duplicate: Callback<()>,
    /// Rename variant n.
    pub on_rename: Callback<(usize, String)>,
    /// Remove variant n.
    pub on_remove: Callback<usize>,
    /// Move variant `from` to `to`.
    pub on_move: Callback<(usize, usize)>,
}

/// The bar.
#[function_component(VariantBar)]
pub fn variant_bar(p: &VariantBarProps) -> Html {
    crate::bench::rendered("variant_bar");
    let lang = p.lang;
    let n = p.tabs.len();
    let tabs = p.tabs.iter().enumerate().map(|(i, tab)| {
        let active = i == p.active;
        let switch = {
            let cb = p.on_switch.clone();
            Callback::from(move |_: MouseEvent| cb.emit(i))
        };
        html! {
            <button type="button" role="tab" aria-selected={active.to_string()} class={classes!("tab", active.then_some("active"), (!tab.valid).then_some("invalid"))}
                data-testid={format!("variant-{}", tab.id)} onclick={switch} disabled={!tab.valid}>
                { &tab.label }
            </button>
        }
    });
    let a = p.active;
    let on_rename = {
        let cb = p.on_rename.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            cb.emit((a, input.value()));
        })
    };
    let click = |f: Callback<()>| Callback::from(move |_: MouseEvent| f.emit(()));
    let remove = {
        let cb = p.on_remove.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a))
    };
    let left = {
        let cb = p.on_move.clone();
        Callback::from(move |_: MouseEvent| cb.emit((a, a.saturating_sub(1))))
    };
    let right = {
        let cb = p.on_move.clone();
        Callback::from(move |_: MouseEvent| cb.emit((a, a + 1)))
    };
    let label = p.tabs.get(a).map(|t| t.label.clone()).unwrap_or_default();
    html! {
        <nav class="variants no-print" aria-label={t(lang, "variants.title")} data-testid="variant-bar">
            <div role="tablist" class="tabs">{ for tabs }</div>
            <button type="button" data-testid="variant-duplicate" onclick={click(p.on_duplicate.clone())}>{ t(lang, "variants.duplicate") }</button>
            if n > 1 {
                <label class="rename"><span class="sr-only">{ t(lang, "variants.rename") }</span>
                    <input type="text" data-testid="variant-rename" value={label} onchange={on_rename} maxlength="40" /></label>
                <button type="button" aria-label={t(lang, "variants.left")} onclick={left} disabled={a == 0}>{ "◀" }</button>
                <button type="button" aria-label={t(lang, "variants.right")} onclick={right} disabled={a + 1 >= n}>{ "▶" }</button>
                <button type="button" data-testid="variant-remove" onclick={remove}>{ t(lang, "variants.remove") }</button>
            }
        </nav>
    }
}
