//! The project file, format `greencheck/1`: parsing, validation and serialisation.
//!
//! The contract is documented in `docs/project-format.md`. Parsing never panics: every problem
//! is a [`ProjectError`] naming the field path and the reason in Chinese and English.
//! Unknown top-level sections and everything inside `assumptions`, `pv` and `green` survive a
//! parse → serialise round trip.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use crate::fields::{self, Field};
use crate::input::InputError;

/// The only project format version this crate reads and writes.
pub const FORMAT: &str = "greencheck/1";

/// Building use (`use` in the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Use {
    /// Residential building (住宅).
    Residential,
    /// Office (办公).
    Office,
    /// Hotel (旅馆).
    Hotel,
    /// Commercial (商场).
    Commercial,
    /// Hospital (医院).
    Hospital,
    /// School (学校).
    School,
    /// Any other public building.
    OtherPublic,
}

impl Use {
    /// Every use, in display order.
    pub const ALL: [Use; 7] = [
        Use::Residential,
        Use::Office,
        Use::Hotel,
        Use::Commercial,
        Use::Hospital,
        Use::School,
        Use::OtherPublic,
    ];

    /// Key as written in the project file (`residential`, `office`, …).
    pub fn key(self) -> &'static str {
        match self {
            Use::Residential => "residential",
            Use::Office => "office",
            Use::Hotel => "hotel",
            Use::Commercial => "commercial",
            Use::Hospital => "hospital",
            Use::School => "school",
            Use::OtherPublic => "other_public",
        }
    }

    /// Whether this is a residential use (otherwise public).
    pub fn is_residential(self) -> bool {
        self == Use::Residential
    }
}

/// One facade of a measured-areas geometry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaFacade {
    /// Facade name; keys the `facades` map.
    pub name: String,
    /// Outward normal, degrees clockwise from north.
    pub azimuth_deg: f64,
    /// Gross wall area including windows, m².
    pub wall_area_m2: f64,
}

/// Building geometry: a box, or areas measured off CAD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Geometry {
    /// Rectangular box; facade A (long side) faces `orientation_deg`, B/C/D at +90/+180/+270°.
    Box {
        /// Length of facades A and C, m.
        length_m: f64,
        /// Length of facades B and D, m.
        depth_m: f64,
        /// Outward normal of facade A, degrees clockwise from north.
        orientation_deg: f64,
    },
    /// Measured areas.
    Areas {
        /// Total floor area, m².
        floor_area_m2: f64,
        /// Heated volume V0, m³.
        volume_m3: f64,
        /// Roof area (in contact with outside air), m².
        roof_area_m2: f64,
        /// Named facades.
        facades: Vec<AreaFacade>,
        /// Rotation added to every facade azimuth, degrees clockwise (a model drawn to project north is
        /// turned to true north; an imported BIM model's `CADModelAzimuth`). Absent = 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        north_offset_deg: Option<f64>,
    },
}

/// Per-facade input (`facades.<name>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacadeInput {
    /// Window-to-wall ratio, [0, 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wwr: Option<f64>,
    /// Window U (K), W/(m²·K); overrides `envelope.window_u`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_u: Option<f64>,
    /// Window SHGC; overrides `envelope.window_shgc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_shgc: Option<f64>,
}

/// Envelope properties (`envelope`). `None` = not given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// External wall U (K), W/(m²·K).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wall_u: Option<f64>,
    /// Roof U, W/(m²·K).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roof_u: Option<f64>,
    /// Window U, W/(m²·K) (all facades unless overridden).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_u: Option<f64>,
    /// Window SHGC (all facades unless overridden).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_shgc: Option<f64>,
    /// U of floors over outside air / overhanging floors, W/(m²·K). Absent = no such floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor_over_outside_u: Option<f64>,
    /// Area of floors over outside air, m² (optional; for the energy estimate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor_over_outside_area_m2: Option<f64>,
    /// Skylight (transparent roof) area / roof area, [0, 1]. Absent = no skylight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skylight_ratio: Option<f64>,
    /// Skylight U, W/(m²·K).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skylight_u: Option<f64>,
    /// Skylight SHGC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skylight_shgc: Option<f64>,
    /// Perimeter ground insulation R, m²·K/W. Absent = not declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground_perimeter_r: Option<f64>,
    /// Basement wall against soil R, m²·K/W. Absent = no basement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basement_wall_r: Option<f64>,
    /// Shape factor F0/V0 override (1/m), e.g. taken from CAD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape_factor: Option<f64>,
    /// Declared airtightness: air changes at 50 Pa, 1/h (GB/T 51350 tiers). Absent = not declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub airtightness_n50: Option<f64>,
}

