//! Reading a gbXML file: byte decoding (UTF-8 with or without BOM, UTF-16 LE/BE with std's
//! `char::decode_utf16`) and one streaming pass with quick-xml that keeps only what the importer uses.
//!
//! Elements are matched by local name (the default gbXML namespace, none, or a prefix all read the same) and by
//! their parent, so a `PolyLoop` inside `RectangularGeometry` or a `SpaceBoundary` is never taken for a
//! surface's polygon. Nothing recurses: open elements are a heap stack capped at [`MAX_DEPTH`]. A `<!DOCTYPE>`
//! is skipped as quick-xml reports it (it never reads the internal subset's declarations), so entities are
//! never expanded: a reference to anything but the five predefined entities or a character reference reads
//! as empty text.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::geometry::Point;

/// Deepest element nesting accepted (gbXML needs about 10 levels).
pub const MAX_DEPTH: usize = 256;

/// Longest text kept from one element; longer numbers are invalid and longer names are cut.
const MAX_TEXT: usize = 256;

/// How the file's bytes were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }
}

/// Why the bytes or the XML could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ReadError {
    /// The bytes end inside a character, a tag or an open element.
    Truncated { line: usize },
    /// Not text in a supported encoding.
    Encoding {
        detail_zh: String,
        detail_en: String,
    },
    /// Not well-formed XML.
    Malformed { line: usize, problem: XmlProblem },
    /// Well-formed, but the root element is not `gbXML`.
    NotGbxml { root: Option<String> },
}

fn line_at(text: &str, byte: usize) -> usize {
    let end = byte.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

fn lines_in_bytes(bytes: &[u8]) -> usize {
    1 + bytes.iter().filter(|b| **b == b'\n').count()
}

/// The line of the text's last character (trailing line breaks and blanks do not count): where a cut file ends.
fn last_line(text: &str) -> usize {
    line_at(text, text.trim_end().len())
}

/// The `encoding` pseudo-attribute of an ASCII-compatible XML declaration, for error messages.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_owned())
}

fn utf16(bytes: &[u8], big_endian: bool) -> Result<String, ReadError> {
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => out.push(c),
            // A high surrogate cut off by the end of the file is a truncation, any other lone one a bad byte.
            Err(_) if 2 * i + 2 >= bytes.len() - bytes.len() % 2 => {
                return Err(ReadError::Truncated {
                    line: last_line(&out),
                })
            }
            Err(e) => {
                let at = 2 * i;
                return Err(ReadError::Encoding {
                    detail_zh: format!(
                        "第 {} 行有无效的 UTF-16 代理项 {:#06x}",
                        line_at(&out, out.len()),
                        e.unpaired_surrogate()
                    ),
                    detail_en: format!(
                        "invalid UTF-16 surrogate {:#06x} at byte {at} (line {})",
                        e.unpaired_surrogate(),
                        line_at(&out, out.len())
                    ),
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(ReadError::Truncated {
            line: last_line(&out),
        });
    }
    Ok(out)
}

/// The encoding of the file's bytes and the bytes after the byte-order mark: by the mark, or for UTF-16 without
/// one by the zero high bytes of its first two ASCII characters (`<`, or a blank before it); otherwise UTF-8.
/// UTF-32 is refused.
pub(crate) fn detect(bytes: &[u8]) -> Result<(Encoding, &[u8]), ReadError> {
    Ok(match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            return Err(ReadError::Encoding {
                detail_zh: "不支持 UTF-32 编码".into(),
                detail_en: "UTF-32 is not supported".into(),
            })
        }
        [0xFF, 0xFE, rest @ ..] => (Encoding::Utf16Le, rest),
        [0xFE, 0xFF, rest @ ..] => (Encoding::Utf16Be, rest),
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => (Encoding::Utf16Le, bytes),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => (Encoding::Utf16Be, bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => (Encoding::Utf8Bom, rest),
        _ => (Encoding::Utf8, bytes),
    })
}

/// Decodes the file's bytes to text (see [`detect`]).
pub(crate) fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), ReadError> {
    let (encoding, body) = detect(bytes)?;
    match encoding {
        Encoding::Utf16Le => Ok((utf16(body, false)?.into(), encoding)),
        Encoding::Utf16Be => Ok((utf16(body, true)?.into(), encoding)),
        Encoding::Utf8 | Encoding::Utf8Bom => match std::str::from_utf8(body) {
            Ok(text) => Ok((Cow::Borrowed(text), encoding)),
            // The bytes end in the middle of a character.
            Err(e) if e.error_len().is_none() => Err(ReadError::Truncated {
                line: lines_in_bytes(body.trim_ascii_end()),
            }),
            Err(e) => {
                let at = e.valid_up_to();
                let line = lines_in_bytes(&body[..at]);
                let declared = declared_encoding(body)
                    .filter(|d| !d.eq_ignore_ascii_case("utf-8"))
                    .map(|d| {
                        (
                            format!("（文件声明为 {d}）"),
                            format!(" (the file declares {d})"),
                        )
                    })
                    .unwrap_or_default();
                Err(ReadError::Encoding {
                    detail_zh: format!("第 {line} 行不是有效的 UTF-8{}", declared.0),
                    detail_en: format!("not valid UTF-8 at byte {at} (line {line}){}", declared.1),
                })
            }
        },
    }
}

