//! Loading a project file defensively: size limit, format-version detection and migration.
//!
//! [`load_project`] is what the UI (Open, drag-and-drop, localStorage, share links) and tools should
//! call instead of [`Project::from_json`]: it rejects oversized text before parsing, says clearly
//! when a file was made by a newer version, and migrates older versions step by step to
//! `greencheck/1` through the [`MIGRATIONS`] table. Nothing is changed on failure.
//!
//! Policy (also in `docs/robustness.md`):
//! - `greencheck/1`: read as is.
//! - `greencheck/N`, N ≥ 2: refused with "made by a newer version of greencheck".
//! - Older versions: each has one migration step to the next version; the steps run in order and
//!   the result is validated like any `greencheck/1` file. The one older version is the
//!   `greencheck/0` draft, which kept `orientation` (degrees) at the top level instead of
//!   `geometry.orientation_deg`.
//! - Anything else in `format` (or no `format`): refused as an unknown format.

use crate::project::{ErrorKind, Project, ProjectError, FORMAT};
use serde_json::{Map, Value};

/// Largest project text accepted, in bytes (the templates are under 1 KiB).
pub const MAX_PROJECT_BYTES: usize = 256 * 1024;

/// Format prefix shared by every version (`greencheck/<n>`).
const FORMAT_PREFIX: &str = "greencheck/";

/// Version number of [`FORMAT`].
pub const CURRENT_VERSION: u32 = 1;

/// A migration step: rewrites a document of `from` version into the next version, in place.
pub type MigrationStep = fn(&mut Map<String, Value>) -> Result<(), ProjectError>;

/// The migration steps, oldest first: `(from_version, step)`; each step yields `from_version + 1`.
pub const MIGRATIONS: &[(u32, MigrationStep)] = &[(0, migrate_v0_to_v1)];

/// `greencheck/0` → `greencheck/1`: the draft's top-level `orientation` (degrees, facade A's
/// outward normal) moves to `geometry.orientation_deg` (box geometry; dropped for areas geometry,
/// where each facade has its own azimuth).
fn migrate_v0_to_v1(doc: &mut Map<String, Value>) -> Result<(), ProjectError> {
    if let Some(orientation) = doc.remove("orientation") {
        match doc.get_mut("geometry") {
            Some(Value::Object(geometry)) => {
                let is_box = geometry.get("mode").and_then(Value::as_str) != Some("areas");
                if is_box && !geometry.contains_key("orientation_deg") {
                    geometry.insert("orientation_deg".to_owned(), orientation);
                }
            }
            _ => {
                return Err(ProjectError {
                    path: "geometry".into(),
                    kind: ErrorKind::Missing,
                })
            }
        }
    }
    Ok(())
}

/// A successfully loaded project.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The validated project (always `greencheck/1`).
    pub project: Project,
    /// The format the text had when it was older and migrated (e.g. `greencheck/0`), else `None`.
    /// The UI should say "converted from an older version; save to keep the new format".
    pub migrated_from: Option<String>,
}

/// Why a project text could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    /// The text exceeds [`MAX_PROJECT_BYTES`].
    #[error("project too large: {bytes} bytes (limit {max})")]
    TooLarge {
        /// Size of the text, bytes.
        bytes: usize,
        /// The limit, bytes.
        max: usize,
    },
    /// Made by a newer greencheck (`greencheck/2` or later).
    #[error("made by a newer version of greencheck ({format})")]
    NewerVersion {
        /// The file's format string.
        format: String,
    },
    /// Invalid JSON, unknown format or an invalid field (path and reason inside).
    #[error("{0}")]
    Invalid(#[from] ProjectError),
}

impl LoadError {
    /// Message in English.
    pub fn message_en(&self) -> String {
        match self {
            LoadError::TooLarge { bytes, max } => format!(
                "The file is too large to be a greencheck project ({} KiB; the limit is {} KiB).",
                bytes.div_ceil(1024),
                max / 1024
            ),
            LoadError::NewerVersion { format } => format!(
                "This project was made by a newer version of greencheck ({format}); this version \
                 reads \"{FORMAT}\". Please update the page."
            ),
            LoadError::Invalid(e) if e.path.is_empty() => e.message_en(),
            LoadError::Invalid(e) => format!("{}: {}", e.path, e.message_en()),
        }
    }

    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            LoadError::TooLarge { bytes, max } => format!(
                "文件过大，不是有效的 greencheck 项目（{} KiB，上限 {} KiB）。",
                bytes.div_ceil(1024),
                max / 1024
            ),
            LoadError::NewerVersion { format } => format!(
                "该项目由更新版本的 greencheck 创建（{format}），本版本只能读取 \"{FORMAT}\"，请更新页面。"
            ),
            LoadError::Invalid(e) if e.path.is_empty() => e.message_zh(),
            LoadError::Invalid(e) => format!("{}：{}", e.path, e.message_zh()),
        }
    }
}

/// The version number in a `greencheck/<n>` format string (`None` if it has another shape).
pub fn format_version(format: &str) -> Option<u32> {
    let digits = format.strip_prefix(FORMAT_PREFIX)?;
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Loads a project text of any known version: size check, JSON parse, version check,
/// migration, validation. Never panics; on error nothing is returned to overwrite.
pub fn load_project(text: &str) -> Result<Loaded, LoadError> {
    if text.len() > MAX_PROJECT_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            max: MAX_PROJECT_BYTES,
        });
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| ProjectError {
        path: String::new(),
        kind: ErrorKind::syntax(&e),
    })?;
    load_value(value)
}

/// Like [`load_project`], from an already parsed JSON value (no size check).
pub fn load_value(value: Value) -> Result<Loaded, LoadError> {
    let Value::Object(mut doc) = value else {
        return Err(ProjectError {
            path: String::new(),
            kind: ErrorKind::NotAnObject,
        }
        .into());
    };
    let version = match doc.get("format") {
        Some(Value::String(f)) => format_version(f),
        _ => None,
    };
    let mut migrated_from = None;
    match version {
        Some(v) if v > CURRENT_VERSION => {
            let format = doc
                .get("format")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            return Err(LoadError::NewerVersion { format });
        }
        Some(v) if v < CURRENT_VERSION => {
            migrated_from = Some(format!("{FORMAT_PREFIX}{v}"));
            let mut at = v;
            while at < CURRENT_VERSION {
                let Some((_, step)) = MIGRATIONS.iter().find(|(from, _)| *from == at) else {
                    // No step from this version: report it as unknown.
                    return Err(ProjectError {
                        path: "format".into(),
                        kind: ErrorKind::UnknownFormat(format!("{FORMAT_PREFIX}{v}")),
                    }
                    .into());
                };
                step(&mut doc)?;
                at += 1;
            }
            doc.insert("format".to_owned(), Value::String(FORMAT.to_owned()));
        }
        // Current version, or not a greencheck/<n> string: Project::from_value reports it.
        _ => {}
    }
    let project = Project::from_value(Value::Object(doc))?;
    Ok(Loaded {
        project,
        migrated_from,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(format_version("greencheck/1"), Some(1));
        assert_eq!(format_version("greencheck/12"), Some(12));
        assert_eq!(format_version("greencheck/"), None);
        assert_eq!(format_version("greencheck/1.1"), None);
        assert_eq!(format_version("greencheck/99999999999"), None);
        assert_eq!(format_version("other/1"), None);
    }

    #[test]
    fn every_older_version_has_a_step() {
        for v in 0..CURRENT_VERSION {
            assert!(MIGRATIONS.iter().any(|(from, _)| *from == v), "{v}");
        }
    }
}
