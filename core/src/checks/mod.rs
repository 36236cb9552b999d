//! The GB 55015 checks for cold zone B and the verdict (the requirements and their order are in
//! `docs/sources/gb55015-cold-zone-b.md`, sections 4–6).
//!
//! No limit value appears in this module: every limit comes from [`crate::limits`]. [`specs`] decides which
//! element each check compares and which input feeds it, [`run`] compares it with its limit row and
//! [`suggestion`] says what would pass; [`verdict`] follows from the statuses.

mod run;
mod specs;
mod suggestion;

use crate::limits::{Comparison, Element};
use crate::model::Building;
use crate::project::Project;
use crate::report::{Check, Status, Verdict};

/// Runs every check on an already built model.
pub fn run_checks(project: &Project, building: &Building) -> Vec<Check> {
    specs::specs(project, building)
        .into_iter()
        .map(run::run)
        .collect()
}

/// Verdict, decisive check ids and missing field paths, in the order of GB 55015
/// (docs/sources/gb55015-cold-zone-b.md, section 6):
/// a decisive failure (non-tradeable or C.0.1 basic) → fails; else a missing value → incomplete;
/// else a tradeable failure → tradeoff; else complies. Advisory checks never decide.
pub fn verdict(checks: &[Check]) -> (Verdict, Vec<String>, Vec<String>) {
    let mut missing: Vec<String> = Vec::new();
    for m in checks.iter().flat_map(|c| &c.missing) {
        if !missing.contains(m) {
            missing.push(m.clone());
        }
    }
    let ids = |pred: &dyn Fn(&Check) -> bool| -> Vec<String> {
        checks
            .iter()
            .filter(|c| c.mandatory && pred(c))
            .map(|c| c.id.to_string())
            .collect()
    };
    let decisive_fails = ids(&|c| c.status == Status::Fail && (!c.tradeable || c.basic));
    if !decisive_fails.is_empty() {
        return (Verdict::Fails, decisive_fails, missing);
    }
    let undetermined = ids(&|c| c.status == Status::Undetermined);
    if !undetermined.is_empty() {
        return (Verdict::Incomplete, undetermined, missing);
    }
    let fails = ids(&|c| c.status == Status::Fail);
    if !fails.is_empty() {
        return (Verdict::Tradeoff, fails, missing);
    }
    (Verdict::Complies, Vec::new(), missing)
}

/// The design value and limit of one envelope element, from its check.
#[derive(Debug, Clone, PartialEq)]
pub struct ElementValue {
    /// Check id, e.g. `u.window.A`.
    pub id: String,
    /// The element.
    pub element: Element,
    /// The limit.
    pub limit: f64,
    /// The design value.
    pub value: f64,
}

/// Elements whose envelope improvement counts for the star rating: roof, wall, floor over outside air, window K
/// and SHGC per facade, skylight K and SHGC.
const ENVELOPE_ELEMENTS: [Element; 7] = [
    Element::RoofU,
    Element::WallU,
    Element::FloorOverOutsideU,
    Element::WindowU,
    Element::WindowShgc,
    Element::SkylightU,
    Element::SkylightShgc,
];

/// The envelope elements with a design value and a positive limit (mandatory `le` checks that pass or fail),
/// in check order.
pub fn envelope_elements(checks: &[Check]) -> Vec<ElementValue> {
    checks
        .iter()
        .filter(|c| {
            ENVELOPE_ELEMENTS.contains(&c.element)
                && c.mandatory
                && c.comparison == Comparison::Le
                && matches!(c.status, Status::Pass | Status::Fail)
        })
        .filter_map(|c| match (c.limit, c.value) {
            (Some(l), Some(v)) if l > 0.0 && l.is_finite() && v.is_finite() && v >= 0.0 => {
                Some(ElementValue {
                    id: c.id.to_string(),
                    element: c.element,
                    limit: l,
                    value: v,
                })
            }
            _ => None,
        })
        .collect()
}
