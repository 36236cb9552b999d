//! Parameter sweeps for charts: the energy ratio, estimated saving rate and verdict while one design
//! parameter varies over a range.
//!
//! The ratio is the monthly method's (the report's `energy.monthly.ratio` at the same point), not the hourly
//! one the report leads with (`energy.ratio`): 10 000 hourly points would take seconds.
//!
//! Speed: the estimate's site (areas, monthly irradiation), assumptions and envelopes are prepared once;
//! each point only reruns the two monthly balances (design and reference). The verdict and the reference
//! building change only at table brackets, so they are not recomputed at every point:
//! * WWR, U and SHGC sweeps: the failing checks, hence the verdict, and the reference values (K/SHGC
//!   brackets, trimmed-or-not) are monotone in the parameter, so they are evaluated at the range ends and
//!   bisected where they differ (a few dozen full evaluations for any number of points);
//! * orientation: they depend on the facades' orientation classes only (cached per class tuple);
//! * storeys: one full evaluation per distinct storey count.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::energy::{self, Prepared};
use crate::fields::{self, Field};
use crate::model::{orientation_of, Building, Orientation};
use crate::project::{Geometry, Project};
use crate::reference::{reference_values, ReferenceValues};
use crate::report::Verdict;

/// Most points a sweep returns.
pub const MAX_STEPS: usize = 1_000_000;

/// The parameter a sweep varies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "param", content = "facade", rename_all = "snake_case")]
pub enum SweepParam {
    /// WWR of the named facade.
    Wwr(String),
    /// Wall K, W/(m²·K).
    WallU,
    /// Roof K.
    RoofU,
    /// Window K of every facade (facade overrides are replaced).
    WindowU,
    /// Window SHGC of every facade (facade overrides are replaced).
    WindowShgc,
    /// Orientation: box geometry — azimuth of facade A, degrees; measured areas — rotation added to
    /// every facade azimuth, degrees.
    Orientation,
    /// Storeys (rounded to the nearest integer, at least 1).
    Storeys,
}

impl SweepParam {
    /// The registry field the parameter varies: its label, its typical range (the chart's axis) and the path
    /// of its current value (for a facade WWR, `facades.<name>.wwr`; the orientation of measured areas is a
    /// rotation with no stored value).
    pub fn field(&self) -> &'static Field {
        match self {
            SweepParam::Wwr(_) => &fields::FACADE_WWR,
            SweepParam::WallU => &fields::WALL_U,
            SweepParam::RoofU => &fields::ROOF_U,
            SweepParam::WindowU => &fields::WINDOW_U,
            SweepParam::WindowShgc => &fields::WINDOW_SHGC,
            SweepParam::Orientation => &fields::ORIENTATION,
            SweepParam::Storeys => &fields::STOREYS,
        }
    }

    /// Stable id (`wwr.A`, `wall_u`, …), e.g. for a selection list.
    pub fn id(&self) -> String {
        match self {
            SweepParam::Wwr(f) => format!("wwr.{f}"),
            SweepParam::WallU => "wall_u".into(),
            SweepParam::RoofU => "roof_u".into(),
            SweepParam::WindowU => "window_u".into(),
            SweepParam::WindowShgc => "window_shgc".into(),
            SweepParam::Orientation => "orientation".into(),
            SweepParam::Storeys => "storeys".into(),
        }
    }

    /// The project path of the current value.
    pub fn path(&self) -> String {
        match self {
            SweepParam::Wwr(f) => self.field().at(f),
            _ => self.field().path.to_owned(),
        }
    }

    /// The axis range: the field's typical range.
    pub fn range(&self) -> (f64, f64) {
        self.field().typical.unwrap_or((0.0, 1.0))
    }
}

/// The parameters a project can be swept over: each facade's WWR, then the envelope, orientation and storeys.
pub fn params(project: &Project) -> Vec<SweepParam> {
    project
        .facade_names()
        .into_iter()
        .map(SweepParam::Wwr)
        .chain([
            SweepParam::WallU,
            SweepParam::RoofU,
            SweepParam::WindowU,
            SweepParam::WindowShgc,
            SweepParam::Orientation,
            SweepParam::Storeys,
        ])
        .collect()
}

