//! gbXML import: a building model exported from Revit, ArchiCAD, OpenStudio or Honeybee becomes a
//! `greencheck/1` project in measured-areas mode, with an [`ImportSummary`] that says in Chinese and English
//! what was read, what was ignored and why, and where each value came from.
//!
//! The mapping (documented in `docs/gbxml-import.md`):
//! - `ExteriorWall` surfaces → facades, grouped by outward normal ([`FACADE_MERGE_TOLERANCE_DEG`], never
//!   across a GB 55015 B.0.5 sector edge), named `S-1`, `E-2`, …; gross area from `PlanarGeometry` (Newell),
//!   openings included; `wwr` = glazed openings / gross area, full precision.
//! - `Roof` → `roof_area_m2`; glazed openings in roofs → `envelope.skylight_ratio`.
//! - `RaisedFloor` / `ExposedFloor` → `envelope.floor_over_outside_area_m2`.
//! - `Space/Area`, `Space/Volume` (or the space's closed shell / bounding surfaces) → floor area and volume.
//! - `BuildingStorey` count (or the spaces' distinct floor levels) → `storeys`.
//! - `Campus/Location/CADModelAzimuth` → `geometry.north_offset_deg` (facade azimuths stay in the model frame).
//! - U-values and SHGC of the `Construction`s / `WindowType`s / `Opening`s → envelope values, area-weighted.
//!
//! Pure: bytes in, project out; a failed import returns an [`ImportError`] and never a partial project.

mod facades;
mod geometry;
mod summary;
mod xml;

use std::collections::{BTreeMap, HashMap};

use serde_json::Map;

use crate::project::{
    AreaFacade, ErrorKind, FacadeInput, Geometry, Project, ProjectError, Use, FORMAT,
};
pub use facades::FACADE_MERGE_TOLERANCE_DEG;
use geometry::{Dimension, Point, Polygon};
pub use summary::{
    BuildingUse, EnvelopeValue, Facade, Ignored, ImportSummary, Line, North, Note, Read, Reason,
    Source, StoreySource, Storeys, SummaryView, Tally, Units, SUMMARY_FORMAT, SUMMARY_KEY,
};
pub use xml::{XmlProblem, MAX_DEPTH};

/// Largest file accepted, bytes (64 MiB; a 20-storey Revit export is a few MB).
pub const MAX_GBXML_BYTES: usize = 64 * 1024 * 1024;

/// Spaces whose floors lie within this many metres of each other are on one storey (used only when the file
/// has no `BuildingStorey`).
pub const STOREY_LEVEL_TOLERANCE_M: f64 = 1.0;

/// The largest WWR the project format accepts (it requires WWR < 1): used for a fully glazed facade.
pub const MAX_WWR: f64 = 1.0 - f64::EPSILON / 2.0;

/// How [`is_gbxml`] looks for the root element: this many bytes at most.
const SNIFF_BYTES: usize = 64 * 1024;

/// What to import with. `Default` = no base project, everything from the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// File name for the summary (e.g. `model.xml`); also the project name when nothing better is known.
    pub source_name: String,
    /// A project whose name, city, use, envelope values (where the file has none), assumptions, PV and
    /// green-rating inputs and other sections are kept. Its geometry and facades are replaced.
    pub base: Option<Project>,
    /// Building use; overrides the file's `buildingType` and the base project's use.
    pub building_use: Option<Use>,
    /// Storeys; overrides the file.
    pub storeys: Option<u32>,
    /// North rotation, degrees clockwise from true north to the model's +Y axis; overrides `CADModelAzimuth`.
    pub north_offset_deg: Option<f64>,
}

/// A successful import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The validated project; its `extra["import"]` holds the summary as JSON.
    pub project: Project,
    /// The summary.
    pub summary: ImportSummary,
}

/// What a file that is not gbXML looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotGbxmlHint {
    /// JSON (perhaps a greencheck project: open it as one).
    Json,
    /// XML with another root element.
    OtherXml(String),
    /// Anything else.
    Unknown,
}

/// Why a file could not be imported. Messages in Chinese and English.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message_en())]
pub enum ImportError {
    /// Larger than [`MAX_GBXML_BYTES`].
    TooLarge {
        /// File size, bytes.
        bytes: usize,
    },
    /// Not UTF-8 or UTF-16 text.
    Encoding {
        /// What and where, Chinese.
        detail_zh: String,
        /// What and where, English.
        detail_en: String,
    },
    /// The file ends early.
    Truncated {
        /// Line where it ends (1-based).
        line: usize,
    },
    /// Not well-formed XML.
    Malformed {
        /// Line (1-based).
        line: usize,
        /// What is wrong there.
        problem: XmlProblem,
    },
    /// Not a gbXML document.
    NotGbxml(NotGbxmlHint),
    /// A `lengthUnit` / `areaUnit` / `volumeUnit` the schema does not define.
    UnknownUnit {
        /// The attribute.
        attribute: &'static str,
        /// Its value.
        value: String,
    },
    /// No usable `ExteriorWall`.
    NoExteriorWalls,
    /// No `Space`.
    NoSpaces,
    /// The spaces add up to no floor area.
    NoFloorArea,
    /// The spaces add up to no volume.
    NoVolume,
    /// An option or the resulting project is invalid.
    Invalid(ProjectError),
}

