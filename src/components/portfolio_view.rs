//! The bureau's portfolio page (汇总): drop many project files (or BIM models), or pick a folder; each is read
//! and evaluated in the browser, one at a time with a progress bar; then the city indicators of the Hebi plan
//! against their targets, every project's row (sortable, filterable, openable in the calculator), the files
//! that could not be used, and the CSV for Excel. Nothing leaves the browser.

use std::rc::Rc;
use std::time::Duration;

use greencheck_core::open::{self, FileKind};
use greencheck_core::plan::{Measured, PlanStatus};
use greencheck_core::portfolio::{
    self, CityIndicator, Group, InvalidFile, Portfolio, PortfolioRow, Progress,
};
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

/// A progress card: one column per group (a reporting year or a county, then the projects without one), one
/// row per city indicator, each cell the group's value and its mark against the target.
struct ProgressCard<'a> {
    lines: &'a [Progress],
    /// Test id of the card and prefix of its cells'.
    id: &'static str,
    /// Keys of the title, the note, the first column's head, and the column of the projects without a group.
    title: &'static str,
    note: &'static str,
    head: &'static str,
    none: &'static str,
}

impl ProgressCard<'_> {
    fn html(&self, lang: Lang, s: &Portfolio) -> Html {
        let names: Vec<String> = self
            .lines
            .iter()
            .map(|g| {
                g.group
                    .as_ref()
                    .map_or_else(|| t(lang, self.none).to_owned(), Group::name)
            })
            .collect();
        let head = names
            .iter()
            .map(|n| html! { <th scope="col" class="num">{ n }</th> });
        let projects = self
            .lines
            .iter()
            .map(|g| html! { <td class="num">{ g.projects }</td> });
        let area = self
            .lines
            .iter()
            .map(|g| html! { <td class="num">{ num(g.floor_area_m2, 0) }</td> });
        let rows = s.indicators.iter().enumerate().map(|(i, c)| {
            let cells = self.lines.iter().map(|g| match g.indicators.get(i) {
                Some(v) => {
                    let value = v.value.map_or_else(|| "—".into(), |x| measured(lang, &Measured::Number(x), c.unit));
                    let title = v.status.label().get(lang);
                    html! {
                        <td class={format!("num p-{}", v.status.key())} data-testid={format!("{}-{}-{}", self.id, g.group.as_ref().map_or_else(|| "none".to_owned(), Group::name), c.id)} data-status={v.status.key()}>
                            { value }
                            // No project of the group is concerned: the dash says it, a second one would not.
                            if v.status != PlanStatus::NotApplicable {
                                { " " }<span class="status" title={title} aria-label={title} role="img">{ status_mark(v.status) }</span>
                            }
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
            <div class="card" data-testid={format!("portfolio-{}", self.id)}>
                <h3>{ t(lang, self.title) }</h3>
                <p class="note">{ t(lang, self.note) }</p>
                <div class="table-wrap"><table class="city by-group">
                    <thead><tr><th scope="col">{ t(lang, self.head) }</th>{ for head }</tr></thead>
                    <tbody>
                        <tr><th scope="row">{ t(lang, "portfolio.projects_n") }</th>{ for projects }</tr>
                        <tr><th scope="row">{ t(lang, "portfolio.area") }</th>{ for area }</tr>
                        { for rows }
                    </tbody>
                </table></div>
            </div>
        }
    }
}

/// A choice of one group of a progress table (or every one); the chosen one stays offered even when the other
/// choice leaves it no project.
fn group_select(
    lang: Lang,
    id: &'static str,
    label: &'static str,
    all: &'static str,
    options: Vec<String>,
    chosen: Option<String>,
    on_change: Callback<Event>,
) -> Html {
    let mut options = options;
    if let Some(c) = &chosen {
        if !options.contains(c) {
            options.push(c.clone());
        }
    }
    html! {
        <span class="group-select"><label for={id}>{ t(lang, label) }{ " " }</label>
            <select id={id} data-testid={id} onchange={on_change}>
                // Keyed: an option reused for another value would keep the browser's own selection state.
                <option key="" value="" selected={chosen.is_none()}>{ t(lang, all) }</option>
                { for options.into_iter().map(|o| html! {
                    <option key={o.clone()} value={o.clone()} selected={chosen.as_ref() == Some(&o)}>{ o }</option>
                }) }
            </select></span>
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
            <td>{ r.district.clone().unwrap_or_else(|| "—".to_owned()) }</td>
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
                    &portfolio::csv::file_name(s),
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
    // A choice's value ("" for every one) becomes the scope's year or county.
    let on_choice = |action: fn(String) -> PortfolioAction| {
        let d = d.clone();
        Callback::from(move |e: Event| {
            d.dispatch(action(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            ))
        })
    };
    let on_year = on_choice(|v| PortfolioAction::Year(v.parse().ok()));
    let on_district = on_choice(|v| PortfolioAction::District((!v.is_empty()).then_some(v)));
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
    // The choices and progress cards appear once some project gives a year or a county (or one is chosen).
    let (has_years, has_districts) = state.summary.as_ref().map_or((false, false), |s| {
        (
            s.scope.year.is_some() || s.by_year.iter().any(|g| g.group.is_some()),
            s.scope.district.is_some() || s.by_district.iter().any(|g| g.group.is_some()),
        )
    });
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
                    // The years and counties the projects give; choosing one summarises (and lists) only its projects.
                    if has_years || has_districts {
                        <p class="no-print group-selects">
                            if has_years {
                                { group_select(lang, "portfolio-year", "portfolio.year", "portfolio.all_years",
                                    s.by_year.iter().filter_map(|g| g.group.as_ref().map(Group::name)).collect(),
                                    state.scope.year.map(|y| y.to_string()), on_year) }
                            }
                            if has_districts {
                                { group_select(lang, "portfolio-district", "portfolio.district", "portfolio.all_districts",
                                    s.by_district.iter().filter_map(|g| g.group.as_ref().map(Group::name)).collect(),
                                    state.scope.district.clone(), on_district) }
                            }
                        </p>
                    }
                    <p class="note" data-testid="portfolio-scope">
                        if let Some(y) = s.scope.year {
                            { format!("{} {y} · ", t(lang, "portfolio.year")) }
                        }
                        if let Some(d) = &s.scope.district {
                            { format!("{} {d} · ", t(lang, "portfolio.district")) }
                        }
                        { format!("{} {} · {} {} · ", t(lang, "portfolio.projects"), s.projects, t(lang, "portfolio.invalid"), s.invalid_files) }
                        if s.projects_outside_scope > 0 {
                            { format!("{} {} · ", t(lang, "portfolio.outside_scope"), s.projects_outside_scope) }
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
                if has_years {
                    { ProgressCard { lines: &s.by_year, id: "by-year", title: "portfolio.by_year", note: "portfolio.by_year_note",
                        head: "portfolio.year", none: "portfolio.no_year" }.html(lang, s) }
                }
                if has_districts {
                    { ProgressCard { lines: &s.by_district, id: "by-district", title: "portfolio.by_district", note: "portfolio.by_district_note",
                        head: "portfolio.district", none: "portfolio.no_district" }.html(lang, s) }
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
                            { sort_head(SortBy::Name, "portfolio.name") }<th scope="col">{ t(lang, "portfolio.use") }</th><th scope="col">{ t(lang, "portfolio.year") }</th><th scope="col">{ t(lang, "portfolio.district") }</th>
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
