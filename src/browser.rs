//! Every call into the browser (web-sys): localStorage autosave and language, the share-link fragment, file
//! reading and download, clipboard, print, the embedding page's height message, today's date. Components and
//! hooks call these and nothing of web-sys directly; every call tolerates a missing or failing API (private
//! mode, full storage, file://, no parent frame).

use std::collections::BTreeMap;

use greencheck_core::editor::Draft;
use greencheck_core::project::Project;
use greencheck_core::session::Session;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Lang;

/// localStorage key of the autosaved session.
pub const AUTOSAVE_KEY: &str = "greencheck/autosave";
/// localStorage key of the language choice.
pub const LANG_KEY: &str = "greencheck/lang";
/// localStorage key where an unreadable autosave is kept.
pub const BROKEN_KEY: &str = "greencheck/unreadable-backup";

/// What is read back from the autosave: the project plus the drafts being typed.
#[derive(Deserialize)]
struct Autosave {
    format: String,
    project: serde_json::Value,
    #[serde(default)]
    drafts: BTreeMap<String, Draft>,
}

const AUTOSAVE_FORMAT: &str = "greencheck-autosave/1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The outcome of reading the autosave.
pub enum Restored {
    /// Nothing saved.
    Nothing,
    /// A session.
    Session(Box<Session>),
    /// Something was saved but could not be read; it was copied to [`BROKEN_KEY`].
    Unreadable,
}

/// Reads the autosaved session.
pub fn restore() -> Restored {
    let Some(raw) = storage().and_then(|s| s.get_item(AUTOSAVE_KEY).ok().flatten()) else {
        return Restored::Nothing;
    };
    let parsed = serde_json::from_str::<Autosave>(&raw)
        .ok()
        .filter(|a| a.format == AUTOSAVE_FORMAT)
        .and_then(|a| {
            Project::from_value(a.project)
                .ok()
                .map(|p| Session::with_drafts(p, a.drafts))
        });
    match parsed {
        Some(e) => Restored::Session(Box::new(e)),
        None => {
            if let Some(s) = storage() {
                let _ = s.set_item(BROKEN_KEY, &raw);
            }
            Restored::Unreadable
        }
    }
}

/// Saves the session; false when storage is unavailable or full. The project is serialised once, compactly,
/// straight into the autosave record.
pub fn autosave(session: &Session) -> bool {
    let Ok(drafts) = serde_json::to_string(session.editor().drafts()) else {
        return false;
    };
    let text = format!(
        r#"{{"format":"{AUTOSAVE_FORMAT}","project":{},"drafts":{drafts}}}"#,
        greencheck_core::share::project_json_compact(&session.to_project())
    );
    storage().is_some_and(|s| s.set_item(AUTOSAVE_KEY, &text).is_ok())
}

/// The autosaved project JSON as stored (for the panic banner's download), if any.
pub fn autosaved_text() -> Option<String> {
    storage()?.get_item(AUTOSAVE_KEY).ok().flatten()
}

/// The remembered language.
pub fn load_lang() -> Option<Lang> {
    match storage()?.get_item(LANG_KEY).ok().flatten()?.as_str() {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

/// Remembers the language.
pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
    }
}

/// The URL fragment (with '#'), if any.
pub fn fragment() -> Option<String> {
    let h = web_sys::window()?.location().hash().ok()?;
    (h.len() > 1).then_some(h)
}

/// Removes the fragment from the address bar without reloading (so a reload does not re-open the link).
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        if let (Ok(history), Ok(path), Ok(search)) =
            (w.history(), w.location().pathname(), w.location().search())
        {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    }
}

/// The page URL without its fragment, for building share links.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// Whether the page runs in embed mode (`?embed=1`).
pub fn embed_mode() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| {
            s.trim_start_matches('?')
                .split('&')
                .any(|kv| kv == "embed=1")
        })
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, text: &str, mime: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name for a project: its name with unsafe characters replaced.
pub fn file_name(project: &Project) -> String {
    let stem: String = project
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    format!(
        "{}.greencheck.json",
        if stem.is_empty() { "project" } else { &stem }
    )
}

/// Largest file the Open button and drag-and-drop read: a BIM model (gbXML) may be up to
/// [`greencheck_core::gbxml::MAX_GBXML_BYTES`]; a project file is held to its own, smaller limit by the core.
pub const MAX_OPEN_BYTES: f64 = greencheck_core::gbxml::MAX_GBXML_BYTES as f64;