/// Ventilation system (`ventilation`), design intent for the GB/T 51350 tiers. `None` = not declared.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ventilation {
    /// Sensible heat-recovery efficiency of the fresh-air unit, [0, 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heat_recovery_efficiency: Option<f64>,
}

/// A greencheck/1 project. Build it with [`Project::from_json`] so unknown sections are kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Always `greencheck/1`.
    pub format: String,
    /// Project / building name.
    #[serde(default)]
    pub name: String,
    /// City key (`hebi`); selects the climate zone.
    #[serde(default = "default_city")]
    pub city: String,
    /// Building use.
    #[serde(rename = "use")]
    pub building_use: Use,
    /// Number of above-ground storeys (≥ 1).
    pub storeys: u32,
    /// Storey height, m (required for box geometry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storey_height_m: Option<f64>,
    /// Geometry.
    pub geometry: Geometry,
    /// Facade inputs keyed by facade name (A–D for box geometry).
    #[serde(default)]
    pub facades: BTreeMap<String, FacadeInput>,
    /// Envelope properties.
    #[serde(default)]
    pub envelope: Envelope,
    /// Ventilation system (design intent).
    #[serde(default, skip_serializing_if = "is_default")]
    pub ventilation: Ventilation,
    /// Estimate assumptions (open object; defined by the energy estimate).
    #[serde(default)]
    pub assumptions: Map<String, Value>,
    /// PV inputs (open object; defined by the PV issue).
    #[serde(default)]
    pub pv: Map<String, Value>,
    /// Green-rating inputs (open object; defined by the star-rating issue).
    #[serde(default)]
    pub green: Map<String, Value>,
    /// Hebi plan inputs (open object; read by `crate::plan`). Not written when empty.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub plan: Map<String, Value>,
    /// Unknown top-level sections, kept verbatim by [`Project::from_json`] / [`Project::to_json_pretty`].
    #[serde(skip)]
    pub extra: Map<String, Value>,
}

fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

fn default_city() -> String {
    "hebi".to_owned()
}

const KNOWN_KEYS: [&str; 15] = [
    "format",
    "name",
    "city",
    "use",
    "storeys",
    "storey_height_m",
    "geometry",
    "facades",
    "envelope",
    "ventilation",
    "assumptions",
    "pv",
    "green",
    "plan",
    "$schema",
];

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// Not valid JSON.
    Syntax {
        /// Line (1-based).
        line: usize,
        /// Column (1-based; 0 when the text ended at the start of the line).
        column: usize,
        /// Parser message (English; the Chinese message does not quote it).
        detail: String,
        /// The text ended before the JSON did (a cut-off save or download).
        truncated: bool,
    },
    /// The top level is not a JSON object.
    NotAnObject,
    /// Wrong JSON type or unknown enum value.
    WrongType {
        /// Parser message.
        detail: String,
    },
    /// A required field is missing.
    Missing,
    /// `format` is not `greencheck/1`.
    UnknownFormat(String),
    /// NaN or infinite.
    NotFinite,
    /// Must be > 0.
    NotPositive,
    /// Must be ≥ 0.
    Negative,
    /// Outside the allowed range.
    OutOfRange {
        /// Allowed range in interval notation, with its unit.
        range: String,
    },
    /// Storeys must be at least 1.
    ZeroStoreys,
    /// A `facades` key that the geometry does not define.
    UnknownFacade,
    /// Two facades with one name.
    DuplicateFacade,
    /// An empty facade list or empty facade name.
    Empty,
    /// City not in the city table.
    UnknownCity,
    /// Derived geometry overflows (e.g. absurdly large dimensions).
    Overflow,
}

