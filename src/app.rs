//! The root component: one reducer state, the input form on the left, the core's report on the right.
//! Effects live in `hooks`, browser calls in `browser`; this file wires them to the components.

use greencheck_core::open::{self, FileKind};
use greencheck_core::project::{Geometry, Project, Template};
use greencheck_core::report::FieldChange;
use greencheck_core::session::Session;
use greencheck_core::share;
use yew::prelude::*;

use crate::browser;
use crate::components::comparison::ComparisonTable;
use crate::components::geometry::GeometryInput;
use crate::components::import_summary::ImportSummaryCard;
use crate::components::notice::NoticeBar;
use crate::components::portfolio_view::PortfolioView;
use crate::components::results::Results;
use crate::components::section::Section;
use crate::components::toolbar::Toolbar;
use crate::components::variant_bar::{Tab, VariantBar};
use crate::hooks::{use_action, use_autosave, use_embed_height, use_page_lang, use_share_link};
use crate::i18n::{num, t, Lang};
use crate::layout;
use crate::shared::Shared;
use crate::state::{Action, AppState, Notice, View};

/// The first state: the autosaved session, else the default template; the remembered language.
fn initial_state() -> AppState {
    let lang = browser::load_lang().unwrap_or_default();
    let fallback = || {
        Session::new(
            Project::template(Template::ResidentialHighRise).expect("built-in template is valid"),
        )
    };
    let (session, notice) = match browser::restore() {
        browser::Restored::Session(e) => (*e, None),
        browser::Restored::Nothing => (fallback(), None),
        browser::Restored::Unreadable => (
            fallback(),
            Some(Notice::Info("notice.storage_corrupt", None)),
        ),
    };
    let mut s = AppState::new(session, lang);
    s.notice = notice;
    s
}