/// Why a chosen file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the limit (bytes).
    TooLarge(u64),
    /// The browser could not read it.
    Unreadable,
    /// The model importer module could not be loaded.
    ImporterUnavailable,
}

/// Reads a chosen or dropped file's bytes (at most `limit`); the format is told from the content.
pub async fn read_file_bytes(file: web_sys::File, limit: f64) -> Result<Vec<u8>, ReadError> {
    if file.size() > limit {
        return Err(ReadError::TooLarge(limit as u64));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Puts `text` on the clipboard (silently does nothing where the clipboard is not available).
pub fn copy_to_clipboard(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Opens the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Today's date as `YYYY-MM-DD` (for the printed report).
pub fn today() -> String {
    let iso = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    iso.get(..10).unwrap_or_default().to_owned()
}

/// Posts the document height to the embedding page (`{type: "greencheck:height", height}`); nothing else
/// leaves the frame.
pub fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let height = w
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or(0);
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"greencheck:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    if parent != w {
        let _ = parent.post_message(msg.unchecked_ref(), "*");
    }
}

/// Sets `<html lang>`.
pub fn set_document_lang(code: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Calls `f` whenever the URL fragment changes; the listener lives as long as the returned guard.
pub fn on_hash_change(
    f: impl FnMut(&web_sys::Event) + 'static,
) -> Option<gloo::events::EventListener> {
    let w = web_sys::window()?;
    Some(gloo::events::EventListener::new(&w, "hashchange", f))
}

/// Whether `el` has the keyboard focus.
pub fn is_focused(el: &web_sys::Element) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| a == *el)
}

/// The element the app mounts into (`#app`), if the page has one.
pub fn app_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}

/// Calls `f` when the page is being hidden or left (`visibilitychange` to hidden, `pagehide`): the last moment
/// to write what must not be lost. The listeners live as long as the returned guards.
pub fn on_page_leave(f: impl Fn() + 'static) -> Vec<gloo::events::EventListener> {
    let Some(w) = web_sys::window() else {
        return Vec::new();
    };
    let f = std::rc::Rc::new(f);
    let mut out = Vec::new();
    if let Some(doc) = w.document() {
        let g = f.clone();
        let d = doc.clone();
        out.push(gloo::events::EventListener::new(
            &doc,
            "visibilitychange",
            move |_| {
                if d.visibility_state() == web_sys::VisibilityState::Hidden {
                    g();
                }
            },
        ));
    }
    out.push(gloo::events::EventListener::new(
        &w,
        "pagehide",
        move |_| f(),
    ));
    out
}

/// Calls `f(visible)` whenever `el` enters or leaves the viewport; `None` where IntersectionObserver is missing
/// (the caller then treats the element as visible). The observer lives as long as the returned guard.
pub fn observe_visibility(
    el: &web_sys::Element,
    f: impl Fn(bool) + 'static,
) -> Option<VisibilityGuard> {
    use wasm_bindgen::closure::Closure;
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries
            .iter()
            .last()
            .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
        {
            f(e.is_intersecting());
        }
    });
    let observer = web_sys::IntersectionObserver::new(cb.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(VisibilityGuard {
        observer,
        _callback: cb,
    })
}

/// Keeps an [`observe_visibility`] observer alive; disconnects it when dropped.
pub struct VisibilityGuard {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for VisibilityGuard {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` just before the page is printed (`beforeprint`); the listener lives as long as the returned guard.
pub fn on_before_print(
    f: impl FnMut(&web_sys::Event) + 'static,
) -> Option<gloo::events::EventListener> {
    let w = web_sys::window()?;
    Some(gloo::events::EventListener::new(&w, "beforeprint", f))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `greencheck.importGbxml(bytes, name, base)`, defined by the page's loader (`web/app.js`, or inline in
    /// the single file): loads the importer module on first use and returns a promise of its JSON reply.
    #[wasm_bindgen(js_namespace = greencheck, js_name = importGbxml, catch)]
    fn import_gbxml_js(
        bytes: &[u8],
        name: &str,
        base: &str,
    ) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// Runs the BIM importer module (loaded on first use) on a model file; returns its JSON reply
/// (`greencheck_core::open::read_import_reply` reads it). Err when the module could not be loaded.
pub async fn import_model(bytes: &[u8], name: &str, base_json: &str) -> Result<String, ReadError> {
    let promise =
        import_gbxml_js(bytes, name, base_json).map_err(|_| ReadError::ImporterUnavailable)?;
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or(ReadError::ImporterUnavailable)
}
