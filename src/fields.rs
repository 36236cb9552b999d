//! The input form as data: which project paths are edited, with which label, unit and kind.

use crate::i18n::{t, Lang};
use greencheck_core::editor::{Editor, FieldKind};

/// One input field of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// Project path edited by the field (the project-format contract).
    pub path: String,
    /// i18n key of the label.
    pub label: &'static str,
    /// i18n key of the unit ("" for none).
    pub unit: &'static str,
    /// How the text is interpreted.
    pub kind: FieldKind,
    /// A range slider next to the number: (min, max, step).
    pub slider: Option<(f64, f64, f64)>,
    /// Choices (value, i18n key) for a select.
    pub choices: &'static [(&'static str, &'static str)],
}

/// A field as rendered: its spec, the text to show and its message. Sections get these (not the editor),
/// so a keystroke re-renders only the sections whose fields changed.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    /// What the field edits.
    pub spec: FieldSpec,
    /// Text to show (draft or current value).
    pub text: String,
    /// Message (zh, en) when the text is not accepted.
    pub error: Option<(String, String)>,
    /// Hint shown when empty.
    pub placeholder: Option<String>,
    /// The state's project generation (see `AppState::generation`).
    pub generation: u64,
}

/// Views of `specs` in the editor's current state; `generation` as in `AppState`; `placeholders` by path.
pub fn views(
    editor: &Editor,
    generation: u64,
    specs: Vec<FieldSpec>,
    placeholders: &[(String, String)],
) -> Vec<FieldView> {
    specs
        .into_iter()
        .map(|spec| FieldView {
            text: editor.field_text(&spec.path),
            error: editor
                .draft(&spec.path)
                .map(|d| (d.error.zh.clone(), d.error.en.clone())),
            placeholder: placeholders
                .iter()
                .find(|(k, _)| *k == spec.path)
                .map(|(_, v)| v.clone()),
            generation,
            spec,
        })
        .collect()
}

const fn spec(
    path: &'static str,
    label: &'static str,
    unit: &'static str,
    kind: FieldKind,
) -> Spec {
    (path, label, unit, kind, None, &[])
}

type Spec = (
    &'static str,
    &'static str,
    &'static str,
    FieldKind,
    Option<(f64, f64, f64)>,
    &'static [(&'static str, &'static str)],
);

/// A field whose path is built at run time (per facade).
fn dynamic(
    path: String,
    label: &'static str,
    unit: &'static str,
    kind: FieldKind,
    slider: Option<(f64, f64, f64)>,
) -> FieldSpec {
    FieldSpec {
        path,
        label,
        unit,
        kind,
        slider,
        choices: &[],
    }
}

fn build(rows: &[Spec]) -> Vec<FieldSpec> {
    rows.iter()
        .map(|(path, label, unit, kind, slider, choices)| FieldSpec {
            path: (*path).to_owned(),
            label,
            unit,
            kind: *kind,
            slider: *slider,
            choices,
        })
        .collect()
}

/// Building uses (project `use`).
pub const USES: &[(&str, &str)] = &[
    ("residential", "use.residential"),
    ("office", "use.office"),
    ("hotel", "use.hotel"),
    ("commercial", "use.commercial"),
    ("hospital", "use.hospital"),
    ("school", "use.school"),
    ("other_public", "use.other_public"),
];

/// Cities with climate data.
pub const CITIES: &[(&str, &str)] = &[("hebi", "city.hebi"), ("zhengzhou", "city.zhengzhou")];

/// Grid emission factors offered (row ids of core/data/pv_grid_factors.csv; a number can be set in the file).
const GRID_FACTORS: &[(&str, &str)] = &[
    ("national_2022", "grid.national_2022"),
    ("central_china_2022", "grid.central_china_2022"),
    ("national_2021", "grid.national_2021"),
    ("central_china_legacy", "grid.central_china_legacy"),
];
const EDITIONS: &[(&str, &str)] = &[
    ("2024", "GB/T 50378-2019 (2024)"),
    ("2019", "GB/T 50378-2019"),
];
/// Display name of a GB/T 50378 edition code (`2019`, `2024`), as in the edition choice.
pub fn edition_name(code: &str) -> &'static str {
    EDITIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("GB/T 50378", |(_, name)| *name)
}

