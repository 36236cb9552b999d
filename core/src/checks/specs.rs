//! Which checks a building gets: one spec per GB 55015 requirement that applies to it — the element, the
//! lookup criteria, the design value that feeds it (or why it is missing or absent) and the field a suggestion
//! changes. No limit value appears here: every limit is a row of [`crate::limits`].

use std::borrow::Cow;

use crate::limits::{Criteria, Element};
use crate::model::{Building, Facade};
use crate::project::Project;

/// What feeds a check.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Input {
    /// A design value.
    Given(f64),
    /// A required value is missing (field path).
    Missing(String),
    /// The element does not exist in this building.
    Absent(&'static str),
}

pub(super) fn required(v: Option<f64>, path: &str) -> Input {
    v.map_or_else(|| Input::Missing(path.to_owned()), Input::Given)
}

pub(super) fn optional(v: Option<f64>, absent: &'static str) -> Input {
    v.map_or(Input::Absent(absent), Input::Given)
}

/// One check to run.
pub(super) struct Spec<'a> {
    /// Stable check id, e.g. `u.window.A`.
    pub id: Cow<'static, str>,
    /// The element whose limit row applies.
    pub element: Element,
    /// Lookup criteria of the limit row.
    pub criteria: Criteria<'a>,
    /// The design value.
    pub input: Input,
    /// Missing values the lookup criteria need (e.g. the facade WWR for a window check).
    pub needs: Vec<String>,
    /// Field to change for a suggestion.
    pub field: Option<Cow<'static, str>>,
    /// The facade, for per-facade checks.
    pub facade: Option<&'a Facade>,
    /// Whether this is a C.0.1 trade-off precondition.
    pub basic: bool,
}