impl ImportError {
    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            ImportError::TooLarge { bytes } => format!(
                "文件过大：{:.1} MiB，上限 {} MiB",
                *bytes as f64 / 1048576.0,
                MAX_GBXML_BYTES / 1048576
            ),
            ImportError::Encoding { detail_zh, .. } => {
                format!("文件编码无效：{detail_zh}；请另存为 UTF-8 或 UTF-16")
            }
            ImportError::Truncated { line } => format!("文件已截断（第 {line} 行）"),
            ImportError::Malformed { line, problem } => {
                format!("XML 格式错误（第 {line} 行）：{}", problem.message_zh())
            }
            ImportError::NotGbxml(hint) => match hint {
                NotGbxmlHint::Json => {
                    "这不是 gbXML 文件（这是 JSON，如是 greencheck 项目文件请用“打开”）".into()
                }
                NotGbxmlHint::OtherXml(root) => {
                    format!("这不是 gbXML 文件（根元素是 <{root}>，不是 <gbXML>）")
                }
                NotGbxmlHint::Unknown => "这不是 gbXML 文件".into(),
            },
            ImportError::UnknownUnit { attribute, value } => {
                format!("无法识别的单位：{attribute}=\"{value}\"")
            }
            ImportError::NoExteriorWalls => "文件中没有外墙".into(),
            ImportError::NoSpaces => "文件中没有空间（Space），无法得到建筑面积和体积".into(),
            ImportError::NoFloorArea => "文件中的空间没有面积".into(),
            ImportError::NoVolume => "文件中的空间没有体积".into(),
            ImportError::Invalid(e) => format!("导入结果无效：{}：{}", e.path, e.message_zh()),
        }
    }

    /// Message in English.
    pub fn message_en(&self) -> String {
        match self {
            ImportError::TooLarge { bytes } => format!(
                "the file is too large: {:.1} MiB (limit {} MiB)",
                *bytes as f64 / 1048576.0,
                MAX_GBXML_BYTES / 1048576
            ),
            ImportError::Encoding { detail_en, .. } => {
                format!("invalid encoding: {detail_en}; save the file as UTF-8 or UTF-16")
            }
            ImportError::Truncated { line } => format!("the file is truncated (line {line})"),
            ImportError::Malformed { line, problem } => {
                format!("malformed XML (line {line}): {}", problem.message_en())
            }
            ImportError::NotGbxml(hint) => match hint {
                NotGbxmlHint::Json => {
                    "this is not a gbXML file (it is JSON; open a greencheck project with Open)"
                        .into()
                }
                NotGbxmlHint::OtherXml(root) => {
                    format!("this is not a gbXML file (its root element is <{root}>, not <gbXML>)")
                }
                NotGbxmlHint::Unknown => "this is not a gbXML file".into(),
            },
            ImportError::UnknownUnit { attribute, value } => {
                format!("unknown unit {attribute}=\"{value}\"")
            }
            ImportError::NoExteriorWalls => "the file has no exterior walls".into(),
            ImportError::NoSpaces => {
                "the file has no spaces (Space): floor area and volume cannot be measured".into()
            }
            ImportError::NoFloorArea => "the spaces in the file have no floor area".into(),
            ImportError::NoVolume => "the spaces in the file have no volume".into(),
            ImportError::Invalid(e) => {
                format!(
                    "the imported project is invalid: {}: {}",
                    e.path,
                    e.message_en()
                )
            }
        }
    }
}

fn not_gbxml(text: &str, root: Option<String>) -> ImportError {
    ImportError::NotGbxml(match root {
        Some(r) => NotGbxmlHint::OtherXml(r),
        None if text.trim_start().starts_with(['{', '[']) => NotGbxmlHint::Json,
        None => NotGbxmlHint::Unknown,
    })
}

