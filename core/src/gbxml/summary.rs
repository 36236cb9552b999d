//! The import summary: what was read from a gbXML file, what was ignored and why, where north, storeys, use
//! and envelope values came from. Typed for programs, and as bilingual lines (Chinese first) for people who
//! never saw gbXML. Stored with the project under `import` (see [`ImportSummary::from_project`]).

use serde::{Deserialize, Serialize};

use crate::model::Orientation;
use crate::project::{Project, Use};

/// Format tag of the summary JSON.
pub const SUMMARY_FORMAT: &str = "greencheck-gbxml-import/1";

/// Key of the summary in the project's unknown-sections map ([`Project::extra`]).
pub const SUMMARY_KEY: &str = "import";

/// One line of the summary in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Given by the caller (CLI flag or UI option).
    Option,
    /// Read from the file.
    File,
    /// Kept from the base project.
    Base,
    /// Neither: the importer's default.
    Default,
}

/// The file's length, area and volume units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Units {
    /// `lengthUnit` as understood (schema name), e.g. `Feet`.
    pub length: String,
    /// Metres per length unit.
    pub length_m: f64,
    /// `areaUnit`, e.g. `SquareFeet`.
    pub area: String,
    /// m² per area unit.
    pub area_m2: f64,
    /// `volumeUnit`, e.g. `CubicFeet`.
    pub volume: String,
    /// m³ per volume unit.
    pub volume_m3: f64,
    /// Unit attributes the file does not have (metres assumed), e.g. `["lengthUnit"]`.
    pub assumed: Vec<String>,
}

/// North: the rotation put in `geometry.north_offset_deg`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct North {
    /// Degrees clockwise from true north to the model's +Y axis.
    pub offset_deg: f64,
    /// `file` = `CADModelAzimuth`, `option` = given by the caller, `default` = 0.
    pub source: Source,
    /// A `CADModelAzimuth` the file has but that is not a number (then 0 is used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_text: Option<String>,
}

/// How the storey count was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoreySource {
    /// Given by the caller.
    Option,
    /// Number of `BuildingStorey` elements.
    BuildingStorey,
    /// Distinct floor levels of the spaces (no `BuildingStorey` in the file).
    SpaceLevels,
    /// Kept from the base project (the file gives neither).
    Base,
    /// 1 (the file gives neither and there is no base project).
    Default,
}

/// Storeys of the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Storeys {
    /// The project's `storeys`.
    pub count: u32,
    /// Where it came from.
    pub source: StoreySource,
}

/// Building use of the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildingUse {
    /// The project's `use`.
    #[serde(rename = "use")]
    pub building_use: Use,
    /// `file` = mapped from `Building/@buildingType`.
    pub source: Source,
    /// The file's `buildingType`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building_type: Option<String>,
}

/// A count and an area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Number of surfaces or openings.
    pub count: usize,
    /// Their area, m².
    pub area_m2: f64,
}

impl Tally {
    pub(crate) fn add(&mut self, area_m2: f64) {
        self.count += 1;
        self.area_m2 += area_m2;
    }
}

/// What was read into the project.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Read {
    /// `ExteriorWall` surfaces (gross area, openings included).
    pub exterior_walls: Tally,
    /// `FixedWindow` / `OperableWindow` openings in walls.
    pub windows: Tally,
    /// `SlidingDoor` openings and curtain-wall panels in walls (counted as window area).
    pub curtain_walls_glazed_doors: Tally,
    /// `Roof` surfaces (gross, skylights included).
    pub roofs: Tally,
    /// Glazed openings in roofs.
    pub skylights: Tally,
    /// `RaisedFloor` / `ExposedFloor` surfaces.
    pub floors_over_outside: Tally,
    /// `Space` elements.
    pub spaces: usize,
    /// Sum of the spaces' floor areas, m².
    pub floor_area_m2: f64,
    /// Sum of the spaces' volumes, m³.
    pub volume_m3: f64,
    /// Spaces whose volume was measured from their closed shell or bounding surfaces (no `Volume`).
    pub volumes_from_geometry: usize,
    /// Spaces whose floor area was measured from geometry (no `Area`).
    pub areas_from_geometry: usize,
    /// `BuildingStorey` elements.
    pub building_storeys: usize,
}

