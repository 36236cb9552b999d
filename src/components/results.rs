//! The results column: the verdict banner from the current report, and the detail cards (energy, ladder,
//! clause table, sensitivity, star, PV, retrofit, plan) from the report as of the last painted frame
//! (`use_after_paint`). A keystroke thus paints the verdict in the next frame with little work, and the
//! cards one frame later; the cards never show anything the core did not report.

use greencheck_core::project::Project;
use greencheck_core::report::{FieldChange, Report};
use yew::prelude::*;

use crate::components::report_cards::ReportCards;
use crate::components::verdict::VerdictBanner;
use crate::hooks::use_after_paint;
use crate::i18n::{t, Lang};
use crate::shared::Shared;

/// Props of [`Results`].
#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    /// The current report.
    pub report: Shared<Report>,
    /// The project it is of (last valid).
    pub project: Shared<Project>,
    /// Whether an input holds text that is not accepted (the report is of the last accepted values).
    pub stale: bool,
    /// UI language.
    pub lang: Lang,
    /// Apply a suggested change.
    pub on_apply: Callback<FieldChange>,
}

/// The column.
#[function_component(Results)]
pub fn results(p: &ResultsProps) -> Html {
    crate::bench::rendered("results");
    let lang = p.lang;
    let (report, project) = use_after_paint(&(p.report.clone(), p.project.clone()));
    // Whether the cards show the current report (for tests and the browser benchmark).
    let current = report == p.report;
    // The printed sources name the weather the report was computed with (the city's row).
    let weather = greencheck_core::city::find(&project.city)
        .map(|c| c.weather().get(lang))
        .unwrap_or("—");
    // …and the GB/T 50378 edition the star estimate used, when there is one.
    let star_edition = report
        .star
        .as_ref()
        .map(|s| format!("{}{}", s.edition.label().get(lang), t(lang, "print.sep")))
        .unwrap_or_default();
    html! {
        <div class="results" id="results" aria-label={t(lang, "sec.results")} data-current={current.to_string()}>
            <VerdictBanner report={p.report.clone()} stale={p.stale} {lang} />
            <ReportCards {report} {project} {lang} on_apply={p.on_apply.clone()} />
            <p class="print-only provenance" data-testid="print-provenance">
                { t(lang, "print.provenance") }{ star_edition }{ t(lang, "print.weather") }{ weather }{ t(lang, "print.provenance_tbc") }</p>
        </div>
    }
}
