//! Units and polygon geometry of a gbXML model: unit factors, Newell area vectors, azimuth and tilt
//! of a normal, and closed-shell volumes by the divergence theorem.

/// A point in the file's length unit.
pub(crate) type Point = [f64; 3];

/// Polygons smaller than this (m², one square millimetre) are degenerate: a real envelope surface never is.
pub(crate) const DEGENERATE_AREA_M2: f64 = 1e-6;

/// Polygons larger than this (m², 1000 km²) come from broken coordinates: no building has such a surface, and
/// sums of them must stay finite.
pub(crate) const MAX_AREA_M2: f64 = 1e9;

/// A wall whose normal has a horizontal part below this fraction of its length faces straight up or down and
/// has no azimuth.
pub(crate) const MIN_HORIZONTAL_NORMAL: f64 = 1e-6;

// Unit factors to SI. Every factor is exact by definition: the international yard and pound (1959):
// 1 yd = 0.9144 m, 1 ft = 0.3048 m, 1 in = 0.0254 m, 1 mile = 1609.344 m (NIST SP 811, appendix B);
// the metric prefixes are exact powers of ten. Areas and volumes are the squares and cubes.
const LENGTH_UNITS: [(&str, f64); 8] = [
    ("Kilometers", 1000.0),
    ("Meters", 1.0),
    ("Centimeters", 0.01),
    ("Millimeters", 0.001),
    ("Miles", 1609.344),
    ("Yards", 0.9144),
    ("Feet", 0.3048),
    ("Inches", 0.0254),
];

/// A length, area or volume unit named by the file (`lengthUnit`, `areaUnit`, `volumeUnit`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    /// The schema's name, e.g. `Feet`, `SquareFeet`, `CubicFeet`.
    pub name: &'static str,
    /// Metres, square metres or cubic metres per unit.
    pub factor: f64,
}

/// What a unit measures: its power of length and the schema's name prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dimension {
    /// `lengthUnit`: `Meters`, `Feet`, …
    Length,
    /// `areaUnit`: `SquareMeters`, `SquareFeet`, …
    Area,
    /// `volumeUnit`: `CubicMeters`, `CubicFeet`, …
    Volume,
}

const AREA_NAMES: [&str; 8] = [
    "SquareKilometers",
    "SquareMeters",
    "SquareCentimeters",
    "SquareMillimeters",
    "SquareMiles",
    "SquareYards",
    "SquareFeet",
    "SquareInches",
];
const VOLUME_NAMES: [&str; 8] = [
    "CubicKilometers",
    "CubicMeters",
    "CubicCentimeters",
    "CubicMillimeters",
    "CubicMiles",
    "CubicYards",
    "CubicFeet",
    "CubicInches",
];

impl Dimension {
    fn names(self) -> [&'static str; 8] {
        match self {
            Dimension::Length => LENGTH_UNITS.map(|(n, _)| n),
            Dimension::Area => AREA_NAMES,
            Dimension::Volume => VOLUME_NAMES,
        }
    }

    /// The metre unit of this dimension (used when the file names none).
    pub(crate) fn si(self) -> Unit {
        Unit {
            name: self.names()[1],
            factor: 1.0,
        }
    }

    /// Looks a unit name up, ignoring ASCII case (writers differ: `Meters`, `meters`).
    pub(crate) fn unit(self, name: &str) -> Option<Unit> {
        let name = name.trim();
        let i = self
            .names()
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name))?;
        let l = LENGTH_UNITS[i].1;
        let factor = match self {
            Dimension::Length => l,
            Dimension::Area => l * l,
            Dimension::Volume => l * l * l,
        };
        Some(Unit {
            name: self.names()[i],
            factor,
        })
    }
}

