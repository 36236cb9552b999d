//! greencheck web app: a thin Yew UI that edits a project and renders the core's report.
//!
//! All computation lives in `greencheck-core`; this crate only keeps UI state and renders.
#![forbid(unsafe_code)]

pub mod app;

use wasm_bindgen::prelude::*;

/// Entry point called by the wasm-bindgen glue once the module is instantiated.
///
/// Mounts the app into `#app` (falling back to `<body>`), so the page works the same when hosted,
/// embedded in an iframe or opened as a single file from disk.
#[wasm_bindgen(start)]
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(el) => {
            yew::Renderer::<app::App>::with_root(el).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