/// Why something was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// `Shade` surfaces: shading devices and neighbouring buildings, not envelope.
    Shading,
    /// `InteriorWall`, `InteriorFloor`, `Ceiling`, `Air` surfaces: between two spaces.
    Interior,
    /// `SlabOnGrade`, `UndergroundWall`, `UndergroundSlab`, `UndergroundCeiling`: against the ground.
    Ground,
    /// `FreestandingColumn`, `EmbeddedColumn`.
    Columns,
    /// A surface type the schema does not define, or none.
    UnknownSurfaceType,
    /// An exterior wall whose normal points straight up or down.
    FlatWalls,
    /// `Air` openings (no door or window).
    AirOpenings,
    /// `NonSlidingDoor` openings in walls and roofs: opaque, their area stays in the gross area.
    OpaqueDoors,
    /// Openings in floors over outside air: not modelled, their area stays in the floor.
    FloorOpenings,
    /// Openings of surfaces that were left out.
    OpeningsOfIgnoredSurfaces,
    /// An opening type the schema does not define, or none.
    UnknownOpeningType,
    /// Polygons with fewer than 3 points, invalid coordinates, zero or impossibly large area (over 1000 km²),
    /// or no `PlanarGeometry`.
    Degenerate,
}

/// A group of ignored elements.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Ignored {
    /// Why.
    pub reason: Reason,
    /// How many.
    pub count: usize,
    /// Their area where measurable, m².
    pub area_m2: f64,
}

/// One facade of the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Facade {
    /// Name (`S-1`, …).
    pub name: String,
    /// Orientation class of its true azimuth.
    pub orientation: Orientation,
    /// Model-frame azimuth (the project's `azimuth_deg`).
    pub azimuth_deg: f64,
    /// True azimuth (+ north offset), [0, 360).
    pub true_azimuth_deg: f64,
    /// Walls merged into it.
    pub walls: usize,
    /// Gross wall area, m².
    pub wall_area_m2: f64,
    /// Glazed area, m².
    pub window_area_m2: f64,
    /// The project's `wwr`.
    pub wwr: f64,
}

/// An envelope value and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnvelopeValue {
    /// Project field, e.g. `envelope.wall_u`.
    pub field: String,
    /// The value in the project (`None`: not given).
    pub value: Option<f64>,
    /// `file`, `base` or `default` (= not given).
    pub source: Source,
    /// For file values: share of the element's area whose type carries the value, [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<f64>,
    /// For file values: some of the types are Revit's schematic placeholders.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub schematic: bool,
}

/// A remark for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// Floor area and volume are the sums of the exported spaces.
    AreasFromSpaces,
    /// Glazed openings were larger than their surface on some surfaces; clamped to the surface.
    OpeningsClamped,
    /// A fully glazed facade: WWR set just below 1, the format's limit.
    WwrCapped,
    /// A window or skylight SHGC is a WindowType's centre-of-glass value (the schema's meaning).
    CentreOfGlassShgc,
    /// The base project's `floor_over_outside_u` was dropped: the model has no floor over outside air.
    FloorOverOutsideDropped,
    /// The base project's `shape_factor` override was dropped: it belonged to the old geometry.
    ShapeFactorDropped,
    /// The base project's per-facade inputs were dropped: the facades are new.
    FacadeInputsDropped,
    /// Some U-values or SHGCs had a unit the importer does not know and were left out.
    UnknownValueUnit,
    /// A space had an `Area` or `Volume` that is not a number.
    BadSpaceNumber,
}

/// The import summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Always [`SUMMARY_FORMAT`].
    pub format: String,
    /// File name given by the caller.
    pub source: String,
    /// `gbXML/@version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<String>,
    /// Text encoding found.
    pub encoding: String,
    /// Units.
    pub units: Units,
    /// North.
    pub north: North,
    /// Storeys.
    pub storeys: Storeys,
    /// Building use.
    pub building_use: BuildingUse,
    /// What was read.
    pub read: Read,
    /// What was ignored, one entry per reason present.
    pub ignored: Vec<Ignored>,
    /// Facades of the project.
    pub facades: Vec<Facade>,
    /// Envelope values and their sources.
    pub envelope: Vec<EnvelopeValue>,
    /// Remarks.
    pub notes: Vec<Note>,
    /// Everything above as lines, Chinese and English.
    pub lines: Vec<Line>,
    /// The user has read and dismissed the summary (it stays in the project; the page no longer shows it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dismissed: bool,
}