/// A typed error about one field of the project.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {}", self.message_en())]
pub struct ProjectError {
    /// Field path, e.g. `facades.A.wwr` (empty for the whole document).
    pub path: String,
    /// The reason.
    pub kind: ErrorKind,
}

impl ErrorKind {
    /// The syntax error of a JSON parse.
    pub fn syntax(e: &serde_json::Error) -> ErrorKind {
        ErrorKind::Syntax {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
            truncated: e.classify() == serde_json::error::Category::Eof,
        }
    }
}

impl ProjectError {
    fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        ProjectError {
            path: path.into(),
            kind,
        }
    }

    /// Reason in English.
    pub fn message_en(&self) -> String {
        match &self.kind {
            ErrorKind::Syntax {
                line: 0 | 1,
                column: 0,
                truncated: true,
                ..
            } => "the file is empty".into(),
            ErrorKind::Syntax {
                line,
                column,
                detail,
                ..
            } => format!("not valid JSON at line {line}, column {column}: {detail}"),
            ErrorKind::NotAnObject => "the project must be a JSON object".into(),
            ErrorKind::WrongType { detail } => format!("wrong type or value: {detail}"),
            ErrorKind::Missing => "required field is missing".into(),
            ErrorKind::UnknownFormat(f) => {
                format!("unknown format version {f:?}; this version reads \"{FORMAT}\"")
            }
            ErrorKind::NotFinite => "must be a finite number".into(),
            ErrorKind::NotPositive => "must be greater than 0".into(),
            ErrorKind::Negative => "must not be negative".into(),
            ErrorKind::OutOfRange { range } => format!("must lie in {range}"),
            ErrorKind::ZeroStoreys => "must be at least 1 storey".into(),
            ErrorKind::UnknownFacade => "no facade of this name in the geometry".into(),
            ErrorKind::DuplicateFacade => "facade name used twice".into(),
            ErrorKind::Empty => "must not be empty".into(),
            ErrorKind::UnknownCity => {
                format!("city not supported (known: {})", crate::city::known_keys())
            }
            ErrorKind::Overflow => "dimensions too large: derived areas overflow".into(),
        }
    }

    /// Reason in Chinese.
    pub fn message_zh(&self) -> String {
        match &self.kind {
            // Column 0: the text ended at the start of a line — nothing at all when that is the first.
            ErrorKind::Syntax {
                line: 0 | 1,
                column: 0,
                truncated: true,
                ..
            } => "文件为空".into(),
            ErrorKind::Syntax {
                line,
                column: 0,
                truncated: true,
                ..
            } => format!("文件不完整：内容在第 {line} 行开头意外结束（保存或下载可能被中断）"),
            ErrorKind::Syntax {
                line,
                column,
                truncated: true,
                ..
            } => format!(
                "文件不完整：内容在第 {line} 行第 {column} 列意外结束（保存或下载可能被中断）"
            ),
            ErrorKind::Syntax { line, column, .. } => {
                format!("JSON 格式错误（第 {line} 行第 {column} 列）")
            }
            ErrorKind::NotAnObject => "项目文件必须是 JSON 对象".into(),
            // The parser's detail is English: the Chinese says what the field takes instead.
            ErrorKind::WrongType { .. } => crate::fields::wrong_type_zh(&self.path),
            ErrorKind::Missing => "缺少必填字段".into(),
            ErrorKind::UnknownFormat(f) => {
                format!("未知的格式版本 {f:?}，本版本只能读取 \"{FORMAT}\"")
            }
            ErrorKind::NotFinite => "必须是有限数值".into(),
            ErrorKind::NotPositive => "必须大于 0".into(),
            ErrorKind::Negative => "不能为负数".into(),
            ErrorKind::OutOfRange { range } => format!("取值必须在 {range} 范围内"),
            ErrorKind::ZeroStoreys => "层数至少为 1".into(),
            ErrorKind::UnknownFacade => "几何中没有该名称的立面".into(),
            ErrorKind::DuplicateFacade => "立面名称重复".into(),
            ErrorKind::Empty => "不能为空".into(),
            ErrorKind::UnknownCity => {
                format!("不支持该城市（目前支持：{}）", crate::city::known_keys())
            }
            ErrorKind::Overflow => "尺寸过大，面积计算溢出".into(),
        }
    }
}