/// The text of a file's first bytes, decoded up to the first invalid or cut character (a GBK name after the
/// root tag must not hide the root).
pub(crate) fn decode_prefix(head: &[u8]) -> String {
    let Ok((encoding, body)) = detect(head) else {
        return String::new();
    };
    let utf16 = |be: bool| -> String {
        let units = body.chunks_exact(2).map(|c| {
            if be {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units).map_while(Result::ok).collect()
    };
    match encoding {
        Encoding::Utf16Le => utf16(false),
        Encoding::Utf16Be => utf16(true),
        Encoding::Utf8 | Encoding::Utf8Bom => match std::str::from_utf8(body) {
            Ok(t) => t.to_owned(),
            Err(e) => String::from_utf8_lossy(&body[..e.valid_up_to()]).into_owned(),
        },
    }
}

/// A polygon loop as read; `valid` is false when a point did not have exactly three finite coordinates.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Loop {
    pub points: Vec<Point>,
    pub valid: bool,
}

/// A number with its unit attribute.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// A `SolarHeatGainCoeff`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shgc {
    pub value: Option<f64>,
    pub unit: Option<String>,
    /// `solarIncidentAngle`, degrees (absent = the element's plain value).
    pub angle: Option<f64>,
}

/// Thermal properties of a `Construction`, `WindowType` or `Opening`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Thermal {
    pub u: Option<Quantity>,
    pub shgc: Vec<Shgc>,
    /// `constructionIsSchematic` / `windowTypeIsSchematic` = true (Revit's placeholder types).
    pub schematic: bool,
}

/// An `Opening` of a surface.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawOpening {
    pub opening_type: Option<String>,
    pub window_type: Option<String>,
    pub construction: Option<String>,
    pub polygon: Option<Loop>,
    pub cad_object: Option<String>,
    pub thermal: Thermal,
}

/// A `Campus/Surface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawSurface {
    pub surface_type: Option<String>,
    pub construction: Option<String>,
    /// `AdjacentSpaceId/@spaceIdRef`, in order (the normal points away from the first).
    pub adjacent: Vec<String>,
    pub polygon: Option<Loop>,
    pub cad_object: Option<String>,
    pub openings: Vec<RawOpening>,
}

/// A `Building/Space`.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawSpace {
    pub id: Option<String>,
    pub area: Option<f64>,
    pub volume: Option<f64>,
    /// `ShellGeometry/ClosedShell/PolyLoop`s.
    pub shell: Vec<Loop>,
    /// `PlanarGeometry/PolyLoop` (the floor outline some writers give).
    pub outline: Option<Loop>,
    /// The element had an `Area` / `Volume` whose text was not a finite number.
    pub bad_number: bool,
}

/// Everything the importer uses from one file, in file units.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RawModel {
    pub version: Option<String>,
    pub length_unit: Option<String>,
    pub area_unit: Option<String>,
    pub volume_unit: Option<String>,
    /// `Campus/Location/CADModelAzimuth` as text (parsed by the caller, which reports a bad value).
    pub cad_model_azimuth: Option<String>,
    pub building_type: Option<String>,
    pub building_name: Option<String>,
    pub storeys: usize,
    pub spaces: Vec<RawSpace>,
    pub surfaces: Vec<RawSurface>,
    pub constructions: Vec<(String, Thermal)>,
    pub window_types: Vec<(String, Thermal)>,
}

/// Local names the reader reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    GbXml,
    Campus,
    Location,
    CadModelAzimuth,
    Building,
    Name,
    BuildingStorey,
    Space,
    Area,
    Volume,
    ShellGeometry,
    ClosedShell,
    PlanarGeometry,
    PolyLoop,
    CartesianPoint,
    Coordinate,
    Surface,
    AdjacentSpaceId,
    Opening,
    CadObjectId,
    Construction,
    WindowType,
    UValue,
    Shgc,
    Other,
}

