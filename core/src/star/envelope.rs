//! Envelope improvement: how much better than its limit each envelope element is, and the building's figure
//! (the smallest).

use serde::{Deserialize, Serialize};

use super::StarError;

/// Improvement of one envelope element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementImprovement {
    /// Element id (roof, wall, floor, window, SHGC …).
    pub id: String,
    /// Limit value (GB 55015, same building).
    pub limit: f64,
    /// Design value.
    pub design: f64,
    /// (limit − design) / limit, as a fraction.
    pub improvement: f64,
}

/// Envelope improvement of every element and of the building.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnvelopeImprovement {
    /// Each element, in input order.
    pub elements: Vec<ElementImprovement>,
    /// The building's improvement: the smallest element improvement (`None` if no element).
    pub building: Option<f64>,
    /// Id of the element that governs (holds the level back).
    pub governing: Option<String>,
}

impl EnvelopeImprovement {
    /// The `(id, improvement)` list expected by [`StarMetrics::envelope`].
    pub fn to_metrics(&self) -> Vec<(String, f64)> {
        self.elements
            .iter()
            .map(|e| (e.id.clone(), e.improvement))
            .collect()
    }
}

/// Envelope improvement per element `(id, limit, design)` = (limit − design) / limit; the
/// building's improvement is the minimum (conservative "every element" reading of docs/sources/gbt50378-star-rating.md).
///
/// Errors: a non-finite value or a limit ≤ 0 (the field names the element).
pub fn envelope_improvement(
    elements: &[(String, f64, f64)],
) -> Result<EnvelopeImprovement, StarError> {
    let mut out = EnvelopeImprovement::default();
    for (id, limit, design) in elements {
        if !limit.is_finite() || *limit <= 0.0 {
            return Err(StarError::OutOfRange {
                field: format!("envelope[{id}].limit"),
                value: *limit,
                min: 0.0,
                max: f64::INFINITY,
            });
        }
        if !design.is_finite() || *design < 0.0 {
            return Err(StarError::OutOfRange {
                field: format!("envelope[{id}].design"),
                value: *design,
                min: 0.0,
                max: f64::INFINITY,
            });
        }
        let improvement = (limit - design) / limit;
        out.elements.push(ElementImprovement {
            id: id.clone(),
            limit: *limit,
            design: *design,
            improvement,
        });
    }
    // The first smallest element, as `min_element` picks it (without the `to_metrics` copy).
    let mut best: Option<&ElementImprovement> = None;
    for e in &out.elements {
        if best.map_or(true, |b| e.improvement < b.improvement) {
            best = Some(e);
        }
    }
    let governing = best.map(|e| e.id.clone());
    out.building = best.map(|e| e.improvement);
    out.governing = governing;
    Ok(out)
}

pub(super) fn min_element(list: &[(String, f64)]) -> (Option<f64>, Option<String>) {
    let mut best: Option<(f64, &str)> = None;
    for (id, v) in list {
        if best.map_or(true, |(b, _)| *v < b) {
            best = Some((*v, id));
        }
    }
    match best {
        Some((v, id)) => (Some(v), Some(id.to_string())),
        None => (None, None),
    }
}
