//! The building model: both geometry modes normalised to one set of areas and surfaces,
//! with orientation classes (GB 55015 Appendix B.0.5) and the building class.

use serde::{Deserialize, Serialize};
use std::fmt;

pub use crate::columns::gb55015::{BuildingClass, Orientation};
use crate::limits::{Criteria, Interval};
use crate::project::{ErrorKind, Geometry, Project, ProjectError};

// `Orientation` and `BuildingClass` are defined in `crate::columns` (shared with build.rs, which
// parses them in the limits table); their labels are in `crate::labels`.

/// One orientation sector: azimuths (clockwise from north, in [0, 360)) in `range` belong to `orientation`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sector {
    /// Orientation class.
    pub orientation: Orientation,
    /// Azimuth range with its inclusive/exclusive edges.
    pub range: Interval,
}

const fn sector(
    orientation: Orientation,
    lower: f64,
    lower_inclusive: bool,
    upper: f64,
    upper_inclusive: bool,
) -> Sector {
    Sector {
        orientation,
        range: Interval {
            lower,
            lower_inclusive,
            upper,
            upper_inclusive,
        },
    }
}

/// GB 55015-2021 Appendix B.0.5 [T]: North = (300, 360) ∪ [0, 60); East = [60, 150);
/// South = [150, 210]; West = (210, 300].
pub const SECTORS_B05: [Sector; 5] = [
    sector(Orientation::N, 0.0, true, 60.0, false),
    sector(Orientation::E, 60.0, true, 150.0, false),
    sector(Orientation::S, 150.0, true, 210.0, true),
    sector(Orientation::W, 210.0, false, 300.0, true),
    sector(Orientation::N, 300.0, false, 360.0, false),
];

/// Normalises an azimuth to [0, 360); `None` for non-finite input.
pub fn normalize_azimuth(deg: f64) -> Option<f64> {
    if !deg.is_finite() {
        return None;
    }
    let a = deg.rem_euclid(360.0);
    // rem_euclid of a tiny negative number rounds to exactly 360.
    Some(if a >= 360.0 { 0.0 } else { a })
}

/// Orientation class of an outward normal at `azimuth_deg` (any real; normalised mod 360).
pub fn orientation_of(azimuth_deg: f64) -> Option<Orientation> {
    let a = normalize_azimuth(azimuth_deg)?;
    SECTORS_B05
        .iter()
        .find(|s| s.range.contains(a))
        .map(|s| s.orientation)
}

/// Residential storey classes: "≤ 3 storeys" / "> 3 storeys" (GB 55015 tables 3.1.2, 3.1.8-5, 3.1.9-2) [T].
pub const RESIDENTIAL_LOW_RISE_MAX_STOREYS: u32 = 3;
/// Public 甲类: single building floor area above this, m² (GB 55015 B.0.1) [T].
pub const PUBLIC_A_MIN_FLOOR_AREA_M2: f64 = 300.0;

impl BuildingClass {
    /// Whether residential.
    pub fn is_residential(self) -> bool {
        matches!(
            self,
            BuildingClass::ResidentialLe3 | BuildingClass::ResidentialGt3
        )
    }

    /// Classifies by use, storeys and floor area (the group-of-buildings rule of B.0.1 is not modelled).
    pub fn classify(residential: bool, storeys: u32, floor_area_m2: f64) -> BuildingClass {
        match (residential, storeys <= RESIDENTIAL_LOW_RISE_MAX_STOREYS) {
            (true, true) => BuildingClass::ResidentialLe3,
            (true, false) => BuildingClass::ResidentialGt3,
            (false, _) if floor_area_m2 > PUBLIC_A_MIN_FLOOR_AREA_M2 => BuildingClass::PublicA,
            (false, _) => BuildingClass::PublicB,
        }
    }
}

impl fmt::Display for BuildingClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Kind of envelope surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurfaceKind {
    /// Opaque external wall.
    Wall,
    /// Window in a facade.
    Window,
    /// Opaque roof.
    Roof,
    /// Skylight / transparent roof.
    Skylight,
    /// Floor over outside air.
    FloorOverOutside,
}

/// One envelope surface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Surface {
    /// Kind.
    pub kind: SurfaceKind,
    /// Facade name for walls and windows.
    pub facade: Option<String>,
    /// Outward normal azimuth, degrees clockwise from north (None for horizontal surfaces).
    pub azimuth_deg: Option<f64>,
    /// Tilt from horizontal facing up: roof 0°, wall 90°, floor facing down 180°.
    pub tilt_deg: f64,
    /// Area, m².
    pub area_m2: f64,
    /// U (K), W/(m²·K), if given.
    pub u: Option<f64>,
    /// SHGC for transparent surfaces, if given.
    pub shgc: Option<f64>,
}