fn tag(local: &[u8]) -> Tag {
    match local {
        b"gbXML" => Tag::GbXml,
        b"Campus" => Tag::Campus,
        b"Location" => Tag::Location,
        b"CADModelAzimuth" => Tag::CadModelAzimuth,
        b"Building" => Tag::Building,
        b"Name" => Tag::Name,
        b"BuildingStorey" => Tag::BuildingStorey,
        b"Space" => Tag::Space,
        b"Area" => Tag::Area,
        b"Volume" => Tag::Volume,
        b"ShellGeometry" => Tag::ShellGeometry,
        b"ClosedShell" => Tag::ClosedShell,
        b"PlanarGeometry" => Tag::PlanarGeometry,
        b"PolyLoop" => Tag::PolyLoop,
        b"CartesianPoint" => Tag::CartesianPoint,
        b"Coordinate" => Tag::Coordinate,
        b"Surface" => Tag::Surface,
        b"AdjacentSpaceId" => Tag::AdjacentSpaceId,
        b"Opening" => Tag::Opening,
        b"CADObjectId" => Tag::CadObjectId,
        b"Construction" => Tag::Construction,
        b"WindowType" => Tag::WindowType,
        b"U-value" => Tag::UValue,
        b"SolarHeatGainCoeff" => Tag::Shgc,
        _ => Tag::Other,
    }
}

/// Where the text being collected goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    CadModelAzimuth,
    BuildingName,
    SpaceArea,
    SpaceVolume,
    Coordinate,
    SurfaceCad,
    OpeningCad,
    UValue(Owner),
    Shgc(Owner),
}

/// Which object a `U-value` / `SolarHeatGainCoeff` belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Construction,
    WindowType,
    Opening,
}

/// Which object the current `PolyLoop` belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoopOwner {
    Surface,
    Opening,
    SpaceOutline,
    SpaceShell,
}

/// What an open element started, so its end can finish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Started {
    Nothing,
    /// A geometry container whose `PolyLoop` children belong to this owner.
    Geometry(LoopOwner),
    Loop,
    Point,
    Text,
    Space,
    Surface,
    Opening,
    Construction,
    WindowType,
}

