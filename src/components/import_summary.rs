//! The model-import summary: what was read from the BIM (gbXML) file and what was ignored and why, in the page's
//! language, until the user dismisses it (it stays in the project, so Save and Share keep it).

use greencheck_core::gbxml::SummaryView;
use yew::prelude::*;

use crate::i18n::{t, Lang};

/// Props of [`ImportSummaryCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct ImportSummaryProps {
    /// The summary the importer stored in the project.
    pub summary: SummaryView,
    /// UI language.
    pub lang: Lang,
    /// Dismiss.
    pub on_dismiss: Callback<()>,
}

/// The card.
#[function_component(ImportSummaryCard)]
pub fn import_summary_card(p: &ImportSummaryProps) -> Html {
    crate::bench::rendered("import_summary");
    let lang = p.lang;
    let lines = p
        .summary
        .lines
        .iter()
        .map(|l| html! { <li>{ lang.pick(&l.zh, &l.en) }</li> });
    let dismiss = {
        let cb = p.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    html! {
        <section class="card import-summary" aria-labelledby="import-title" data-testid="import-summary">
            <h2 id="import-title">{ t(lang, "import.title") }{ " · " }<span class="source">{ &p.summary.source }</span></h2>
            <ul>{ for lines }</ul>
            <p class="note no-print">{ t(lang, "import.note") }</p>
            <button type="button" class="no-print" data-testid="import-dismiss" onclick={dismiss}>{ t(lang, "import.dismiss") }</button>
        </section>
    }
}