/// The specs of every check of a building, in the report's stable order.
pub(super) fn specs<'a>(p: &Project, b: &'a Building) -> Vec<Spec<'a>> {
    let env = &p.envelope;
    let base = b.criteria();
    let whole = |id: &'static str,
                 element: Element,
                 input: Input,
                 field: Option<&'static str>,
                 basic: bool| Spec {
        id: Cow::Borrowed(id),
        element,
        criteria: base,
        input,
        needs: Vec::new(),
        field: field.map(Cow::Borrowed),
        facade: None,
        basic,
    };
    let sky_present = env.skylight_ratio.map_or(
        env.skylight_u.is_some() || env.skylight_shgc.is_some(),
        |r| r > 0.0,
    );
    let sky_input = |v: Option<f64>, path: &str| {
        if sky_present {
            required(v, path)
        } else {
            Input::Absent("no skylight / transparent roof")
        }
    };
    let ratio_input = match env.skylight_ratio {
        Some(r) => Input::Given(r),
        None if sky_present => Input::Missing("envelope.skylight_ratio".into()),
        None => Input::Absent("no skylight / transparent roof"),
    };
    let roof_input = if b.roof_area_m2 > 0.0 {
        required(env.roof_u, "envelope.roof_u")
    } else {
        Input::Absent("no roof area")
    };

    // Per-facade specs: (element, id prefix, basic, which input).
    #[derive(Clone, Copy)]
    enum FacadeValue {
        Wwr,
        WindowU,
        WindowShgc,
    }
    let facade_spec =
        |f: &'a Facade, element: Element, prefix: &str, basic: bool, what: FacadeValue| {
            // Paths and ids are concatenated, not formatted, and built only where used.
            let wwr_path = || ["facades.", &f.name, ".wwr"].concat();
            let mut needs = Vec::new();
            let (input, field) = match what {
                FacadeValue::Wwr => {
                    let p = wwr_path();
                    (required(f.wwr, &p), Some(Cow::Owned(p)))
                }
                FacadeValue::WindowU | FacadeValue::WindowShgc => {
                    let (v, path) = match what {
                        FacadeValue::WindowU => (f.window_u, &f.window_u_path),
                        _ => (f.window_shgc, &f.window_shgc_path),
                    };
                    match f.wwr {
                        None => {
                            needs.push(wwr_path());
                            (required(v, path), Some(path.clone().into()))
                        }
                        Some(w) if w <= 0.0 => (Input::Absent("no windows on this facade"), None),
                        Some(_) => (required(v, path), Some(path.clone().into())),
                    }
                }
            };
            Spec {
                id: Cow::Owned([prefix, ".", &f.name].concat()),
                element,
                criteria: Criteria {
                    orientation: Some(f.orientation),
                    wwr: f.wwr,
                    ..base
                },
                input,
                needs,
                field,
                facade: Some(f),
                basic,
            }
        };

    // 12 whole-building specs and 5 per facade.
    let mut out = Vec::with_capacity(12 + 5 * b.facades.len());
    out.push(whole(
        "shape_factor",
        Element::ShapeFactor,
        Input::Given(b.shape_factor),
        None,
        false,
    ));
    out.extend(
        b.facades
            .iter()
            .map(|f| facade_spec(f, Element::Wwr, "wwr", false, FacadeValue::Wwr)),
    );
    out.push(whole(
        "skylight_ratio",
        Element::SkylightRatio,
        ratio_input.clone(),
        Some("envelope.skylight_ratio"),
        false,
    ));
    out.push(whole(
        "roof_transparent_ratio",
        Element::RoofTransparentRatio,
        ratio_input,
        Some("envelope.skylight_ratio"),
        false,
    ));
    out.push(whole(
        "u.roof",
        Element::RoofU,
        roof_input,
        Some("envelope.roof_u"),
        false,
    ));
    out.push(whole(
        "u.wall",
        Element::WallU,
        required(env.wall_u, "envelope.wall_u"),
        Some("envelope.wall_u"),
        false,
    ));
    out.push(whole(
        "u.floor_over_outside",
        Element::FloorOverOutsideU,
        optional(env.floor_over_outside_u, "no floor over outside air given"),
        Some("envelope.floor_over_outside_u"),
        false,
    ));
    out.extend(
        b.facades
            .iter()
            .map(|f| facade_spec(f, Element::WindowU, "u.window", false, FacadeValue::WindowU)),
    );
    out.extend(b.facades.iter().map(|f| {
        facade_spec(
            f,
            Element::WindowShgc,
            "shgc.window",
            false,
            FacadeValue::WindowShgc,
        )
    }));
    out.push(whole(
        "u.skylight",
        Element::SkylightU,
        sky_input(env.skylight_u, "envelope.skylight_u"),
        Some("envelope.skylight_u"),
        false,
    ));
    out.push(whole(
        "shgc.skylight",
        Element::SkylightShgc,
        sky_input(env.skylight_shgc, "envelope.skylight_shgc"),
        Some("envelope.skylight_shgc"),
        false,
    ));
    out.push(whole(
        "r.ground_perimeter",
        Element::GroundPerimeterR,
        optional(
            env.ground_perimeter_r,
            "perimeter ground insulation not given",
        ),
        Some("envelope.ground_perimeter_r"),
        false,
    ));
    out.push(whole(
        "r.basement_wall",
        Element::BasementWallR,
        optional(env.basement_wall_r, "no basement wall given"),
        Some("envelope.basement_wall_r"),
        false,
    ));
    // C.0.1 trade-off basic requirements.
    out.push(whole(
        "basic.wall_u",
        Element::BasicWallU,
        required(env.wall_u, "envelope.wall_u"),
        Some("envelope.wall_u"),
        true,
    ));
    out.extend(b.facades.iter().map(|f| {
        facade_spec(
            f,
            Element::BasicWindowU,
            "basic.window_u",
            true,
            FacadeValue::WindowU,
        )
    }));
    out.push(whole(
        "basic.floor_over_outside_u",
        Element::BasicFloorOverOutsideU,
        optional(env.floor_over_outside_u, "no floor over outside air given"),
        Some("envelope.floor_over_outside_u"),
        true,
    ));
    out.extend(
        b.facades
            .iter()
            .map(|f| facade_spec(f, Element::BasicWwr, "basic.wwr", true, FacadeValue::Wwr)),
    );
    out
}
