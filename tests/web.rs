//! Component tests in headless Chromium (wasm-bindgen-test): mount the app, type, read the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    /// The app the previous test mounted: destroyed before the next one mounts, so its timers (debounced
    /// autosave, the deferred sweep) and renders do not run into the next test's counts.
    static MOUNTED: std::cell::RefCell<Option<(yew::AppHandle<greencheck::app::App>, Element)>> =
        const { std::cell::RefCell::new(None) };
}

/// Mounts a fresh app (with no autosave from an earlier test) into its own root.
fn mount() -> Element {
    if let Some((app, root)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        app.destroy();
        root.remove();
    }
    if let Some(s) = web_sys::window().unwrap().local_storage().unwrap() {
        s.clear().unwrap();
    }
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<greencheck::app::App>::with_root(root.clone()).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some((app, root.clone())));
    root
}

/// Runs Yew's scheduler until every pending render is done (no timers, no sleeps).
async fn settle() {
    yew::scheduler::flush().await;
}

/// Resolves at the browser's next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Settles, then waits frame by frame (at most 20) until the detail cards show the current report: they are
/// drawn a frame after the verdict (`use_after_paint`).
async fn settle_cards(root: &Element) {
    for _ in 0..20 {
        settle().await;
        if attr(root, ".results", "data-current").as_deref() == Some("true") {
            return;
        }
        next_frame().await;
    }
    panic!("the detail cards did not catch up with the report");
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

fn attr(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

#[wasm_bindgen_test]
async fn renders_the_core_verdict_and_follows_input() {
    let root = mount();
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=verdict]", "data-verdict").as_deref(),
        Some("complies")
    );
    // Wall K 0.70 > 0.60, the C.0.1 basic requirement for residential: no trade-off possible.
    type_into(&root, "#f-envelope-wall_u", "0.7");
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=verdict]", "data-verdict").as_deref(),
        Some("fails")
    );
    // The clause table is a detail card: drawn after the verdict's frame.
    settle_cards(&root).await;
    assert_eq!(
        attr(&root, "[data-testid='check-u.wall']", "data-status").as_deref(),
        Some("fail")
    );
    // 0.50: fails the prescriptive 0.45 but meets the basic 0.60 → trade-off.
    type_into(&root, "#f-envelope-wall_u", "0.5");
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=verdict]", "data-verdict").as_deref(),
        Some("tradeoff")
    );
}

#[wasm_bindgen_test]
async fn invalid_input_keeps_the_last_report_and_says_why() {
    let root = mount();
    settle().await;
    type_into(&root, "#f-envelope-wall_u", "abc");
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=verdict]", "data-verdict").as_deref(),
        Some("complies")
    );
    assert_eq!(
        attr(&root, "[data-testid=verdict]", "data-stale").as_deref(),
        Some("true")
    );
    let msg = root
        .query_selector("#f-envelope-wall_u-err")
        .unwrap()
        .expect("message next to the field");
    assert!(!msg.text_content().unwrap_or_default().trim().is_empty());
    type_into(&root, "#f-envelope-wall_u", "0.42");
    settle().await;
    assert_eq!(
        attr(&root, "[data-testid=verdict]", "data-stale").as_deref(),
        Some("false")
    );
    let msg = root
        .query_selector("#f-envelope-wall_u-err")
        .unwrap()
        .unwrap();
    assert_eq!(msg.text_content().unwrap_or_default(), "");
}

#[wasm_bindgen_test]
async fn panic_banner_offers_the_autosaved_project() {
    let root = mount();
    settle().await;
    type_into(&root, "#f-name", "救援测试");
    settle().await;
    greencheck::show_panic_banner();
    let doc = gloo::utils::document();
    let banner = doc
        .query_selector("[data-testid=panic-banner]")
        .unwrap()
        .expect("banner shown");
    let link = banner
        .query_selector("a[download]")
        .unwrap()
        .expect("download link");
    let href = link.get_attribute("href").unwrap();
    assert!(href.starts_with("data:application/json"));
    let decoded = String::from(js_sys::decode_uri_component(&href).unwrap());
    assert!(decoded.contains("救援测试"), "{decoded}");
    banner.remove();
}

