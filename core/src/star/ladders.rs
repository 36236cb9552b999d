//! Scoring ladders: the points of one ladder for a value.

use super::tables::LadderRow;
use super::{Rule, EPS};

pub(super) fn basis_max(rows: &[&LadderRow]) -> f64 {
    rows.iter()
        .map(|r| match r.rule {
            Rule::Step | Rule::Linear => r.points,
            Rule::Increment => r.cap.unwrap_or(r.points),
        })
        .fold(0.0, f64::max)
}

/// Points of one ladder (`rows` share edition, item and basis) for a value in percent.
pub(super) fn ladder_points(rows: &[&LadderRow], value: f64) -> f64 {
    let Some(first) = rows.first() else {
        return 0.0;
    };
    match first.rule {
        Rule::Step => rows
            .iter()
            .filter(|r| value >= r.threshold - EPS)
            .map(|r| r.points)
            .fold(0.0, f64::max),
        Rule::Increment => {
            if value < first.threshold - EPS {
                return 0.0;
            }
            let step = first.step.unwrap_or(f64::INFINITY);
            let full_steps = ((value - first.threshold) / step + EPS).floor().max(0.0);
            let pts = first.points + full_steps * first.step_points.unwrap_or(0.0);
            pts.min(first.cap.unwrap_or(first.points))
        }
        Rule::Linear => {
            if value >= first.threshold - EPS {
                first.points
            } else if value <= 0.0 {
                0.0
            } else {
                ((first.points * value / first.threshold) * 10.0 + EPS).floor() / 10.0
            }
        }
    }
}