const STAGES: &[(&str, &str)] = &[("pre", "f.stage.pre"), ("final", "f.stage.final")];
const GRADES: &[(&str, &str)] = &[("", "—"), ("1", "1"), ("2", "2"), ("3", "3")];
const SOUND: &[(&str, &str)] = &[
    ("none", "sound.none"),
    ("low", "sound.low"),
    ("mid", "sound.mid"),
    ("high", "sound.high"),
];

/// The label of the field that edits `path`, as shown on the form (a facade's fields prefixed by its name), for
/// texts that name a field, such as the Apply button of a suggestion; the path itself if no field edits it.
pub fn label_for_path(lang: Lang, path: &str) -> String {
    if let Some(name) = path
        .strip_prefix("facades.")
        .and_then(|rest| rest.split('.').next())
    {
        if let Some(f) = facade(name).into_iter().find(|f| f.path == path) {
            return format!("{name} {}", t(lang, f.label));
        }
    }
    [
        project(),
        massing(),
        envelope(),
        optional(),
        pv(),
        green(),
        assumptions(),
    ]
    .into_iter()
    .flatten()
    .find(|f| f.path == path)
    .map_or_else(|| path.to_owned(), |f| t(lang, f.label).to_owned())
}

/// Project section.
pub fn project() -> Vec<FieldSpec> {
    build(&[
        spec("name", "f.name", "", FieldKind::Text),
        ("city", "f.city", "", FieldKind::Choice, None, CITIES),
        ("use", "f.use", "", FieldKind::Choice, None, USES),
    ])
}

/// Massing section (box geometry).
pub fn massing() -> Vec<FieldSpec> {
    build(&[
        spec("geometry.length_m", "f.length", "unit.m", FieldKind::Number),
        spec("geometry.depth_m", "f.depth", "unit.m", FieldKind::Number),
        spec("storeys", "f.storeys", "", FieldKind::Integer),
        spec(
            "storey_height_m",
            "f.storey_height",
            "unit.m",
            FieldKind::Number,
        ),
        (
            "geometry.orientation_deg",
            "f.orientation",
            "unit.deg",
            FieldKind::Number,
            Some((0.0, 359.0, 1.0)),
            &[],
        ),
        spec(
            "envelope.shape_factor",
            "f.shape_factor",
            "",
            FieldKind::Number,
        ),
    ])
}

/// Measured-areas totals.
pub fn areas() -> Vec<FieldSpec> {
    build(&[
        spec("storeys", "f.storeys", "", FieldKind::Integer),
        spec(
            "geometry.floor_area_m2",
            "f.floor_area",
            "unit.m2",
            FieldKind::Number,
        ),
        spec(
            "geometry.volume_m3",
            "f.volume",
            "unit.m3",
            FieldKind::Number,
        ),
        spec(
            "geometry.roof_area_m2",
            "f.roof_area",
            "unit.m2",
            FieldKind::Number,
        ),
        spec(
            "envelope.shape_factor",
            "f.shape_factor",
            "",
            FieldKind::Number,
        ),
    ])
}

/// Geometry fields of measured facade `index`.
pub fn area_facade(index: usize) -> Vec<FieldSpec> {
    let p = |f: &str| format!("geometry.facades[{index}].{f}");
    vec![
        dynamic(
            p("azimuth_deg"),
            "f.azimuth",
            "unit.deg",
            FieldKind::Number,
            None,
        ),
        dynamic(
            p("wall_area_m2"),
            "f.wall_area",
            "unit.m2",
            FieldKind::Number,
            None,
        ),
    ]
}

