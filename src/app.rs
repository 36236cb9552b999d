//! The root component: one reducer state, the input form on the left, the core's report on the right.

use greencheck_core::editor::{Editor, FieldKind};
use greencheck_core::project::{Project, Template};
use greencheck_core::report::FieldChange;
use greencheck_core::share;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::checks_table::ChecksTable;
use crate::components::energy_card::EnergyCard;
use crate::components::geometry::GeometryInput;
use crate::components::notice::NoticeBar;
use crate::components::pv_card::PvCard;
use crate::components::section::Section;
use crate::components::sensitivity::Sensitivity;
use crate::components::star_card::StarCard;
use crate::components::toolbar::Toolbar;
use crate::components::verdict::{verdict_code, VerdictBanner};
use crate::fields;
use crate::i18n::{num, t, Lang};
use crate::state::{Action, AppState, Notice};
use crate::storage;

/// The first state: the autosaved session, else the default template; the remembered language.
fn initial_state() -> AppState {
    let lang = storage::load_lang().unwrap_or_default();
    let fallback = || {
        Editor::new(
            Project::template(Template::ResidentialHighRise).expect("built-in template is valid"),
        )
    };
    let (editor, notice) = match storage::restore() {
        storage::Restored::Session(e) => (*e, None),
        storage::Restored::Nothing => (fallback(), None),
        storage::Restored::Unreadable => (
            fallback(),
            Some(Notice::Info("notice.storage_corrupt", None)),
        ),
    };
    let mut s = AppState::new(editor, lang);
    s.notice = notice;
    s
}

/// Whether the page was opened with local work present (an autosave exists).
fn has_local_work() -> bool {
    storage::autosaved_text().is_some()
}

