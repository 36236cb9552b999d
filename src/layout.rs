//! The form's layout: which registry fields each section shows, in which order. Everything about a field
//! itself — path, label, unit, range, choices, slider — is the core's registry (`greencheck_core::fields`).

use greencheck_core::editor::Editor;
use greencheck_core::fields::{self as f, Field};

/// A field as rendered: its registry entry, the concrete path, the text to show and its message. Sections get
/// these (not the editor), so a keystroke re-renders only the sections whose fields changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    /// The registry entry.
    pub field: &'static Field,
    /// The concrete project path (a facade's name or index in place of `*`).
    pub path: String,
    /// Text to show (draft or current value).
    pub text: String,
    /// Message (zh, en) when the text is not accepted.
    pub error: Option<(String, String)>,
    /// Hint shown when empty.
    pub placeholder: Option<String>,
    /// The state's project generation (see `AppState::generation`).
    pub generation: u64,
}

/// A field of a section: the registry entry and the key replacing `*` in its path ("" for none).
pub type Slot = (&'static Field, String);

fn plain(fields: &[&'static Field]) -> Vec<Slot> {
    fields.iter().map(|f| (*f, String::new())).collect()
}

/// Views of `slots` in the editor's current state; `generation` as in `AppState`; `placeholders` by path.
pub fn views(
    editor: &Editor,
    generation: u64,
    slots: Vec<Slot>,
    placeholders: &[(String, String)],
) -> Vec<FieldView> {
    slots
        .into_iter()
        .map(|(field, key)| {
            let path = if key.is_empty() {
                field.path.to_owned()
            } else {
                field.at(&key)
            };
            FieldView {
                text: editor.field_text(&path),
                error: editor
                    .draft(&path)
                    .map(|d| (d.error.zh.clone(), d.error.en.clone())),
                placeholder: placeholders
                    .iter()
                    .find(|(k, _)| *k == path)
                    .map(|(_, v)| v.clone()),
                generation,
                field,
                path,
            }
        })
        .collect()
}

/// Project section.
pub fn project() -> Vec<Slot> {
    plain(&[&f::NAME, &f::CITY, &f::USE])
}

/// Massing of a box.
pub fn massing() -> Vec<Slot> {
    plain(&[
        &f::LENGTH,
        &f::DEPTH,
        &f::STOREYS,
        &f::STOREY_HEIGHT,
        &f::ORIENTATION,
        &f::SHAPE_FACTOR,
    ])
}

/// Totals of measured areas.
pub fn areas() -> Vec<Slot> {
    plain(&[
        &f::STOREYS,
        &f::FLOOR_AREA,
        &f::VOLUME,
        &f::ROOF_AREA,
        &f::NORTH_OFFSET,
        &f::SHAPE_FACTOR,
    ])
}

/// Geometry of measured facade `index`.
pub fn area_facade(index: usize) -> Vec<Slot> {
    [&f::AREA_FACADE_AZIMUTH, &f::AREA_FACADE_WALL]
        .into_iter()
        .map(|fd| (fd, index.to_string()))
        .collect()
}

/// Inputs of one facade.
pub fn facade(name: &str) -> Vec<Slot> {
    [&f::FACADE_WWR, &f::FACADE_WINDOW_U, &f::FACADE_WINDOW_SHGC]
        .into_iter()
        .map(|fd| (fd, name.to_owned()))
        .collect()
}

/// Envelope section.
pub fn envelope() -> Vec<Slot> {
    plain(&[
        &f::WALL_U,
        &f::ROOF_U,
        &f::WINDOW_U,
        &f::WINDOW_SHGC,
        &f::CONSTRUCTION,
    ])
}

/// Design intent the GB/T 51350 ultra-low / near-zero tiers need (declared airtightness, heat recovery).
pub fn nzeb() -> Vec<Slot> {
    plain(&[&f::AIRTIGHTNESS_N50, &f::HEAT_RECOVERY])
}

/// Optional envelope elements.
pub fn optional() -> Vec<Slot> {
    plain(&[
        &f::FLOOR_OVER_OUTSIDE_U,
        &f::FLOOR_OVER_OUTSIDE_AREA,
        &f::SKYLIGHT_RATIO,
        &f::SKYLIGHT_U,
        &f::SKYLIGHT_SHGC,
        &f::GROUND_PERIMETER_R,
        &f::BASEMENT_WALL_R,
    ])
}

/// PV section.
pub fn pv() -> Vec<Slot> {
    plain(&[
        &f::PV_ROOF,
        &f::PV_MODULE,
        &f::PV_EFFICIENCY,
        &f::PV_TILT,
        &f::PV_AZIMUTH,
        &f::PV_LOSS,
        &f::PV_GRID,
    ])
}

/// Green-building self-assessment section.
pub fn green() -> Vec<Slot> {
    plain(&[
        &f::EDITION,
        &f::STAGE,
        &f::PREREQUISITES,
        &f::FULL_FITOUT,
        &f::CARBON_STATEMENT,
        &f::WINDOW_AIRTIGHTNESS,
        &f::WATER_GRADE,
        &f::SOUND,
        &f::POLLUTANT,
        &f::GREEN_MATERIAL,
        &f::SA_SAFETY,
        &f::SA_HEALTH,
        &f::SA_CONVENIENCE,
        &f::SA_RESOURCES,
        &f::SA_ENVIRONMENT,
        &f::SA_BONUS,
    ])
}

/// The Hebi plan's facts about the building (what only the plan scorecard needs).
pub fn plan() -> Vec<Slot> {
    plain(&[
        &f::PLAN_YEAR,
        &f::PLAN_DISTRICT,
        &f::PLAN_GOV,
        &f::PLAN_WELFARE,
        &f::PLAN_INSTITUTION,
        &f::PLAN_FACTORY,
        &f::PLAN_AREA,
        &f::PLAN_ASSEMBLY,
        &f::PLAN_WASTE,
        &f::PLAN_ELECTRIC,
        &f::PLAN_ELECTRICITY_SHARE,
        &f::PLAN_SOLAR_THERMAL,
        &f::PLAN_AMBIENT_HEAT,
        &f::PLAN_OTHER_RENEWABLES,
    ])
}

/// Retrofit: the kind, the existing building's envelope and which elements were retrofitted (whole building).
pub fn retrofit() -> Vec<Slot> {
    plain(
        &f::RETROFIT
            .iter()
            .copied()
            .filter(|fd| !fd.path.contains('*'))
            .collect::<Vec<_>>(),
    )
}

/// The existing state of one facade of a retrofit.
pub fn retrofit_facade(name: &str) -> Vec<Slot> {
    f::RETROFIT
        .iter()
        .filter(|fd| fd.path.contains('*'))
        .map(|fd| (*fd, name.to_owned()))
        .collect()
}

/// Estimate assumptions (advanced): every overridable key.
pub fn assumptions() -> Vec<Slot> {
    plain(&f::ASSUMPTIONS)
}

/// The form's label of the field that edits `path` (a facade's fields prefixed by its name), for texts that
/// name a field, such as the Apply button of a suggestion; the path itself if no field edits it.
pub fn label_for_path(lang: crate::i18n::Lang, path: &str) -> String {
    let Some(field) = f::find(path) else {
        return path.to_owned();
    };
    let label = field.label.get(lang);
    match path
        .strip_prefix("facades.")
        .and_then(|rest| rest.split('.').next())
    {
        Some(name) => format!("{name} {label}"),
        None => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every field of the registry is on the form, once per section it belongs to (the measured-facade name
    /// is edited through the geometry, not a text box).
    #[test]
    fn every_registry_field_is_laid_out() {
        let all: Vec<&Field> = [
            project(),
            massing(),
            areas(),
            area_facade(0),
            facade("A"),
            envelope(),
            nzeb(),
            optional(),
            pv(),
            green(),
            plan(),
            retrofit(),
            retrofit_facade("A"),
            assumptions(),
        ]
        .into_iter()
        .flatten()
        .map(|(fd, _)| fd)
        .collect();
        for fd in f::ALL {
            if fd.path == f::AREA_FACADE_NAME.path {
                continue;
            }
            assert!(
                all.iter().any(|g| g.path == fd.path),
                "{} not on the form",
                fd.path
            );
        }
    }

    #[test]
    fn a_suggested_field_is_named_by_its_form_label() {
        assert_eq!(label_for_path(Lang::Zh, "envelope.wall_u"), "外墙 K");
        assert_eq!(
            label_for_path(Lang::En, "envelope.wall_u"),
            "External wall K"
        );
        assert_eq!(label_for_path(Lang::Zh, "facades.A.wwr"), "A 窗墙比");
        assert_eq!(label_for_path(Lang::Zh, "no.such.path"), "no.such.path");
        // Every field a suggestion of the core can name has a label.
        let p = greencheck_core::Project::template(
            greencheck_core::project::Template::ResidentialHighRise,
        )
        .unwrap();
        let mut bad = p.clone();
        bad.envelope.wall_u = Some(2.0);
        bad.envelope.roof_u = Some(2.0);
        bad.envelope.window_u = Some(6.0);
        bad.envelope.window_shgc = Some(0.9);
        if let Some(fa) = bad.facades.get_mut("A") {
            fa.wwr = Some(0.9);
        }
        let report = greencheck_core::evaluate(&bad);
        let fields: Vec<String> = report
            .checks
            .iter()
            .filter_map(|c| c.suggestion.as_ref())
            .flat_map(|s| s.changes.iter().map(|ch| ch.field.to_string()))
            .collect();
        assert!(fields.len() >= 4, "{fields:?}");
        for fd in fields {
            assert_ne!(label_for_path(Lang::Zh, &fd), fd, "no label for {fd}");
        }
    }
}