fn type_error(path: String, detail: String) -> ProjectError {
    // serde reports a missing field at the parent path, with the name in backticks.
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let full = match path.as_str() {
            "" | "." => name.to_owned(),
            p => format!("{p}.{name}"),
        };
        return ProjectError::new(full, ErrorKind::Missing);
    }
    let path = if path == "." { String::new() } else { path };
    ProjectError::new(path, ErrorKind::WrongType { detail })
}

/// Built-in project templates offered by the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// 18-storey residential slab (the issue's example).
    ResidentialHighRise,
    /// 3-storey detached villa.
    Villa,
    /// 5-storey office, public 甲类.
    Office,
    /// 2-storey brick rural house with a retrofit (existing values typical, for illustration).
    RuralHouseRetrofit,
}

impl Template {
    /// All templates, in display order.
    pub const ALL: [Template; 4] = [
        Template::ResidentialHighRise,
        Template::Villa,
        Template::Office,
        Template::RuralHouseRetrofit,
    ];

    /// Stable key: the template's file name under `core/data/templates/` without `.json`.
    pub fn key(self) -> &'static str {
        match self {
            Template::ResidentialHighRise => "residential_highrise",
            Template::Villa => "villa",
            Template::Office => "office",
            Template::RuralHouseRetrofit => "rural_house_retrofit",
        }
    }

    /// The template's JSON text (embedded from `core/data/templates/`).
    pub fn json(self) -> &'static str {
        match self {
            Template::ResidentialHighRise => {
                include_str!("../data/templates/residential_highrise.json")
            }
            Template::Villa => include_str!("../data/templates/villa.json"),
            Template::Office => include_str!("../data/templates/office.json"),
            Template::RuralHouseRetrofit => {
                include_str!("../data/templates/rural_house_retrofit.json")
            }
        }
    }

    /// Display name in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            Template::ResidentialHighRise => "高层住宅",
            Template::Villa => "低层别墅",
            Template::Office => "办公楼（甲类公共建筑）",
            Template::RuralHouseRetrofit => "农房节能改造（2 层砖混）",
        }
    }

    /// Display name in English.
    pub fn name_en(self) -> &'static str {
        match self {
            Template::ResidentialHighRise => "Residential high-rise",
            Template::Villa => "Low-rise villa",
            Template::Office => "Office (public, class A)",
            Template::RuralHouseRetrofit => "Rural house retrofit (2-storey brick)",
        }
    }
}

/// Holds a value to its field's one valid range (the same rule as typed input, [`NumberKind::check`]);
/// `path` is formatted only for an error.
fn check(field: &Field, v: f64, path: impl FnOnce() -> String) -> Result<(), ProjectError> {
    let Some(kind) = field.number_kind() else {
        return Ok(());
    };
    kind.check(v).map_err(|e| {
        let kind = match e {
            _ if !v.is_finite() => ErrorKind::NotFinite,
            InputError::Zero { .. } => ErrorKind::NotPositive,
            InputError::Negative { .. } if kind.range.min.inclusive => ErrorKind::Negative,
            InputError::Negative { .. } => ErrorKind::NotPositive,
            _ => ErrorKind::OutOfRange {
                range: kind.range_text(),
            },
        };
        ProjectError::new(path(), kind)
    })
}

/// [`check`] for a field without `*`.
fn num(field: &Field, v: f64) -> Result<(), ProjectError> {
    check(field, v, || field.path.to_owned())
}

fn opt(field: &Field, v: Option<f64>) -> Result<(), ProjectError> {
    v.map_or(Ok(()), |x| num(field, x))
}

