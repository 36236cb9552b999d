//! The page's whole session: the editing session of the active variant ([`Editor`]), the project's variants
//! ([`Variants`]) with each one's report kept, and their comparison. Pure and synchronous, so the UI's reducer
//! only routes actions here and this logic is tested natively.
//!
//! A keystroke edits the active variant: the editor evaluates it once; its report is handed to the kept reports,
//! so the comparison re-evaluates no other variant.

use std::rc::Rc;

use crate::editor::{Draft, Editor};
use crate::project::Project;
use crate::report::FieldChange;
use crate::text::Lang;
use crate::variants::{Comparison, Removed, Reports, VariantOpError, Variants};

/// The session.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    editor: Editor,
    variants: Variants,
    reports: Reports,
    comparison: Option<Rc<Comparison>>,
    removed: Option<Removed>,
}

impl Session {
    /// A session on an opened project (its `variants` section, if any, gives the other variants).
    pub fn new(project: Project) -> Session {
        let variants = Variants::from_project(project);
        let editor = Editor::new(variants.active_project().clone());
        let mut s = Session {
            editor,
            variants,
            reports: Reports::new(),
            comparison: None,
            removed: None,
        };
        s.sync();
        s
    }

    /// Restores a session with the drafts that were pending in the active variant.
    pub fn with_drafts(
        project: Project,
        drafts: std::collections::BTreeMap<String, Draft>,
    ) -> Session {
        let mut s = Session::new(project);
        s.editor = Editor::with_drafts(s.variants.active_project().clone(), drafts);
        s
    }

    /// The editing session of the active variant.
    pub fn editor(&self) -> &Editor {
        &self.editor
    }

    /// The variants.
    pub fn variants(&self) -> &Variants {
        &self.variants
    }

