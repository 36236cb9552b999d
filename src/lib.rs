//! greencheck web app: a thin Yew UI that edits a project and renders the core's report.
//!
//! All computation lives in `greencheck-core`; this crate keeps UI state, does browser I/O at the edges
//! (storage, links, files) and renders.
#![forbid(unsafe_code)]

pub mod app;
pub mod bench;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod layout;
pub mod portfolio;
pub mod shared;
pub mod state;

use wasm_bindgen::prelude::*;

/// Entry point called by the wasm-bindgen glue once the module is instantiated.
///
/// Installs the panic banner, then mounts the app into `#app` (falling back to `<body>`), so the page works
/// the same hosted, embedded in an iframe, or opened as a single file from disk.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(panic_banner));
    match browser::app_root() {
        Some(el) => {
            // Replace the static "loading" placeholder (and the <noscript> note) of index.html.
            el.set_inner_html("");
            yew::Renderer::<app::App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

/// Panic hook: logs the panic and shows the banner.
fn panic_banner(info: &std::panic::PanicHookInfo<'_>) {
    web_sys::console::error_1(&format!("greencheck panic: {info}").into());
    show_panic_banner();
}

/// Shows a visible error banner with a "download my project" link (from the autosave) instead of a frozen page.
pub fn show_panic_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "panic-banner");
    let lang = browser::load_lang().unwrap_or_default();
    banner.set_text_content(Some(i18n::t(lang, "panic.title")));
    // The last keystrokes may still wait for the debounced autosave.
    hooks::flush_autosave();
    if let (Some(text), Ok(a)) = (browser::autosaved_text(), doc.create_element("a")) {
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&text))
        );
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("download", "greencheck-project-backup.json");
        a.set_text_content(Some(i18n::t(lang, "panic.download")));
        let _ = banner.append_child(&a);
    }
    let _ = body.prepend_with_node_1(&banner);
}