#[derive(Default)]
struct State {
    model: RawModel,
    space: Option<RawSpace>,
    surface: Option<RawSurface>,
    opening: Option<RawOpening>,
    construction: Option<(String, Thermal)>,
    window_type: Option<(String, Thermal)>,
    polyloop: Option<(LoopOwner, Loop)>,
    point: Vec<f64>,
    point_valid: bool,
    /// The element whose text is being collected, with its `unit` and `solarIncidentAngle` attributes.
    text: Option<(Text, Option<String>, Option<f64>)>,
    /// Its text so far; one buffer for the whole file (a coordinate costs no allocation).
    buf: String,
    text_overflow: bool,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Result<Option<String>, quick_xml::Error> {
    for a in e.attributes() {
        let a = a.map_err(quick_xml::Error::from)?;
        if a.key.local_name().as_ref() == name {
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                // An undeclared entity in a value is kept raw: entities are never expanded.
                .map(Cow::into_owned)
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            return Ok(Some(value));
        }
    }
    Ok(None)
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// One `Start` (or `Empty`, read as start + end): returns what the element started.
fn start(
    st: &mut State,
    e: &BytesStart<'_>,
    t: Tag,
    stack: &[(Tag, Started)],
) -> Result<Started, quick_xml::Error> {
    let parent = stack.last().map_or(Tag::Other, |s| s.0);
    let parent_started = stack.last().map_or(Started::Nothing, |s| s.1);
    let grandparent = stack
        .len()
        .checked_sub(2)
        .map_or(Tag::Other, |i| stack[i].0);
    let begin_text = |st: &mut State, what: Text| {
        st.text = Some((what, None, None));
        st.buf.clear();
        st.text_overflow = false;
        Started::Text
    };
    Ok(match (t, parent) {
        (Tag::GbXml, _) if stack.is_empty() => {
            st.model.version = attr(e, b"version")?;
            st.model.length_unit = attr(e, b"lengthUnit")?;
            st.model.area_unit = attr(e, b"areaUnit")?;
            st.model.volume_unit = attr(e, b"volumeUnit")?;
            Started::Nothing
        }
        (Tag::CadModelAzimuth, Tag::Location) if grandparent == Tag::Campus => {
            begin_text(st, Text::CadModelAzimuth)
        }
        (Tag::Building, Tag::Campus) => {
            st.model.building_type = attr(e, b"buildingType")?;
            Started::Nothing
        }
        (Tag::Name, Tag::Building) => begin_text(st, Text::BuildingName),
        (Tag::BuildingStorey, Tag::Building) => {
            st.model.storeys += 1;
            Started::Nothing
        }
        (Tag::Space, Tag::Building) => {
            st.space = Some(RawSpace {
                id: attr(e, b"id")?,
                ..RawSpace::default()
            });
            Started::Space
        }
        (Tag::Area, Tag::Space) if st.space.is_some() => begin_text(st, Text::SpaceArea),
        (Tag::Volume, Tag::Space) if st.space.is_some() => begin_text(st, Text::SpaceVolume),
        (Tag::ShellGeometry, Tag::Space) if st.space.is_some() => Started::Nothing,
        (Tag::ClosedShell, Tag::ShellGeometry)
            if grandparent == Tag::Space && st.space.is_some() =>
        {
            Started::Geometry(LoopOwner::SpaceShell)
        }
        (Tag::PlanarGeometry, Tag::Space) if st.space.is_some() => {
            Started::Geometry(LoopOwner::SpaceOutline)
        }
        (Tag::PlanarGeometry, Tag::Surface) if st.surface.is_some() && st.opening.is_none() => {
            Started::Geometry(LoopOwner::Surface)
        }
        (Tag::PlanarGeometry, Tag::Opening) if st.opening.is_some() => {
            Started::Geometry(LoopOwner::Opening)
        }
        (Tag::PolyLoop, _) => match parent_started {
            Started::Geometry(owner) => {
                st.polyloop = Some((
                    owner,
                    Loop {
                        points: Vec::new(),
                        valid: true,
                    },
                ));
                Started::Loop
            }
            _ => Started::Nothing,
        },
        (Tag::CartesianPoint, Tag::PolyLoop) if parent_started == Started::Loop => {
            st.point.clear();
            st.point_valid = true;
            Started::Point
        }
        (Tag::Coordinate, Tag::CartesianPoint) if parent_started == Started::Point => {
            begin_text(st, Text::Coordinate)
        }
        (Tag::Surface, Tag::Campus) => {
            st.surface = Some(RawSurface {
                surface_type: attr(e, b"surfaceType")?,
                construction: attr(e, b"constructionIdRef")?,
                ..RawSurface::default()
            });
            Started::Surface
        }
        (Tag::AdjacentSpaceId, Tag::Surface) => {
            if let (Some(s), Some(id)) = (st.surface.as_mut(), attr(e, b"spaceIdRef")?) {
                s.adjacent.push(id);
            }
            Started::Nothing
        }
        (Tag::Opening, Tag::Surface) if st.surface.is_some() => {
            st.opening = Some(RawOpening {
                opening_type: attr(e, b"openingType")?,
                window_type: attr(e, b"windowTypeIdRef")?,
                construction: attr(e, b"constructionIdRef")?,
                ..RawOpening::default()
            });
            Started::Opening
        }
        (Tag::CadObjectId, Tag::Surface) if st.surface.is_some() => {
            begin_text(st, Text::SurfaceCad)
        }
        (Tag::CadObjectId, Tag::Opening) if st.opening.is_some() => {
            begin_text(st, Text::OpeningCad)
        }
        (Tag::Construction, Tag::GbXml) => {
            let schematic = attr(e, b"constructionIsSchematic")?;
            st.construction = Some((
                attr(e, b"id")?.unwrap_or_default(),
                Thermal {
                    schematic: schematic.is_some_and(|v| v.trim() == "true"),
                    ..Thermal::default()
                },
            ));
            Started::Construction
        }
        (Tag::WindowType, Tag::GbXml) => {
            let schematic = attr(e, b"windowTypeIsSchematic")?;
            st.window_type = Some((
                attr(e, b"id")?.unwrap_or_default(),
                Thermal {
                    schematic: schematic.is_some_and(|v| v.trim() == "true"),
                    ..Thermal::default()
                },
            ));
            Started::WindowType
        }
        (Tag::UValue | Tag::Shgc, _) => {
            let owner = match parent_started {
                Started::Construction => Owner::Construction,
                Started::WindowType => Owner::WindowType,
                Started::Opening => Owner::Opening,
                _ => return Ok(Started::Nothing),
            };
            if t == Tag::Shgc && owner == Owner::Construction {
                return Ok(Started::Nothing);
            }
            let unit = attr(e, b"unit")?;
            let angle = if t == Tag::Shgc {
                attr(e, b"solarIncidentAngle")?.map(|a| number(&a).unwrap_or(f64::NAN))
            } else {
                None
            };
            let what = if t == Tag::UValue {
                Text::UValue(owner)
            } else {
                Text::Shgc(owner)
            };
            st.text = Some((what, unit, angle));
            st.buf.clear();
            st.text_overflow = false;
            Started::Text
        }
        _ => Started::Nothing,
    })
}

fn thermal_of(st: &mut State, owner: Owner) -> Option<&mut Thermal> {
    match owner {
        Owner::Construction => st.construction.as_mut().map(|c| &mut c.1),
        Owner::WindowType => st.window_type.as_mut().map(|c| &mut c.1),
        Owner::Opening => st.opening.as_mut().map(|o| &mut o.thermal),
    }
}

fn end(st: &mut State, started: Started) {
    match started {
        Started::Nothing | Started::Geometry(_) => {}
        Started::Text => {
            let Some((what, unit, angle)) = st.text.take() else {
                return;
            };
            let text = std::mem::take(&mut st.buf);
            let overflow = st.text_overflow;
            let value = if overflow { None } else { number(&text) };
            let name = || Some(text.trim().to_owned()).filter(|s| !s.is_empty());
            match what {
                Text::CadModelAzimuth => st.model.cad_model_azimuth = Some(text.trim().to_owned()),
                Text::BuildingName => st.model.building_name = name(),
                Text::SpaceArea | Text::SpaceVolume => {
                    if let Some(s) = st.space.as_mut() {
                        s.bad_number |= value.is_none();
                        if what == Text::SpaceArea {
                            s.area = value;
                        } else {
                            s.volume = value;
                        }
                    }
                }
                Text::Coordinate => match value {
                    Some(v) => st.point.push(v),
                    None => st.point_valid = false,
                },
                Text::SurfaceCad => {
                    if let Some(s) = st.surface.as_mut() {
                        s.cad_object = s.cad_object.take().or_else(name);
                    }
                }
                Text::OpeningCad => {
                    if let Some(o) = st.opening.as_mut() {
                        o.cad_object = o.cad_object.take().or_else(name);
                    }
                }
                Text::UValue(owner) => {
                    if let Some(th) = thermal_of(st, owner) {
                        th.u = Some(Quantity { value, unit });
                    }
                }
                Text::Shgc(owner) => {
                    if let Some(th) = thermal_of(st, owner) {
                        th.shgc.push(Shgc { value, unit, angle });
                    }
                }
            }
            // Hand the buffer back for the next element.
            st.buf = text;
        }
        Started::Point => {
            if let Some((_, l)) = st.polyloop.as_mut() {
                if st.point_valid && st.point.len() == 3 {
                    l.points.push([st.point[0], st.point[1], st.point[2]]);
                } else {
                    l.valid = false;
                }
            }
        }
        Started::Loop => {
            let Some((owner, l)) = st.polyloop.take() else {
                return;
            };
            // The first loop of a PlanarGeometry is the polygon; a closed shell keeps all of them.
            match owner {
                LoopOwner::Surface => {
                    if let Some(s) = st.surface.as_mut() {
                        s.polygon.get_or_insert(l);
                    }
                }
                LoopOwner::Opening => {
                    if let Some(o) = st.opening.as_mut() {
                        o.polygon.get_or_insert(l);
                    }
                }
                LoopOwner::SpaceOutline => {
                    if let Some(s) = st.space.as_mut() {
                        s.outline.get_or_insert(l);
                    }
                }
                LoopOwner::SpaceShell => {
                    if let Some(s) = st.space.as_mut() {
                        s.shell.push(l);
                    }
                }
            }
        }
        Started::Space => {
            if let Some(s) = st.space.take() {
                st.model.spaces.push(s);
            }
        }
        Started::Surface => {
            if let Some(s) = st.surface.take() {
                st.model.surfaces.push(s);
            }
        }
        Started::Opening => {
            if let (Some(o), Some(s)) = (st.opening.take(), st.surface.as_mut()) {
                s.openings.push(o);
            }
        }
        Started::Construction => {
            if let Some(c) = st.construction.take() {
                st.model.constructions.push(c);
            }
        }
        Started::WindowType => {
            if let Some(w) = st.window_type.take() {
                st.model.window_types.push(w);
            }
        }
    }
}

fn push_text(st: &mut State, s: &str) {
    if st.text.is_some() {
        let buf = &mut st.buf;
        if buf.len() + s.len() > MAX_TEXT {
            st.text_overflow = true;
            // Names are cut at a character boundary; numbers this long are invalid anyway.
            let room = MAX_TEXT.saturating_sub(buf.len());
            let cut = (0..=room.min(s.len()))
                .rev()
                .find(|i| s.is_char_boundary(*i))
                .unwrap_or(0);
            buf.push_str(&s[..cut]);
        } else {
            buf.push_str(s);
        }
    }
}

/// What is wrong with XML that is not well-formed, in words a designer can act on in either language; the
/// parser's own (English) words only for what has no better name here.
#[derive(Debug, Clone, PartialEq)]
pub enum XmlProblem {
    /// An end tag that closes another element than the one open.
    MismatchedEndTag {
        /// The element open.
        expected: String,
        /// The end tag found.
        found: String,
    },
    /// An end tag with no element open.
    UnmatchedEndTag(String),
    /// An attribute not written `name="value"`, or given twice.
    Attribute,
    /// An `&…;` reference not closed or not valid.
    Reference,
    /// A second root element.
    SecondRoot,
    /// Elements nested deeper than the importer follows.
    TooDeep(usize),
    /// Text outside the root element.
    TextOutsideRoot,
    /// Anything else: the XML parser's message (English).
    Other(String),
}

impl XmlProblem {
    /// The problem in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            XmlProblem::MismatchedEndTag { expected, found } => {
                format!("结束标签 </{found}> 与未结束的 <{expected}> 不匹配")
            }
            XmlProblem::UnmatchedEndTag(name) => format!("结束标签 </{name}> 没有对应的开始标签"),
            XmlProblem::Attribute => {
                "属性写法错误（应为 名称=\"值\"，同一属性不能出现两次）".into()
            }
            XmlProblem::Reference => "“&”引用未结束或无效（文本中的 & 应写作 &amp;）".into(),
            XmlProblem::SecondRoot => "出现第二个根元素".into(),
            XmlProblem::TooDeep(n) => format!("元素嵌套超过 {n} 层"),
            XmlProblem::TextOutsideRoot => "根元素之外有文本".into(),
            XmlProblem::Other(detail) => format!("XML 解析器的说明（英文）：{detail}"),
        }
    }

    /// The problem in English.
    pub fn message_en(&self) -> String {
        match self {
            XmlProblem::MismatchedEndTag { expected, found } => {
                format!("end tag </{found}> does not match the open <{expected}>")
            }
            XmlProblem::UnmatchedEndTag(name) => format!("end tag </{name}> has no start tag"),
            XmlProblem::Attribute => {
                "an attribute is not written name=\"value\", or is given twice".into()
            }
            XmlProblem::Reference => {
                "an & reference is not closed or not valid (write & as &amp; in text)".into()
            }
            XmlProblem::SecondRoot => "a second root element".into(),
            XmlProblem::TooDeep(n) => format!("elements nested more than {n} deep"),
            XmlProblem::TextOutsideRoot => "text outside the root element".into(),
            XmlProblem::Other(detail) => detail.clone(),
        }
    }
}