    /// The comparison of the variants (absent with a single variant).
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_deref()
    }

    /// The same comparison, shared (a new `Rc` after every change).
    pub fn shared_comparison(&self) -> Option<Rc<Comparison>> {
        self.comparison.clone()
    }

    /// The last removed variant, which [`Session::undo_remove`] puts back.
    pub fn removed(&self) -> Option<&Removed> {
        self.removed.as_ref()
    }

    /// The whole project as a file holds it: the active variant at the top level, the others in `variants`.
    pub fn to_project(&self) -> Project {
        self.variants.to_project()
    }

    /// [`Session::to_project`] as pretty-printed JSON (what Save writes).
    pub fn to_json(&self) -> String {
        self.to_project().to_json_pretty()
    }

    /// Hands the editor's project and report to the variants and compares them.
    fn sync(&mut self) {
        self.variants
            .set_active_project(self.editor.project().clone());
        let id = self.variants.active().id().to_owned();
        self.reports
            .set(&id, self.editor.project(), self.editor.shared_report());
        self.comparison =
            (self.variants.len() > 1).then(|| Rc::new(self.reports.compare(&self.variants)));
    }

    /// Loads the active variant into the editor (after a switch, a removal or an undo) and compares.
    fn reload(&mut self) {
        self.editor.load(self.variants.active_project().clone());
        self.sync();
    }

    /// What the user typed into the field at `path` of the active variant ([`Editor::edit`]).
    pub fn edit(&mut self, path: &str, text: &str) {
        self.editor.edit(path, text);
        self.sync();
    }

    /// Applies a suggestion ([`Editor::apply`]).
    pub fn apply(&mut self, change: &FieldChange) {
        self.editor.apply(change);
        self.sync();
    }

    /// Switches the active variant's geometry mode ([`Editor::set_geometry_mode`]).
    pub fn set_geometry_mode(&mut self, mode: &str) -> bool {
        let changed = self.editor.set_geometry_mode(mode);
        self.sync();
        changed
    }

    /// Adds a measured facade ([`Editor::add_area_facade`]).
    pub fn add_area_facade(&mut self) -> bool {
        let changed = self.editor.add_area_facade();
        self.sync();
        changed
    }

    /// Removes a measured facade ([`Editor::remove_area_facade`]).
    pub fn remove_area_facade(&mut self, index: usize) -> bool {
        let changed = self.editor.remove_area_facade(index);
        self.sync();
        changed
    }

    /// Marks the model-import summary as read ([`Editor::dismiss_import_summary`]).
    pub fn dismiss_import_summary(&mut self) -> bool {
        let changed = self.editor.dismiss_import_summary();
        self.sync();
        changed
    }

    /// Replaces the whole project (template, opened file, share link).
    pub fn load(&mut self, project: Project) {
        *self = Session::new(project);
    }

    /// Duplicates the active variant as a new one, which becomes active (labels in `lang`).
    pub fn duplicate(&mut self, lang: Lang) -> Result<(), VariantOpError> {
        self.variants.duplicate_active(lang)?;
        self.reload();
        Ok(())
    }

    /// Renames variant `index`.
    pub fn rename(&mut self, index: usize, label: &str) -> Result<(), VariantOpError> {
        self.variants.rename(index, label)?;
        self.sync();
        Ok(())
    }

    /// Removes variant `index`; [`Session::undo_remove`] puts it back.
    pub fn remove(&mut self, index: usize) -> Result<(), VariantOpError> {
        let removed = self.variants.remove(index)?;
        self.removed = Some(removed);
        self.reload();
        Ok(())
    }

    /// Puts the last removed variant back where it was.
    pub fn undo_remove(&mut self) -> Result<(), VariantOpError> {
        let Some(removed) = self.removed.take() else {
            return Ok(());
        };
        self.variants.put_back(removed)?;
        self.reload();
        Ok(())
    }

    /// Moves variant `from` to position `to`.
    pub fn move_variant(&mut self, from: usize, to: usize) -> Result<(), VariantOpError> {
        self.variants.move_to(from, to)?;
        self.sync();
        Ok(())
    }

    /// Makes variant `index` the one edited.
    pub fn switch(&mut self, index: usize) -> Result<(), VariantOpError> {
        self.variants.switch_to(index)?;
        self.reload();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Template;

    fn session() -> Session {
        Session::new(Project::template(Template::ResidentialHighRise).unwrap())
    }

    #[test]
    fn one_variant_has_no_comparison_and_saves_as_before() {
        let s = session();
        assert!(s.comparison().is_none());
        let p = Project::template(Template::ResidentialHighRise).unwrap();
        assert_eq!(
            s.to_project(),
            p,
            "a file without variants is written back as it was"
        );
    }

    #[test]
    fn variants_follow_the_editor_and_compare() {
        let mut s = session();
        s.duplicate(Lang::Zh).unwrap();
        assert_eq!(s.variants().len(), 2);
        assert_eq!(s.variants().active_index(), 1, "the duplicate is active");
        s.edit("envelope.wall_u", "0.7");
        let c = s.comparison().expect("two variants are compared");
        assert_eq!(c.variants.len(), 2);
        // The edit went into the active variant only.
        let wall = |i: usize| {
            s.variants().list()[i]
                .project()
                .and_then(|p| p.envelope.wall_u)
        };
        assert_eq!((wall(0), wall(1)), (Some(0.42), Some(0.7)));
        assert!(c.differing.iter().any(|d| d.path == "envelope.wall_u"));
        // Switch back: the editor shows the first variant.
        s.switch(0).unwrap();
        assert_eq!(s.editor().project().envelope.wall_u, Some(0.42));
        // Saved and read back: order, identity, active.
        let again = Session::new(Project::from_json(&s.to_json()).unwrap());
        assert_eq!(again.variants(), s.variants());
    }

    #[test]
    fn removal_is_undone_in_place() {
        let mut s = session();
        s.duplicate(Lang::En).unwrap();
        s.duplicate(Lang::En).unwrap();
        let ids: Vec<String> = s
            .variants()
            .list()
            .iter()
            .map(|v| v.id().to_owned())
            .collect();
        s.remove(1).unwrap();
        assert_eq!(s.variants().len(), 2);
        s.undo_remove().unwrap();
        let back: Vec<String> = s
            .variants()
            .list()
            .iter()
            .map(|v| v.id().to_owned())
            .collect();
        assert_eq!(back, ids);
        assert!(s.removed().is_none());
    }
}