/// What the page shows of a stored summary: the file, the lines, and whether it was dismissed. Reading only
/// these keeps the page's module free of the whole summary's deserialiser (see `importer/`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SummaryView {
    /// File name.
    pub source: String,
    /// The lines, Chinese and English.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// Dismissed by the user.
    #[serde(default)]
    pub dismissed: bool,
}

impl SummaryView {
    /// The view of the summary stored in a project, if any (and readable).
    pub fn from_project(project: &Project) -> Option<SummaryView> {
        SummaryView::deserialize(project.extra.get(SUMMARY_KEY)?).ok()
    }
}

impl ImportSummary {
    /// The summary stored in a project by the importer, if any (and readable).
    pub fn from_project(project: &Project) -> Option<ImportSummary> {
        serde_json::from_value(project.extra.get(SUMMARY_KEY)?.clone()).ok()
    }
}

fn line(zh: impl Into<String>, en: impl Into<String>) -> Line {
    Line {
        zh: zh.into(),
        en: en.into(),
    }
}

/// Area with one decimal for display (the project keeps full precision).
fn m2(v: f64) -> String {
    format!("{v:.1}")
}

fn use_names(u: Use) -> (&'static str, &'static str) {
    match u {
        Use::Residential => ("住宅", "residential"),
        Use::Office => ("办公", "office"),
        Use::Hotel => ("旅馆", "hotel"),
        Use::Commercial => ("商场", "commercial"),
        Use::Hospital => ("医院", "hospital"),
        Use::School => ("学校", "school"),
        Use::OtherPublic => ("其他公共建筑", "other public building"),
    }
}

fn reason_text(r: Reason) -> (&'static str, &'static str) {
    match r {
        Reason::Shading => (
            "遮阳面（不属于围护结构）",
            "shading surfaces (not part of the envelope)",
        ),
        Reason::Interior => (
            "内部面：内墙、楼板、吊顶、空气分隔面（两侧都是室内）",
            "interior surfaces: interior walls, floors, ceilings, air boundaries (indoors on both sides)",
        ),
        Reason::Ground => (
            "接地面：地面、地下墙、地下顶板（周边地面和地下室外墙热阻请手动填写）",
            "ground-contact surfaces: slabs on grade, underground walls, slabs and ceilings (enter ground_perimeter_r / basement_wall_r by hand)",
        ),
        Reason::Columns => ("柱面", "column surfaces"),
        Reason::UnknownSurfaceType => (
            "类型不明的面",
            "surfaces of an unknown or missing surfaceType",
        ),
        Reason::FlatWalls => (
            "水平放置的外墙（无法确定朝向）",
            "exterior walls lying flat (no facing direction)",
        ),
        Reason::AirOpenings => ("空气洞口（无门窗）", "air openings (no door or window)"),
        Reason::OpaqueDoors => (
            "不透明门（面积保留在外墙或屋面的毛面积中）",
            "opaque doors (their area stays in the gross wall or roof area)",
        ),
        Reason::FloorOpenings => (
            "架空楼板上的洞口（未建模，面积保留在楼板中）",
            "openings in floors over outside air (not modelled; their area stays in the floor)",
        ),
        Reason::OpeningsOfIgnoredSurfaces => (
            "被忽略的面上的门窗洞口（如内门）",
            "openings in ignored surfaces (e.g. interior doors)",
        ),
        Reason::UnknownOpeningType => (
            "类型不明的洞口",
            "openings of an unknown or missing openingType",
        ),
        Reason::Degenerate => (
            "退化的多边形（少于 3 个点、坐标无效、面积为零或大得不可能，或缺少 PlanarGeometry）",
            "degenerate polygons (fewer than 3 points, invalid coordinates, zero or impossibly large area, or no PlanarGeometry)",
        ),
    }
}

fn field_names(field: &str) -> (&'static str, &'static str) {
    match field {
        "envelope.wall_u" => ("外墙传热系数 K", "wall U"),
        "envelope.roof_u" => ("屋面传热系数 K", "roof U"),
        "envelope.window_u" => ("外窗传热系数 K", "window U"),
        "envelope.window_shgc" => ("外窗太阳得热系数 SHGC", "window SHGC"),
        "envelope.skylight_u" => ("天窗传热系数 K", "skylight U"),
        "envelope.skylight_shgc" => ("天窗太阳得热系数 SHGC", "skylight SHGC"),
        "envelope.floor_over_outside_u" => ("架空楼板传热系数 K", "floor over outside air U"),
        _ => ("", ""),
    }
}