/// One facade of the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facade {
    /// Name (A–D or the CAD name).
    pub name: String,
    /// Outward normal, normalised to [0, 360).
    pub azimuth_deg: f64,
    /// Orientation class.
    pub orientation: Orientation,
    /// Gross wall area including windows, m².
    pub gross_area_m2: f64,
    /// WWR, if given.
    pub wwr: Option<f64>,
    /// Window U in force (facade override, else envelope).
    pub window_u: Option<f64>,
    /// Window SHGC in force.
    pub window_shgc: Option<f64>,
    /// Field path of the window U in force (for suggestions).
    pub window_u_path: String,
    /// Field path of the window SHGC in force.
    pub window_shgc_path: String,
}

impl Facade {
    /// Window area, m² (None when WWR is not given).
    pub fn window_area_m2(&self) -> Option<f64> {
        self.wwr.map(|w| w * self.gross_area_m2)
    }
}

/// The normalised building.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Building {
    /// Climate zone key (from the city).
    pub zone: String,
    /// Building class.
    pub class: BuildingClass,
    /// Storeys.
    pub storeys: u32,
    /// Floor area, m².
    pub floor_area_m2: f64,
    /// Heated volume V0, m³.
    pub volume_m3: f64,
    /// Envelope area F0 (facades + roof), m².
    pub envelope_area_m2: f64,
    /// Roof area, m².
    pub roof_area_m2: f64,
    /// Shape factor F0/V0 in force (override if given), 1/m.
    pub shape_factor: f64,
    /// Whether `shape_factor` is the project's override.
    pub shape_factor_overridden: bool,
    /// Facades in geometry order.
    pub facades: Vec<Facade>,
    /// Envelope surfaces.
    pub surfaces: Vec<Surface>,
}

fn overflow() -> ProjectError {
    ProjectError {
        path: "geometry".into(),
        kind: ErrorKind::Overflow,
    }
}