/// Whether the bytes are a gbXML document: after a byte-order mark, the XML declaration, comments and
/// processing instructions, the root element is `gbXML` (any namespace prefix). Reads at most the first
/// 64 KiB, so it is cheap on large files; it does not check the rest.
pub fn is_gbxml(bytes: &[u8]) -> bool {
    let head = xml::decode_prefix(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    xml::root_name(&head).as_deref() == Some("gbXML")
}

/// `buildingTypeEnum` values of gbXML 6.01 that are public buildings without a closer greencheck use.
pub const OTHER_PUBLIC_TYPES: [&str; 24] = [
    "AutomotiveFacility",
    "ConventionCenter",
    "Courthouse",
    "DataCenter",
    "DiningBarLoungeOrLeisure",
    "DiningCafeteriaFastFood",
    "DiningFamily",
    "ExerciseCenter",
    "FireStation",
    "Gymnasium",
    "Library",
    "Manufacturing",
    "MotionPictureTheatre",
    "Museum",
    "ParkingGarage",
    "Penitentiary",
    "PerformingArtsTheater",
    "PoliceStation",
    "PostOffice",
    "ReligiousBuilding",
    "SportsArena",
    "TownHall",
    "Transportation",
    "Warehouse",
];

/// The greencheck use of a gbXML `buildingType` (schema 6.01 `buildingTypeEnum`), or `None` where there is no
/// clear match (`Unknown`, `Dormitory`, `Workshop`, anything not in the schema): then the base project's use or
/// the default (residential) applies. `SingleFamily`, `MultiFamily` → residential; `Office` → office; `Hotel`,
/// `Motel` → hotel; `Retail` → commercial; `HospitalOrHealthcare` → hospital; `SchoolOrUniversity` → school;
/// the other public types ([`OTHER_PUBLIC_TYPES`]) → other public building.
pub fn use_of_building_type(building_type: &str) -> Option<Use> {
    let t = building_type.trim();
    let is = |s: &str| t.eq_ignore_ascii_case(s);
    if is("SingleFamily") || is("MultiFamily") {
        Some(Use::Residential)
    } else if is("Office") {
        Some(Use::Office)
    } else if is("Hotel") || is("Motel") {
        Some(Use::Hotel)
    } else if is("Retail") {
        Some(Use::Commercial)
    } else if is("HospitalOrHealthcare") {
        Some(Use::Hospital)
    } else if is("SchoolOrUniversity") {
        Some(Use::School)
    } else if OTHER_PUBLIC_TYPES.iter().any(|o| is(o)) {
        Some(Use::OtherPublic)
    } else {
        None
    }
}

/// An area-weighted mean of one property over the surfaces of one kind. Sums deviations from the first value,
/// so surfaces that all carry one value give exactly that value back.
#[derive(Debug, Clone, Copy, Default)]
struct Weighted {
    first: Option<f64>,
    sum: f64,
    weight_with: f64,
    weight_all: f64,
    schematic: bool,
}

impl Weighted {
    fn add(&mut self, weight: f64, value: Option<(f64, bool)>) {
        if weight.is_nan() || weight <= 0.0 {
            return;
        }
        self.weight_all += weight;
        if let Some((v, schematic)) = value {
            let first = *self.first.get_or_insert(v);
            self.sum += (v - first) * weight;
            self.weight_with += weight;
            self.schematic |= schematic;
        }
    }

    fn mean(&self) -> Option<f64> {
        let first = self.first?;
        Some(first + self.sum / self.weight_with).filter(|v| v.is_finite())
    }

    fn coverage(&self) -> f64 {
        if self.weight_all > 0.0 {
            self.weight_with / self.weight_all
        } else {
            0.0
        }
    }
}

/// Surface kinds the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Wall,
    Roof,
    Floor,
}

fn surface_kind(t: Option<&str>) -> Result<Kind, Reason> {
    let t = t.unwrap_or("").trim();
    let is = |s: &str| t.eq_ignore_ascii_case(s);
    if is("ExteriorWall") {
        Ok(Kind::Wall)
    } else if is("Roof") {
        Ok(Kind::Roof)
    } else if is("RaisedFloor") || is("ExposedFloor") {
        Ok(Kind::Floor)
    } else if is("Shade") {
        Err(Reason::Shading)
    } else if is("InteriorWall") || is("InteriorFloor") || is("Ceiling") || is("Air") {
        Err(Reason::Interior)
    } else if is("SlabOnGrade")
        || is("UndergroundWall")
        || is("UndergroundSlab")
        || is("UndergroundCeiling")
    {
        Err(Reason::Ground)
    } else if is("FreestandingColumn") || is("EmbeddedColumn") {
        Err(Reason::Columns)
    } else {
        Err(Reason::UnknownSurfaceType)
    }
}

/// Opening kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpeningKind {
    /// `FixedWindow`, `OperableWindow`, `FixedSkylight`, `OperableSkylight`.
    Window,
    /// `SlidingDoor`: a glazed door.
    GlazedDoor,
    Door,
    Air,
    Unknown,
}

fn opening_kind(t: Option<&str>) -> OpeningKind {
    let t = t.unwrap_or("").trim();
    let is = |s: &str| t.eq_ignore_ascii_case(s);
    if is("FixedWindow") || is("OperableWindow") || is("FixedSkylight") || is("OperableSkylight") {
        OpeningKind::Window
    } else if is("SlidingDoor") {
        OpeningKind::GlazedDoor
    } else if is("NonSlidingDoor") {
        OpeningKind::Door
    } else if is("Air") {
        OpeningKind::Air
    } else {
        OpeningKind::Unknown
    }
}