impl Project {
    /// Parses and validates a greencheck/1 document.
    pub fn from_json(text: &str) -> Result<Project, ProjectError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| ProjectError::new("", ErrorKind::syntax(&e)))?;
        Project::from_value(value)
    }

    /// Like [`Project::from_json`], from an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<Project, ProjectError> {
        let Value::Object(mut map) = value else {
            return Err(ProjectError::new("", ErrorKind::NotAnObject));
        };
        match map.get("format") {
            None | Some(Value::Null) => {
                return Err(ProjectError::new("format", ErrorKind::Missing))
            }
            Some(Value::String(f)) if f == FORMAT => {}
            Some(Value::String(f)) => {
                return Err(ProjectError::new(
                    "format",
                    ErrorKind::UnknownFormat(f.clone()),
                ))
            }
            Some(other) => {
                return Err(ProjectError::new(
                    "format",
                    ErrorKind::UnknownFormat(other.to_string()),
                ))
            }
        }
        let unknown: Vec<String> = map
            .keys()
            .filter(|k| !KNOWN_KEYS.contains(&k.as_str()))
            .cloned()
            .collect();
        let mut extra = Map::new();
        for k in unknown {
            if let Some(v) = map.remove(&k) {
                extra.insert(k, v);
            }
        }
        // `$schema` is a known key kept as an extra (editors use it).
        if let Some(v) = map.remove("$schema") {
            extra.insert("$schema".to_owned(), v);
        }
        let mut project: Project = serde_path_to_error::deserialize(Value::Object(map))
            .map_err(|e| type_error(e.path().to_string(), e.inner().to_string()))?;
        project.extra = extra;
        project.validate()?;
        Ok(project)
    }

    /// The project as pretty-printed JSON, unknown sections included.
    pub fn to_json_pretty(&self) -> String {
        let mut value = serde_json::to_value(self).unwrap_or(Value::Null);
        if let Value::Object(map) = &mut value {
            for (k, v) in &self.extra {
                map.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        serde_json::to_string_pretty(&value).unwrap_or_default()
    }

    /// A built-in template, parsed.
    pub fn template(t: Template) -> Result<Project, ProjectError> {
        Project::from_json(t.json())
    }

    /// Names of the facades the geometry defines, in order (A–D for a box).
    pub fn facade_names(&self) -> Vec<String> {
        match &self.geometry {
            Geometry::Box { .. } => ["A", "B", "C", "D"].map(String::from).to_vec(),
            Geometry::Areas { facades, .. } => facades.iter().map(|f| f.name.clone()).collect(),
        }
    }

    /// Checks every value against its field's range ([`crate::fields`]) and the references between fields
    /// (known city, facade names); the first problem is returned. Does not build the model.
    pub fn validate(&self) -> Result<(), ProjectError> {
        if self.format != FORMAT {
            return Err(ProjectError::new(
                "format",
                ErrorKind::UnknownFormat(self.format.clone()),
            ));
        }
        if crate::city::find(&self.city).is_none() {
            return Err(ProjectError::new("city", ErrorKind::UnknownCity));
        }
        if self.storeys == 0 {
            return Err(ProjectError::new("storeys", ErrorKind::ZeroStoreys));
        }
        num(&fields::STOREYS, f64::from(self.storeys))?;
        opt(&fields::STOREY_HEIGHT, self.storey_height_m)?;
        match &self.geometry {
            Geometry::Box {
                length_m,
                depth_m,
                orientation_deg,
            } => {
                if self.storey_height_m.is_none() {
                    return Err(ProjectError::new("storey_height_m", ErrorKind::Missing));
                }
                num(&fields::LENGTH, *length_m)?;
                num(&fields::DEPTH, *depth_m)?;
                num(&fields::ORIENTATION, *orientation_deg)?;
            }
            Geometry::Areas {
                floor_area_m2,
                volume_m3,
                roof_area_m2,
                facades,
                north_offset_deg,
            } => {
                opt(&fields::NORTH_OFFSET, *north_offset_deg)?;
                num(&fields::FLOOR_AREA, *floor_area_m2)?;
                num(&fields::VOLUME, *volume_m3)?;
                num(&fields::ROOF_AREA, *roof_area_m2)?;
                if facades.is_empty() {
                    return Err(ProjectError::new("geometry.facades", ErrorKind::Empty));
                }
                for (i, f) in facades.iter().enumerate() {
                    let p = |field: &Field| field.at(&i.to_string());
                    if f.name.trim().is_empty() {
                        return Err(ProjectError::new(
                            p(&fields::AREA_FACADE_NAME),
                            ErrorKind::Empty,
                        ));
                    }
                    if facades[..i].iter().any(|g| g.name == f.name) {
                        return Err(ProjectError::new(
                            p(&fields::AREA_FACADE_NAME),
                            ErrorKind::DuplicateFacade,
                        ));
                    }
                    check(&fields::AREA_FACADE_AZIMUTH, f.azimuth_deg, || {
                        p(&fields::AREA_FACADE_AZIMUTH)
                    })?;
                    check(&fields::AREA_FACADE_WALL, f.wall_area_m2, || {
                        p(&fields::AREA_FACADE_WALL)
                    })?;
                }
            }
        }
        // Same names as `facade_names`, without building the list.
        let known = |name: &str| match &self.geometry {
            Geometry::Box { .. } => ["A", "B", "C", "D"].contains(&name),
            Geometry::Areas { facades, .. } => facades.iter().any(|f| f.name == name),
        };
        for (name, f) in &self.facades {
            if !known(name) {
                return Err(ProjectError::new(
                    format!("facades.{name}"),
                    ErrorKind::UnknownFacade,
                ));
            }
            for (field, v) in [
                (&fields::FACADE_WWR, f.wwr),
                (&fields::FACADE_WINDOW_U, f.window_u),
                (&fields::FACADE_WINDOW_SHGC, f.window_shgc),
            ] {
                if let Some(v) = v {
                    check(field, v, || field.at(name))?;
                }
            }
        }
        let e = &self.envelope;
        for (field, v) in [
            (&fields::WALL_U, e.wall_u),
            (&fields::ROOF_U, e.roof_u),
            (&fields::WINDOW_U, e.window_u),
            (&fields::WINDOW_SHGC, e.window_shgc),
            (&fields::FLOOR_OVER_OUTSIDE_U, e.floor_over_outside_u),
            (
                &fields::FLOOR_OVER_OUTSIDE_AREA,
                e.floor_over_outside_area_m2,
            ),
            (&fields::SKYLIGHT_RATIO, e.skylight_ratio),
            (&fields::SKYLIGHT_U, e.skylight_u),
            (&fields::SKYLIGHT_SHGC, e.skylight_shgc),
            (&fields::GROUND_PERIMETER_R, e.ground_perimeter_r),
            (&fields::BASEMENT_WALL_R, e.basement_wall_r),
            (&fields::SHAPE_FACTOR, e.shape_factor),
            (&fields::AIRTIGHTNESS_N50, e.airtightness_n50),
            (
                &fields::HEAT_RECOVERY,
                self.ventilation.heat_recovery_efficiency,
            ),
        ] {
            opt(field, v)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUE_EXAMPLE: &str = include_str!("../data/templates/residential_highrise.json");

    fn with(path: &[&str], v: Value) -> String {
        let mut doc: Value = serde_json::from_str(ISSUE_EXAMPLE).unwrap();
        let mut cur = &mut doc;
        for k in &path[..path.len() - 1] {
            cur = cur.get_mut(*k).unwrap();
        }
        cur[path[path.len() - 1]] = v;
        doc.to_string()
    }

    fn err(text: &str) -> ProjectError {
        Project::from_json(text).unwrap_err()
    }

    #[test]
    fn templates_parse_and_round_trip() {
        for t in Template::ALL {
            let p = Project::template(t).unwrap_or_else(|e| panic!("{t:?}: {e}"));
            let again = Project::from_json(&p.to_json_pretty()).unwrap();
            assert_eq!(p, again);
        }
        let p = Project::template(Template::ResidentialHighRise).unwrap();
        assert_eq!(p.storeys, 18);
        assert_eq!(p.facades["A"].wwr, Some(0.45));
        assert_eq!(p.envelope.window_u, Some(1.9));
    }

    #[test]
    fn unknown_sections_survive_round_trip() {
        let mut doc: Value = serde_json::from_str(ISSUE_EXAMPLE).unwrap();
        doc["future_section"] = serde_json::json!({"a": [1, 2, {"b": null}]});
        doc["assumptions"] = serde_json::json!({"ach_per_h": 0.5, "new_thing": "x"});
        doc["pv"] = serde_json::json!({"capacity_kwp": 50});
        doc["green"] = serde_json::json!({"items": {"5.1.1": true}});
        let p = Project::from_value(doc.clone()).unwrap();
        assert_eq!(p.extra["future_section"], doc["future_section"]);
        let back: Value = serde_json::from_str(&p.to_json_pretty()).unwrap();
        for k in [
            "future_section",
            "assumptions",
            "pv",
            "green",
            "envelope",
            "facades",
        ] {
            assert_eq!(back[k], doc[k], "{k}");
        }
    }

    #[test]
    fn wrong_type_names_the_path() {
        let e = err(&with(&["facades", "A", "wwr"], Value::String("x".into())));
        assert_eq!(e.path, "facades.A.wwr");
        assert!(matches!(e.kind, ErrorKind::WrongType { .. }));
        assert!(e.message_zh().contains("类型"));
        assert!(e.message_en().contains("wrong type"));
        let e = err(&with(&["envelope", "wall_u"], serde_json::json!([1])));
        assert_eq!(e.path, "envelope.wall_u");
        let e = err(&with(&["storeys"], serde_json::json!(-3)));
        assert_eq!(e.path, "storeys");
        let e = err(&with(&["use"], serde_json::json!("castle")));
        assert_eq!(e.path, "use");
    }

    #[test]
    fn a_wrong_type_is_explained_in_chinese_without_the_parsers_english() {
        // What the field takes, from the registry: a number in the WWR's range, a whole number of storeys,
        // one of a list.
        let e = err(&with(&["facades", "A", "wwr"], Value::String("x".into())));
        assert_eq!(e.message_zh(), "类型错误：应为数值，范围 [0, 1)");
        let e = err(&with(&["storeys"], serde_json::json!("18")));
        assert_eq!(e.message_zh(), "类型错误：应为数值，范围 [1, 200]");
        assert!(
            e.message_en().contains("invalid type"),
            "{}",
            e.message_en()
        );
        let e = err(&with(&["use"], serde_json::json!(3)));
        assert_eq!(e.message_zh(), "类型错误：应为列表中的一项（文本）");
        for e in [
            err(&with(&["envelope", "wall_u"], serde_json::json!([1]))),
            err(&with(&["name"], serde_json::json!(1))),
        ] {
            let zh = e.message_zh();
            assert!(
                !zh.contains("invalid") && !zh.contains("expected"),
                "{}: {zh}",
                e.path
            );
        }
    }

    #[test]
    fn range_errors() {
        let cases: Vec<(Vec<&str>, Value, &str)> = vec![
            (
                vec!["facades", "A", "wwr"],
                serde_json::json!(1.0),
                "facades.A.wwr",
            ),
            (
                vec!["facades", "B", "wwr"],
                serde_json::json!(-0.1),
                "facades.B.wwr",
            ),
            (vec!["storeys"], serde_json::json!(0), "storeys"),
            (
                vec!["storey_height_m"],
                serde_json::json!(0),
                "storey_height_m",
            ),
            (
                vec!["geometry", "length_m"],
                serde_json::json!(-60),
                "geometry.length_m",
            ),
            (
                vec!["geometry", "depth_m"],
                serde_json::json!(0),
                "geometry.depth_m",
            ),
            (
                vec!["envelope", "wall_u"],
                serde_json::json!(0),
                "envelope.wall_u",
            ),
            (
                vec!["envelope", "window_shgc"],
                serde_json::json!(1.5),
                "envelope.window_shgc",
            ),
            (
                vec!["envelope", "basement_wall_r"],
                serde_json::json!(-1),
                "envelope.basement_wall_r",
            ),
            (vec!["city"], serde_json::json!("atlantis"), "city"),
            // A file is held to the form's range: no absurd dimensions reach the model.
            (
                vec!["geometry", "length_m"],
                serde_json::json!(1e307),
                "geometry.length_m",
            ),
            (
                vec!["envelope", "wall_u"],
                serde_json::json!(11),
                "envelope.wall_u",
            ),
        ];
        for (path, v, expect) in cases {
            let e = err(&with(&path, v.clone()));
            assert_eq!(e.path, expect, "{path:?} = {v}");
            assert!(!e.message_zh().is_empty() && !e.message_en().is_empty());
        }
        let e = err(&with(&["storeys"], serde_json::json!(0)));
        assert_eq!(e.kind, ErrorKind::ZeroStoreys);
    }

    #[test]
    fn format_and_syntax_errors() {
        let e = err(&with(&["format"], serde_json::json!("greencheck/2")));
        assert_eq!(e.kind, ErrorKind::UnknownFormat("greencheck/2".into()));
        assert!(e.message_zh().contains("未知的格式版本"));
        let e = err(r#"{"name": "x"}"#);
        assert_eq!((e.path.as_str(), &e.kind), ("format", &ErrorKind::Missing));
        assert!(matches!(err("{").kind, ErrorKind::Syntax { .. }));
        // The Chinese messages say what happened without quoting the parser's English.
        let cut = err(r#"{"format": "greencheck/1", "storeys": "#);
        assert!(matches!(
            cut.kind,
            ErrorKind::Syntax {
                line: 1,
                column: 38,
                truncated: true,
                ..
            }
        ));
        assert_eq!(
            cut.message_zh(),
            "文件不完整：内容在第 1 行第 38 列意外结束（保存或下载可能被中断）"
        );
        assert!(cut.message_en().contains("EOF while parsing"));
        assert_eq!(err("").message_zh(), "文件为空");
        assert_eq!(err("").message_en(), "the file is empty");
        let cut_at_line = err("{\n  \"format\": \"greencheck/1\",\n");
        assert_eq!(
            cut_at_line.message_zh(),
            "文件不完整：内容在第 3 行开头意外结束（保存或下载可能被中断）"
        );
        let bad = err(r#"{"format": x}"#);
        assert_eq!(bad.message_zh(), "JSON 格式错误（第 1 行第 12 列）");
        assert!(matches!(err("[1]").kind, ErrorKind::NotAnObject));
        assert!(matches!(err("").kind, ErrorKind::Syntax { .. }));
        // NaN is not JSON.
        assert!(matches!(
            err(&ISSUE_EXAMPLE.replace("0.42", "NaN")).kind,
            ErrorKind::Syntax { .. }
        ));
        let mut doc: Value = serde_json::from_str(ISSUE_EXAMPLE).unwrap();
        doc.as_object_mut().unwrap().remove("storeys");
        let e = Project::from_value(doc).unwrap_err();
        assert_eq!((e.path.as_str(), e.kind), ("storeys", ErrorKind::Missing));
    }

    #[test]
    fn facade_key_errors() {
        let e = err(&with(&["facades", "E"], serde_json::json!({"wwr": 0.1})));
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("facades.E", ErrorKind::UnknownFacade)
        );
        let areas = r#"{"format":"greencheck/1","use":"office","storeys":2,
          "geometry":{"mode":"areas","floor_area_m2":500,"volume_m3":1800,"roof_area_m2":250,
            "facades":[{"name":"N","azimuth_deg":0,"wall_area_m2":100},
                       {"name":"N","azimuth_deg":180,"wall_area_m2":100}]}}"#;
        let e = err(areas);
        assert_eq!(e.path, "geometry.facades[1].name");
        assert_eq!(e.kind, ErrorKind::DuplicateFacade);
        let no_height = r#"{"format":"greencheck/1","use":"office","storeys":2,
          "geometry":{"mode":"box","length_m":10,"depth_m":10,"orientation_deg":0}}"#;
        assert_eq!(err(no_height).path, "storey_height_m");
    }

    #[test]
    fn programmatic_nan_is_rejected() {
        let mut p = Project::template(Template::Office).unwrap();
        p.envelope.wall_u = Some(f64::NAN);
        let e = p.validate().unwrap_err();
        assert_eq!(
            (e.path.as_str(), e.kind),
            ("envelope.wall_u", ErrorKind::NotFinite)
        );
        let mut p = Project::template(Template::Office).unwrap();
        p.facades.get_mut("A").unwrap().wwr = Some(f64::INFINITY);
        assert_eq!(p.validate().unwrap_err().path, "facades.A.wwr");
    }
}
