//! The one UI state and the actions that change it (a Yew reducer).
//!
//! All derived values (the report, field texts, drafts) come from the core's [`Editor`]; this module only
//! routes actions to it and keeps what is purely UI (language, notices, a link awaiting a decision).

use std::rc::Rc;

use greencheck_core::editor::Editor;
use greencheck_core::project::{Project, Template};
use greencheck_core::report::FieldChange;
use greencheck_core::session::Session;
use yew::Reducible;

use crate::i18n::Lang;

/// A message shown above the results.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// An i18n key, optionally followed by a detail (e.g. an error message in the current language).
    Info(&'static str, Option<(String, String)>),
    /// A share link holds another project while local work exists: ask before replacing it.
    LinkConflict,
    /// The linked project replaced local work, which is kept as a backup.
    LinkOpened,
    /// A variant was removed; it can be put back.
    VariantRemoved,
    /// The project was replaced (template, opened file, geometry conversion); the previous one is restorable.
    /// The key names what happened.
    Replaced(&'static str),
}

/// The app state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The session: the active variant's editing session (project, drafts, report), the variants and their
    /// comparison.
    pub session: Session,
    /// UI language.
    pub lang: Lang,
    /// Current notice.
    pub notice: Option<Notice>,
    /// A project from a share link waiting for the user's decision.
    pub pending_link: Option<Project>,
    /// The project replaced by a link, restorable.
    pub backup: Option<Project>,
    /// Bumped on every project change, so effects (autosave) run once per change.
    pub revision: u64,
    /// Bumped when the project is replaced from outside the fields (template, file, link, conversion, restore),
    /// so even a focused text box shows the new value.
    pub generation: u64,
    /// The page shown.
    pub view: View,
}

/// Which page the app shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The calculator: one project (and its variants).
    #[default]
    Calculator,
    /// The bureau's portfolio summary (汇总) of many projects.
    Portfolio,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone)]
pub enum Action {
    /// The user typed into a field: (project path, text).
    Edit(String, String),
    /// Apply a suggestion of a failing check.
    Apply(FieldChange),
    /// Start from a template.
    Template(Template),
    /// Switch geometry input between `box` and measured `areas`.
    GeometryMode(String),
    /// Add a facade to a measured-areas geometry.
    AddAreaFacade,
    /// Remove facade `n` of a measured-areas geometry.
    RemoveAreaFacade(usize),
    /// Replace the project (opened file).
    Load(Project),
    /// Replace the project by one imported from a BIM model (its import summary is in the project).
    Import(Project),
    /// Hide the import summary (it stays in the project).
    DismissImport,
    /// Duplicate the active variant as a new one (it becomes active).
    DuplicateVariant,
    /// Rename variant `n`.
    RenameVariant(usize, String),
    /// Remove variant `n` (undoable).
    RemoveVariant(usize),
    /// Put the last removed variant back.
    UndoRemoveVariant,
    /// Move variant `from` to position `to`.
    MoveVariant(usize, usize),
    /// Edit variant `n`.
    SwitchVariant(usize),
    /// Show the calculator or the bureau's portfolio summary.
    SetView(View),
    /// Switch language.
    SetLang(Lang),
    /// Show (or clear) a notice.
    Notify(Option<Notice>),
    /// A share link arrived while local work exists.
    OfferLink(Project),
    /// Accept the pending link; the current project becomes the backup.
    AcceptLink,
    /// Keep the local project; drop the pending link.
    RejectLink,
    /// Bring back the backup project.
    RestoreBackup,
}

impl AppState {
    /// A state on `session` in `lang`.
    pub fn new(session: Session, lang: Lang) -> AppState {
        AppState {
            session,
            lang,
            notice: None,
            pending_link: None,
            backup: None,
            revision: 0,
            generation: 0,
            view: View::default(),
        }
    }
}

/// Runs a variant operation; on refusal, a notice with the core's reason. Returns whether it changed anything.
fn variant_op(
    s: &mut AppState,
    op: impl FnOnce(&mut Session, Lang) -> Result<(), greencheck_core::variants::VariantOpError>,
) -> bool {
    match op(&mut s.session, s.lang) {
        Ok(()) => true,
        Err(e) => {
            s.notice = Some(Notice::Info(
                "notice.variant_refused",
                Some((e.message_zh(), e.message_en())),
            ));
            false
        }
    }
}

