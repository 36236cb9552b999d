//! Massing geometry: areas, volume and shape factor of a rectangular box building.

/// Shape factor F0/V0 (1/m) of a box of `length_m` × `depth_m` × (`storeys` × `storey_height_m`).
///
/// F0 counts the four facades and the roof; the ground floor is not in contact with outside air
/// (GB 55015 definition). Returns `None` when any dimension is not a positive finite number.
pub fn box_shape_factor(
    length_m: f64,
    depth_m: f64,
    storeys: u32,
    storey_height_m: f64,
) -> Option<f64> {
    let height = f64::from(storeys) * storey_height_m;
    let dims = [length_m, depth_m, height];
    if dims.iter().any(|d| !d.is_finite() || *d <= 0.0) {
        return None;
    }
    let envelope = 2.0 * (length_m + depth_m) * height + length_m * depth_m;
    let volume = length_m * depth_m * height;
    let sf = envelope / volume;
    sf.is_finite().then_some(sf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_box() {
        // 60 × 12 × (18 × 2.9 = 52.2): F0 = 2·72·52.2 + 720 = 8236.8; V0 = 37584 → 0.21916
        let sf = box_shape_factor(60.0, 12.0, 18, 2.9).unwrap();
        assert!((sf - 8236.8 / 37584.0).abs() < 1e-12);
        assert!((sf - 0.219157).abs() < 1e-6);
    }

    #[test]
    fn cube_of_ten() {
        // 10 × 10 × 10: F0 = 400 + 100 = 500; V0 = 1000 → 0.5
        assert_eq!(box_shape_factor(10.0, 10.0, 1, 10.0), Some(0.5));
    }

    #[test]
    fn rejects_degenerate_input() {
        assert_eq!(box_shape_factor(0.0, 10.0, 3, 3.0), None);
        assert_eq!(box_shape_factor(10.0, -1.0, 3, 3.0), None);
        assert_eq!(box_shape_factor(10.0, 10.0, 0, 3.0), None);
        assert_eq!(box_shape_factor(f64::NAN, 10.0, 3, 3.0), None);
        assert_eq!(box_shape_factor(f64::INFINITY, 10.0, 3, 3.0), None);
        assert_eq!(box_shape_factor(1e300, 1e300, 3, 1e300), None);
    }
}
