//! The bureau's portfolio page (汇总): drop many project files (or BIM models), or pick a folder; each is read
//! and evaluated in the browser, one at a time with a progress bar; then the city indicators of the Hebi plan
//! against their targets, every project's row (sortable, filterable, openable in the calculator), the files
//! that could not be used, and the CSV for Excel. Nothing leaves the browser.

use std::rc::Rc;
use std::time::Duration;

use greencheck_core::open::{self, FileKind};
use greencheck_core::plan::{Measured, PlanStatus};
use greencheck_core::portfolio::{self, CityIndicator, InvalidFile, Portfolio, PortfolioRow};
use greencheck_core::project::Project;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::i18n::{measured, num, pct, t, Lang};
use crate::portfolio::{FileRead, PortfolioAction, PortfolioState, SortBy};

/// Props of [`PortfolioView`].
#[derive(Properties, PartialEq, Clone)]
pub struct PortfolioViewProps {
    /// UI language.
    pub lang: Lang,
    /// Open a project in the calculator.
    pub on_open: Callback<Project>,
}

/// Reading time between two updates of the page, ms: under the 50 ms of a long task, so the page answers
/// input while it reads, and the progress bar moves about 25 times a second.
const SLICE_MS: f64 = 40.0;

/// Reads and evaluates `files` one by one; the page gets what was read once per slice of reading time, and
/// the browser a turn after each update.
fn read_all(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<PortfolioState>) {
    dispatch.dispatch(PortfolioAction::Start(files.len()));
    yew::platform::spawn_local(async move {
        let mut batch = Vec::new();
        let mut since = js_sys::Date::now();
        for file in files {
            let name = file.name();
            let read = match browser::read_file_bytes(file, browser::MAX_OPEN_BYTES).await {
                Err(_) => FileRead::Invalid(InvalidFile::new(
                    &name,
                    "无法读取文件",
                    "the file could not be read",
                )),
                Ok(bytes) => match open::kind_of(&bytes) {
                    FileKind::Project => match portfolio::file_row(&name, &bytes) {
                        Ok((p, row)) => FileRead::Row(Box::new(row), Rc::new(p)),
                        Err(bad) => FileRead::Invalid(bad),
                    },
                    FileKind::Model => match browser::import_model(&bytes, &name, "").await {
                        Ok(reply) => match open::read_import_reply(&reply) {
                            Ok(p) => {
                                let row = portfolio::project_row(&name, &p);
                                FileRead::Row(Box::new(row), Rc::new(p))
                            }
                            Err(e) => FileRead::Invalid(InvalidFile::new(&name, e.zh, e.en)),
                        },
                        Err(_) => FileRead::Invalid(InvalidFile::new(
                            &name,
                            "无法加载 BIM 模型导入模块",
                            "the BIM model importer could not be loaded",
                        )),
                    },
                },
            };
            batch.push(read);
            if js_sys::Date::now() - since >= SLICE_MS {
                dispatch.dispatch(PortfolioAction::Read(std::mem::take(&mut batch)));
                yew::platform::time::sleep(Duration::ZERO).await;
                since = js_sys::Date::now();
            }
        }
        dispatch.dispatch(PortfolioAction::Read(batch));
        dispatch.dispatch(PortfolioAction::Done);
    });
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

fn status_mark(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Meets => "✓",
        PlanStatus::DoesNotMeet => "✗",
        PlanStatus::NotApplicable => "–",
        PlanStatus::NeedsInput => "?",
    }
}

fn indicator(lang: Lang, c: &CityIndicator) -> Html {
    let value = c
        .value
        .map(|v| measured(lang, &Measured::Number(v), c.unit));
    let target = measured(lang, &c.target, c.unit);
    // A bar of the value against the target (ratios on a 0–100 % scale).
    let bar = match (c.value, &c.target) {
        (Some(v), Measured::Number(goal)) if c.unit == "ratio" => {
            Some((v.clamp(0.0, 1.0), goal.clamp(0.0, 1.0)))
        }
        _ => None,
    };
    html! {
        <tr class={format!("p-{}", c.status.key())} data-testid={format!("city-{}", c.id)} data-status={c.status.key()}>
            <th scope="row">{ lang.pick(c.wording_zh, c.wording_en) }<span class="place">{ format!(" 〔{}〕", c.section) }</span></th>
            <td class="num">{ value.unwrap_or_else(|| "—".into()) }</td>
            <td>
                if let Some((v, goal)) = bar {
                    <svg class="ind-bar" viewBox="0 0 200 10" role="img" aria-label={format!("{} / {}", pct(lang, v, 1), pct(lang, goal, 0))}>
                        <rect class="track" x="0" y="0" width="200" height="10" />
                        <rect class="fill" x="0" y="0" width={format!("{:.1}", v * 200.0)} height="10" />
                        <line class="goal" x1={format!("{:.1}", goal * 200.0)} x2={format!("{:.1}", goal * 200.0)} y1="0" y2="10" />
                    </svg>
                }
            </td>
            <td class="num">{ target }{ for c.deadline.map(|y| format!(" · {y}")) }</td>
            <td class="num">{ format!("{}/{}", c.projects_meeting, c.projects_decided) }
                if c.projects_needing_input > 0 { { format!(" (+{} ?)", c.projects_needing_input) } }</td>
            <td class="status">{ c.status.label().get(lang) }</td>
        </tr>
    }
}