impl AppState {
    /// The active variant's editing session.
    pub fn editor(&self) -> &Editor {
        self.session.editor()
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let mut changed = true;
        let replaces = !matches!(
            action,
            Action::Edit(..)
                | Action::Apply(_)
                | Action::SetLang(_)
                | Action::Notify(_)
                | Action::OfferLink(_)
                | Action::RejectLink
                | Action::DismissImport
                | Action::RenameVariant(..)
                | Action::MoveVariant(..)
                | Action::SetView(_)
        );
        match action {
            Action::Edit(path, text) => s.session.edit(&path, &text),
            Action::Apply(change) => s.session.apply(&change),
            // Whatever replaces the whole project keeps the previous one restorable: no click loses work.
            Action::Template(t) => match Project::template(t) {
                Ok(p) => {
                    s.backup = Some(s.session.to_project());
                    s.session.load(p);
                    s.notice = Some(Notice::Replaced("notice.template_loaded"));
                }
                Err(_) => changed = false,
            },
            Action::Load(p) => {
                s.backup = Some(s.session.to_project());
                s.session.load(p);
                s.notice = Some(Notice::Replaced("notice.file_opened"));
            }
            Action::Import(p) => {
                s.backup = Some(s.session.to_project());
                s.session.load(p);
                s.notice = Some(Notice::Replaced("notice.model_imported"));
            }
            Action::DismissImport => changed = s.session.dismiss_import_summary(),
            Action::GeometryMode(m) => {
                let before = s.session.to_project();
                changed = s.session.set_geometry_mode(&m);
                if changed {
                    s.backup = Some(before);
                    s.notice = Some(Notice::Replaced("notice.geometry_converted"));
                }
            }
            Action::AddAreaFacade => changed = s.session.add_area_facade(),
            Action::RemoveAreaFacade(i) => changed = s.session.remove_area_facade(i),
            Action::SetLang(l) => {
                s.lang = l;
                changed = false;
            }
            Action::Notify(n) => {
                s.notice = n;
                changed = false;
            }
            Action::OfferLink(p) => {
                s.pending_link = Some(p);
                s.notice = Some(Notice::LinkConflict);
                changed = false;
            }
            Action::AcceptLink => match s.pending_link.take() {
                Some(p) => {
                    s.backup = Some(s.session.to_project());
                    s.session.load(p);
                    s.notice = Some(Notice::LinkOpened);
                }
                None => changed = false,
            },
            Action::RejectLink => {
                s.pending_link = None;
                s.notice = None;
                changed = false;
            }
            // A variant operation the core refuses (e.g. a seventh variant) says why and changes nothing.
            Action::DuplicateVariant => changed = variant_op(&mut s, |v, lang| v.duplicate(lang)),
            Action::RenameVariant(i, label) => {
                changed = variant_op(&mut s, |v, _| v.rename(i, &label));
            }
            Action::RemoveVariant(i) => {
                changed = variant_op(&mut s, |v, _| v.remove(i));
                if changed {
                    s.notice = Some(Notice::VariantRemoved);
                }
            }
            Action::UndoRemoveVariant => {
                changed = variant_op(&mut s, |v, _| v.undo_remove());
                s.notice = None;
            }
            Action::MoveVariant(from, to) => {
                changed = variant_op(&mut s, |v, _| v.move_variant(from, to));
            }
            Action::SwitchVariant(i) => changed = variant_op(&mut s, |v, _| v.switch(i)),
            Action::SetView(v) => {
                s.view = v;
                changed = false;
            }
            Action::RestoreBackup => match s.backup.take() {
                Some(p) => {
                    s.session.load(p);
                    s.notice = None;
                }
                None => changed = false,
            },
        }
        if changed {
            s.revision += 1;
            if replaces {
                s.generation += 1;
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        let p = Project::template(Template::ResidentialHighRise).unwrap();
        Rc::new(AppState::new(Session::new(p), Lang::Zh))
    }

    #[test]
    fn accepting_a_link_keeps_the_old_project_as_backup() {
        let office = Project::template(Template::Office).unwrap();
        let s = state().reduce(Action::OfferLink(office.clone()));
        assert_eq!(s.notice, Some(Notice::LinkConflict));
        assert_ne!(s.editor().project(), &office);
        let s = s.reduce(Action::AcceptLink);
        assert_eq!(s.editor().project(), &office);
        assert_eq!(s.backup.as_ref().unwrap().name, "1号住宅楼");
        let s = s.reduce(Action::RestoreBackup);
        assert_eq!(s.editor().project().name, "1号住宅楼");
    }

    #[test]
    fn a_template_or_conversion_never_loses_the_previous_project() {
        let s = state().reduce(Action::Edit("name".into(), "我的方案".into()));
        let s = s.reduce(Action::Template(Template::Office));
        assert_eq!(s.notice, Some(Notice::Replaced("notice.template_loaded")));
        assert_eq!(s.backup.as_ref().unwrap().name, "我的方案");
        let s = s.reduce(Action::RestoreBackup);
        assert_eq!(s.editor().project().name, "我的方案");
        let s = s.reduce(Action::GeometryMode("areas".into()));
        let s = s.reduce(Action::GeometryMode("box".into()));
        assert_eq!(
            s.notice,
            Some(Notice::Replaced("notice.geometry_converted"))
        );
        assert!(matches!(
            s.backup.as_ref().unwrap().geometry,
            greencheck_core::project::Geometry::Areas { .. }
        ));
    }

    #[test]
    fn rejecting_a_link_changes_nothing() {
        let office = Project::template(Template::Office).unwrap();
        let s0 = state();
        let s = s0
            .clone()
            .reduce(Action::OfferLink(office))
            .reduce(Action::RejectLink);
        assert_eq!(s.session, s0.session);
        assert_eq!(s.revision, s0.revision);
    }

    #[test]
    fn edits_bump_the_revision_language_does_not() {
        let s = state().reduce(Action::Edit("storeys".into(), "12".into()));
        assert_eq!(s.revision, 1);
        assert_eq!(s.generation, 0, "an edit does not replace the project");
        assert_eq!(s.editor().project().storeys, 12);
        let s = s.clone().reduce(Action::Template(Template::Villa));
        assert_eq!((s.revision, s.generation), (2, 1));
        let s = s.reduce(Action::SetLang(Lang::En));
        assert_eq!((s.revision, s.generation), (2, 1));
    }
}
