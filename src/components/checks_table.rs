//! The clause table: each GB 55015 check with value, limit, margin, status and clause; failing rows carry
//! the core's suggestion and a button that applies it. Each row is a [`CheckRow`].

use greencheck_core::report::{Check, FieldChange};
use yew::prelude::*;

use crate::components::check_row::CheckRow;
use crate::i18n::{t, Lang};

/// Props of [`ChecksTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChecksTableProps {
    /// The checks, in report order.
    pub checks: Vec<Check>,
    /// UI language.
    pub lang: Lang,
    /// Apply a suggested change.
    pub on_apply: Callback<FieldChange>,
}

/// The table.
#[function_component(ChecksTable)]
pub fn checks_table(p: &ChecksTableProps) -> Html {
    crate::bench::rendered("checks_table");
    let lang = p.lang;
    // Keyed by check id: a row keeps its component while checks appear or disappear around it.
    let rows = p.checks.iter().map(|c| {
        html! { <CheckRow key={c.id.to_string()} check={c.clone()} {lang} on_apply={p.on_apply.clone()} /> }
    });
    html! {
        <section class="card checks">
            <h2>{ t(lang, "checks.title") }</h2>
            <div class="table-wrap">
            <table>
                <colgroup>
                    <col class="c-check" /><col class="c-value" /><col class="c-limit" />
                    <col class="c-margin" /><col class="c-status" /><col class="c-clause" />
                </colgroup>
                <thead><tr>
                    <th scope="col">{ t(lang, "checks.check") }</th><th scope="col">{ t(lang, "checks.value") }</th>
                    <th scope="col">{ t(lang, "checks.limit") }</th><th scope="col">{ t(lang, "checks.margin") }</th>
                    <th scope="col">{ t(lang, "checks.status") }</th><th scope="col">{ t(lang, "checks.clause") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            </div>
        </section>
    }
}
