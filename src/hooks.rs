//! The app's effects as hooks, each in one place: open a share link in the URL, autosave, the page language,
//! the embed height; and stable callbacks that dispatch actions.

use greencheck_core::project::Project;
use greencheck_core::share;
use yew::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::state::{Action, AppState, Notice};

/// A callback that dispatches `f(event)`. It is created once and keeps its identity across renders, so the
/// components that receive it are not re-rendered because of it (Yew compares callbacks by pointer).
#[hook]
pub fn use_action<E: 'static>(
    dispatch: UseReducerDispatcher<AppState>,
    f: fn(E) -> Action,
) -> Callback<E> {
    use_callback((), move |e: E, _| dispatch.dispatch(f(e)))
}

/// Opens the project carried by the URL fragment, if any, then clears the fragment.
fn open_fragment(
    dispatch: &UseReducerDispatcher<AppState>,
    current: Option<&Project>,
    local_work: bool,
) {
    let Some(fragment) = browser::fragment() else {
        return;
    };
    match share::decode_fragment(&fragment) {
        Ok(p) if Some(&p) == current => {}
        Ok(p) if local_work => dispatch.dispatch(Action::OfferLink(p)),
        Ok(p) => dispatch.dispatch(Action::Load(p)),
        Err(e) => dispatch.dispatch(Action::Notify(Some(Notice::Info(
            "notice.link_failed",
            Some((e.message_zh(), e.message_en())),
        )))),
    }
    browser::clear_fragment();
}

/// A share link in the URL (on load, or pasted into an open tab) opens its project, but never silently over
/// local work: with an autosave present the user is asked.
#[hook]
pub fn use_share_link(state: &UseReducerHandle<AppState>) {
    let dispatch = state.dispatcher();
    let current = state.editor.project().clone();
    use_effect_with((), move |_| {
        open_fragment(
            &dispatch,
            Some(&current),
            browser::autosaved_text().is_some(),
        );
        let d = dispatch.clone();
        let listener = browser::on_hash_change(move |_| open_fragment(&d, None, true));
        move || drop(listener)
    });
}

/// Autosaves the session (project and drafts) on every change; says so once when storage is full.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let editor = state.editor.clone();
    let dispatch = state.dispatcher();
    use_effect_with((state.revision, editor.drafts().clone()), move |_| {
        if !browser::autosave(&editor) {
            dispatch.dispatch(Action::Notify(Some(Notice::Info(
                "notice.storage_full",
                None,
            ))));
        }
    });
}

/// Remembers the language and sets `<html lang>`.
#[hook]
pub fn use_page_lang(lang: Lang) {
    use_effect_with(lang, move |lang| {
        browser::save_lang(*lang);
        browser::set_document_lang(lang.code());
    });
}

/// In embed mode, tells the parent window the page height after every render.
#[hook]
pub fn use_embed_height(embed: bool) {
    use_effect(move || {
        if embed {
            browser::post_height();
        }
    });
}