/// The progress of each reporting year: one column per year (then the projects without one), one row per city
/// indicator, each cell the year's value and its mark against the target.
fn by_year(lang: Lang, s: &Portfolio) -> Html {
    let year_name = |y: Option<u16>| {
        y.map_or_else(
            || t(lang, "portfolio.no_year").to_owned(),
            |y| y.to_string(),
        )
    };
    let head = s
        .by_year
        .iter()
        .map(|y| html! { <th scope="col" class="num">{ year_name(y.year) }</th> });
    let projects = s
        .by_year
        .iter()
        .map(|y| html! { <td class="num">{ y.projects }</td> });
    let area = s
        .by_year
        .iter()
        .map(|y| html! { <td class="num">{ num(y.floor_area_m2, 0) }</td> });
    let rows = s.indicators.iter().enumerate().map(|(i, c)| {
        let cells = s.by_year.iter().map(|y| match y.indicators.get(i) {
            Some(v) => {
                let value = v.value.map_or_else(|| "—".into(), |x| measured(lang, &Measured::Number(x), c.unit));
                let title = v.status.label().get(lang);
                html! {
                    <td class={format!("num p-{}", v.status.key())} data-testid={format!("year-{}-{}", year_name(y.year), c.id)} data-status={v.status.key()}>
                        { value }{ " " }<span class="status" title={title} aria-label={title} role="img">{ status_mark(v.status) }</span>
                    </td>
                }
            }
            None => html! { <td></td> },
        });
        html! {
            <tr><th scope="row">{ lang.pick(c.wording_zh, c.wording_en) }</th>{ for cells }</tr>
        }
    });
    html! {
        <div class="card" data-testid="portfolio-by-year">
            <h3>{ t(lang, "portfolio.by_year") }</h3>
            <p class="note">{ t(lang, "portfolio.by_year_note") }</p>
            <div class="table-wrap"><table class="city by-year">
                <thead><tr><th scope="col">{ t(lang, "portfolio.year") }</th>{ for head }</tr></thead>
                <tbody>
                    <tr><th scope="row">{ t(lang, "portfolio.projects_n") }</th>{ for projects }</tr>
                    <tr><th scope="row">{ t(lang, "portfolio.area") }</th>{ for area }</tr>
                    { for rows }
                </tbody>
            </table></div>
        </div>
    }
}

fn row_html(
    lang: Lang,
    r: &PortfolioRow,
    project: Rc<Project>,
    on_open: &Callback<Project>,
) -> Html {
    let open = {
        let cb = on_open.clone();
        Callback::from(move |_: MouseEvent| cb.emit((*project).clone()))
    };
    // Each mark names its target (the plan table's wording) and the status, on hover and to screen readers.
    let plan = r.plan.iter().map(|p| {
        let what = greencheck_core::plan::target(&p.id)
            .map_or(p.id.as_ref(), |row| lang.pick(row.wording_zh, row.wording_en));
        let title = format!("{what}{}{}", t(lang, "colon"), p.status.label().get(lang));
        html! { <span class={format!("p-{}", p.status.key())} title={title.clone()} aria-label={title} role="img">{ status_mark(p.status) }</span> }
    });
    html! {
        <tr data-testid="portfolio-row">
            <td>{ &r.name }<div class="file" lang="en">{ &r.file }</div></td>
            <td>{ r.building_use.label().get(lang) }</td>
            <td class="num">{ r.year.map_or_else(|| "—".to_owned(), |y| y.to_string()) }</td>
            <td class="num">{ r.floor_area_m2.map(|a| num(a, 0)).unwrap_or_else(|| "—".into()) }</td>
            <td class={format!("v-{}", r.verdict.code())}>{ r.verdict.label().get(lang) }</td>
            <td class="num">{ r.saving_rate.map(|s| pct(lang, s, 1)).unwrap_or_else(|| "—".into()) }
                { for r.target_rate.map(|tg| format!(" / {}", pct(lang, tg, 0))) }</td>
            <td>{ r.star_level.map(|l| l.label().get(lang)).unwrap_or("—") }</td>
            <td class="num">{ r.pv_coverage.map(|c| pct(lang, c, 0)).unwrap_or_else(|| "—".into()) }</td>
            <td class="plan-marks">{ for plan }</td>
            <td><button type="button" data-testid="portfolio-open" onclick={open}>{ t(lang, "portfolio.open") }</button></td>
        </tr>
    }
}