impl From<&quick_xml::Error> for XmlProblem {
    fn from(e: &quick_xml::Error) -> XmlProblem {
        use quick_xml::errors::{Error, IllFormedError as I};
        match e {
            Error::IllFormed(I::MismatchedEndTag { expected, found }) => {
                XmlProblem::MismatchedEndTag {
                    expected: expected.clone(),
                    found: found.clone(),
                }
            }
            Error::IllFormed(I::UnmatchedEndTag(name)) => XmlProblem::UnmatchedEndTag(name.clone()),
            Error::IllFormed(I::UnclosedReference) | Error::Escape(_) => XmlProblem::Reference,
            // Declaration and DOCTYPE errors come before the root element: read as "not gbXML" before here.
            Error::InvalidAttr(_) => XmlProblem::Attribute,
            other => XmlProblem::Other(other.to_string()),
        }
    }
}

fn malformed(text: &str, at: u64, problem: XmlProblem) -> ReadError {
    ReadError::Malformed {
        line: line_at(text, usize::try_from(at).unwrap_or(usize::MAX)),
        problem,
    }
}

/// The root element's local name, or `None` when the text has no element (or is not well-formed before it).
pub(crate) fn root_name(text: &str) -> Option<String> {
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                return Some(String::from_utf8_lossy(e.local_name().as_ref()).into_owned())
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// Reads a decoded gbXML document.
pub(crate) fn read(text: &str) -> Result<RawModel, ReadError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut st = State::default();
    let mut stack: Vec<(Tag, Started)> = Vec::new();
    let mut root_done = false;
    let mut root_seen = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            use quick_xml::errors::{Error, SyntaxError};
            match e {
                // Whatever fails before the root element is no gbXML document.
                _ if !root_seen => ReadError::NotGbxml { root: None },
                // Every "unclosed" error means the text ended inside that markup.
                Error::Syntax(
                    SyntaxError::UnclosedPI
                    | SyntaxError::UnclosedXmlDecl
                    | SyntaxError::UnclosedComment
                    | SyntaxError::UnclosedDoctype
                    | SyntaxError::UnclosedCData
                    | SyntaxError::UnclosedTag
                    | SyntaxError::UnclosedSingleQuotedAttributeValue
                    | SyntaxError::UnclosedDoubleQuotedAttributeValue,
                ) => ReadError::Truncated {
                    line: last_line(text),
                },
                e => malformed(text, reader.error_position(), XmlProblem::from(&e)),
            }
        })?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if root_done {
                    return Err(malformed(
                        text,
                        reader.buffer_position(),
                        XmlProblem::SecondRoot,
                    ));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(malformed(
                        text,
                        reader.buffer_position(),
                        XmlProblem::TooDeep(MAX_DEPTH),
                    ));
                }
                let local = e.local_name();
                let t = tag(local.as_ref());
                if stack.is_empty() && t != Tag::GbXml {
                    return Err(ReadError::NotGbxml {
                        root: Some(String::from_utf8_lossy(local.as_ref()).into_owned()),
                    });
                }
                root_seen = true;
                let started = start(&mut st, &e, t, &stack).map_err(|err| {
                    malformed(text, reader.buffer_position(), XmlProblem::from(&err))
                })?;
                if empty {
                    // `<a/>`: started and ended at once.
                    end(&mut st, started);
                    root_done |= stack.is_empty();
                } else {
                    stack.push((t, started));
                }
            }
            Event::End(_) => {
                if let Some((_, started)) = stack.pop() {
                    end(&mut st, started);
                }
                if stack.is_empty() {
                    root_done = true;
                }
            }
            Event::Text(e) => {
                if st.text.is_some() && stack.last().is_some_and(|s| s.1 == Started::Text) {
                    let s = e.decode().map_err(|err| {
                        malformed(
                            text,
                            reader.buffer_position(),
                            XmlProblem::Other(err.to_string()),
                        )
                    })?;
                    push_text(&mut st, &s);
                } else if stack.is_empty() && !e.iter().all(u8::is_ascii_whitespace) {
                    if !root_seen {
                        return Err(ReadError::NotGbxml { root: None });
                    }
                    return Err(malformed(
                        text,
                        reader.buffer_position(),
                        XmlProblem::TextOutsideRoot,
                    ));
                }
            }
            Event::CData(e) => {
                if st.text.is_some() && stack.last().is_some_and(|s| s.1 == Started::Text) {
                    let s = String::from_utf8_lossy(&e);
                    push_text(&mut st, &s);
                }
            }
            Event::GeneralRef(r) => {
                if st.text.is_some() && stack.last().is_some_and(|s| s.1 == Started::Text) {
                    // Character references and the five predefined entities only; nothing else expands.
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => {
                            let name = String::from_utf8_lossy(&r);
                            quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
                        }
                        Err(_) => None,
                    };
                    if let Some(s) = resolved {
                        push_text(&mut st, &s);
                    }
                }
            }
            Event::Eof => {
                if !stack.is_empty() {
                    return Err(ReadError::Truncated {
                        line: last_line(text),
                    });
                }
                if !root_done {
                    return Err(ReadError::NotGbxml { root: None });
                }
                return Ok(st.model);
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let text = "<gbXML>鹤壁</gbXML>";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let le_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be_blank: Vec<u8> = format!("\r\n{text}")
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let bom8: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
        for (bytes, enc) in [
            (le, Encoding::Utf16Le),
            (be, Encoding::Utf16Be),
            (le_no_bom, Encoding::Utf16Le),
            (be_blank, Encoding::Utf16Be),
            (bom8, Encoding::Utf8Bom),
            (text.as_bytes().to_vec(), Encoding::Utf8),
        ] {
            let (t, e) = decode(&bytes).unwrap();
            assert_eq!((t.trim_start(), e), (text, enc));
            assert_eq!(decode_prefix(&bytes).trim_start(), text);
        }
    }

    #[test]
    fn bad_bytes() {
        // A lone low surrogate in the middle.
        let mut le = vec![0xFF, 0xFE, b'<', 0];
        le.extend([0x00, 0xDC, b'a', 0, b'>', 0]);
        assert!(matches!(decode(&le), Err(ReadError::Encoding { .. })));
        // Odd length: cut in half a code unit.
        let cut = [0xFF, 0xFE, b'<', 0, b'a'];
        assert!(matches!(
            decode(&cut),
            Err(ReadError::Truncated { line: 1 })
        ));
        // GBK bytes declared as such.
        let gbk = b"<?xml version=\"1.0\" encoding=\"GBK\"?>\n<gbXML>\xba\xd7\xb1\xda</gbXML>";
        match decode(gbk) {
            Err(ReadError::Encoding {
                detail_zh,
                detail_en,
            }) => {
                assert!(
                    detail_en.contains("declares GBK") && detail_en.contains("line 2"),
                    "{detail_en}"
                );
                assert!(detail_zh.contains("GBK"), "{detail_zh}");
            }
            other => panic!("{other:?}"),
        }
        // UTF-8 cut inside a character.
        let cut = "<a>鹤".as_bytes();
        assert!(matches!(
            decode(&cut[..cut.len() - 1]),
            Err(ReadError::Truncated { .. })
        ));
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0, 0]),
            Err(ReadError::Encoding { .. })
        ));
    }

    #[test]
    fn reads_only_planar_geometry_polygons() {
        let doc = r#"<gb:gbXML xmlns:gb="http://www.gbxml.org/schema" lengthUnit="Meters">
          <gb:Campus><gb:Surface surfaceType="ExteriorWall" constructionIdRef="c1">
            <gb:AdjacentSpaceId spaceIdRef="sp1"/>
            <gb:RectangularGeometry><gb:PolyLoop><gb:CartesianPoint>
              <gb:Coordinate>9</gb:Coordinate><gb:Coordinate>9</gb:Coordinate><gb:Coordinate>9</gb:Coordinate>
            </gb:CartesianPoint></gb:PolyLoop></gb:RectangularGeometry>
            <gb:PlanarGeometry><gb:PolyLoop>
              <gb:CartesianPoint><gb:Coordinate>0</gb:Coordinate><gb:Coordinate>0</gb:Coordinate><gb:Coordinate>0</gb:Coordinate></gb:CartesianPoint>
              <gb:CartesianPoint><gb:Coordinate>1e1</gb:Coordinate><gb:Coordinate>0</gb:Coordinate><gb:Coordinate>0</gb:Coordinate></gb:CartesianPoint>
              <gb:CartesianPoint><gb:Coordinate> 10 </gb:Coordinate><gb:Coordinate>0</gb:Coordinate><gb:Coordinate>&#51;</gb:Coordinate></gb:CartesianPoint>
            </gb:PolyLoop></gb:PlanarGeometry>
            <gb:CADObjectId>Curtain Wall &amp; more</gb:CADObjectId>
          </gb:Surface></gb:Campus>
          <gb:Construction id="c1"><gb:U-value unit="WPerSquareMeterK">0.45</gb:U-value></gb:Construction>
        </gb:gbXML>"#;
        let m = read(doc).unwrap();
        assert_eq!(m.length_unit.as_deref(), Some("Meters"));
        let s = &m.surfaces[0];
        assert_eq!(s.adjacent, vec!["sp1".to_owned()]);
        let p = s.polygon.as_ref().unwrap();
        assert!(p.valid);
        assert_eq!(p.points, vec![[0.0; 3], [10.0, 0.0, 0.0], [10.0, 0.0, 3.0]]);
        assert_eq!(s.cad_object.as_deref(), Some("Curtain Wall & more"));
        assert_eq!(m.constructions[0].0, "c1");
        assert_eq!(m.constructions[0].1.u.as_ref().unwrap().value, Some(0.45));
    }

    #[test]
    fn structural_errors() {
        assert_eq!(
            read("<project/>"),
            Err(ReadError::NotGbxml {
                root: Some("project".into())
            })
        );
        assert_eq!(read("   "), Err(ReadError::NotGbxml { root: None }));
        assert!(matches!(
            read("<gbXML>\n<Campus>\n"),
            Err(ReadError::Truncated { line: 2 })
        ));
        assert!(matches!(
            read("<gbXML>\n<Campus>\n<Surf"),
            Err(ReadError::Truncated { line: 3 })
        ));
        assert!(matches!(
            read("<gbXML>\n<Campus></Surface>\n</gbXML>"),
            Err(ReadError::Malformed { line: 2, .. })
        ));
        assert!(matches!(
            read("<gbXML/><gbXML/>"),
            Err(ReadError::Malformed { .. })
        ));
        let deep = format!("<gbXML>{}", "<a>".repeat(MAX_DEPTH + 1));
        assert!(matches!(read(&deep), Err(ReadError::Malformed { .. })));
        assert_eq!(
            root_name("<?xml version=\"1.0\"?><!-- x --><a:gbXML/>").as_deref(),
            Some("gbXML")
        );
    }
}