/// Per-facade fields for one facade.
pub fn facade(name: &str) -> Vec<FieldSpec> {
    let p = |f: &str| format!("facades.{name}.{f}");
    vec![
        dynamic(
            p("wwr"),
            "f.wwr",
            "",
            FieldKind::Ratio,
            Some((0.0, 0.95, 0.01)),
        ),
        dynamic(
            p("window_u"),
            "f.facade_window_u",
            "unit.u",
            FieldKind::Number,
            None,
        ),
        dynamic(
            p("window_shgc"),
            "f.facade_window_shgc",
            "",
            FieldKind::Ratio,
            None,
        ),
    ]
}

/// Envelope section.
pub fn envelope() -> Vec<FieldSpec> {
    build(&[
        spec("envelope.wall_u", "f.wall_u", "unit.u", FieldKind::Number),
        spec("envelope.roof_u", "f.roof_u", "unit.u", FieldKind::Number),
        spec(
            "envelope.window_u",
            "f.window_u",
            "unit.u",
            FieldKind::Number,
        ),
        spec(
            "envelope.window_shgc",
            "f.window_shgc",
            "",
            FieldKind::Ratio,
        ),
    ])
}

/// Optional envelope elements.
pub fn optional() -> Vec<FieldSpec> {
    build(&[
        spec(
            "envelope.floor_over_outside_u",
            "f.floor_over_outside_u",
            "unit.u",
            FieldKind::Number,
        ),
        spec(
            "envelope.skylight_ratio",
            "f.skylight_ratio",
            "",
            FieldKind::Ratio,
        ),
        spec(
            "envelope.skylight_u",
            "f.skylight_u",
            "unit.u",
            FieldKind::Number,
        ),
        spec(
            "envelope.skylight_shgc",
            "f.skylight_shgc",
            "",
            FieldKind::Ratio,
        ),
        spec(
            "envelope.ground_perimeter_r",
            "f.ground_perimeter_r",
            "unit.r",
            FieldKind::Number,
        ),
        spec(
            "envelope.basement_wall_r",
            "f.basement_wall_r",
            "unit.r",
            FieldKind::Number,
        ),
    ])
}

/// PV section.
pub fn pv() -> Vec<FieldSpec> {
    build(&[
        spec(
            "pv.installable_roof_area_m2",
            "f.pv_roof",
            "unit.m2",
            FieldKind::Number,
        ),
        spec(
            "pv.module_area_m2",
            "f.pv_module",
            "unit.m2",
            FieldKind::Number,
        ),
        spec("pv.module_efficiency", "f.pv_eff", "", FieldKind::Ratio),
        spec("pv.tilt_deg", "f.pv_tilt", "unit.deg", FieldKind::Number),
        spec(
            "pv.azimuth_deg",
            "f.pv_azimuth",
            "unit.deg",
            FieldKind::Number,
        ),
        spec("pv.system_loss", "f.pv_loss", "", FieldKind::Ratio),
        (
            "pv.grid_factor",
            "f.grid_factor",
            "",
            FieldKind::Choice,
            None,
            GRID_FACTORS,
        ),
    ])
}

/// Green-building self-assessment section.
pub fn green() -> Vec<FieldSpec> {
    build(&[
        (
            "green.edition",
            "f.edition",
            "",
            FieldKind::Choice,
            None,
            EDITIONS,
        ),
        (
            "green.stage",
            "f.stage",
            "",
            FieldKind::Choice,
            None,
            STAGES,
        ),
        spec("green.prerequisites_met", "f.prereq", "", FieldKind::Flag),
        spec("green.full_fitout", "f.fitout", "", FieldKind::Flag),
        spec("green.carbon_statement", "f.carbon", "", FieldKind::Flag),
        spec(
            "green.window_airtightness_met",
            "f.airtight",
            "",
            FieldKind::Flag,
        ),
        (
            "green.water_fixture_grade",
            "f.water",
            "",
            FieldKind::Integer,
            None,
            GRADES,
        ),
        (
            "green.sound_insulation",
            "f.sound",
            "",
            FieldKind::Choice,
            None,
            SOUND,
        ),
        spec(
            "green.pollutant_reduction_pct",
            "f.pollutant",
            "unit.pct",
            FieldKind::Number,
        ),
        spec(
            "green.green_material_share_pct",
            "f.material",
            "unit.pct",
            FieldKind::Number,
        ),
        spec(
            "green.self_assessed.safety",
            "f.sa.safety",
            "",
            FieldKind::Number,
        ),
        spec(
            "green.self_assessed.health",
            "f.sa.health",
            "",
            FieldKind::Number,
        ),
        spec(
            "green.self_assessed.convenience",
            "f.sa.convenience",
            "",
            FieldKind::Number,
        ),
        spec(
            "green.self_assessed.resources",
            "f.sa.resources",
            "",
            FieldKind::Number,
        ),
        spec(
            "green.self_assessed.environment",
            "f.sa.environment",
            "",
            FieldKind::Number,
        ),
        spec(
            "green.self_assessed.bonus",
            "f.sa.bonus",
            "",
            FieldKind::Number,
        ),
    ])
}

