//! Grouping exterior walls into facades by their outward normal.
//!
//! Each wall keeps the GB 55015 B.0.5 orientation class of its own true azimuth (model azimuth + north); walls
//! of one class whose azimuths span at most [`FACADE_MERGE_TOLERANCE_DEG`] become one facade, so no facade ever
//! straddles a sector edge. A facade's azimuth is the area-weighted circular mean of its walls, in the model
//! frame (the project adds `north_offset_deg`). Facades are named by class and rank of gross area: `S-1` is
//! the largest south facade.

use super::geometry::total;
use crate::model::{normalize_azimuth, orientation_of, Orientation};

/// Walls of one orientation class whose azimuths lie within this many degrees of each other form one facade.
pub const FACADE_MERGE_TOLERANCE_DEG: f64 = 5.0;

/// One exterior wall, measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Wall {
    /// Outward normal in the model frame, degrees clockwise from the model's +Y, [0, 360).
    pub azimuth_deg: f64,
    /// Gross area including openings, m².
    pub gross_m2: f64,
    /// Glazed opening area (windows, curtain walls, glazed doors), m², at most `gross_m2`.
    pub window_m2: f64,
}

/// A facade made of one or more walls.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grouped {
    /// `S-1`, `E-2`, …
    pub name: String,
    /// Orientation class of the true azimuth.
    pub orientation: Orientation,
    /// Model-frame azimuth, [0, 360).
    pub azimuth_deg: f64,
    /// Number of walls.
    pub walls: usize,
    /// Gross wall area, m².
    pub gross_m2: f64,
    /// Glazed area, m².
    pub window_m2: f64,
}

/// The class of a model azimuth turned by `north_deg`: the same sum the project model computes.
pub(crate) fn class_of(azimuth_deg: f64, north_deg: f64) -> Option<Orientation> {
    orientation_of(azimuth_deg + north_deg)
}

/// Area-weighted circular mean of azimuths, degrees in [0, 360). Taken around the first azimuth, so equal
/// azimuths give exactly that azimuth back.
fn circular_mean(members: &[Wall]) -> f64 {
    let Some(first) = members.first() else {
        return 0.0;
    };
    let r = first.azimuth_deg;
    let (mut s, mut c) = (0.0, 0.0);
    for w in members {
        let d = (w.azimuth_deg - r).to_radians();
        s += w.gross_m2 * d.sin();
        c += w.gross_m2 * d.cos();
    }
    normalize_azimuth(r + s.atan2(c).to_degrees()).unwrap_or(r)
}