/// One point of a sweep.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// Parameter value.
    pub x: f64,
    /// E_design / E_reference (`None` when the estimate cannot be made at this point).
    pub ratio: Option<f64>,
    /// 1 − (1 − base) × ratio.
    pub saving_rate: Option<f64>,
    /// GB 55015 verdict at this point.
    pub verdict: Verdict,
}

/// Sets the parameter on a project.
pub fn apply(p: &mut Project, base: &Project, param: &SweepParam, x: f64) {
    match param {
        SweepParam::Wwr(f) => p.facades.entry(f.clone()).or_default().wwr = Some(x),
        SweepParam::WallU => p.envelope.wall_u = Some(x),
        SweepParam::RoofU => p.envelope.roof_u = Some(x),
        SweepParam::WindowU => {
            p.envelope.window_u = Some(x);
            p.facades.values_mut().for_each(|f| f.window_u = None);
        }
        SweepParam::WindowShgc => {
            p.envelope.window_shgc = Some(x);
            p.facades.values_mut().for_each(|f| f.window_shgc = None);
        }
        SweepParam::Orientation => match (&mut p.geometry, &base.geometry) {
            (
                Geometry::Box {
                    orientation_deg, ..
                },
                _,
            ) => *orientation_deg = x,
            (Geometry::Areas { facades, .. }, Geometry::Areas { facades: orig, .. }) => {
                for (f, o) in facades.iter_mut().zip(orig) {
                    f.azimuth_deg = o.azimuth_deg + x;
                }
            }
            _ => {}
        },
        SweepParam::Storeys => p.storeys = storeys_of(x),
    }
}

fn storeys_of(x: f64) -> u32 {
    if x.is_finite() {
        // Saturating cast; storeys ≥ 1.
        (x.round().clamp(1.0, f64::from(u32::MAX))) as u32
    } else {
        0
    }
}

/// Verdict, building and reference values of a project (None when the project is invalid).
fn full(p: &Project) -> Option<(Verdict, Building, Option<ReferenceValues>)> {
    let c = crate::evaluate::compliance(p).ok()?;
    let r = reference_values(&c.building).ok();
    Some((c.verdict, c.building, r))
}

fn points(from: f64, to: f64, steps: usize) -> Vec<f64> {
    let n = steps.min(MAX_STEPS);
    match n {
        0 => Vec::new(),
        1 => vec![from],
        _ => (0..n)
            .map(|i| {
                if i == n - 1 {
                    to
                } else {
                    from + (to - from) * (i as f64) / ((n - 1) as f64)
                }
            })
            .collect(),
    }
}

fn invalid(x: f64) -> SweepPoint {
    SweepPoint {
        x,
        ratio: None,
        saving_rate: None,
        verdict: Verdict::Incomplete,
    }
}

/// Fills `out[i] = f(i)` for a function that is monotone in `i` (a step function): evaluates the ends
/// and bisects only where they differ.
fn bisect_fill<T: Clone + PartialEq>(n: usize, mut f: impl FnMut(usize) -> T) -> Vec<T> {
    let mut out: Vec<Option<T>> = vec![None; n];
    if n == 0 {
        return Vec::new();
    }
    out[0] = Some(f(0));
    out[n - 1] = Some(f(n - 1));
    let mut stack = vec![(0usize, n - 1)];
    while let Some((lo, hi)) = stack.pop() {
        if hi <= lo + 1 {
            continue;
        }
        if out[lo] == out[hi] {
            let v = out[lo].clone();
            for o in &mut out[lo + 1..hi] {
                *o = v.clone();
            }
            continue;
        }
        let mid = lo + (hi - lo) / 2;
        out[mid] = Some(f(mid));
        stack.push((lo, mid));
        stack.push((mid, hi));
    }
    out.into_iter()
        .map(|o| o.unwrap_or_else(|| unreachable_fill()))
        .collect()
}

