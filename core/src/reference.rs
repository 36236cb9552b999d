//! The GB 55015 reference building (Appendix C.0.2–C.0.3): the design's geometry with every envelope value at
//! its table limit — windows trimmed to the WWR limit, each K and SHGC at the limit of the reference's own class,
//! shape-factor and WWR bracket. Built from the same limit rows as the checks.

use serde::{Deserialize, Serialize};

use crate::limits::{self, Criteria, Element, LookupError, Severity};
use crate::model::Building;

/// Reference-building values for one facade (GB 55015 C.0.2–C.0.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceFacade {
    /// Facade name.
    pub name: String,
    /// Reference WWR: the design WWR trimmed to the limit (None when the design WWR is missing).
    pub wwr: Option<f64>,
    /// Window K at the limit for the reference WWR (None: no requirement, use the design value).
    pub window_u: Option<f64>,
    /// Window SHGC at the limit (None: no requirement, use the design value).
    pub window_shgc: Option<f64>,
}

/// The envelope of the GB 55015 reference building: every value at its table limit.
/// `None` means the code sets no limit (the reference keeps the design value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceValues {
    /// Wall K.
    pub wall_u: Option<f64>,
    /// Roof K.
    pub roof_u: Option<f64>,
    /// Floor over outside air K.
    pub floor_over_outside_u: Option<f64>,
    /// Maximum skylight / transparent-roof ratio.
    pub skylight_ratio_max: Option<f64>,
    /// Skylight K.
    pub skylight_u: Option<f64>,
    /// Skylight SHGC.
    pub skylight_shgc: Option<f64>,
    /// Per facade.
    pub facades: Vec<ReferenceFacade>,
}

/// Builds the reference-building values from the same limit rows as the checks.
pub fn reference_values(b: &Building) -> Result<ReferenceValues, LookupError> {
    let base = b.criteria();
    let le = |element: Element, c: &Criteria<'_>| -> Result<Option<f64>, LookupError> {
        Ok(limits::lookup(element, c)?.value)
    };
    let skylight_ratio_max =
        le(Element::SkylightRatio, &base)?.or(le(Element::RoofTransparentRatio, &base)?);
    let mut facades = Vec::new();
    for f in &b.facades {
        let c = Criteria {
            orientation: Some(f.orientation),
            ..base
        };
        let wwr = f.wwr.map(|w| -> Result<f64, LookupError> {
            let lim = limits::lookup(Element::Wwr, &Criteria { wwr: Some(w), ..c })?;
            let trims = lim.severity == Severity::Mandatory;
            Ok(match lim.value {
                Some(l) if trims && w > l => l,
                _ => w,
            })
        });
        let wwr = wwr.transpose()?;
        let cw = Criteria { wwr, ..c };
        let (window_u, window_shgc) = match wwr {
            Some(_) => (le(Element::WindowU, &cw)?, le(Element::WindowShgc, &cw)?),
            None => (None, None),
        };
        facades.push(ReferenceFacade {
            name: f.name.clone(),
            wwr,
            window_u,
            window_shgc,
        });
    }
    Ok(ReferenceValues {
        wall_u: le(Element::WallU, &base)?,
        roof_u: le(Element::RoofU, &base)?,
        floor_over_outside_u: le(Element::FloorOverOutsideU, &base)?,
        skylight_ratio_max,
        skylight_u: le(Element::SkylightU, &base)?,
        skylight_shgc: le(Element::SkylightShgc, &base)?,
        facades,
    })
}
