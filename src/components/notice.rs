//! The notice bar: load/link/storage messages and the link-conflict choice.

use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::state::Notice;

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq, Clone)]
pub struct NoticeProps {
    /// The notice.
    pub notice: Notice,
    /// UI language.
    pub lang: Lang,
    /// Dismiss.
    pub on_close: Callback<()>,
    /// Open the pending link (keeping local work as a backup).
    pub on_accept_link: Callback<()>,
    /// Keep local work.
    pub on_reject_link: Callback<()>,
    /// Restore the backup.
    pub on_restore: Callback<()>,
    /// Put the removed variant back.
    pub on_undo_remove: Callback<()>,
}

/// The bar.
#[function_component(NoticeBar)]
pub fn notice_bar(p: &NoticeProps) -> Html {
    crate::bench::rendered("notice_bar");
    let lang = p.lang;
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let body = match &p.notice {
        Notice::Info(key, detail) => html! {
            <>
                <span>{ t(lang, key) }{ for detail.as_ref().map(|(zh, en)| format!(" {}", lang.pick(zh, en))) }</span>
                <button type="button" onclick={click(&p.on_close)}>{ t(lang, "notice.close") }</button>
            </>
        },
        Notice::LinkConflict => html! {
            <>
                <span>{ t(lang, "notice.link_conflict") }</span>
                <button type="button" data-testid="link-open" onclick={click(&p.on_accept_link)}>{ t(lang, "notice.link_open") }</button>
                <button type="button" data-testid="link-keep" onclick={click(&p.on_reject_link)}>{ t(lang, "notice.link_keep") }</button>
            </>
        },
        Notice::Replaced(key) => html! {
            <>
                <span>{ t(lang, key) }</span>
                <button type="button" data-testid="restore-backup" onclick={click(&p.on_restore)}>{ t(lang, "notice.restore_previous") }</button>
                <button type="button" onclick={click(&p.on_close)}>{ t(lang, "notice.close") }</button>
            </>
        },
        Notice::VariantRemoved => html! {
            <>
                <span>{ t(lang, "notice.variant_removed") }</span>
                <button type="button" data-testid="undo-remove" onclick={click(&p.on_undo_remove)}>{ t(lang, "notice.undo") }</button>
                <button type="button" onclick={click(&p.on_close)}>{ t(lang, "notice.close") }</button>
            </>
        },
        Notice::LinkOpened => html! {
            <>
                <span>{ t(lang, "notice.loaded_backup") }</span>
                <button type="button" data-testid="restore-backup" onclick={click(&p.on_restore)}>{ t(lang, "notice.restore") }</button>
                <button type="button" onclick={click(&p.on_close)}>{ t(lang, "notice.close") }</button>
            </>
        },
    };
    html! { <div class="notice no-print" role="status" data-testid="notice">{ body }</div> }
}