/// The page.
#[function_component(PortfolioView)]
pub fn portfolio_view(p: &PortfolioViewProps) -> Html {
    crate::bench::rendered("portfolio_view");
    let lang = p.lang;
    let state = use_reducer(PortfolioState::default);
    let d = state.dispatcher();
    let on_files = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let files = files_of(input.files());
            input.set_value("");
            if !files.is_empty() {
                read_all(files, d.clone());
            }
        })
    };
    let on_drop = {
        let d = d.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            let files = files_of(e.data_transfer().and_then(|dt| dt.files()));
            if !files.is_empty() {
                read_all(files, d.clone());
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_filter = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(PortfolioAction::Filter(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_clear = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(PortfolioAction::Clear))
    };
    let on_csv = {
        let summary = state.summary.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = &summary {
                browser::download(
                    "greencheck-portfolio.csv",
                    &portfolio::csv::portfolio_csv(s),
                    "text/csv;charset=utf-8",
                );
            }
        })
    };
    let sort_head = |by: SortBy, key: &'static str| {
        let d = d.clone();
        let mark = match state.sort {
            (s, false) if s == by => " ▲",
            (s, true) if s == by => " ▼",
            _ => "",
        };
        html! {
            <th scope="col"><button type="button" class="sort" onclick={Callback::from(move |_: MouseEvent| d.dispatch(PortfolioAction::Sort(by)))}>
                { t(lang, key) }{ mark }</button></th>
        }
    };
    let (shown, matching) = state.shown();
    let hidden = matching - shown.len();
    let on_year = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            d.dispatch(PortfolioAction::Year(v.parse().ok()));
        })
    };
    let on_show_all = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(PortfolioAction::ShowAll))
    };
    let rows = shown.into_iter().map(|i| {
        let (r, project) = &state.rows[i];
        row_html(lang, r, project.clone(), &p.on_open)
    });
    // What the plan column's marks mean.
    let legend = [
        PlanStatus::Meets,
        PlanStatus::DoesNotMeet,
        PlanStatus::NeedsInput,
        PlanStatus::NotApplicable,
    ]
    .map(|s| format!("{} {}", status_mark(s), s.label().get(lang)))
    .join(" · ");
    let invalid = state.invalid.iter().map(|f| {
        html! { <li><span lang="en">{ &f.file }</span>{ t(lang, "colon") }{ lang.pick(&f.message_zh, &f.message_en) }</li> }
    });
    html! {
        <section class="portfolio" data-testid="portfolio" ondrop={on_drop} ondragover={on_dragover} aria-labelledby="portfolio-title">
            <h2 id="portfolio-title">{ t(lang, "portfolio.title") }</h2>
            <p class="note no-print">{ t(lang, "portfolio.intro") }</p>
            <div class="portfolio-actions no-print">
                <label class="button" for="portfolio-files">{ t(lang, "portfolio.pick") }</label>
                <input id="portfolio-files" class="sr-only" type="file" aria-label={t(lang, "portfolio.pick")} multiple=true accept=".json,.xml,.gbxml,application/json,application/xml,text/xml"
                    data-testid="portfolio-files" onchange={on_files.clone()} />
                <label class="button" for="portfolio-folder">{ t(lang, "portfolio.folder") }</label>
                <input id="portfolio-folder" class="sr-only" type="file" aria-label={t(lang, "portfolio.folder")} webkitdirectory=true data-testid="portfolio-folder" onchange={on_files} />
                <button type="button" onclick={on_clear} disabled={state.rows.is_empty() && state.invalid.is_empty()}>{ t(lang, "portfolio.clear") }</button>
                <button type="button" data-testid="portfolio-csv" onclick={on_csv} disabled={state.summary.is_none()}>{ t(lang, "portfolio.csv") }</button>
            </div>
            if state.total > 0 {
                <p class="progress" data-testid="portfolio-progress" data-done={state.done.to_string()} data-total={state.total.to_string()}>
                    <progress max={state.total.to_string()} value={state.done.to_string()}></progress>
                    { format!(" {} / {}", state.done, state.total) }
                </p>
            }
            if let Some(s) = &state.summary {
                <div class="card">
                    <h3>{ t(lang, "portfolio.city") }</h3>
                    // The years the projects give; choosing one summarises (and lists) only its projects.
                    if s.by_year.iter().any(|y| y.year.is_some()) {
                        <p class="no-print"><label for="portfolio-year">{ t(lang, "portfolio.year") }{ " " }</label>
                            <select id="portfolio-year" data-testid="portfolio-year" onchange={on_year}>
                                <option value="" selected={state.year.is_none()}>{ t(lang, "portfolio.all_years") }</option>
                                { for s.by_year.iter().filter_map(|y| y.year).map(|y| html! {
                                    <option value={y.to_string()} selected={state.year == Some(y)}>{ y }</option>
                                }) }
                            </select></p>
                    }
                    <p class="note" data-testid="portfolio-scope">
                        if let Some(y) = s.year {
                            { format!("{} {y} · ", t(lang, "portfolio.year")) }
                        }
                        { format!("{} {} · {} {} · ", t(lang, "portfolio.projects"), s.projects, t(lang, "portfolio.invalid"), s.invalid_files) }
                        if s.projects_outside_year > 0 {
                            { format!("{} {} · ", t(lang, "portfolio.outside_year"), s.projects_outside_year) }
                        }
                        <span lang="zh-CN">{ s.document }</span></p>
                    <div class="table-wrap"><table class="city">
                        <thead><tr>
                            <th scope="col">{ t(lang, "plan.col.target") }</th><th scope="col">{ t(lang, "portfolio.value") }</th><th scope="col">{ "" }</th>
                            <th scope="col">{ t(lang, "checks.limit") }</th><th scope="col">{ t(lang, "portfolio.count") }</th><th scope="col">{ t(lang, "checks.status") }</th>
                        </tr></thead>
                        <tbody>{ for s.indicators.iter().map(|c| indicator(lang, c)) }</tbody>
                    </table></div>
                </div>
                if s.by_year.iter().any(|y| y.year.is_some()) {
                    { by_year(lang, s) }
                }
            }
            // The rows appear when the batch is read: a table redrawn at every update while it grows would
            // cost more than the reading.
            if !state.rows.is_empty() && !state.busy() {
                <div class="card">
                    <label for="portfolio-filter">{ t(lang, "portfolio.filter") }{ " " }</label>
                    <input id="portfolio-filter" type="search" data-testid="portfolio-filter" value={state.filter.clone()} oninput={on_filter} />
                    <div class="table-wrap"><table class="rows">
                        <thead><tr>
                            { sort_head(SortBy::Name, "portfolio.name") }<th scope="col">{ t(lang, "portfolio.use") }</th><th scope="col">{ t(lang, "portfolio.year") }</th>
                            { sort_head(SortBy::Area, "portfolio.area") }{ sort_head(SortBy::Verdict, "portfolio.verdict") }
                            { sort_head(SortBy::SavingRate, "energy.saving") }{ sort_head(SortBy::Star, "portfolio.star") }
                            { sort_head(SortBy::Pv, "portfolio.pv") }<th scope="col">{ t(lang, "portfolio.plan") }</th><th scope="col">{ "" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table></div>
                    <p class="note" data-testid="portfolio-plan-legend">{ t(lang, "portfolio.plan_legend") }{ legend }</p>
                    if hidden > 0 {
                        <p class="no-print"><button type="button" data-testid="portfolio-show-all" onclick={on_show_all}>
                            { format!("{} ({} / {})", t(lang, "portfolio.show_all"), matching - hidden, matching) }</button></p>
                    }
                </div>
            }
            if !state.invalid.is_empty() {
                <div class="card"><h3>{ t(lang, "portfolio.invalid") }</h3><ul data-testid="portfolio-invalid">{ for invalid }</ul></div>
            }
        </section>
    }
}