/// Revit names curtain-wall hosts `Curtain Wall: …` and their panels `System Panel: …` (`CADObjectId`).
fn is_curtain_wall(host: &xml::RawSurface, opening: &xml::RawOpening) -> bool {
    let curtain = |s: &Option<String>| {
        s.as_deref()
            .is_some_and(|s| s.to_ascii_lowercase().contains("curtain"))
    };
    curtain(&host.cad_object)
        || curtain(&opening.cad_object)
        || opening
            .cad_object
            .as_deref()
            .is_some_and(|s| s.trim_start().starts_with("System Panel"))
}

fn valid_loop(l: &Option<xml::Loop>) -> Option<&[Point]> {
    l.as_ref().filter(|l| l.valid).map(|l| l.points.as_slice())
}

/// Looks up `Construction` / `WindowType` thermal data by id.
struct Types<'a> {
    constructions: HashMap<&'a str, &'a xml::Thermal>,
    window_types: HashMap<&'a str, &'a xml::Thermal>,
    unknown_unit: bool,
    centre_of_glass: bool,
}

impl<'a> Types<'a> {
    fn new(m: &'a xml::RawModel) -> Types<'a> {
        Types {
            constructions: m
                .constructions
                .iter()
                .map(|(id, t)| (id.as_str(), t))
                .collect(),
            window_types: m
                .window_types
                .iter()
                .map(|(id, t)| (id.as_str(), t))
                .collect(),
            unknown_unit: false,
            centre_of_glass: false,
        }
    }

    fn u_of(&mut self, t: &xml::Thermal) -> Option<(f64, bool)> {
        let q = t.u.as_ref()?;
        let v = q.value?;
        match geometry::u_value_si(v, q.unit.as_deref()) {
            Some(u) if u.is_finite() && u > 0.0 => Some((u, t.schematic)),
            Some(_) => None,
            None => {
                self.unknown_unit = true;
                None
            }
        }
    }

    /// SHGC at normal incidence (`solarIncidentAngle` 0, the rating condition), else the plain value.
    fn shgc_of(&mut self, t: &xml::Thermal) -> Option<(f64, bool)> {
        let pick = t
            .shgc
            .iter()
            .find(|s| s.angle == Some(0.0) && s.value.is_some())
            .or_else(|| {
                t.shgc
                    .iter()
                    .find(|s| s.angle.is_none() && s.value.is_some())
            })?;
        let v = pick.value?;
        let v = match pick.unit.as_deref().map(str::trim) {
            None | Some("") => v,
            Some(u) if u.eq_ignore_ascii_case("Fraction") => v,
            Some(u) if u.eq_ignore_ascii_case("Percent") => v / 100.0,
            Some(_) => {
                self.unknown_unit = true;
                return None;
            }
        };
        (0.0..=1.0).contains(&v).then_some((v, t.schematic))
    }

    fn surface_u(&mut self, s: &xml::RawSurface) -> Option<(f64, bool)> {
        let c = *self.constructions.get(s.construction.as_deref()?)?;
        self.u_of(c)
    }

    /// An opening's own U, else its WindowType's, else its Construction's.
    fn opening_u(&mut self, o: &xml::RawOpening) -> Option<(f64, bool)> {
        if let Some(u) = self.u_of(&o.thermal) {
            return Some(u);
        }
        if let Some(w) = o
            .window_type
            .as_deref()
            .and_then(|id| self.window_types.get(id).copied())
        {
            if let Some(u) = self.u_of(w) {
                return Some(u);
            }
        }
        let c = o
            .construction
            .as_deref()
            .and_then(|id| self.constructions.get(id).copied())?;
        self.u_of(c)
    }

    /// An opening's own (whole-window) SHGC, else its WindowType's (centre of glass).
    fn opening_shgc(&mut self, o: &xml::RawOpening) -> Option<(f64, bool)> {
        if let Some(g) = self.shgc_of(&o.thermal) {
            return Some(g);
        }
        let w = o
            .window_type
            .as_deref()
            .and_then(|id| self.window_types.get(id).copied())?;
        let g = self.shgc_of(w)?;
        self.centre_of_glass = true;
        Some(g)
    }
}

/// A value and whether its type is a schematic placeholder.
type Valued = Option<(f64, bool)>;

/// A glazed opening: area, whether a curtain-wall panel or glazed door, U, SHGC.
type Glazed = (f64, bool, Valued, Valued);

/// Measurements of the envelope surfaces.
#[derive(Default)]
struct Envelope {
    walls: Vec<facades::Wall>,
    roof_m2: f64,
    skylight_m2: f64,
    floor_m2: f64,
    wall_u: Weighted,
    roof_u: Weighted,
    window_u: Weighted,
    window_shgc: Weighted,
    skylight_u: Weighted,
    skylight_shgc: Weighted,
    floor_u: Weighted,
    clamped: bool,
}

fn add_ignored(ignored: &mut BTreeMap<u8, Ignored>, reason: Reason, area_m2: f64) {
    let e = ignored.entry(reason as u8).or_insert(Ignored {
        reason,
        count: 0,
        area_m2: 0.0,
    });
    e.count += 1;
    e.area_m2 += area_m2;
}

fn measure_envelope(
    m: &xml::RawModel,
    types: &mut Types<'_>,
    length_m: f64,
    read: &mut Read,
    ignored: &mut BTreeMap<u8, Ignored>,
) -> Envelope {
    let mut env = Envelope::default();
    let poly = |l: &Option<xml::Loop>| valid_loop(l).and_then(|p| geometry::polygon(p, length_m));
    let area_of = |l: &Option<xml::Loop>| poly(l).map_or(0.0, |p: Polygon| p.area_m2);
    for s in &m.surfaces {
        let kind = match surface_kind(s.surface_type.as_deref()) {
            Ok(k) => k,
            Err(reason) => {
                add_ignored(ignored, reason, area_of(&s.polygon));
                for _ in &s.openings {
                    add_ignored(ignored, Reason::OpeningsOfIgnoredSurfaces, 0.0);
                }
                continue;
            }
        };
        let Some(p) = poly(&s.polygon) else {
            add_ignored(ignored, Reason::Degenerate, 0.0);
            for _ in &s.openings {
                add_ignored(ignored, Reason::OpeningsOfIgnoredSurfaces, 0.0);
            }
            continue;
        };
        let azimuth = geometry::azimuth_deg(p.vector);
        if kind == Kind::Wall && azimuth.is_none() {
            add_ignored(ignored, Reason::FlatWalls, p.area_m2);
            for _ in &s.openings {
                add_ignored(ignored, Reason::OpeningsOfIgnoredSurfaces, 0.0);
            }
            continue;
        }
        let mut glazed: Vec<Glazed> = Vec::new();
        for o in &s.openings {
            let ok = opening_kind(o.opening_type.as_deref());
            if kind == Kind::Floor {
                add_ignored(ignored, Reason::FloorOpenings, area_of(&o.polygon));
                continue;
            }
            match ok {
                OpeningKind::Window | OpeningKind::GlazedDoor => match poly(&o.polygon) {
                    Some(op) => {
                        let curtain = ok == OpeningKind::GlazedDoor || is_curtain_wall(s, o);
                        glazed.push((
                            op.area_m2,
                            curtain,
                            types.opening_u(o),
                            types.opening_shgc(o),
                        ));
                    }
                    None => add_ignored(ignored, Reason::Degenerate, 0.0),
                },
                OpeningKind::Door => add_ignored(ignored, Reason::OpaqueDoors, area_of(&o.polygon)),
                OpeningKind::Air => add_ignored(ignored, Reason::AirOpenings, area_of(&o.polygon)),
                OpeningKind::Unknown => {
                    add_ignored(ignored, Reason::UnknownOpeningType, area_of(&o.polygon))
                }
            }
        }
        // Openings larger than their surface (overlaps, bad exports) count as the surface's area.
        let total = geometry::total(glazed.iter().map(|g| g.0));
        let scale = if total > p.area_m2 {
            env.clamped = true;
            p.area_m2 / total
        } else {
            1.0
        };
        let glass_m2 = total * scale;
        let opaque_m2 = (p.area_m2 - glass_m2).max(0.0);
        let surface_u = types.surface_u(s);
        match kind {
            Kind::Wall => {
                read.exterior_walls.add(p.area_m2);
                env.wall_u.add(opaque_m2, surface_u);
                for (a, curtain, u, g) in &glazed {
                    let a = a * scale;
                    if *curtain {
                        read.curtain_walls_glazed_doors.add(a);
                    } else {
                        read.windows.add(a);
                    }
                    env.window_u.add(a, *u);
                    env.window_shgc.add(a, *g);
                }
                env.walls.push(facades::Wall {
                    azimuth_deg: azimuth.unwrap_or(0.0),
                    gross_m2: p.area_m2,
                    window_m2: glass_m2,
                });
            }
            Kind::Roof => {
                read.roofs.add(p.area_m2);
                env.roof_m2 += p.area_m2;
                env.skylight_m2 += glass_m2;
                env.roof_u.add(opaque_m2, surface_u);
                for (a, _, u, g) in &glazed {
                    let a = a * scale;
                    read.skylights.add(a);
                    env.skylight_u.add(a, *u);
                    env.skylight_shgc.add(a, *g);
                }
            }
            Kind::Floor => {
                read.floors_over_outside.add(p.area_m2);
                env.floor_m2 += p.area_m2;
                env.floor_u.add(p.area_m2, surface_u);
            }
        }
    }
    env
}

/// Floor area, volume and floor level of each space, in metres.
struct SpaceMeasure {
    floor_m2: f64,
    volume_m3: f64,
    level_m: Option<f64>,
}

fn measure_spaces(
    m: &xml::RawModel,
    units: &Units,
    read: &mut Read,
    notes: &mut Vec<Note>,
) -> Vec<SpaceMeasure> {
    let l = units.length_m;
    // Bounding surfaces of each space, with the sign that makes their normal point out of it: the normal
    // points away from the first AdjacentSpaceId.
    let needs_bounds = m.spaces.iter().any(|s| {
        s.shell.is_empty() && (s.area.is_none() || s.volume.is_none() || s.outline.is_none())
    });
    let mut bounds: HashMap<&str, Vec<(&[Point], f64)>> = HashMap::new();
    if needs_bounds {
        for s in &m.surfaces {
            let Some(points) = valid_loop(&s.polygon) else {
                continue;
            };
            for (i, id) in s.adjacent.iter().take(2).enumerate() {
                let sign = if i == 0 { 1.0 } else { -1.0 };
                bounds.entry(id.as_str()).or_default().push((points, sign));
            }
        }
    }
    let mut out = Vec::with_capacity(m.spaces.len());
    for sp in &m.spaces {
        if sp.bad_number {
            notes.push(Note::BadSpaceNumber);
        }
        let shell: Vec<(&[Point], f64)> = sp
            .shell
            .iter()
            .filter(|l| l.valid)
            .map(|l| (l.points.as_slice(), 1.0))
            .collect();
        let faces: Vec<(&[Point], f64)> = if shell.is_empty() {
            sp.id
                .as_deref()
                .and_then(|id| bounds.get(id))
                .cloned()
                .unwrap_or_default()
        } else {
            shell
        };
        let floor_m2 = match sp.area.filter(|a| *a >= 0.0) {
            Some(a) => a * units.area_m2,
            None => {
                read.areas_from_geometry += 1;
                geometry::shell_floor_area(faces.iter().map(|f| f.0)) * l * l
            }
        };
        let volume_m3 = match sp.volume.filter(|v| *v >= 0.0) {
            Some(v) => v * units.volume_m3,
            None => {
                read.volumes_from_geometry += 1;
                geometry::shell_volume(faces.iter().copied()) * l * l * l
            }
        };
        // The floor level: the lowest point of the shell, else of the outline, else of the bounding surfaces.
        let lowest = |pts: &mut dyn Iterator<Item = &Point>| {
            pts.map(|p| p[2]).filter(|z| z.is_finite()).reduce(f64::min)
        };
        let level = lowest(
            &mut sp
                .shell
                .iter()
                .filter(|l| l.valid)
                .flat_map(|l| l.points.iter()),
        )
        .or_else(|| lowest(&mut valid_loop(&sp.outline).into_iter().flatten()))
        .or_else(|| lowest(&mut faces.iter().flat_map(|f| f.0.iter())));
        out.push(SpaceMeasure {
            floor_m2,
            volume_m3,
            level_m: level.map(|z| z * l),
        });
    }
    notes.dedup();
    out
}

/// Distinct floor levels: sorted, a new level whenever one lies more than the tolerance above the current one.
fn distinct_levels(levels: &mut [f64]) -> usize {
    levels.sort_by(f64::total_cmp);
    let mut count = 0;
    let mut current: Option<f64> = None;
    for z in levels.iter() {
        if current.map_or(true, |c| z - c > STOREY_LEVEL_TOLERANCE_M) {
            count += 1;
            current = Some(*z);
        }
    }
    count
}

fn invalid(path: &str, kind: ErrorKind) -> ImportError {
    ImportError::Invalid(ProjectError {
        path: path.into(),
        kind,
    })
}

fn unit(
    dim: Dimension,
    attribute: &'static str,
    value: &Option<String>,
    assumed: &mut Vec<String>,
) -> Result<geometry::Unit, ImportError> {
    match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => {
            assumed.push(attribute.to_owned());
            Ok(dim.si())
        }
        Some(v) => dim.unit(v).ok_or_else(|| ImportError::UnknownUnit {
            attribute,
            value: v.chars().take(64).collect(),
        }),
    }
}

