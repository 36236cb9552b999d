//! Component tests in headless Chromium (wasm-bindgen-test): mount the app, type, read the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<greencheck::app::App>::with_root(root.clone()).render();
    root
}

/// Runs Yew's scheduler until every pending render is done (no timers, no sleeps).
async fn settle() {
    yew::scheduler::flush().await;
}

fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn shape_factor(root: &Element) -> Option<String> {
    root.query_selector("[data-testid=shape-factor]")
        .unwrap()
        .unwrap()
        .get_attribute("data-value")
}

#[wasm_bindgen_test]
async fn shows_the_core_shape_factor_and_follows_input() {
    let root = mount();
    settle().await;
    // 60 × 12 × 18 × 2.9 m → 8236.8 / 37584
    assert_eq!(shape_factor(&root).as_deref(), Some("0.219157"));
    type_into(&root, "#depth", "15");
    settle().await;
    // 60 × 15 × 52.2: F0 = 2·75·52.2 + 900 = 8730; V0 = 46980 → 0.185824
    assert_eq!(shape_factor(&root).as_deref(), Some("0.185824"));
}

#[wasm_bindgen_test]
async fn invalid_input_shows_no_value_instead_of_panicking() {
    let root = mount();
    settle().await;
    type_into(&root, "#storeys", "abc");
    settle().await;
    assert_eq!(shape_factor(&root), None);
    type_into(&root, "#storeys", "18");
    settle().await;
    assert_eq!(shape_factor(&root).as_deref(), Some("0.219157"));
}