/// Reads a chosen or dropped file — a project or a BIM model, told apart by the core from the content — and
/// loads it, or reports why not (the project is untouched). A model is imported on top of `base` by the
/// importer module, which the page loads only then.
fn open_file(file: web_sys::File, base: Project, dispatch: UseReducerDispatcher<AppState>) {
    let name = file.name();
    yew::platform::spawn_local(async move {
        let failed = |e: browser::ReadError| match e {
            browser::ReadError::TooLarge(limit) => (
                format!("文件过大（上限 {} MB）", limit / 1_048_576),
                format!("file too large (limit {} MB)", limit / 1_048_576),
            ),
            browser::ReadError::Unreadable => {
                ("无法读取文件".into(), "the file could not be read".into())
            }
            browser::ReadError::ImporterUnavailable => (
                "无法加载 BIM 模型导入模块".into(),
                "the BIM model importer could not be loaded".into(),
            ),
        };
        let bytes = match browser::read_file_bytes(file, browser::MAX_OPEN_BYTES).await {
            Ok(b) => b,
            Err(e) => {
                return dispatch.dispatch(Action::Notify(Some(Notice::Info(
                    "notice.open_failed",
                    Some(failed(e)),
                ))))
            }
        };
        let result = match open::kind_of(&bytes) {
            FileKind::Project => open::open_project(&bytes)
                .map(|loaded| {
                    let notice = loaded.migrated_from.map(|from| {
                        Notice::Info(
                            "notice.migrated",
                            Some((
                                format!("（{from} → greencheck/1）"),
                                format!("({from} → greencheck/1)"),
                            )),
                        )
                    });
                    (Action::Load(loaded.project), notice)
                })
                .map_err(|e| (e.zh, e.en)),
            FileKind::Model => {
                match browser::import_model(&bytes, &name, &base.to_json_pretty()).await {
                    Ok(reply) => open::read_import_reply(&reply)
                        .map(|p| (Action::Import(p), None))
                        .map_err(|e| (e.zh, e.en)),
                    Err(e) => Err(failed(e)),
                }
            }
        };
        match result {
            Ok((action, notice)) => {
                dispatch.dispatch(action);
                if notice.is_some() {
                    dispatch.dispatch(Action::Notify(notice));
                }
            }
            Err(msg) => dispatch.dispatch(Action::Notify(Some(Notice::Info(
                "notice.open_failed",
                Some(msg),
            )))),
        }
    });
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    crate::bench::rendered("app");
    let state = use_reducer(initial_state);
    let share_url = use_state(|| None::<String>);
    let embed = *use_memo((), |_| browser::embed_mode());
    let lang = state.lang;
    use_share_link(&state);
    use_autosave(&state);
    use_page_lang(lang);
    use_embed_height(embed);

    let d = state.dispatcher();
    let on_edit = use_action(d.clone(), |(path, text): (String, String)| {
        Action::Edit(path, text)
    });
    let on_apply = use_action(d.clone(), |c: FieldChange| Action::Apply(c));
    let on_mode = use_action(d.clone(), |m: String| Action::GeometryMode(m));
    let on_add = use_action(d.clone(), |_: ()| Action::AddAreaFacade);
    let on_remove = use_action(d.clone(), |i: usize| Action::RemoveAreaFacade(i));
    let on_template = use_action(d.clone(), |t: Template| Action::Template(t));
    let on_lang = use_action(d.clone(), |l: Lang| Action::SetLang(l));
    let on_close = use_action(d.clone(), |_: ()| Action::Notify(None));
    let on_accept_link = use_action(d.clone(), |_: ()| Action::AcceptLink);
    let on_reject_link = use_action(d.clone(), |_: ()| Action::RejectLink);
    let on_restore = use_action(d.clone(), |_: ()| Action::RestoreBackup);
    // (A reducer handle is a cheap Rc clone of the state it was rendered with.)
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let on_open = {
        let (d, latest) = (d.clone(), latest.clone());
        use_callback((), move |f: web_sys::File, _| {
            open_file(f, latest.borrow().editor().project().clone(), d.clone())
        })
    };
    let on_drop = {
        let (d, latest) = (d.clone(), latest.clone());
        use_callback((), move |e: DragEvent, _| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|l| l.get(0))
            {
                open_file(f, latest.borrow().editor().project().clone(), d.clone());
            }
        })
    };
    let on_dismiss_import = use_action(d.clone(), |_: ()| Action::DismissImport);
    let on_undo_remove = use_action(d.clone(), |_: ()| Action::UndoRemoveVariant);
    let on_view = use_action(d.clone(), Action::SetView);
    let on_open_project = {
        let d = d.clone();
        use_callback((), move |p: Project, _| {
            d.dispatch(Action::Load(p));
            d.dispatch(Action::SetView(View::Calculator));
        })
    };
    let on_switch = use_action(d.clone(), Action::SwitchVariant);
    let on_duplicate = use_action(d.clone(), |_: ()| Action::DuplicateVariant);
    let on_rename = use_action(d.clone(), |(i, label): (usize, String)| {
        Action::RenameVariant(i, label)
    });
    let on_remove_variant = use_action(d.clone(), Action::RemoveVariant);
    let on_move = use_action(d.clone(), |(from, to): (usize, usize)| {
        Action::MoveVariant(from, to)
    });
    let on_dragover = use_callback((), |e: DragEvent, _| e.prevent_default());
    // Save and Share read the latest project when clicked, so their callbacks keep their identity across
    // keystrokes (the toolbar is not re-rendered by typing).
    let on_save = {
        let latest = latest.clone();
        use_callback((), move |_: (), _| {
            let state = latest.borrow();
            browser::download(
                &browser::file_name(state.editor().project()),
                &state.session.to_json(),
                "application/json",
            )
        })
    };
    let on_share = {
        let latest = latest.clone();
        let share_url = share_url.setter();
        use_callback((), move |_: (), _| {
            let url = format!(
                "{}{}",
                browser::base_url(),
                share::encode_fragment(&latest.borrow().session.to_project())
            );
            browser::copy_to_clipboard(&url);
            share_url.set(Some(url));
        })
    };
    let on_print = use_callback((), |_: (), _| browser::print());

    let editor = state.editor();
    let report = editor.report();
    let project = editor.project();
    // The reporting year and county, as the bureau's summary reads them (the core's rule).
    let reporting = greencheck_core::plan::PlanInput::reporting(&project.plan);
    let building = report.building.as_ref();
    let generation = state.generation;
    let views = |slots, placeholders: &[(String, String)]| {
        layout::views(editor, generation, slots, placeholders)
    };
    let derived_sf = building.map(|b| (b.shape_factor_overridden, b.shape_factor));
    let placeholders: Vec<(String, String)> = match derived_sf {
        Some((false, sf)) => vec![(
            "envelope.shape_factor".into(),
            format!("{} {}", t(lang, "f.shape_factor.derived"), num(sf, 3)),
        )],
        _ => vec![],
    };
    // Assumption fields show the default the estimate uses when left empty.
    let assumption_hints: Vec<(String, String)> = report
        .energy
        .as_ref()
        .map(|e| {
            e.assumptions
                .iter()
                .map(|a| {
                    (
                        format!("assumptions.{}", a.key),
                        format!("{} {}", t(lang, "f.default"), num(a.default, 2)),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    // The construction select's blank names the class the estimate uses when none is chosen.
    let envelope_hints: Vec<(String, String)> = report
        .energy
        .as_ref()
        .filter(|e| e.thermal_mass.origin == greencheck_core::energy::MassOrigin::Default)
        .and_then(|e| e.thermal_mass.class_name())
        .map(|name| {
            vec![(
                format!("assumptions.{}", greencheck_core::energy::CONSTRUCTION_KEY),
                format!("{} {}", t(lang, "f.default"), name.get(lang)),
            )]
        })
        .unwrap_or_default();
    let area_facades: Vec<_> = match &project.geometry {
        Geometry::Areas { facades, .. } => (0..facades.len())
            .map(|i| views(layout::area_facade(i), &[]))
            .collect(),
        Geometry::Box { .. } => Vec::new(),
    };
    // A retrofit shows each facade's existing state beside its design inputs.
    let is_retrofit = project
        .extra
        .contains_key(greencheck_core::retrofit::SECTION);
    let facade_sections = building.map(|b| b.facades.clone()).unwrap_or_default().into_iter().map(|f| {
        let sub = format!(" {} · {} · {:.0}°", f.name, f.orientation.label().get(lang), f.azimuth_deg);
        let mut slots = layout::facade(&f.name);
        if is_retrofit {
            slots.extend(layout::retrofit_facade(&f.name));
        }
        html! { <Section title="sec.facades" subtitle={sub} fields={views(slots, &[])} {lang} on_edit={on_edit.clone()} /> }
    });
    let verdict_code = report.verdict.code();
    let variants = state.session.variants();
    let tabs: Vec<Tab> = variants
        .list()
        .iter()
        .map(|v| Tab {
            id: v.id().to_owned(),
            label: greencheck_core::variants::shown_label(v.label(), lang),
            valid: v.project().is_some(),
        })
        .collect();
    let active_variant = variants.active_index();
    let comparison = state.session.shared_comparison().map(Shared::new);
    // Read from the project's `import` section only when that section changes, not on every keystroke.
    let import_summary = (*use_memo(
        project
            .extra
            .get(greencheck_core::gbxml::SUMMARY_KEY)
            .cloned(),
        |section| {
            section
                .as_ref()
                .and_then(|_| greencheck_core::gbxml::SummaryView::from_project(project))
                .filter(|s| !s.dismissed)
        },
    ))
    .clone();

    html! {
        <div class={classes!("app", embed.then_some("embed"))} lang={lang.code()} ondrop={on_drop} ondragover={on_dragover}>
            if !embed {
                <header class="chrome">
                    <h1>{ t(lang, "app.title") }</h1>
                    <p class="subtitle">{ t(lang, "app.subtitle") }{ " · " }{ t(lang, "app.privacy") }</p>
                </header>
            }
            <nav class="views no-print" aria-label={t(lang, "view.label")}>
                <button type="button" data-testid="view-calculator" aria-pressed={(state.view == View::Calculator).to_string()}
                    onclick={let v = on_view.clone(); Callback::from(move |_: MouseEvent| v.emit(View::Calculator))}>{ t(lang, "view.calculator") }</button>
                <button type="button" data-testid="view-portfolio" aria-pressed={(state.view == View::Portfolio).to_string()}
                    onclick={let v = on_view.clone(); Callback::from(move |_: MouseEvent| v.emit(View::Portfolio))}>{ t(lang, "view.portfolio") }</button>
            </nav>
            // The portfolio stays mounted while hidden, so what it read is kept when switching back and forth.
            <div class="portfolio-page" hidden={state.view != View::Portfolio}>
                <PortfolioView {lang} on_open={on_open_project} />
            </div>
            <div class="calculator-page" hidden={state.view != View::Calculator}>
            <PrintHeader name={project.name.clone()} {lang} year={reporting.year()} district={reporting.district()} />
            <Toolbar {lang} {on_template} {on_save} {on_open} {on_share} {on_print} {on_lang} share_url={(*share_url).clone()} />
            <a class={classes!("mini-verdict", "no-print", format!("v-{verdict_code}"))} href="#results"
               data-testid="mini-verdict" aria-label={t(lang, "sec.results")}>
                { report.verdict.label().get(lang) }
                { for report.energy.as_ref().map(|e| format!(" · {} {}", t(lang, "energy.saving"), crate::i18n::pct(lang, e.saving_rate, 1))) }
                if editor.is_stale() { { " ⚠" } }
            </a>
            if let Some(n) = &state.notice {
                <NoticeBar notice={n.clone()} {lang} {on_close} {on_accept_link} {on_reject_link} {on_restore} {on_undo_remove} />
            }
            <VariantBar {tabs} active={active_variant} {lang} {on_switch} {on_duplicate} {on_rename} on_remove={on_remove_variant} {on_move} />
            if let Some(c) = comparison {
                <ComparisonTable comparison={c} {lang} />
            }
            if let Some(summary) = import_summary {
                <ImportSummaryCard {summary} {lang} on_dismiss={on_dismiss_import} />
            }
            <div class="layout">
                <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <Section title="sec.project" fields={views(layout::project(), &[])} {lang} on_edit={on_edit.clone()} />
                    <GeometryInput geometry={project.geometry.clone()} massing={views(layout::massing(), &placeholders)}
                        areas={views(layout::areas(), &placeholders)} {area_facades}
                        facades={building.map(|b| b.facades.clone()).unwrap_or_default()}
                        {lang} on_edit={on_edit.clone()} {on_mode} {on_add} {on_remove} />
                    { for facade_sections }
                    <Section title="sec.envelope" fields={views(layout::envelope(), &envelope_hints)} {lang} on_edit={on_edit.clone()} />
                    <Section title="sec.optional" fields={views(layout::optional(), &[])} {lang} on_edit={on_edit.clone()} />
                    <Section title="sec.nzeb" fields={views(layout::nzeb(), &[])} {lang} on_edit={on_edit.clone()} folded=true />
                    <Section title="sec.pv" fields={views(layout::pv(), &[])} {lang} on_edit={on_edit.clone()} />
                    <Section title="sec.green" fields={views(layout::green(), &[])} {lang} on_edit={on_edit.clone()} folded=true />
                    <Section title="sec.plan" fields={views(layout::plan(), &[])} {lang} on_edit={on_edit.clone()} folded=true />
                    <Section title="sec.retrofit" fields={views(layout::retrofit(), &[])} {lang} on_edit={on_edit.clone()} folded={!is_retrofit} />
                    <Section title="sec.advanced" fields={views(layout::assumptions(), &assumption_hints)} {lang} on_edit={on_edit.clone()} folded=true />
                    <p class="note no-print">{ t(lang, "toolbar.drop") }</p>
                </form>
                <Results report={Shared::new(editor.shared_report())} project={Shared::new(editor.shared_project())} stale={editor.is_stale()}
                    {lang} {on_apply} />
            </div>
            </div>
        </div>
    }
}

/// Print-only report header: title, project, its reporting year and county when given (a printed report goes to
/// the county that reports it), date and app version.
#[derive(Properties, PartialEq, Clone)]
struct PrintHeaderProps {
    name: String,
    lang: Lang,
    year: Option<u16>,
    district: Option<String>,
}

#[function_component(PrintHeader)]
fn print_header(p: &PrintHeaderProps) -> Html {
    crate::bench::rendered("print_header");
    html! {
        <header class="print-only print-header">
            <h1>{ t(p.lang, "print.title") }</h1>
            <p>{ &p.name }</p>
            if p.year.is_some() || p.district.is_some() {
                <p data-testid="print-reporting">
                    if let Some(y) = p.year { { format!("{} {y}", t(p.lang, "portfolio.year")) } }
                    if p.year.is_some() && p.district.is_some() { { " · " } }
                    if let Some(d) = &p.district { { format!("{} {d}", t(p.lang, "portfolio.district")) } }
                </p>
            }
            <p>{ t(p.lang, "print.generated") }{ ": " }{ browser::today() }{ " · " }{ t(p.lang, "print.version") }{ ": " }{ env!("CARGO_PKG_VERSION") }</p>
        </header>
    }
}