/// W/(m²·K) per Btu/(h·ft²·°F): 1 Btu_IT = 1055.05585262 J, 1 h = 3600 s, 1 ft² = 0.09290304 m², 1 °F = 5/9 K
/// (all exact; ≈ 5.678263).
pub(crate) const BTU_PER_HOUR_SQUARE_FOOT_F: f64 =
    1055.05585262 / 3600.0 / 0.09290304 / (5.0 / 9.0);

/// A U-value in W/(m²·K) from the file's number and `unit` attribute (`None` when the unit is unknown).
pub(crate) fn u_value_si(value: f64, unit: Option<&str>) -> Option<f64> {
    match unit.map(str::trim) {
        None | Some("") => Some(value),
        Some(u) if u.eq_ignore_ascii_case("WPerSquareMeterK") => Some(value),
        Some(u) if u.eq_ignore_ascii_case("BtuPerHourSquareFtF") => {
            Some(value * BTU_PER_HOUR_SQUARE_FOOT_F)
        }
        Some(_) => None,
    }
}

fn sub(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn norm(v: Point) -> f64 {
    (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt()
}

/// Newell's area vector of a loop: normal × area, pointing by the right-hand rule (gbXML: outward). Points are
/// taken relative to the first one, so georeferenced coordinates (10⁵ m and more) keep their precision.
pub(crate) fn area_vector(points: &[Point]) -> Point {
    let Some(&origin) = points.first() else {
        return [0.0; 3];
    };
    let mut n = [0.0; 3];
    for (i, p) in points.iter().enumerate() {
        let a = sub(*p, origin);
        let b = sub(points[(i + 1) % points.len()], origin);
        // Newell's sums, one edge at a time.
        n[0] += (a[1] - b[1]) * (a[2] + b[2]);
        n[1] += (a[2] - b[2]) * (a[0] + b[0]);
        n[2] += (a[0] - b[0]) * (a[1] + b[1]);
    }
    [n[0] / 2.0, n[1] / 2.0, n[2] / 2.0]
}

/// The sum of some areas, starting from +0 (`Iterator::sum` of nothing is −0.0, which would show as
/// "-0.0 m²" and a WWR of −0).
pub(crate) fn total(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, |a, b| a + b)
}

/// A measured polygon, in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Polygon {
    /// Area vector (outward normal × area), m².
    pub vector: Point,
    /// Area, m².
    pub area_m2: f64,
}

/// Measures a loop given in a unit of `length_m` metres; `None` when degenerate (fewer than 3 points, a
/// non-finite result, an area below [`DEGENERATE_AREA_M2`] or above [`MAX_AREA_M2`]).
pub(crate) fn polygon(points: &[Point], length_m: f64) -> Option<Polygon> {
    if points.len() < 3 {
        return None;
    }
    let s = length_m * length_m;
    let v = area_vector(points);
    let vector = [v[0] * s, v[1] * s, v[2] * s];
    let area_m2 = norm(vector);
    (DEGENERATE_AREA_M2..=MAX_AREA_M2)
        .contains(&area_m2)
        .then_some(Polygon { vector, area_m2 })
}

/// Azimuth of a normal, degrees clockwise from the model's +Y axis in [0, 360) (+X = 90°); `None` when the
/// normal has no horizontal part.
pub(crate) fn azimuth_deg(n: Point) -> Option<f64> {
    let horizontal = n[0].hypot(n[1]);
    // Written so that a NaN normal also has no azimuth.
    if horizontal.partial_cmp(&(MIN_HORIZONTAL_NORMAL * norm(n)))
        != Some(std::cmp::Ordering::Greater)
    {
        return None;
    }
    crate::model::normalize_azimuth(n[0].atan2(n[1]).to_degrees())
}