/// Groups walls into named facades, in the order N, E, S, W and by rank within a class. Walls whose class
/// cannot be found (non-finite azimuth) are left out; the caller never passes any.
pub(crate) fn group(walls: &[Wall], north_deg: f64) -> Vec<Grouped> {
    let mut out = Vec::new();
    for class in Orientation::ALL {
        // True azimuths unwrapped so the class is one interval: north runs (300, 420).
        let mut members: Vec<(f64, Wall)> = walls
            .iter()
            .filter(|w| class_of(w.azimuth_deg, north_deg) == Some(class))
            .filter_map(|w| {
                let t = normalize_azimuth(w.azimuth_deg + north_deg)?;
                let t = if class == Orientation::N && t < 180.0 {
                    t + 360.0
                } else {
                    t
                };
                Some((t, *w))
            })
            .collect();
        members.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut facades: Vec<Grouped> = Vec::new();
        let mut i = 0;
        while i < members.len() {
            let first = members[i].0;
            let j = members[i..]
                .iter()
                .position(|m| m.0 - first > FACADE_MERGE_TOLERANCE_DEG)
                .map_or(members.len(), |k| i + k);
            let cluster: Vec<Wall> = members[i..j].iter().map(|m| m.1).collect();
            let mut azimuth = circular_mean(&cluster);
            if class_of(azimuth, north_deg) != Some(class) {
                // Rounding put the mean over the sector edge its walls sit next to: take the largest wall's.
                azimuth = cluster
                    .iter()
                    .max_by(|a, b| a.gross_m2.total_cmp(&b.gross_m2))
                    .map_or(azimuth, |w| w.azimuth_deg);
            }
            facades.push(Grouped {
                name: String::new(),
                orientation: class,
                azimuth_deg: azimuth,
                walls: cluster.len(),
                gross_m2: total(cluster.iter().map(|w| w.gross_m2)),
                window_m2: total(cluster.iter().map(|w| w.window_m2)),
            });
            i = j;
        }
        facades.sort_by(|a, b| {
            b.gross_m2
                .total_cmp(&a.gross_m2)
                .then(a.azimuth_deg.total_cmp(&b.azimuth_deg))
        });
        for (rank, f) in facades.iter_mut().enumerate() {
            f.name = format!("{}-{}", class.key(), rank + 1);
        }
        out.extend(facades);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(azimuth_deg: f64, gross_m2: f64) -> Wall {
        Wall {
            azimuth_deg,
            gross_m2,
            window_m2: 0.0,
        }
    }

    #[test]
    fn never_merged_across_a_sector_edge() {
        // 149.9° is east, 150.1° south (B.0.5: south = [150, 210]); 0.2° apart but two facades.
        let g = group(&[wall(149.9, 10.0), wall(150.1, 10.0)], 0.0);
        let names: Vec<_> = g.iter().map(|f| (f.name.as_str(), f.azimuth_deg)).collect();
        assert_eq!(names, vec![("E-1", 149.9), ("S-1", 150.1)]);
        // The same with the model turned: 139.9 + 10 and 140.1 + 10.
        let g = group(&[wall(139.9, 10.0), wall(140.1, 10.0)], 10.0);
        assert_eq!(g.len(), 2);
        assert_eq!(
            (g[0].orientation, g[1].orientation),
            (Orientation::E, Orientation::S)
        );
        // Exactly on an edge: 210 is south, 210.000001 west.
        let g = group(&[wall(210.0, 1.0), wall(210.000001, 1.0)], 0.0);
        assert_eq!(g.len(), 2);
    }

    #[test]
    fn merges_within_tolerance_with_area_weighted_mean() {
        // 180° (30 m²) and 183° (10 m²): one facade at the weighted circular mean, 180.7499° (the linear
        // weighted mean would be 180.75°).
        let g = group(&[wall(180.0, 30.0), wall(183.0, 10.0)], 0.0);
        assert_eq!(g.len(), 1);
        assert_eq!(
            (g[0].name.as_str(), g[0].walls, g[0].gross_m2),
            ("S-1", 2, 40.0)
        );
        // 180° + atan2(10 sin 3°, 30 + 10 cos 3°) = 180.749871…° (computed by hand with a calculator).
        let expect = 180.0
            + (10.0 * 3f64.to_radians().sin())
                .atan2(30.0 + 10.0 * 3f64.to_radians().cos())
                .to_degrees();
        assert!((g[0].azimuth_deg - expect).abs() < 1e-12);
        assert!((g[0].azimuth_deg - 180.749871).abs() < 1e-6);
        // Equal azimuths give exactly that azimuth.
        let g = group(&[wall(90.0, 5.0), wall(90.0, 7.0)], 0.0);
        assert_eq!(g[0].azimuth_deg, 90.0);
    }

    #[test]
    fn north_wraps_around_zero() {
        // 359° and 2° are 3° apart: one north facade whose mean is 0.5° (equal areas).
        let g = group(&[wall(359.0, 10.0), wall(2.0, 10.0)], 0.0);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].name, "N-1");
        assert!(
            (g[0].azimuth_deg - 0.5).abs() < 1e-9,
            "{}",
            g[0].azimuth_deg
        );
    }

    #[test]
    fn spans_are_capped_not_chained() {
        // 0, 4, 8: not one chain of 4° steps; the first two form a facade, the third its own.
        let g = group(&[wall(10.0, 1.0), wall(14.0, 1.0), wall(18.0, 3.0)], 0.0);
        let got: Vec<_> = g.iter().map(|f| (f.name.as_str(), f.walls)).collect();
        // Ranked by area: 18° (3 m²) is N-1, the pair (2 m²) N-2.
        assert_eq!(got, vec![("N-1", 1), ("N-2", 2)]);
    }

    #[test]
    fn ranks_and_order() {
        let g = group(
            &[
                wall(270.0, 5.0),
                wall(0.0, 10.0),
                wall(90.0, 1.0),
                wall(45.0, 20.0),
                wall(180.0, 2.0),
            ],
            0.0,
        );
        let names: Vec<_> = g.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["N-1", "N-2", "E-1", "S-1", "W-1"]);
        assert_eq!(g[0].azimuth_deg, 45.0);
    }

    #[test]
    fn north_offset_changes_classes_only() {
        // Model south (180°) turned by 45° is 225°: west; the stored azimuth stays 180.
        let g = group(&[wall(180.0, 1.0)], 45.0);
        assert_eq!((g[0].name.as_str(), g[0].azimuth_deg), ("W-1", 180.0));
    }
}