fn note_text(n: Note) -> (&'static str, &'static str) {
    match n {
        Note::AreasFromSpaces => (
            "建筑面积和体积是文件中各空间（Space）之和，请与设计文件的建筑面积、体积核对",
            "Floor area and volume are the sums of the file's spaces (Space); compare them with the design's floor area and volume",
        ),
        Note::OpeningsClamped => (
            "有些面上的玻璃洞口面积大于该面，已按该面面积计",
            "On some surfaces the glazed openings were larger than the surface; they were counted as the surface's area",
        ),
        Note::WwrCapped => (
            "有立面全部为玻璃：项目格式要求窗墙比小于 1，已取最接近 1 的值",
            "A facade is fully glazed: the project format needs a WWR below 1, so the closest value below 1 is used",
        ),
        Note::CentreOfGlassShgc => (
            "外窗或天窗的 SHGC 取自 WindowType，按 gbXML 定义为玻璃中心值；规范用整窗值，请核实",
            "The window or skylight SHGC comes from WindowType, a centre-of-glass value by the gbXML schema; the code uses whole-window values: check it",
        ),
        Note::FloorOverOutsideDropped => (
            "模型中没有架空或外挑楼板，已删除原项目的架空楼板传热系数",
            "The model has no floor over outside air: the base project's floor_over_outside_u was removed",
        ),
        Note::ShapeFactorDropped => (
            "原项目的体形系数覆盖值属于旧几何，已删除；体形系数按导入的面积和体积计算",
            "The base project's shape_factor override belonged to the old geometry and was removed; the shape factor is computed from the imported areas and volume",
        ),
        Note::FacadeInputsDropped => (
            "立面已重新生成，原项目各立面的窗 K 值、SHGC 覆盖值已删除",
            "The facades are new: the base project's per-facade window U / SHGC overrides were removed",
        ),
        Note::UnknownValueUnit => (
            "有些传热系数或 SHGC 的单位无法识别，未采用",
            "Some U-values or SHGCs have a unit the importer does not know and were not used",
        ),
        Note::BadSpaceNumber => (
            "有空间的面积或体积不是数字，已按几何计算",
            "Some spaces have an Area or Volume that is not a number; geometry was measured instead",
        ),
    }
}

