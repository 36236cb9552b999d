//! The toolbar: templates, save/open/share/print and the language toggle.

use greencheck_core::project::Template;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::i18n::{t, Lang};

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    /// UI language.
    pub lang: Lang,
    /// Start from a template.
    pub on_template: Callback<Template>,
    /// Download the project.
    pub on_save: Callback<()>,
    /// A file was chosen.
    pub on_open: Callback<web_sys::File>,
    /// Make a share link.
    pub on_share: Callback<()>,
    /// Print.
    pub on_print: Callback<()>,
    /// Switch language.
    pub on_lang: Callback<Lang>,
    /// The last share link made, shown for copying.
    #[prop_or_default]
    pub share_url: Option<String>,
}

/// The toolbar.
#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    crate::bench::rendered("toolbar");
    let lang = p.lang;
    let on_template = {
        let cb = p.on_template.clone();
        Callback::from(move |e: Event| {
            let sel = e.target_unchecked_into::<HtmlSelectElement>();
            if let Some(tpl) = Template::ALL.into_iter().find(|t| t.key() == sel.value()) {
                cb.emit(tpl);
            }
            sel.set_value("");
        })
    };
    let on_file = {
        let cb = p.on_open.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                cb.emit(f);
            }
            input.set_value("");
        })
    };
    let unit = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let on_lang = {
        let cb = p.on_lang.clone();
        Callback::from(move |_: MouseEvent| cb.emit(other))
    };
    html! {
        <nav class="toolbar no-print" aria-label={t(lang, "toolbar.label")}>
            <label class="sr-only" for="template">{ t(lang, "toolbar.template") }</label>
            <select id="template" data-testid="template" onchange={on_template}>
                <option value="" selected=true>{ t(lang, "toolbar.template.choose") }</option>
                { for Template::ALL.iter().map(|tpl| html! {
                    <option value={tpl.key()}>{ lang.pick(tpl.name_zh(), tpl.name_en()) }</option>
                }) }
            </select>
            <button type="button" data-testid="save" onclick={unit(&p.on_save)}>{ t(lang, "toolbar.save") }</button>
            <label class="button" for="open-file">{ t(lang, "toolbar.open") }</label>
            <input id="open-file" class="sr-only" type="file" accept=".json,.xml,.gbxml,application/json,application/xml,text/xml" data-testid="open" onchange={on_file} />
            <button type="button" data-testid="share" onclick={unit(&p.on_share)}>{ t(lang, "toolbar.share") }</button>
            <button type="button" data-testid="print" onclick={unit(&p.on_print)}>{ t(lang, "toolbar.print") }</button>
            <button type="button" data-testid="lang" lang={other.code()} aria-label={t(lang, "lang.toggle.label")} onclick={on_lang}>{ t(lang, "lang.toggle") }</button>
            if let Some(url) = &p.share_url {
                <div class="share-out">
                    <label for="share-url">{ t(lang, "toolbar.share.ready") }</label>
                    <input id="share-url" data-testid="share-url" type="text" readonly=true value={url.clone()} />
                </div>
            }
        </nav>
    }
}