/// Opens the project carried by the URL fragment, if any, then clears the fragment.
fn open_fragment(
    dispatch: &UseReducerDispatcher<AppState>,
    current: Option<&Project>,
    local_work: bool,
) {
    let Some(fragment) = storage::fragment() else {
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
    storage::clear_fragment();
}

/// Reads a chosen or dropped file and loads it, or reports why not (the project is untouched).
fn open_file(file: web_sys::File, dispatch: UseReducerDispatcher<AppState>) {
    const MAX_BYTES: f64 = 1_048_576.0;
    if file.size() > MAX_BYTES {
        dispatch.dispatch(Action::Notify(Some(Notice::Info(
            "notice.open_failed",
            Some((
                "文件过大（上限 1 MB）".into(),
                "file too large (limit 1 MB)".into(),
            )),
        ))));
        return;
    }
    yew::platform::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        let result = match text {
            Some(t) => greencheck_core::migrate::load_project(&t)
                .map_err(|e| (e.message_zh(), e.message_en())),
            None => Err(("无法读取文件".into(), "the file could not be read".into())),
        };
        match result {
            Ok(loaded) => {
                let notice = loaded.migrated_from.map(|from| {
                    Notice::Info(
                        "notice.migrated",
                        Some((
                            format!("（{from} → greencheck/1）"),
                            format!("({from} → greencheck/1)"),
                        )),
                    )
                });
                dispatch.dispatch(Action::Load(loaded.project));
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
    let state = use_reducer(initial_state);
    let share_url = use_state(|| None::<String>);
    let embed = use_memo((), |_| storage::embed_mode());
    let lang = state.lang;

    // A share link in the URL (on load, or pasted into an open tab): open it, but never silently over local work.
    {
        let dispatch = state.dispatcher();
        let current = state.editor.project().clone();
        use_effect_with((), move |_| {
            open_fragment(&dispatch, Some(&current), has_local_work());
            let d = dispatch.clone();
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    open_fragment(&d, None, true);
                });
            move || drop(listener)
        });
    }
    // Autosave on every change of the session (project or drafts).
    {
        let editor = state.editor.clone();
        let dispatch = state.dispatcher();
        use_effect_with((state.revision, editor.drafts().clone()), move |_| {
            if !storage::autosave(&editor) {
                dispatch.dispatch(Action::Notify(Some(Notice::Info(
                    "notice.storage_full",
                    None,
                ))));
            }
        });
    }
    // Language: remember it and set <html lang>.
    use_effect_with(lang, move |lang| {
        storage::save_lang(*lang);
        if let Some(el) = gloo::utils::document().document_element() {
            let _ = el.set_attribute("lang", lang.code());
        }
    });
    // Embed mode: tell the parent window our height after every render.
    {
        let embed = *embed;
        use_effect(move || {
            if embed {
                post_height();
            }
        });
    }

    let on_edit = {
        let d = state.dispatcher();
        Callback::from(move |(path, kind, text): (String, FieldKind, String)| {
            d.dispatch(Action::Edit { path, kind, text })
        })
    };
    let on_apply = {
        let d = state.dispatcher();
        Callback::from(move |c: FieldChange| d.dispatch(Action::Apply(c)))
    };
    let on_mode = {
        let d = state.dispatcher();
        Callback::from(move |m: String| d.dispatch(Action::GeometryMode(m)))
    };
    let on_add = {
        let d = state.dispatcher();
        Callback::from(move |_: ()| d.dispatch(Action::AddAreaFacade))
    };
    let on_remove = {
        let d = state.dispatcher();
        Callback::from(move |i: usize| d.dispatch(Action::RemoveAreaFacade(i)))
    };
    let on_template = {
        let d = state.dispatcher();
        Callback::from(move |t: Template| d.dispatch(Action::Template(t)))
    };
    let on_save = {
        let editor = state.editor.clone();
        Callback::from(move |_| {
            storage::download(
                &storage::file_name(editor.project()),
                &editor.to_json(),
                "application/json",
            )
        })
    };
    let on_open = {
        let d = state.dispatcher();
        Callback::from(move |f: web_sys::File| open_file(f, d.clone()))
    };
    let on_share = {
        let project = state.editor.project().clone();
        let share_url = share_url.clone();
        Callback::from(move |_| {
            let url = format!(
                "{}{}",
                storage::base_url(),
                share::encode_fragment(&project)
            );
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&url);
            }
            share_url.set(Some(url));
        })
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_lang = {
        let d = state.dispatcher();
        Callback::from(move |l: Lang| d.dispatch(Action::SetLang(l)))
    };
    let on_drop = {
        let d = state.dispatcher();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|l| l.get(0))
            {
                open_file(f, d.clone());
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let notice_cb = |a: fn() -> Action| {
        let d = state.dispatcher();
        Callback::from(move |_: ()| d.dispatch(a()))
    };

    let editor = &state.editor;
    let report = editor.report();
    let project = editor.project();
    let building = report.building.as_ref();
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
                        format!("{} {}", lang.pick("默认", "default"), num(a.default, 2)),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let area_facades: Vec<_> = match &project.geometry {
        greencheck_core::project::Geometry::Areas { facades, .. } => (0..facades.len())
            .map(|i| fields::views(editor, state.generation, fields::area_facade(i), &[]))
            .collect(),
        greencheck_core::project::Geometry::Box { .. } => Vec::new(),
    };
    let facade_sections = building.map(|b| b.facades.clone()).unwrap_or_default().into_iter().map(|f| {
        let sub = format!(" {} · {} · {:.0}°", f.name, lang.pick(f.orientation.name_zh(), f.orientation.name_en()), f.azimuth_deg);
        html! { <Section title="sec.facades" subtitle={sub} fields={fields::views(editor, state.generation, fields::facade(&f.name), &[])} {lang} on_edit={on_edit.clone()} /> }
    });

    html! {
        <div class={classes!("app", embed.then_some("embed"))} lang={lang.code()} ondrop={on_drop} ondragover={on_dragover}>
            if !*embed {
                <header class="chrome">
                    <h1>{ t(lang, "app.title") }</h1>
                    <p class="subtitle">{ t(lang, "app.subtitle") }{ " · " }{ t(lang, "app.privacy") }</p>
                </header>
            }
            <PrintHeader project={project.clone()} {lang} />
            <Toolbar {lang} {on_template} {on_save} {on_open} {on_share} {on_print} {on_lang} share_url={(*share_url).clone()} />
            <a class={classes!("mini-verdict", "no-print", format!("v-{}", verdict_code(report.verdict)))} href="#results"
               data-testid="mini-verdict" aria-label={t(lang, "sec.results")}>
                { t(lang, &format!("verdict.{}", verdict_code(report.verdict))) }
                { for report.energy.as_ref().map(|e| format!(" · {} {}", t(lang, "energy.saving"), crate::i18n::pct(lang, e.saving_rate, 1))) }
                if editor.is_stale() { { " ⚠" } }
            </a>
            if let Some(n) = &state.notice {
                <NoticeBar notice={n.clone()} {lang} on_close={notice_cb(|| Action::Notify(None))}
                    on_accept_link={notice_cb(|| Action::AcceptLink)} on_reject_link={notice_cb(|| Action::RejectLink)}
                    on_restore={notice_cb(|| Action::RestoreBackup)} />
            }
            <div class="layout">
                <form class="inputs" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <Section title="sec.project" fields={fields::views(editor, state.generation, fields::project(), &[])} {lang} on_edit={on_edit.clone()} />
                    <GeometryInput geometry={project.geometry.clone()} massing={fields::views(editor, state.generation, fields::massing(), &placeholders)}
                        areas={fields::views(editor, state.generation, fields::areas(), &placeholders)} {area_facades}
                        facades={building.map(|b| b.facades.clone()).unwrap_or_default()}
                        {lang} on_edit={on_edit.clone()} {on_mode} {on_add} {on_remove} />
                    { for facade_sections }
                    <Section title="sec.envelope" fields={fields::views(editor, state.generation, fields::envelope(), &[])} {lang} on_edit={on_edit.clone()} />
                    <Section title="sec.optional" fields={fields::views(editor, state.generation, fields::optional(), &[])} {lang} on_edit={on_edit.clone()} />
                    <Section title="sec.pv" fields={fields::views(editor, state.generation, fields::pv(), &[])} {lang} on_edit={on_edit.clone()} />
                    <Section title="sec.green" fields={fields::views(editor, state.generation, fields::green(), &[])} {lang} on_edit={on_edit.clone()} folded=true />
                    <Section title="sec.advanced" fields={fields::views(editor, state.generation, fields::assumptions(), &assumption_hints)} {lang} on_edit={on_edit.clone()} folded=true />
                    <p class="note no-print">{ t(lang, "toolbar.drop") }</p>
                </form>
                <div class="results" id="results" aria-label={t(lang, "sec.results")}>
                    <VerdictBanner report={report.clone()} stale={editor.is_stale()} {lang} />
                    if let Some(e) = &report.energy {
                        <EnergyCard energy={e.clone()} {lang} />
                    }
                    <ChecksTable checks={report.checks.clone()} {lang} {on_apply} />
                    if report.energy.is_some() {
                        <Sensitivity project={project.clone()} facades={project.facade_names()} target_rate={report.energy.as_ref().map(|e| e.target_rate)} {lang} />
                    }
                    if let Some(s) = &report.star {
                        <StarCard star={s.clone()} {lang} />
                    }
                    <PvCard pv={report.pv.clone()} {lang} />
                    <p class="print-only provenance">{ t(lang, "print.provenance") }</p>
                </div>
            </div>
        </div>
    }
}

/// Print-only report header: title, project, date and app version.
#[derive(Properties, PartialEq, Clone)]
struct PrintHeaderProps {
    project: Project,
    lang: Lang,
}

#[function_component(PrintHeader)]
fn print_header(p: &PrintHeaderProps) -> Html {
    let date = js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default();
    let date = date.get(..10).unwrap_or_default().to_owned();
    html! {
        <header class="print-only print-header">
            <h1>{ t(p.lang, "print.title") }</h1>
            <p>{ &p.project.name }</p>
            <p>{ t(p.lang, "print.generated") }{ ": " }{ date }{ " · " }{ t(p.lang, "print.version") }{ ": " }{ env!("CARGO_PKG_VERSION") }</p>
        </header>
    }
}

/// Posts the document height to the embedding page (`{type: "greencheck:height", height}`).
fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let height = w
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or(0);
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &"greencheck:height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
    if parent != w {
        let _ = parent.post_message(msg.unchecked_ref(), "*");
    }
}