/// Estimate assumptions (advanced).
pub fn assumptions() -> Vec<FieldSpec> {
    build(&[
        spec(
            "assumptions.air_changes_per_h",
            "f.ach",
            "unit.ach",
            FieldKind::Number,
        ),
        spec(
            "assumptions.internal_gains_w_m2",
            "f.gains",
            "unit.wm2",
            FieldKind::Number,
        ),
        spec(
            "assumptions.heating_setpoint_c",
            "f.heat_sp",
            "unit.c",
            FieldKind::Number,
        ),
        spec(
            "assumptions.cooling_setpoint_c",
            "f.cool_sp",
            "unit.c",
            FieldKind::Number,
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_and_unit_is_translated() {
        let all = [
            project(),
            massing(),
            facade("A"),
            envelope(),
            optional(),
            pv(),
            green(),
            assumptions(),
        ];
        for f in all.iter().flatten() {
            assert!(crate::i18n::has(f.label), "label {}", f.label);
            // A choice shows its i18n text; a literal (a number, "—", a standard's name) is shown as it is,
            // but anything that looks like a key or a raw code must be translated.
            for (_, choice) in f.choices {
                let key_like = choice
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
                    && choice.chars().any(|c| c.is_ascii_lowercase());
                assert!(
                    !key_like || crate::i18n::has(choice),
                    "{}: choice {choice}",
                    f.path
                );
            }
            assert!(
                f.unit.is_empty() || crate::i18n::has(f.unit),
                "unit {}",
                f.unit
            );
        }
    }

    #[test]
    fn a_suggested_field_is_named_by_its_form_label() {
        use crate::i18n::Lang;
        assert_eq!(
            label_for_path(Lang::Zh, "envelope.wall_u"),
            t(Lang::Zh, "f.wall_u")
        );
        assert_eq!(
            label_for_path(Lang::En, "envelope.wall_u"),
            "External wall K"
        );
        assert_eq!(
            label_for_path(Lang::Zh, "facades.A.wwr"),
            format!("A {}", t(Lang::Zh, "f.wwr"))
        );
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
        if let Some(f) = bad.facades.get_mut("A") {
            f.wwr = Some(0.9);
        }
        let report = greencheck_core::evaluate(&bad);
        let fields: Vec<String> = report
            .checks
            .iter()
            .filter_map(|c| c.suggestion.as_ref())
            .flat_map(|s| s.changes.iter().map(|ch| ch.field.to_string()))
            .collect();
        assert!(fields.len() >= 4, "{fields:?}");
        for f in fields {
            assert_ne!(label_for_path(Lang::Zh, &f), f, "no label for {f}");
        }
    }

    #[test]
    fn grid_factor_choices_are_the_core_table_rows() {
        // The choice list names rows of core/data/pv_grid_factors.csv: a row added there must be offered here.
        let core: Vec<&str> = greencheck_core::pv::grid_factors()
            .iter()
            .map(|r| r.id)
            .collect();
        let offered: Vec<&str> = GRID_FACTORS.iter().map(|(id, _)| *id).collect();
        assert_eq!(offered, core);
        for (_, label) in GRID_FACTORS {
            assert!(crate::i18n::has(label), "label {label}");
        }
    }
}