impl Building {
    /// The limit-lookup criteria of the whole building (zone, class, shape factor, floor area); a facade's
    /// checks add its orientation and WWR.
    pub fn criteria(&self) -> Criteria<'_> {
        Criteria {
            zone: &self.zone,
            class: self.class,
            orientation: None,
            wwr: None,
            shape_factor: Some(self.shape_factor),
            floor_area_m2: Some(self.floor_area_m2),
        }
    }

    /// Builds the model of a validated project ([`Project::validate`]); still rejects non-finite derived
    /// values, so a project built in code with values out of range gives an error, never a panic.
    pub fn from_project(p: &Project) -> Result<Building, ProjectError> {
        let zone = crate::city::zone_of(&p.city).ok_or(ProjectError {
            path: "city".into(),
            kind: ErrorKind::UnknownCity,
        })?;
        let height = f64::from(p.storeys) * p.storey_height_m.unwrap_or(f64::NAN);
        let (floor_area, volume, roof, raw_facades): (f64, f64, f64, Vec<(String, f64, f64)>) =
            match &p.geometry {
                Geometry::Box {
                    length_m,
                    depth_m,
                    orientation_deg,
                } => {
                    let sides = [*length_m, *depth_m, *length_m, *depth_m];
                    let facades = ["A", "B", "C", "D"]
                        .iter()
                        .zip(sides)
                        .zip([0.0, 90.0, 180.0, 270.0])
                        .map(|((n, side), turn)| {
                            ((*n).to_owned(), orientation_deg + turn, side * height)
                        })
                        .collect();
                    let footprint = length_m * depth_m;
                    (
                        footprint * f64::from(p.storeys),
                        footprint * height,
                        footprint,
                        facades,
                    )
                }
                Geometry::Areas {
                    floor_area_m2,
                    volume_m3,
                    roof_area_m2,
                    facades,
                    north_offset_deg,
                } => (
                    *floor_area_m2,
                    *volume_m3,
                    *roof_area_m2,
                    facades
                        .iter()
                        .map(|f| {
                            let az = f.azimuth_deg + north_offset_deg.unwrap_or(0.0);
                            (f.name.clone(), az, f.wall_area_m2)
                        })
                        .collect(),
                ),
            };
        let facade_sum: f64 = raw_facades.iter().map(|f| f.2).sum();
        let envelope = facade_sum + roof;
        let computed_sf = envelope / volume;
        let shape_factor = p.envelope.shape_factor.unwrap_or(computed_sf);
        let all = [floor_area, volume, roof, envelope, shape_factor];
        if all.iter().any(|x| !x.is_finite()) || volume <= 0.0 || floor_area <= 0.0 {
            return Err(overflow());
        }
        let env = &p.envelope;
        let mut facades = Vec::with_capacity(raw_facades.len());
        let mut surfaces = Vec::new();
        for (name, az, gross) in raw_facades {
            let azimuth = normalize_azimuth(az).ok_or_else(overflow)?;
            let orientation = orientation_of(azimuth).ok_or_else(overflow)?;
            let input = p.facades.get(&name).cloned().unwrap_or_default();
            let (window_u, window_u_path) = match input.window_u {
                Some(u) => (Some(u), format!("facades.{name}.window_u")),
                None => (env.window_u, "envelope.window_u".to_owned()),
            };
            let (window_shgc, window_shgc_path) = match input.window_shgc {
                Some(g) => (Some(g), format!("facades.{name}.window_shgc")),
                None => (env.window_shgc, "envelope.window_shgc".to_owned()),
            };
            let window_area = input.wwr.unwrap_or(0.0) * gross;
            surfaces.push(Surface {
                kind: SurfaceKind::Wall,
                facade: Some(name.clone()),
                azimuth_deg: Some(azimuth),
                tilt_deg: 90.0,
                area_m2: gross - window_area,
                u: env.wall_u,
                shgc: None,
            });
            if window_area > 0.0 {
                surfaces.push(Surface {
                    kind: SurfaceKind::Window,
                    facade: Some(name.clone()),
                    azimuth_deg: Some(azimuth),
                    tilt_deg: 90.0,
                    area_m2: window_area,
                    u: window_u,
                    shgc: window_shgc,
                });
            }
            facades.push(Facade {
                name,
                azimuth_deg: azimuth,
                orientation,
                gross_area_m2: gross,
                wwr: input.wwr,
                window_u,
                window_shgc,
                window_u_path,
                window_shgc_path,
            });
        }
        let skylight_area = env.skylight_ratio.unwrap_or(0.0) * roof;
        surfaces.push(Surface {
            kind: SurfaceKind::Roof,
            facade: None,
            azimuth_deg: None,
            tilt_deg: 0.0,
            area_m2: roof - skylight_area,
            u: env.roof_u,
            shgc: None,
        });
        if skylight_area > 0.0 {
            surfaces.push(Surface {
                kind: SurfaceKind::Skylight,
                facade: None,
                azimuth_deg: None,
                tilt_deg: 0.0,
                area_m2: skylight_area,
                u: env.skylight_u,
                shgc: env.skylight_shgc,
            });
        }
        if let Some(area) = env.floor_over_outside_area_m2.filter(|a| *a > 0.0) {
            surfaces.push(Surface {
                kind: SurfaceKind::FloorOverOutside,
                facade: None,
                azimuth_deg: None,
                tilt_deg: 180.0,
                area_m2: area,
                u: env.floor_over_outside_u,
                shgc: None,
            });
        }
        Ok(Building {
            zone: zone.to_owned(),
            class: BuildingClass::classify(p.building_use.is_residential(), p.storeys, floor_area),
            storeys: p.storeys,
            floor_area_m2: floor_area,
            volume_m3: volume,
            envelope_area_m2: envelope,
            roof_area_m2: roof,
            shape_factor,
            shape_factor_overridden: p.envelope.shape_factor.is_some(),
            facades,
            surfaces,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Template;

    #[test]
    fn sector_edges() {
        use Orientation::*;
        let cases = [
            (0.0, N),
            (360.0, N),
            (-0.0, N),
            (59.999, N),
            (60.0, E),
            (60.001, E),
            (149.999, E),
            (150.0, S),
            (150.001, S),
            (209.999, S),
            (210.0, S),
            (210.001, W),
            (299.999, W),
            (300.0, W),
            (300.001, N),
            (359.999, N),
            (-0.001, N),
            (-60.0, W),
            (420.0, E),
            (720.0 + 210.0, S),
            (-1e-20, N),
        ];
        for (az, o) in cases {
            assert_eq!(orientation_of(az), Some(o), "azimuth {az}");
        }
        assert_eq!(orientation_of(f64::NAN), None);
        assert_eq!(orientation_of(f64::INFINITY), None);
    }

    #[test]
    fn classes_at_edges() {
        use BuildingClass::*;
        assert_eq!(BuildingClass::classify(true, 3, 1e6), ResidentialLe3);
        assert_eq!(BuildingClass::classify(true, 4, 10.0), ResidentialGt3);
        assert_eq!(BuildingClass::classify(false, 1, 300.0), PublicB);
        assert_eq!(BuildingClass::classify(false, 1, 300.001), PublicA);
        for c in BuildingClass::ALL {
            assert_eq!(BuildingClass::from_key(c.key()), Some(c));
        }
    }

    #[test]
    fn box_model_hand_computed() {
        // 60 × 12, 18 × 2.9 = 52.2 m: floor 12960 m², V0 37584 m³, F0 = 2·72·52.2 + 720 = 8236.8 m².
        let p = Project::template(Template::ResidentialHighRise).unwrap();
        let b = Building::from_project(&p).unwrap();
        assert_eq!(b.class, BuildingClass::ResidentialGt3);
        assert!((b.floor_area_m2 - 12960.0).abs() < 1e-9);
        assert!((b.volume_m3 - 37584.0).abs() < 1e-6);
        assert!((b.envelope_area_m2 - 8236.8).abs() < 1e-6);
        assert!((b.shape_factor - 0.219157).abs() < 1e-6);
        let a = &b.facades[0];
        assert_eq!((a.name.as_str(), a.orientation), ("A", Orientation::S));
        assert!((a.gross_area_m2 - 3132.0).abs() < 1e-9);
        assert!((a.window_area_m2().unwrap() - 1409.4).abs() < 1e-9);
        let orient: Vec<_> = b.facades.iter().map(|f| f.orientation).collect();
        use Orientation::*;
        assert_eq!(orient, vec![S, W, N, E]);
        let wall_sum: f64 = b
            .surfaces
            .iter()
            .filter(|s| matches!(s.kind, SurfaceKind::Wall | SurfaceKind::Window))
            .map(|s| s.area_m2)
            .sum();
        assert!((wall_sum - (8236.8 - 720.0)).abs() < 1e-6);
        assert_eq!(
            crate::geometry::box_shape_factor(60.0, 12.0, 18, 2.9),
            Some(b.shape_factor)
        );
    }

    #[test]
    fn areas_model_and_override() {
        let text = r#"{"format":"greencheck/1","use":"office","storeys":2,
          "geometry":{"mode":"areas","floor_area_m2":500,"volume_m3":2000,"roof_area_m2":250,
            "facades":[{"name":"front","azimuth_deg":-30,"wall_area_m2":150},
                       {"name":"back","azimuth_deg":150,"wall_area_m2":150}]},
          "facades":{"front":{"wwr":0.2}},
          "envelope":{"skylight_ratio":0.1,"skylight_u":2.0}}"#;
        let p = Project::from_json(text).unwrap();
        let b = Building::from_project(&p).unwrap();
        // F0 = 150 + 150 + 250 = 550; sf = 550 / 2000 = 0.275
        assert!((b.shape_factor - 0.275).abs() < 1e-12);
        assert_eq!(b.class, BuildingClass::PublicA);
        assert_eq!(b.facades[0].azimuth_deg, 330.0);
        assert_eq!(b.facades[0].orientation, Orientation::N);
        assert_eq!(b.facades[1].orientation, Orientation::S);
        let sky = b
            .surfaces
            .iter()
            .find(|s| s.kind == SurfaceKind::Skylight)
            .unwrap();
        assert!((sky.area_m2 - 25.0).abs() < 1e-12);
        let mut p2 = p.clone();
        p2.envelope.shape_factor = Some(0.31);
        let b2 = Building::from_project(&p2).unwrap();
        assert_eq!((b2.shape_factor, b2.shape_factor_overridden), (0.31, true));
    }

    #[test]
    fn north_offset_rotates_every_facade() {
        let text = r#"{"format":"greencheck/1","use":"office","storeys":2,
          "geometry":{"mode":"areas","floor_area_m2":500,"volume_m3":2000,"roof_area_m2":250,
            "north_offset_deg":40,
            "facades":[{"name":"front","azimuth_deg":170,"wall_area_m2":150},
                       {"name":"side","azimuth_deg":340,"wall_area_m2":150}]}}"#;
        let p = Project::from_json(text).unwrap();
        let b = Building::from_project(&p).unwrap();
        // 170 + 40 = 210 (still south: B.0.5 closes the south sector at 210); 340 + 40 = 380 → 20, north.
        assert_eq!(b.facades[0].azimuth_deg, 210.0);
        assert_eq!(b.facades[0].orientation, Orientation::S);
        assert_eq!(b.facades[1].azimuth_deg, 20.0);
        assert_eq!(b.facades[1].orientation, Orientation::N);
        let bad = text.replace("\"north_offset_deg\":40", "\"north_offset_deg\":\"x\"");
        // serde reports type errors inside the tagged geometry at `geometry`.
        assert!(Project::from_json(&bad)
            .unwrap_err()
            .path
            .starts_with("geometry"));
        let mut p = p.clone();
        if let Geometry::Areas {
            north_offset_deg, ..
        } = &mut p.geometry
        {
            *north_offset_deg = Some(f64::NAN);
        }
        assert_eq!(p.validate().unwrap_err().path, "geometry.north_offset_deg");
    }
}
