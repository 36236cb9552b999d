//! The detail cards of one report (energy, ladder, clause table, sensitivity, star, PV, retrofit, plan), in
//! their own component so that the results column's verdict-first render, which leaves the cards' report
//! unchanged, stops at a pointer comparison instead of copying and comparing every card's part of it.

use greencheck_core::project::Project;
use greencheck_core::report::{FieldChange, Report};
use yew::prelude::*;

use crate::components::checks_table::ChecksTable;
use crate::components::energy_card::EnergyCard;
use crate::components::plan_card::PlanCard;
use crate::components::pv_card::PvCard;
use crate::components::retrofit_card::RetrofitCard;
use crate::components::sensitivity::Sensitivity;
use crate::components::star_card::StarCard;
use crate::components::tier_ladder::TierLadder;
use crate::i18n::Lang;
use crate::shared::Shared;

/// Props of [`ReportCards`].
#[derive(Properties, PartialEq, Clone)]
pub struct ReportCardsProps {
    /// The report the cards show.
    pub report: Shared<Report>,
    /// The project it is of.
    pub project: Shared<Project>,
    /// UI language.
    pub lang: Lang,
    /// Apply a suggested change.
    pub on_apply: Callback<FieldChange>,
}

/// The cards.
#[function_component(ReportCards)]
pub fn report_cards(p: &ReportCardsProps) -> Html {
    crate::bench::rendered("report_cards");
    let (report, lang) = (&p.report, p.lang);
    html! {
        <>
            if let Some(e) = &report.energy {
                <EnergyCard energy={e.clone()} {lang} />
                <TierLadder ladder={e.ladder.clone()} {lang} />
            }
            <ChecksTable checks={report.checks.clone()} {lang} on_apply={p.on_apply.clone()} />
            if let Some(e) = &report.energy {
                <Sensitivity project={(*p.project).clone()} target_rate={Some(e.target_rate)}
                    rates={Some((e.saving_rate, e.monthly.saving_rate))} {lang} />
            }
            if let Some(s) = &report.star {
                <StarCard star={s.clone()} {lang} />
            }
            <PvCard pv={report.pv.clone()} {lang} />
            if let Some(r) = &report.retrofit {
                <RetrofitCard retrofit={r.clone()} {lang} />
            }
            if let Some(plan) = &report.plan {
                <PlanCard plan={plan.clone()} {lang} />
            }
        </>
    }
}