/// Volume enclosed by closed loops (divergence theorem: V = ⅓ Σ c·A over the faces, c the vertex mean of a
/// face, A its area vector), in the file's length unit cubed. Each face comes with its orientation sign (+1
/// when its normal points out). Points are taken relative to the first point of the first face, so large
/// coordinates keep their precision. The absolute value is returned, so a shell wound inside out still
/// measures right.
pub(crate) fn shell_volume<'a>(faces: impl IntoIterator<Item = (&'a [Point], f64)>) -> f64 {
    let mut origin: Option<Point> = None;
    let mut sum = 0.0;
    for (points, sign) in faces {
        if points.len() < 3 {
            continue;
        }
        let o = *origin.get_or_insert(points[0]);
        let rel: Vec<Point> = points.iter().map(|p| sub(*p, o)).collect();
        let a = area_vector(&rel);
        let k = 1.0 / rel.len() as f64;
        let c = rel.iter().fold([0.0; 3], |acc, p| {
            [acc[0] + p[0] * k, acc[1] + p[1] * k, acc[2] + p[2] * k]
        });
        sum += sign * (c[0] * a[0] + c[1] * a[1] + c[2] * a[2]);
    }
    (sum / 3.0).abs()
}

/// Plan area of a closed shell (its floor), in the file's length unit squared: half the sum of the faces'
/// vertical projections, since every vertical line through the space crosses a floor and a ceiling. This does
/// not depend on how the faces are wound.
pub(crate) fn shell_floor_area<'a>(faces: impl IntoIterator<Item = &'a [Point]>) -> f64 {
    total(faces.into_iter().map(|points| area_vector(points)[2].abs())) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_factors_are_the_exact_definitions() {
        let ft = Dimension::Length.unit("Feet").unwrap();
        assert_eq!(ft.factor, 0.3048);
        assert_eq!(Dimension::Length.unit("feet").unwrap().name, "Feet");
        // 0.3048² = 0.09290304 and 0.3048³ = 0.028316846592 exactly in decimal; f64 rounds once or twice.
        let sqft = Dimension::Area.unit("SquareFeet").unwrap().factor;
        assert!((sqft - 0.09290304).abs() < 1e-17);
        let cuft = Dimension::Volume.unit("CubicFeet").unwrap().factor;
        assert!((cuft - 0.028316846592).abs() < 1e-17);
        assert_eq!(Dimension::Volume.unit("CubicMeters").unwrap().factor, 1.0);
        assert!((Dimension::Area.unit("SquareInches").unwrap().factor - 0.00064516).abs() < 1e-19);
        assert!((Dimension::Length.unit("Miles").unwrap().factor - 1609.344).abs() < 1e-12);
        assert_eq!(Dimension::Length.unit("Furlongs"), None);
        assert_eq!(Dimension::Area.unit("Feet"), None);
        assert_eq!(Dimension::Volume.si().name, "CubicMeters");
    }

    #[test]
    fn btu_u_value() {
        // ASHRAE Fundamentals: 1 Btu/(h·ft²·°F) = 5.678 263 W/(m²·K).
        assert!((BTU_PER_HOUR_SQUARE_FOOT_F - 5.678263).abs() < 1e-6);
        assert_eq!(u_value_si(0.5, Some("WPerSquareMeterK")), Some(0.5));
        assert_eq!(u_value_si(0.5, None), Some(0.5));
        assert_eq!(u_value_si(0.5, Some("furlongs")), None);
    }

    #[test]
    fn rectangle_area_and_normal() {
        // 10 m × 3 m wall on y = 0, wound counter-clockwise seen from the south: normal −Y, azimuth 180°.
        let wall = [
            [0.0, 0.0, 0.0],
            [10.0, 0.0, 0.0],
            [10.0, 0.0, 3.0],
            [0.0, 0.0, 3.0],
        ];
        let p = polygon(&wall, 1.0).unwrap();
        assert_eq!(p.area_m2, 30.0);
        assert_eq!(azimuth_deg(p.vector), Some(180.0));
        // Same wall in feet: 30 ft² × 0.09290304.
        let p = polygon(&wall, 0.3048).unwrap();
        assert!((p.area_m2 - 30.0 * 0.09290304).abs() < 1e-12);
        // Far from the origin the area is still exact.
        let far: Vec<Point> = wall
            .iter()
            .map(|q| [q[0] + 4.0e6, q[1] + 3.0e6, q[2]])
            .collect();
        assert_eq!(polygon(&far, 1.0).unwrap().area_m2, 30.0);
    }

    #[test]
    fn degenerate_polygons() {
        assert_eq!(polygon(&[[0.0; 3], [1.0, 0.0, 0.0]], 1.0), None);
        // Collinear.
        let line = [[0.0; 3], [1.0, 0.0, 0.0], [2.0, 0.0, 0.0]];
        assert_eq!(polygon(&line, 1.0), None);
        let nan = [[0.0; 3], [1.0, 0.0, 0.0], [1.0, f64::NAN, 1.0]];
        assert_eq!(polygon(&nan, 1.0), None);
        let huge = [[0.0; 3], [1e300, 0.0, 0.0], [1e300, 1e300, 0.0]];
        assert_eq!(polygon(&huge, 1.0), None);
        // 100 km × 100 km = 1e10 m²: broken coordinates, not a building.
        let vast = [[0.0; 3], [1e5, 0.0, 0.0], [1e5, 1e5, 0.0], [0.0, 1e5, 0.0]];
        assert_eq!(polygon(&vast, 1.0), None);
        // A horizontal roof has no azimuth.
        assert_eq!(azimuth_deg([0.0, 0.0, 5.0]), None);
        assert_eq!(azimuth_deg([1e-9, 0.0, 5.0]), None);
    }

    #[test]
    fn azimuths_clockwise_from_y() {
        assert_eq!(azimuth_deg([0.0, 1.0, 0.0]), Some(0.0));
        assert_eq!(azimuth_deg([1.0, 0.0, 0.0]), Some(90.0));
        assert_eq!(azimuth_deg([-1.0, 0.0, 0.0]), Some(270.0));
        let a = azimuth_deg([1.0, 1.0, 0.0]).unwrap();
        assert!((a - 45.0).abs() < 1e-12);
    }

    fn cube(side: f64, offset: f64) -> Vec<Vec<Point>> {
        let p = |x: f64, y: f64, z: f64| [x * side + offset, y * side + offset, z * side];
        vec![
            // Bottom (normal −Z), top (+Z), then the four sides, each counter-clockwise seen from outside.
            vec![p(0., 0., 0.), p(0., 1., 0.), p(1., 1., 0.), p(1., 0., 0.)],
            vec![p(0., 0., 1.), p(1., 0., 1.), p(1., 1., 1.), p(0., 1., 1.)],
            vec![p(0., 0., 0.), p(1., 0., 0.), p(1., 0., 1.), p(0., 0., 1.)],
            vec![p(1., 0., 0.), p(1., 1., 0.), p(1., 1., 1.), p(1., 0., 1.)],
            vec![p(1., 1., 0.), p(0., 1., 0.), p(0., 1., 1.), p(1., 1., 1.)],
            vec![p(0., 1., 0.), p(0., 0., 0.), p(0., 0., 1.), p(0., 1., 1.)],
        ]
    }

    #[test]
    fn cube_volume_and_floor() {
        let faces = cube(3.0, 0.0);
        let it = || faces.iter().map(|f| (f.as_slice(), 1.0));
        assert!((shell_volume(it()) - 27.0).abs() < 1e-12);
        assert!((shell_floor_area(faces.iter().map(Vec::as_slice)) - 9.0).abs() < 1e-12);
        // Inside out: same volume.
        let inv = || faces.iter().map(|f| (f.as_slice(), -1.0));
        assert!((shell_volume(inv()) - 27.0).abs() < 1e-12);
        // Far from the origin.
        let far = cube(3.0, 5.0e5);
        let v = shell_volume(far.iter().map(|f| (f.as_slice(), 1.0)));
        assert!((v - 27.0).abs() < 1e-6, "{v}");
    }
}