#[cold]
fn unreachable_fill<T>() -> T {
    // Every index is either evaluated or filled from an equal pair of ends.
    unreachable!("bisect_fill leaves no gap")
}

/// Sweeps `param` from `from` to `to` in `steps` points (ends included; `steps` is capped at
/// [`MAX_STEPS`]). Never panics: a point where the project is invalid gets verdict `incomplete`
/// and no ratio; a point where the estimate needs a missing value gets no ratio.
pub fn sweep(
    project: &Project,
    param: SweepParam,
    from: f64,
    to: f64,
    steps: usize,
) -> Vec<SweepPoint> {
    let xs = points(from, to, steps);
    if xs.is_empty() {
        return Vec::new();
    }
    match param {
        SweepParam::Storeys => sweep_storeys(project, &xs),
        SweepParam::Orientation => sweep_orientation(project, &xs),
        _ => sweep_monotone(project, &param, &xs),
    }
}

fn at(project: &Project, param: &SweepParam, x: f64) -> Project {
    let mut p = project.clone();
    apply(&mut p, project, param, x);
    p
}

/// Full evaluation of one point (used for storeys and as the fallback).
fn point_full(p: &Project, x: f64) -> SweepPoint {
    let Some((v, b, r)) = full(p) else {
        return invalid(x);
    };
    let ratio = r
        .and_then(|r| energy::prepare(p, &b, &r).ok())
        .map(|(pr, ..)| energy::ratio_of(&pr));
    SweepPoint {
        x,
        ratio: ratio.map(|r| r.0),
        saving_rate: ratio.map(|r| r.1),
        verdict: v,
    }
}

fn sweep_storeys(project: &Project, xs: &[f64]) -> Vec<SweepPoint> {
    let mut cache: HashMap<u32, SweepPoint> = HashMap::new();
    xs.iter()
        .map(|&x| {
            let n = storeys_of(x);
            let pt = cache
                .entry(n)
                .or_insert_with(|| point_full(&at(project, &SweepParam::Storeys, x), x));
            SweepPoint { x, ..*pt }
        })
        .collect()
}

/// Prepared estimate of the base project, with one value of the parameter applied.
fn base_prepared(project: &Project, param: &SweepParam, x: f64) -> Option<(Prepared, Building)> {
    let p = at(project, param, x);
    let (_, b, r) = full(&p)?;
    let (pr, ..) = energy::prepare(&p, &b, &r?).ok()?;
    Some((pr, b))
}

fn sweep_orientation(project: &Project, xs: &[f64]) -> Vec<SweepPoint> {
    let param = SweepParam::Orientation;
    let Some((mut pr, b)) = base_prepared(project, &param, xs[0]) else {
        return xs
            .iter()
            .map(|&x| point_full(&at(project, &param, x), x))
            .collect();
    };
    let climate = crate::climate::city(&project.city);
    // Facade azimuth offsets relative to x.
    let offsets: Vec<f64> = match &project.geometry {
        Geometry::Box { .. } => vec![0.0, 90.0, 180.0, 270.0],
        Geometry::Areas {
            facades,
            north_offset_deg,
            ..
        } => facades
            .iter()
            .map(|f| f.azimuth_deg + north_offset_deg.unwrap_or(0.0))
            .collect(),
    };
    let mut cache: HashMap<Vec<Orientation>, Option<(Verdict, Option<ReferenceValues>)>> =
        HashMap::new();
    let mut key = Vec::with_capacity(offsets.len());
    xs.iter()
        .map(|&x| {
            key.clear();
            key.extend(
                offsets
                    .iter()
                    .map(|o| orientation_of(o + x).unwrap_or(Orientation::N)),
            );
            let entry = cache
                .entry(key.clone())
                .or_insert_with(|| full(&at(project, &param, x)).map(|(v, _, r)| (v, r)));
            let Some((v, r)) = entry else {
                return invalid(x);
            };
            let (Some(r), Some(c)) = (r.as_ref(), climate) else {
                return SweepPoint {
                    x,
                    ratio: None,
                    saving_rate: None,
                    verdict: *v,
                };
            };
            pr.site.set_azimuths(c, offsets.iter().map(|o| o + x));
            pr.reference = energy::reference_params(&pr.design, r);
            let (ratio, saving, ..) = energy::ratio_of(&pr);
            debug_assert_eq!(b.facades.len(), offsets.len());
            SweepPoint {
                x,
                ratio: Some(ratio),
                saving_rate: Some(saving),
                verdict: *v,
            }
        })
        .collect()
}