/// Imports a gbXML file (its bytes, any supported encoding) as a `greencheck/1` project.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_GBXML_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    if options.north_offset_deg.is_some_and(|n| !n.is_finite()) {
        return Err(invalid("geometry.north_offset_deg", ErrorKind::NotFinite));
    }
    if options.storeys == Some(0) {
        return Err(invalid("storeys", ErrorKind::ZeroStoreys));
    }
    let (text, encoding) = xml::decode(bytes).map_err(|e| match e {
        // Bytes that are not text cannot be a gbXML file unless they start like one.
        xml::ReadError::Encoding { .. } if !is_gbxml(bytes) => not_gbxml("", None),
        e => read_error(e, ""),
    })?;
    let model = xml::read(&text).map_err(|e| read_error(e, &text))?;

    let mut assumed = Vec::new();
    let lu = unit(
        Dimension::Length,
        "lengthUnit",
        &model.length_unit,
        &mut assumed,
    )?;
    let au = unit(Dimension::Area, "areaUnit", &model.area_unit, &mut assumed)?;
    let vu = unit(
        Dimension::Volume,
        "volumeUnit",
        &model.volume_unit,
        &mut assumed,
    )?;
    let units = Units {
        length: lu.name.into(),
        length_m: lu.factor,
        area: au.name.into(),
        area_m2: au.factor,
        volume: vu.name.into(),
        volume_m3: vu.factor,
        assumed,
    };

    let cad = model.cad_model_azimuth.as_deref().map(|t| {
        t.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| t.chars().take(64).collect::<String>())
    });
    let north = match (options.north_offset_deg, cad) {
        (Some(n), _) => North {
            offset_deg: n,
            source: Source::Option,
            invalid_text: None,
        },
        (None, Some(Ok(n))) => North {
            offset_deg: n,
            source: Source::File,
            invalid_text: None,
        },
        (None, Some(Err(t))) => North {
            offset_deg: 0.0,
            source: Source::Default,
            invalid_text: Some(t),
        },
        (None, None) => North {
            offset_deg: 0.0,
            source: Source::Default,
            invalid_text: None,
        },
    };

    let mut read = Read {
        spaces: model.spaces.len(),
        building_storeys: model.storeys,
        ..Read::default()
    };
    let mut ignored = BTreeMap::new();
    let mut notes = Vec::new();
    let mut types = Types::new(&model);
    let env = measure_envelope(&model, &mut types, units.length_m, &mut read, &mut ignored);
    if env.walls.is_empty() {
        return Err(ImportError::NoExteriorWalls);
    }
    if model.spaces.is_empty() {
        return Err(ImportError::NoSpaces);
    }
    let spaces = measure_spaces(&model, &units, &mut read, &mut notes);
    read.floor_area_m2 = geometry::total(spaces.iter().map(|s| s.floor_m2));
    read.volume_m3 = geometry::total(spaces.iter().map(|s| s.volume_m3));
    if read.floor_area_m2.is_nan() || read.floor_area_m2 <= 0.0 {
        return Err(ImportError::NoFloorArea);
    }
    if read.volume_m3.is_nan() || read.volume_m3 <= 0.0 {
        return Err(ImportError::NoVolume);
    }

    let base = options.base.as_ref();
    let storeys = if let Some(n) = options.storeys {
        Storeys {
            count: n,
            source: StoreySource::Option,
        }
    } else if model.storeys > 0 {
        Storeys {
            count: u32::try_from(model.storeys).unwrap_or(u32::MAX),
            source: StoreySource::BuildingStorey,
        }
    } else {
        let mut levels: Vec<f64> = spaces.iter().filter_map(|s| s.level_m).collect();
        match distinct_levels(&mut levels) {
            0 => match base {
                Some(b) => Storeys {
                    count: b.storeys,
                    source: StoreySource::Base,
                },
                None => Storeys {
                    count: 1,
                    source: StoreySource::Default,
                },
            },
            n => Storeys {
                count: u32::try_from(n).unwrap_or(u32::MAX),
                source: StoreySource::SpaceLevels,
            },
        }
    };

    let file_use = model
        .building_type
        .as_deref()
        .and_then(use_of_building_type);
    let (building_use, use_source) = match (options.building_use, file_use, base) {
        (Some(u), _, _) => (u, Source::Option),
        (None, Some(u), _) => (u, Source::File),
        (None, None, Some(b)) => (b.building_use, Source::Base),
        (None, None, None) => (Use::Residential, Source::Default),
    };

    let grouped = facades::group(&env.walls, north.offset_deg);
    let mut summary_facades = Vec::with_capacity(grouped.len());
    let mut area_facades = Vec::with_capacity(grouped.len());
    let mut facade_inputs = BTreeMap::new();
    for f in &grouped {
        let mut wwr = f.window_m2 / f.gross_m2;
        if wwr >= 1.0 {
            wwr = MAX_WWR;
            notes.push(Note::WwrCapped);
        }
        area_facades.push(AreaFacade {
            name: f.name.clone(),
            azimuth_deg: f.azimuth_deg,
            wall_area_m2: f.gross_m2,
        });
        facade_inputs.insert(
            f.name.clone(),
            FacadeInput {
                wwr: Some(wwr),
                ..FacadeInput::default()
            },
        );
        summary_facades.push(Facade {
            name: f.name.clone(),
            orientation: f.orientation,
            azimuth_deg: f.azimuth_deg,
            true_azimuth_deg: crate::model::normalize_azimuth(f.azimuth_deg + north.offset_deg)
                .unwrap_or(f.azimuth_deg),
            walls: f.walls,
            wall_area_m2: f.gross_m2,
            window_area_m2: f.window_m2,
            wwr,
        });
    }

    let mut project = match base {
        Some(b) => b.clone(),
        None => Project {
            format: FORMAT.into(),
            name: String::new(),
            city: "hebi".into(),
            building_use,
            storeys: 1,
            storey_height_m: None,
            geometry: Geometry::Areas {
                floor_area_m2: 0.0,
                volume_m3: 0.0,
                roof_area_m2: 0.0,
                facades: Vec::new(),
                north_offset_deg: None,
            },
            facades: BTreeMap::new(),
            envelope: Default::default(),
            ventilation: Default::default(),
            assumptions: Map::new(),
            pv: Map::new(),
            green: Map::new(),
            plan: Map::new(),
            extra: Map::new(),
        },
    };
    if project.name.trim().is_empty() {
        project.name = model.building_name.clone().unwrap_or_else(|| {
            let stem = options.source_name.rsplit(['/', '\\']).next().unwrap_or("");
            stem.rsplit_once('.').map_or(stem, |(s, _)| s).to_owned()
        });
    }
    project.format = FORMAT.into();
    project.building_use = building_use;
    project.storeys = storeys.count;
    project.storey_height_m = None;
    project.geometry = Geometry::Areas {
        floor_area_m2: read.floor_area_m2,
        volume_m3: read.volume_m3,
        roof_area_m2: env.roof_m2,
        facades: area_facades,
        north_offset_deg: Some(north.offset_deg),
    };
    if project
        .facades
        .values()
        .any(|f| f.window_u.is_some() || f.window_shgc.is_some())
    {
        notes.push(Note::FacadeInputsDropped);
    }
    project.facades = facade_inputs;

    let e = &mut project.envelope;
    let mut envelope_values = Vec::new();
    let mut take = |field: &str, slot: &mut Option<f64>, w: &Weighted, shown: bool| {
        let (value, source, coverage, schematic) = match w.mean() {
            Some(v) => (Some(v), Source::File, Some(w.coverage()), w.schematic),
            None => {
                let src = if slot.is_some() {
                    Source::Base
                } else {
                    Source::Default
                };
                (*slot, src, None, false)
            }
        };
        *slot = value;
        if shown {
            envelope_values.push(EnvelopeValue {
                field: field.into(),
                value,
                source,
                coverage,
                schematic,
            });
        }
    };
    take("envelope.wall_u", &mut e.wall_u, &env.wall_u, true);
    take(
        "envelope.roof_u",
        &mut e.roof_u,
        &env.roof_u,
        env.roof_m2 > 0.0,
    );
    take("envelope.window_u", &mut e.window_u, &env.window_u, true);
    take(
        "envelope.window_shgc",
        &mut e.window_shgc,
        &env.window_shgc,
        true,
    );
    let sky = env.skylight_m2 > 0.0;
    take(
        "envelope.skylight_u",
        &mut e.skylight_u,
        &env.skylight_u,
        sky,
    );
    take(
        "envelope.skylight_shgc",
        &mut e.skylight_shgc,
        &env.skylight_shgc,
        sky,
    );
    let floors = env.floor_m2 > 0.0;
    if floors {
        take(
            "envelope.floor_over_outside_u",
            &mut e.floor_over_outside_u,
            &env.floor_u,
            true,
        );
        e.floor_over_outside_area_m2 = Some(env.floor_m2);
    } else {
        if e.floor_over_outside_u.take().is_some() {
            notes.push(Note::FloorOverOutsideDropped);
        }
        e.floor_over_outside_area_m2 = None;
    }
    e.skylight_ratio = (env.roof_m2 > 0.0).then(|| (env.skylight_m2 / env.roof_m2).min(1.0));
    if e.shape_factor.take().is_some() {
        notes.push(Note::ShapeFactorDropped);
    }
    if env.clamped {
        notes.push(Note::OpeningsClamped);
    }
    if types.centre_of_glass
        && (env.window_shgc.mean().is_some() || env.skylight_shgc.mean().is_some())
    {
        notes.push(Note::CentreOfGlassShgc);
    }
    if types.unknown_unit {
        notes.push(Note::UnknownValueUnit);
    }
    notes.push(Note::AreasFromSpaces);
    notes.sort_by_key(|n| *n as u8);
    notes.dedup();

    let mut summary = ImportSummary {
        format: SUMMARY_FORMAT.into(),
        source: options.source_name.clone(),
        schema_version: model.version.clone(),
        encoding: encoding.name().into(),
        units,
        north,
        storeys,
        building_use: BuildingUse {
            building_use,
            source: use_source,
            building_type: model.building_type.clone(),
        },
        read,
        ignored: ignored.into_values().collect(),
        facades: summary_facades,
        envelope: envelope_values,
        notes,
        lines: Vec::new(),
        dismissed: false,
    };
    summary.lines = summary.render();
    let json = serde_json::to_value(&summary).map_err(|e| {
        invalid(
            SUMMARY_KEY,
            ErrorKind::WrongType {
                detail: e.to_string(),
            },
        )
    })?;
    project.extra.insert(SUMMARY_KEY.into(), json);
    project.validate().map_err(ImportError::Invalid)?;
    Ok(Imported { project, summary })
}

fn read_error(e: xml::ReadError, text: &str) -> ImportError {
    match e {
        xml::ReadError::Truncated { line } => ImportError::Truncated { line },
        xml::ReadError::Encoding {
            detail_zh,
            detail_en,
        } => ImportError::Encoding {
            detail_zh,
            detail_en,
        },
        xml::ReadError::Malformed { line, problem } => ImportError::Malformed { line, problem },
        xml::ReadError::NotGbxml { root } => not_gbxml(text, root),
    }
}