impl ImportSummary {
    /// Builds the bilingual lines from the typed fields.
    pub(crate) fn render(&self) -> Vec<Line> {
        let mut out = Vec::new();
        let version = self.schema_version.as_deref().unwrap_or("?");
        out.push(line(
            format!(
                "来源文件：{}（gbXML {version}，{}）",
                self.source, self.encoding
            ),
            format!(
                "Source file: {} (gbXML {version}, {})",
                self.source, self.encoding
            ),
        ));
        let u = &self.units;
        let assumed = if u.assumed.is_empty() {
            (String::new(), String::new())
        } else {
            let list = u.assumed.join(", ");
            (
                format!("；文件未声明 {list}，按米制处理"),
                format!("; the file declares no {list}: metric assumed"),
            )
        };
        out.push(line(
            format!(
                "单位：长度 {}（1 = {} m），面积 {}，体积 {}；已全部换算为米制{}",
                u.length, u.length_m, u.area, u.volume, assumed.0
            ),
            format!(
                "Units: length {} (1 = {} m), area {}, volume {}; all converted to metric{}",
                u.length, u.length_m, u.area, u.volume, assumed.1
            ),
        ));
        let n = &self.north;
        let deg = n.offset_deg;
        out.push(match n.source {
            Source::File => line(
                format!("北向：取自文件的 CADModelAzimuth = {deg}°（模型 Y 轴在正北顺时针 {deg}° 方向），已填入 geometry.north_offset_deg，如有偏差请修改该值"),
                format!("North: the file's CADModelAzimuth = {deg}° (the model's Y axis points {deg}° clockwise from true north), put in geometry.north_offset_deg; correct that value if it is wrong"),
            ),
            Source::Option => line(
                format!("北向：按指定值 {deg}°（模型 Y 轴在正北顺时针 {deg}° 方向），填入 geometry.north_offset_deg"),
                format!("North: as given, {deg}° (the model's Y axis points {deg}° clockwise from true north), in geometry.north_offset_deg"),
            ),
            Source::Base | Source::Default => {
                let bad = n.invalid_text.as_ref().map_or((String::new(), String::new()), |t| {
                    (format!("（CADModelAzimuth “{t}” 不是数字）"), format!(" (CADModelAzimuth \"{t}\" is not a number)"))
                });
                line(
                    format!("北向：文件未给出 CADModelAzimuth{}，按模型 Y 轴指向正北（0°）处理；如不符请修改 geometry.north_offset_deg", bad.0),
                    format!("North: the file gives no CADModelAzimuth{}; the model's Y axis is taken as true north (0°); correct geometry.north_offset_deg if not", bad.1),
                )
            }
        });
        let s = &self.storeys;
        let c = s.count;
        out.push(match s.source {
            StoreySource::Option => line(format!("层数：{c}（按指定值）"), format!("Storeys: {c} (as given)")),
            StoreySource::BuildingStorey => line(
                format!("层数：{c}（文件中 BuildingStorey 的个数，可能含地下层，请核对地上层数）"),
                format!("Storeys: {c} (the file's BuildingStorey count, which may include basements: check the above-ground storeys)"),
            ),
            StoreySource::SpaceLevels => line(
                format!("层数：{c}（文件没有 BuildingStorey，按各空间不同的楼面标高计数，请核对）"),
                format!("Storeys: {c} (no BuildingStorey in the file: counted from the distinct floor levels of the spaces; check it)"),
            ),
            StoreySource::Base => line(
                format!("层数：{c}（文件无楼层信息，沿用原项目）"),
                format!("Storeys: {c} (the file has no storey information: kept from the base project)"),
            ),
            StoreySource::Default => line(
                format!("层数：{c}（文件无楼层信息，请填写）"),
                format!("Storeys: {c} (the file has no storey information: enter it)"),
            ),
        });
        let b = &self.building_use;
        let (uz, ue) = use_names(b.building_use);
        let bt = b.building_type.as_deref().unwrap_or("");
        out.push(match b.source {
            Source::Option => line(format!("建筑类型：{uz}（按指定值）"), format!("Use: {ue} (as given)")),
            Source::File => line(
                format!("建筑类型：{uz}（由文件的 buildingType=\"{bt}\" 对应）"),
                format!("Use: {ue} (from the file's buildingType=\"{bt}\")"),
            ),
            Source::Base => line(
                format!("建筑类型：{uz}（沿用原项目）"),
                format!("Use: {ue} (kept from the base project)"),
            ),
            Source::Default if b.building_type.is_some() => line(
                format!("建筑类型：{uz}（默认；文件的 buildingType=\"{bt}\" 无对应类型，请核对）"),
                format!("Use: {ue} (default; the file's buildingType=\"{bt}\" has no matching use: check it)"),
            ),
            Source::Default => line(
                format!("建筑类型：{uz}（默认，请核对）"),
                format!("Use: {ue} (default: check it)"),
            ),
        });
        let r = &self.read;
        out.push(line("已读取：", "Read:"));
        let tally = |t: &Tally, zh: &str, en: &str, unit_zh: &str| {
            line(
                format!("  {zh}：{} {unit_zh}，{} m²", t.count, m2(t.area_m2)),
                format!("  {en}: {}, {} m²", t.count, m2(t.area_m2)),
            )
        };
        out.push(tally(
            &r.exterior_walls,
            "外墙（毛面积，含门窗）",
            "exterior walls (gross, openings included)",
            "面",
        ));
        out.push(tally(&r.windows, "外窗", "windows", "樘"));
        out.push(tally(
            &r.curtain_walls_glazed_doors,
            "幕墙与玻璃门（计入窗面积）",
            "curtain walls and glazed doors (counted as window area)",
            "樘",
        ));
        out.push(tally(
            &r.roofs,
            "屋面（含天窗）",
            "roofs (skylights included)",
            "面",
        ));
        out.push(tally(&r.skylights, "天窗", "skylights", "樘"));
        out.push(tally(
            &r.floors_over_outside,
            "架空或外挑楼板",
            "floors over outside air",
            "面",
        ));
        out.push(line(
            format!(
                "  空间 {} 个：建筑面积合计 {} m²，体积合计 {} m³",
                r.spaces,
                m2(r.floor_area_m2),
                m2(r.volume_m3)
            ),
            format!(
                "  spaces: {}, floor area {} m², volume {} m³",
                r.spaces,
                m2(r.floor_area_m2),
                m2(r.volume_m3)
            ),
        ));
        if r.volumes_from_geometry > 0 || r.areas_from_geometry > 0 {
            out.push(line(
                format!(
                    "  其中 {} 个空间的体积、{} 个空间的面积由几何计算（文件未给出）",
                    r.volumes_from_geometry, r.areas_from_geometry
                ),
                format!(
                    "  of which {} volumes and {} floor areas measured from geometry (not in the file)",
                    r.volumes_from_geometry, r.areas_from_geometry
                ),
            ));
        }
        out.push(line(
            format!("  楼层（BuildingStorey）{} 个", r.building_storeys),
            format!("  storeys (BuildingStorey): {}", r.building_storeys),
        ));
        out.push(line(
            format!("立面（朝向相差 {}° 以内的外墙合并，不跨 GB 55015 附录 B.0.5 的朝向分区）：", super::FACADE_MERGE_TOLERANCE_DEG),
            format!("Facades (walls within {}° merged, never across a GB 55015 B.0.5 orientation sector):", super::FACADE_MERGE_TOLERANCE_DEG),
        ));
        for f in &self.facades {
            out.push(line(
                format!(
                    "  {}：朝{}，方位角 {:.1}°（模型 {:.1}°），外墙 {} 面 {} m²，窗 {} m²，窗墙比 {:.3}",
                    f.name,
                    f.orientation.label().zh,
                    f.true_azimuth_deg,
                    f.azimuth_deg,
                    f.walls,
                    m2(f.wall_area_m2),
                    m2(f.window_area_m2),
                    f.wwr
                ),
                format!(
                    "  {}: facing {}, azimuth {:.1}° (model {:.1}°), {} walls {} m², windows {} m², WWR {:.3}",
                    f.name,
                    f.orientation.label().en,
                    f.true_azimuth_deg,
                    f.azimuth_deg,
                    f.walls,
                    m2(f.wall_area_m2),
                    m2(f.window_area_m2),
                    f.wwr
                ),
            ));
        }
        if self.ignored.is_empty() {
            out.push(line("已忽略：无", "Ignored: nothing"));
        } else {
            out.push(line("已忽略：", "Ignored:"));
            for i in &self.ignored {
                let (zh, en) = reason_text(i.reason);
                let area = if i.area_m2 > 0.0 {
                    (
                        format!("，{} m²", m2(i.area_m2)),
                        format!(", {} m²", m2(i.area_m2)),
                    )
                } else {
                    (String::new(), String::new())
                };
                out.push(line(
                    format!("  {zh}：{} 个{}", i.count, area.0),
                    format!("  {en}: {}{}", i.count, area.1),
                ));
            }
        }
        out.push(line("围护结构参数：", "Envelope values:"));
        for e in &self.envelope {
            let (zh, en) = field_names(&e.field);
            let v = e.value.map_or("-".to_owned(), |v| format!("{v:.3}"));
            out.push(match e.source {
                Source::File => {
                    let pct = e.coverage.unwrap_or(1.0) * 100.0;
                    let sch = if e.schematic {
                        ("；含 Revit 示意构造（占位值），请核实", "; includes Revit schematic (placeholder) types: check it")
                    } else {
                        ("", "")
                    };
                    line(
                        format!("  {zh}（{}）= {v}：取自文件，面积加权，覆盖 {pct:.0}% 面积{}", e.field, sch.0),
                        format!("  {en} ({}) = {v}: from the file, area-weighted over {pct:.0}% of the area{}", e.field, sch.1),
                    )
                }
                Source::Base | Source::Option => line(
                    format!("  {zh}（{}）= {v}：文件未提供，沿用原项目", e.field),
                    format!("  {en} ({}) = {v}: not in the file, kept from the base project", e.field),
                ),
                Source::Default => line(
                    format!("  {zh}（{}）：文件未提供，请填写", e.field),
                    format!("  {en} ({}): not in the file: enter it", e.field),
                ),
            });
        }
        if !self.notes.is_empty() {
            out.push(line("提示：", "Notes:"));
            for n in &self.notes {
                let (zh, en) = note_text(*n);
                out.push(line(format!("  {zh}"), format!("  {en}")));
            }
        }
        out
    }
}