/// Marker-normalised reference values: the swept facade's WWR is `None` when it equals the design
/// WWR (not trimmed) and keeps the limit when trimmed, so that it is constant between breakpoints.
type Signature = Option<(Verdict, Option<ReferenceValues>)>;

fn sweep_monotone(project: &Project, param: &SweepParam, xs: &[f64]) -> Vec<SweepPoint> {
    let facade_index = match param {
        SweepParam::Wwr(name) => match &project.geometry {
            Geometry::Box { .. } => ["A", "B", "C", "D"].iter().position(|n| n == name),
            Geometry::Areas { facades, .. } => facades.iter().position(|f| &f.name == name),
        },
        _ => None,
    };
    if matches!(param, SweepParam::Wwr(_)) && facade_index.is_none() {
        // Unknown facade: every point is invalid, as the project would be.
        return xs
            .iter()
            .map(|&x| point_full(&at(project, param, x), x))
            .collect();
    }
    let sigs: Vec<Signature> = bisect_fill(xs.len(), |i| {
        let x = xs[i];
        full(&at(project, param, x)).map(|(v, _, r)| {
            let r = r.map(|mut r| {
                if let Some(rf) = facade_index.and_then(|k| r.facades.get_mut(k)) {
                    if rf.wwr.is_some_and(|w| w >= x) {
                        rf.wwr = None;
                    }
                }
                r
            });
            (v, r)
        })
    });
    let Some((mut pr, _)) = base_prepared(project, param, xs[0]) else {
        return xs
            .iter()
            .zip(sigs)
            .map(|(&x, s)| match s {
                Some((v, _)) => SweepPoint {
                    x,
                    ratio: None,
                    saving_rate: None,
                    verdict: v,
                },
                None => invalid(x),
            })
            .collect();
    };
    let mut refv: Option<ReferenceValues> = None;
    xs.iter()
        .zip(sigs)
        .map(|(&x, s)| {
            let Some((v, r)) = s else {
                return invalid(x);
            };
            let Some(r) = r else {
                return SweepPoint {
                    x,
                    ratio: None,
                    saving_rate: None,
                    verdict: v,
                };
            };
            let d = &mut pr.design;
            match param {
                SweepParam::Wwr(_) => {
                    if let Some(f) = facade_index.and_then(|k| d.facades.get_mut(k)) {
                        f.wwr = x;
                    }
                }
                SweepParam::WallU => d.wall_u = x,
                SweepParam::RoofU => d.roof_u = x,
                SweepParam::WindowU => d.facades.iter_mut().for_each(|f| f.window_u = x),
                SweepParam::WindowShgc => d.facades.iter_mut().for_each(|f| f.window_shgc = x),
                SweepParam::Orientation | SweepParam::Storeys => {}
            }
            let rv = refv.get_or_insert_with(|| r.clone());
            if *rv != r {
                *rv = r;
            }
            // A `None` WWR of the swept facade (not trimmed) falls back to the design WWR, x.
            pr.reference = energy::reference_params(&pr.design, rv);
            let (ratio, saving, ..) = energy::ratio_of(&pr);
            SweepPoint {
                x,
                ratio: Some(ratio),
                saving_rate: Some(saving),
                verdict: v,
            }
        })
        .collect()
}
