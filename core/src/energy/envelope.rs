//! The envelope of the design building (from the project) and of its GB 55015 reference building (C.0.3:
//! every value at its limit, the design value where the code sets none).

use serde::{Deserialize, Serialize};

use super::EnergyError;
use crate::model::Building;
use crate::project::Project;
use crate::reference::ReferenceValues;

/// Envelope of one facade in one variant.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FacadeParams {
    /// WWR.
    pub wwr: f64,
    /// Window K, W/(m²·K).
    pub window_u: f64,
    /// Window SHGC.
    pub window_shgc: f64,
}

/// Envelope of one variant (design or reference); facades in the building's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvelopeParams {
    /// Wall K.
    pub wall_u: f64,
    /// Roof K.
    pub roof_u: f64,
    /// Per facade.
    pub facades: Vec<FacadeParams>,
    /// Skylight area / roof area.
    pub skylight_ratio: f64,
    /// Skylight K.
    pub skylight_u: f64,
    /// Skylight SHGC.
    pub skylight_shgc: f64,
    /// Floor over outside air K.
    pub floor_over_outside_u: f64,
}

fn need(v: Option<f64>, path: &str) -> Result<f64, EnergyError> {
    v.ok_or_else(|| EnergyError::Missing {
        path: path.to_owned(),
    })
}

/// The design envelope of a building (errors name the missing field).
pub fn design_params(p: &Project, b: &Building) -> Result<EnvelopeParams, EnergyError> {
    let env = &p.envelope;
    let mut facades = Vec::with_capacity(b.facades.len());
    for f in &b.facades {
        let wwr = need(f.wwr, &format!("facades.{}.wwr", f.name))?;
        let (window_u, window_shgc) = if wwr > 0.0 {
            (
                need(f.window_u, &f.window_u_path)?,
                need(f.window_shgc, &f.window_shgc_path)?,
            )
        } else {
            (f.window_u.unwrap_or(0.0), f.window_shgc.unwrap_or(0.0))
        };
        facades.push(FacadeParams {
            wwr,
            window_u,
            window_shgc,
        });
    }
    let skylight_ratio = env.skylight_ratio.unwrap_or(0.0);
    let (skylight_u, skylight_shgc) = if skylight_ratio > 0.0 {
        (
            need(env.skylight_u, "envelope.skylight_u")?,
            need(env.skylight_shgc, "envelope.skylight_shgc")?,
        )
    } else {
        (0.0, 0.0)
    };
    let floor_area = floor_over_outside_area(p);
    Ok(EnvelopeParams {
        wall_u: need(env.wall_u, "envelope.wall_u")?,
        roof_u: if b.roof_area_m2 > 0.0 {
            need(env.roof_u, "envelope.roof_u")?
        } else {
            env.roof_u.unwrap_or(0.0)
        },
        facades,
        skylight_ratio,
        skylight_u,
        skylight_shgc,
        floor_over_outside_u: if floor_area > 0.0 {
            need(env.floor_over_outside_u, "envelope.floor_over_outside_u")?
        } else {
            0.0
        },
    })
}

pub(super) fn floor_over_outside_area(p: &Project) -> f64 {
    p.envelope
        .floor_over_outside_area_m2
        .filter(|a| *a > 0.0)
        .unwrap_or(0.0)
}

/// The reference envelope (GB 55015 C.0.3) from the limit values and the design.
pub fn reference_params(design: &EnvelopeParams, r: &ReferenceValues) -> EnvelopeParams {
    EnvelopeParams {
        wall_u: r.wall_u.unwrap_or(design.wall_u),
        roof_u: r.roof_u.unwrap_or(design.roof_u),
        facades: design
            .facades
            .iter()
            .zip(&r.facades)
            .map(|(d, rf)| FacadeParams {
                wwr: rf.wwr.unwrap_or(d.wwr),
                window_u: rf.window_u.unwrap_or(d.window_u),
                window_shgc: rf.window_shgc.unwrap_or(d.window_shgc),
            })
            .collect(),
        skylight_ratio: r
            .skylight_ratio_max
            .map_or(design.skylight_ratio, |m| design.skylight_ratio.min(m)),
        skylight_u: r.skylight_u.unwrap_or(design.skylight_u),
        skylight_shgc: r.skylight_shgc.unwrap_or(design.skylight_shgc),
        floor_over_outside_u: r
            .floor_over_outside_u
            .unwrap_or(design.floor_over_outside_u),
    }
}
