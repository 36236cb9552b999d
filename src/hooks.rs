//! The app's effects as hooks, each in one place: open a share link in the URL, autosave, the page language,
//! the embed height; and stable callbacks that dispatch actions.

use std::rc::Rc;

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
    let current = state.session.to_project();
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

/// How long typing must pause before the session is written to storage. Serialising the project and writing
/// localStorage on every keystroke cost more than the evaluation itself; the write also happens when the page
/// is hidden or left, so no keystroke is lost.
const AUTOSAVE_DEBOUNCE_MS: u32 = 400;

thread_local! {
    /// Writes the pending autosave now, if one is pending (set by [`use_autosave`]; for the panic banner).
    static FLUSH_AUTOSAVE: std::cell::RefCell<Option<Rc<dyn Fn()>>> = std::cell::RefCell::new(None);
}

/// Writes a pending (debounced) autosave at once: the panic banner offers the autosave for download, and
/// it must hold the last keystrokes. Never panics itself (it runs inside the panic hook): busy cells are
/// skipped, and nothing is dispatched.
pub fn flush_autosave() {
    let flush = FLUSH_AUTOSAVE.with(|f| f.try_borrow().ok().and_then(|f| f.clone()));
    if let Some(flush) = flush {
        flush();
    }
}

/// Autosaves the session (project and drafts) after each change, debounced, and at once when the page is
/// hidden or left; says so when storage is full.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    // The latest state, for the timer and the page-leave listeners (a cheap handle clone).
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    // The pending write; replacing it cancels the previous timer, so a burst of keystrokes is written once.
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    let save = {
        let latest = latest.clone();
        let pending = pending.clone();
        Rc::new(move || {
            pending.borrow_mut().take();
            let s = latest.borrow();
            if !browser::autosave(&s.session) {
                s.dispatch(Action::Notify(Some(Notice::Info(
                    "notice.storage_full",
                    None,
                ))));
            }
        })
    };
    {
        let latest = latest.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let flush: Rc<dyn Fn()> = Rc::new(move || {
                let Ok(mut p) = pending.try_borrow_mut() else {
                    return;
                };
                if p.take().is_some() {
                    if let Ok(s) = latest.try_borrow() {
                        browser::autosave(&s.session);
                    }
                }
            });
            FLUSH_AUTOSAVE.with(|f| *f.borrow_mut() = Some(flush));
            move || {
                FLUSH_AUTOSAVE
                    .with(|f| f.borrow_mut().take())
                    .map_or((), drop)
            }
        });
    }
    {
        let save = save.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let guards = browser::on_page_leave(move || {
                // Only what has not been written yet.
                if pending.borrow().is_some() {
                    save();
                }
            });
            move || drop(guards)
        });
    }
    use_effect_with(
        (state.revision, state.editor().drafts().clone()),
        move |_| {
            let save = save.clone();
            let timer = gloo::timers::callback::Timeout::new(AUTOSAVE_DEBOUNCE_MS, move || save());
            *pending.borrow_mut() = Some(timer);
        },
    );
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

/// `value` as of the last painted frame: on the first render, `value` itself; when it changes, the previous
/// value until the browser has painted a frame (a timer posted from the next animation frame runs after that
/// frame's paint), then a re-render with the new one. What reads it is drawn one frame after what reads
/// `value` directly — so a keystroke paints the verdict first and the detail cards in the frame after.
#[hook]
pub fn use_after_paint<T: Clone + PartialEq + 'static>(value: &T) -> T {
    let shown = use_state_eq(|| value.clone());
    {
        let shown = shown.clone();
        use_effect_with(value.clone(), move |v| {
            let v = v.clone();
            // Both handles live in the cell, so a newer value cancels a pending older one.
            let pending: Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>> =
                Rc::default();
            let timer = pending.clone();
            let frame = gloo::render::request_animation_frame(move |_| {
                *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(0, move || {
                    shown.set(v)
                }));
            });
            move || {
                drop(frame);
                pending.borrow_mut().take();
            }
        });
    }
    (*shown).clone()
}