#[wasm_bindgen_test]
async fn plan_view_labels_each_facade_with_its_class() {
    use greencheck::components::plan_view::{PlanView, PlanViewProps};
    use greencheck_core::model::Orientation;
    use greencheck_core::report::FacadeSummary;
    let facade = |name: &str, az: f64, o: Orientation| FacadeSummary {
        name: name.into(),
        azimuth_deg: az,
        orientation: o,
        wall_area_m2: 100.0,
        window_area_m2: None,
        wwr: None,
    };
    let props = PlanViewProps {
        facades: vec![
            facade("A", 225.0, Orientation::W),
            facade("B", 315.0, Orientation::N),
            facade("C", 45.0, Orientation::N),
            facade("D", 135.0, Orientation::E),
        ],
        footprint: Some((60.0, 12.0)),
        orientation_deg: 225.0,
        lang: greencheck::i18n::Lang::En,
    };
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<PlanView>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let a = root
        .query_selector("[data-facade=A]")
        .unwrap()
        .expect("facade A drawn");
    assert_eq!(a.get_attribute("data-orientation").as_deref(), Some("W"));
    assert_eq!(a.text_content().as_deref(), Some("A west"));
    // The footprint is rotated by orientation − 180° = 45°.
    let g = root
        .query_selector("svg > g[transform]")
        .unwrap()
        .expect("rotated footprint");
    assert_eq!(g.get_attribute("transform").as_deref(), Some("rotate(45)"));
}

/// Typing into one field re-renders only what depends on it: the app, the section holding the field, that
/// field, the verdict — and, a frame later, the result cards whose figures change — not the other form
/// sections and fields (whose views and callbacks are unchanged). A regression check on the count of renders,
/// not on time.
#[wasm_bindgen_test]
async fn a_keystroke_re_renders_only_what_depends_on_it() {
    let root = mount();
    settle_cards(&root).await;
    // Warm: the first edit may mount things (a suggestion row, a stale note).
    type_into(&root, "#f-envelope-wall_u", "0.44");
    settle_cards(&root).await;
    greencheck::bench::reset_renders();
    type_into(&root, "#f-envelope-wall_u", "0.43");
    settle().await;
    // The keystroke's own frame: the form's field and the verdict, no card yet.
    let first = greencheck::bench::renders();
    let fields_on_page = root.query_selector_all(".field").unwrap().length();
    assert!(fields_on_page > 60, "{fields_on_page} fields");
    let expected: std::collections::BTreeMap<&str, u32> = [
        ("app", 1),
        ("section", 1),
        ("field", 1),
        ("results", 1),
        ("verdict_banner", 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(first, expected);
    settle_cards(&root).await;
    let r = greencheck::bench::renders();
    let n = |k: &str| r.get(k).copied().unwrap_or(0);
    assert_eq!(n("app"), 1, "{r:?}");
    // The envelope section and its wall-K field; nothing else of the form.
    assert_eq!(n("section"), 1, "{r:?}");
    assert_eq!(n("field"), 1, "{r:?}");
    assert_eq!(n("results"), 2, "{r:?}");
    // The cards render once, in the frame after the verdict's.
    assert_eq!(n("report_cards"), 1, "{r:?}");
    assert_eq!(n("geometry_input"), 0, "{r:?}");
    assert_eq!(n("toolbar"), 0, "{r:?}");
    assert_eq!(n("print_header"), 0, "{r:?}");
    // The sensitivity card renders with the new report and, if its debounced sweep (120 ms after typing
    // pauses) lands inside this window — it depends on how long the frames above took — once more with the
    // sweep's curve: one or two renders, by design, not counted against the rest.
    assert!((1..=2).contains(&n("sensitivity")), "{r:?}");
    // The clause table re-renders the rows whose check changed (the wall's K and its trade-off precondition),
    // not its ≈ 40 rows.
    let rows_on_page = root.query_selector_all("tr.check").unwrap().length();
    assert!(rows_on_page > 30, "{rows_on_page} check rows");
    assert!((1..=4).contains(&n("check_row")), "{r:?}");
    let total: u32 = r.values().sum::<u32>() - n("sensitivity") - n("check_row");
    assert!(
        total <= 12,
        "{total} renders for one keystroke besides the sensitivity card: {r:?}"
    );
}
