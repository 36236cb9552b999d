//! The field registry: every input of a project, defined once.
//!
//! A field has its project path (the `docs/project-format.md` contract; `*` stands for a facade name or
//! index), its label in both languages, what it holds (a [`NumberKind`] with its one valid range, unit and
//! accepted syntax; a choice drawn from the core's own tables; text; a flag) and the range a designer typically
//! explores (for a slider and the sensitivity chart). The editor parses typed text with it, `Project::validate`
//! holds file values to the same range, the estimate reads its assumption ranges from it, sweeps take their
//! axis from it, and the UI only lays the fields out. The lists a choice offers are in [`crate::choices`].

use crate::input::{NumberClass, NumberKind, Range};
use crate::limits::Element;
use crate::text::Text;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    /// A number of this kind (a count is a whole number).
    Number(NumberKind),
    /// Free text, kept as typed.
    Text,
    /// One value of a list, stored as a JSON string.
    Choice(Choices),
    /// One value of a list of whole numbers, stored as a JSON number; empty removes it.
    NumberChoice(Choices),
    /// Yes or no.
    Flag,
    /// Yes, no, or not given (a JSON boolean, absent when not given): for facts a target needs to know.
    YesNo,
}

/// A list of choices, drawn from the core's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// The city table ([`crate::city`]).
    Cities,
    /// Building uses.
    Uses,
    /// GB/T 50378 editions.
    Editions,
    /// Assessment stages.
    Stages,
    /// The grid emission factor rows ([`crate::pv::grid_factors`]).
    GridFactors,
    /// Residential sound-insulation levels.
    SoundLevels,
    /// Water-fixture efficiency grades 1–3.
    WaterGrades,
    /// Kinds of retrofit ([`crate::retrofit::RetrofitKind`]).
    RetrofitKinds,
    /// Retrofitted or kept ([`crate::retrofit::Mark`]).
    RetrofitMarks,
    /// The ISO 13790 thermal-mass classes ([`crate::energy::thermal_mass_classes`]).
    Constructions,
}

impl Choices {
    /// Whether a value may be left out (the form offers a blank first): a level or grade not yet known, a
    /// project that is not a retrofit, an element mark decided from the values, a thermal-mass class left to
    /// the data default (which is not the first, lightest class). The other lists have a default, their
    /// first choice, which an absent value means.
    pub fn optional(self) -> bool {
        matches!(
            self,
            Choices::SoundLevels
                | Choices::WaterGrades
                | Choices::RetrofitKinds
                | Choices::RetrofitMarks
                | Choices::Constructions
        )
    }
}

/// One input field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// Project path; `*` is a facade name (`facades.*.wwr`) or index (`geometry.facades[*].azimuth_deg`).
    pub path: &'static str,
    /// Label.
    pub label: Text,
    /// What it holds.
    pub input: Input,
    /// The range a designer typically explores (slider, sensitivity chart axis), inside the valid range.
    pub typical: Option<(f64, f64)>,
    /// Slider step, when the form offers a slider.
    pub slider_step: Option<f64>,
}

impl Field {
    const fn number(path: &'static str, label: Text, kind: NumberKind) -> Field {
        Field {
            path,
            label,
            input: Input::Number(kind),
            typical: None,
            slider_step: None,
        }
    }

    const fn of(path: &'static str, label: Text, input: Input) -> Field {
        Field {
            path,
            label,
            input,
            typical: None,
            slider_step: None,
        }
    }

    const fn typical(self, from: f64, to: f64) -> Field {
        Field {
            typical: Some((from, to)),
            ..self
        }
    }

    const fn slider(self, step: f64) -> Field {
        Field {
            slider_step: Some(step),
            ..self
        }
    }

    /// The number kind of a numeric field.
    pub fn number_kind(&self) -> Option<NumberKind> {
        match self.input {
            Input::Number(k) => Some(k),
            _ => None,
        }
    }

    /// What a value of this field must be, in words (Chinese, English): for a value of the wrong JSON type,
    /// instead of the parser's English.
    pub fn expected(&self) -> (String, String) {
        match self.input {
            Input::Number(k) => (
                format!("数值，范围 {}", k.range_text()),
                format!("a number in {}", k.range_text()),
            ),
            Input::Text => ("文本".into(), "text".into()),
            Input::Choice(_) => (
                "列表中的一项（文本）".into(),
                "one of the list's values (text)".into(),
            ),
            Input::NumberChoice(_) => (
                "列表中的一个整数".into(),
                "one of the list's whole numbers".into(),
            ),
            Input::Flag => ("true 或 false".into(), "true or false".into()),
            Input::YesNo => ("true、false 或不填".into(), "true, false or nothing".into()),
        }
    }

    /// The path with `*` replaced by a facade name or index.
    pub fn at(&self, key: &str) -> String {
        self.path.replacen('*', key, 1)
    }

    /// Whether a concrete path is this field's (`*` matches one key or index).
    pub fn matches(&self, path: &str) -> bool {
        match self.path.split_once('*') {
            None => self.path == path,
            Some((head, tail)) => path
                .strip_prefix(head)
                .and_then(|rest| rest.strip_suffix(tail))
                .is_some_and(|key| !key.is_empty() && !key.contains(['.', '[', ']'])),
        }
    }
}

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text::new(zh, en)
}

const fn kind(
    min: f64,
    min_inclusive: bool,
    max: f64,
    max_inclusive: bool,
    unit: &'static str,
) -> NumberKind {
    NumberKind::new(
        NumberClass::Coefficient,
        Range::new(min, min_inclusive, max, max_inclusive),
        unit,
        &[],
    )
}

// ---------------------------------------------------------------------------------------------
// Project and geometry
// ---------------------------------------------------------------------------------------------

/// Project name.
pub const NAME: Field = Field::of("name", t("项目名称", "Project name"), Input::Text);
/// City (selects the climate zone and the weather).
pub const CITY: Field = Field::of(
    "city",
    t("城市（气候）", "City (climate)"),
    Input::Choice(Choices::Cities),
);
/// Building use.
pub const USE: Field = Field::of(
    "use",
    t("建筑类型", "Building use"),
    Input::Choice(Choices::Uses),
);
/// Storeys above ground.
pub const STOREYS: Field = Field::number(
    "storeys",
    t("地上层数", "Storeys above ground"),
    NumberKind::STOREYS,
)
.typical(1.0, 40.0);
/// Storey height.
pub const STOREY_HEIGHT: Field = Field::number(
    "storey_height_m",
    t("层高", "Storey height"),
    NumberKind::STOREY_HEIGHT,
);
/// Box length (facades A and C).
pub const LENGTH: Field =
    Field::number("geometry.length_m", t("长度", "Length"), NumberKind::LENGTH);
/// Box depth (facades B and D).
pub const DEPTH: Field = Field::number("geometry.depth_m", t("进深", "Depth"), NumberKind::LENGTH);
/// Outward normal of facade A of a box.
pub const ORIENTATION: Field = Field::number(
    "geometry.orientation_deg",
    t("A 立面朝向（方位角）", "Facade A orientation (azimuth)"),
    NumberKind::ANGLE,
)
.typical(0.0, 359.0)
.slider(1.0);
/// Total floor area (measured areas).
pub const FLOOR_AREA: Field = Field::number(
    "geometry.floor_area_m2",
    t("总建筑面积", "Total floor area"),
    NumberKind::AREA,
);
/// Heated volume V0 (measured areas).
pub const VOLUME: Field = Field::number(
    "geometry.volume_m3",
    t("体积 V0", "Volume V0"),
    NumberKind::VOLUME,
);
/// Roof area (measured areas).
pub const ROOF_AREA: Field = Field::number(
    "geometry.roof_area_m2",
    t("屋面面积", "Roof area"),
    NumberKind::AREA_OR_ZERO,
);
/// Rotation added to every measured facade's azimuth.
pub const NORTH_OFFSET: Field = Field::number(
    "geometry.north_offset_deg",
    t(
        "北向修正（模型北 → 真北）",
        "North offset (model north → true north)",
    ),
    NumberKind::ANGLE,
);
/// Name of a measured facade.
pub const AREA_FACADE_NAME: Field = Field::of(
    "geometry.facades[*].name",
    t("立面名称", "Facade name"),
    Input::Text,
);
/// Outward azimuth of a measured facade.
pub const AREA_FACADE_AZIMUTH: Field = Field::number(
    "geometry.facades[*].azimuth_deg",
    t("外法线方位角", "Outward azimuth"),
    NumberKind::ANGLE,
);
/// Gross wall area of a measured facade.
pub const AREA_FACADE_WALL: Field = Field::number(
    "geometry.facades[*].wall_area_m2",
    t("立面总面积（含窗）", "Gross wall area (incl. windows)"),
    NumberKind::AREA,
);

// ---------------------------------------------------------------------------------------------
// Facades and envelope
// ---------------------------------------------------------------------------------------------

/// Window-to-wall ratio of a facade.
pub const FACADE_WWR: Field = Field::number("facades.*.wwr", Element::Wwr.label(), NumberKind::WWR)
    .typical(0.0, 0.9)
    .slider(0.01);
/// A facade's own window K (overrides the envelope's).
pub const FACADE_WINDOW_U: Field = Field::number(
    "facades.*.window_u",
    t("本立面外窗 K（可选）", "This facade's window K (optional)"),
    NumberKind::U_VALUE,
);
/// A facade's own window SHGC.
pub const FACADE_WINDOW_SHGC: Field = Field::number(
    "facades.*.window_shgc",
    t(
        "本立面外窗 SHGC（可选）",
        "This facade's window SHGC (optional)",
    ),
    NumberKind::SHGC,
);
/// External wall K.
pub const WALL_U: Field = Field::number(
    "envelope.wall_u",
    Element::WallU.label(),
    NumberKind::U_VALUE,
)
.typical(0.15, 1.0);
/// Roof K.
pub const ROOF_U: Field = Field::number(
    "envelope.roof_u",
    Element::RoofU.label(),
    NumberKind::U_VALUE,
)
.typical(0.1, 0.8);
/// Window K (every facade unless overridden).
pub const WINDOW_U: Field = Field::number(
    "envelope.window_u",
    Element::WindowU.label(),
    NumberKind::U_VALUE,
)
.typical(0.8, 3.2);
/// Window SHGC (every facade unless overridden).
pub const WINDOW_SHGC: Field = Field::number(
    "envelope.window_shgc",
    Element::WindowShgc.label(),
    NumberKind::SHGC,
)
.typical(0.15, 0.8);
/// Floor over outside air K.
pub const FLOOR_OVER_OUTSIDE_U: Field = Field::number(
    "envelope.floor_over_outside_u",
    Element::FloorOverOutsideU.label(),
    NumberKind::U_VALUE,
);
/// Area of floors over outside air.
pub const FLOOR_OVER_OUTSIDE_AREA: Field = Field::number(
    "envelope.floor_over_outside_area_m2",
    t("架空/外挑楼板面积", "Floor over outside air, area"),
    NumberKind::AREA_OR_ZERO,
);
/// Skylight area / roof area.
pub const SKYLIGHT_RATIO: Field = Field::number(
    "envelope.skylight_ratio",
    Element::SkylightRatio.label(),
    NumberKind::RATIO_CLOSED,
);
/// Skylight K.
pub const SKYLIGHT_U: Field = Field::number(
    "envelope.skylight_u",
    Element::SkylightU.label(),
    NumberKind::U_VALUE,
);
/// Skylight SHGC.
pub const SKYLIGHT_SHGC: Field = Field::number(
    "envelope.skylight_shgc",
    Element::SkylightShgc.label(),
    NumberKind::SHGC,
);
/// Perimeter ground insulation R.
pub const GROUND_PERIMETER_R: Field = Field::number(
    "envelope.ground_perimeter_r",
    Element::GroundPerimeterR.label(),
    NumberKind::R_VALUE,
);
/// Basement wall R.
pub const BASEMENT_WALL_R: Field = Field::number(
    "envelope.basement_wall_r",
    Element::BasementWallR.label(),
    NumberKind::R_VALUE,
);
/// Shape factor override.
pub const SHAPE_FACTOR: Field = Field::number(
    "envelope.shape_factor",
    t(
        "体形系数（CAD 值，可选）",
        "Shape factor (CAD value, optional)",
    ),
    NumberKind::SHAPE_FACTOR,
);

// ---------------------------------------------------------------------------------------------
// Estimate assumptions (defaults: core/data/energy_defaults.csv)
// ---------------------------------------------------------------------------------------------

/// Air changes per hour.
pub const ACH: Field = Field::number(
    "assumptions.air_changes_per_h",
    t("换气次数", "Air changes"),
    kind(0.0, true, 20.0, true, "1/h"),
);
/// Internal gains.
pub const GAINS: Field = Field::number(
    "assumptions.internal_gains_w_m2",
    t("室内得热", "Internal gains"),
    kind(0.0, true, 200.0, true, "W/m²"),
);
/// Heating set point.
pub const HEATING_SETPOINT: Field = Field::number(
    "assumptions.heating_setpoint_c",
    t("供暖设定温度", "Heating setpoint"),
    kind(5.0, true, 30.0, true, "°C"),
);
/// Cooling set point.
pub const COOLING_SETPOINT: Field = Field::number(
    "assumptions.cooling_setpoint_c",
    t("供冷设定温度", "Cooling setpoint"),
    kind(15.0, true, 40.0, true, "°C"),
);
/// Effective thermal capacity per m² of floor.
pub const THERMAL_CAPACITY: Field = Field::number(
    "assumptions.thermal_capacity_kj_m2k",
    t("有效热容", "Effective thermal capacity"),
    kind(1.0, true, 2000.0, true, "kJ/(m²·K)"),
);
/// Solar factor of windows.
pub const SHADING_FACTOR: Field = Field::number(
    "assumptions.shading_factor",
    t("遮阳修正系数", "Shading factor"),
    kind(0.0, true, 1.0, true, ""),
);
/// Thermal-bridge allowance.
pub const THERMAL_BRIDGE: Field = Field::number(
    "assumptions.thermal_bridge_du",
    t("热桥附加 ΔU", "Thermal-bridge allowance ΔU"),
    kind(0.0, true, 2.0, true, "W/(m²·K)"),
);
/// Heating system efficiency.
pub const HEATING_EFFICIENCY: Field = Field::number(
    "assumptions.heating_efficiency",
    t("供暖系统效率", "Heating system efficiency"),
    kind(0.05, true, 10.0, true, ""),
);
/// Cooling system EER.
pub const COOLING_EER: Field = Field::number(
    "assumptions.cooling_eer",
    t("供冷系统能效比 EER", "Cooling system EER"),
    kind(0.05, true, 20.0, true, ""),
);
/// Wall solar absorptance.
pub const WALL_ABSORPTANCE: Field = Field::number(
    "assumptions.wall_absorptance",
    t("外墙太阳辐射吸收系数", "Wall solar absorptance"),
    kind(0.0, true, 1.0, true, ""),
);
/// Roof solar absorptance.
pub const ROOF_ABSORPTANCE: Field = Field::number(
    "assumptions.roof_absorptance",
    t("屋面太阳辐射吸收系数", "Roof solar absorptance"),
    kind(0.0, true, 1.0, true, ""),
);
/// External surface resistance.
pub const SURFACE_RESISTANCE: Field = Field::number(
    "assumptions.external_surface_resistance",
    t("外表面换热阻 R_se", "External surface resistance R_se"),
    kind(0.0, true, 0.5, true, "m²·K/W"),
);
/// External radiative coefficient.
pub const SKY_RADIATION: Field = Field::number(
    "assumptions.sky_radiation_h_r",
    t(
        "外表面辐射换热系数 h_r",
        "External radiative coefficient h_r",
    ),
    kind(0.0, true, 10.0, true, "W/(m²·K)"),
);
/// Mean air − sky temperature difference.
pub const SKY_DIFFERENCE: Field = Field::number(
    "assumptions.sky_temperature_difference_k",
    t("空气与天空温差", "Air–sky temperature difference"),
    kind(0.0, true, 30.0, true, "K"),
);
/// ρc of air.
pub const AIR_CAPACITY: Field = Field::number(
    "assumptions.air_heat_capacity_wh_m3k",
    t("空气容积比热 ρc", "Air heat capacity ρc"),
    kind(0.1, true, 1.0, true, "Wh/(m³·K)"),
);
/// Half-width of the trade-off borderline band.
pub const TRADEOFF_BAND: Field = Field::number(
    "assumptions.tradeoff_band",
    t("权衡判断临界带宽", "Trade-off borderline band"),
    kind(0.0, true, 0.5, true, ""),
);
/// Sky view factor of the roof.
pub const ROOF_SKY_VIEW: Field = Field::number(
    "assumptions.roof_sky_view",
    t("屋面对天空角系数", "Roof sky view factor"),
    kind(0.0, true, 1.0, true, ""),
);
/// Sky view factor of the walls.
pub const WALL_SKY_VIEW: Field = Field::number(
    "assumptions.wall_sky_view",
    t("外墙对天空角系数", "Wall sky view factor"),
    kind(0.0, true, 1.0, true, ""),
);

/// Share of the internal gains on the air node (hourly method).
pub const GAINS_CONVECTIVE: Field = Field::number(
    "assumptions.internal_gains_convective_fraction",
    t("室内得热对流份额", "Convective share of internal gains"),
    kind(0.0, true, 1.0, true, ""),
);
/// The construction's thermal-mass class (sets C_m and A_m unless the capacity is given).
pub const CONSTRUCTION: Field = Field::of(
    "assumptions.construction",
    t(
        "建筑热容类别（ISO 13790）",
        "Thermal mass class (ISO 13790)",
    ),
    Input::Choice(Choices::Constructions),
);
/// Declared airtightness N50 (GB/T 51350 tier).
pub const AIRTIGHTNESS_N50: Field = Field::number(
    "envelope.airtightness_n50",
    t("建筑气密性 N50（设计值）", "Airtightness N50 (design)"),
    kind(0.0, false, 50.0, true, "1/h"),
);
/// Declared sensible heat-recovery efficiency of the fresh-air unit (GB/T 51350 tier).
pub const HEAT_RECOVERY: Field = Field::number(
    "ventilation.heat_recovery_efficiency",
    t(
        "新风热回收显热效率（设计值）",
        "Heat-recovery efficiency, sensible (design)",
    ),
    kind(0.0, true, 1.0, false, ""),
);

/// The estimate's assumption fields, in the order the report lists them.
pub const ASSUMPTIONS: [&Field; 19] = [
    &ACH,
    &GAINS,
    &HEATING_SETPOINT,
    &COOLING_SETPOINT,
    &THERMAL_CAPACITY,
    &SHADING_FACTOR,
    &THERMAL_BRIDGE,
    &HEATING_EFFICIENCY,
    &COOLING_EER,
    &WALL_ABSORPTANCE,
    &ROOF_ABSORPTANCE,
    &SURFACE_RESISTANCE,
    &SKY_RADIATION,
    &SKY_DIFFERENCE,
    &AIR_CAPACITY,
    &TRADEOFF_BAND,
    &ROOF_SKY_VIEW,
    &WALL_SKY_VIEW,
    &GAINS_CONVECTIVE,
];

// ---------------------------------------------------------------------------------------------
// PV (defaults: core/data/pv_defaults.csv)
// ---------------------------------------------------------------------------------------------

/// Roof area where PV can be installed.
pub const PV_ROOF: Field = Field::number(
    "pv.installable_roof_area_m2",
    t("可安装光伏屋面面积", "Installable roof area"),
    NumberKind::AREA_OR_ZERO,
);
/// PV module area.
pub const PV_MODULE: Field = Field::number(
    "pv.module_area_m2",
    t("组件面积", "Module area"),
    NumberKind::AREA_OR_ZERO,
);
/// Module efficiency.
pub const PV_EFFICIENCY: Field = Field::number(
    "pv.module_efficiency",
    t("组件效率", "Module efficiency"),
    NumberKind::EFFICIENCY,
);
/// Module tilt.
pub const PV_TILT: Field = Field::number("pv.tilt_deg", t("倾角", "Tilt"), NumberKind::TILT);
/// Module azimuth.
pub const PV_AZIMUTH: Field =
    Field::number("pv.azimuth_deg", t("方位角", "Azimuth"), NumberKind::ANGLE);
/// System loss.
pub const PV_LOSS: Field = Field::number(
    "pv.system_loss",
    t("系统损失", "System loss"),
    NumberKind::LOSS_RATIO,
);
/// Grid emission factor (a row id; a number in kgCO₂/kWh is accepted in the file).
pub const PV_GRID: Field = Field::of(
    "pv.grid_factor",
    t("电网排放因子", "Grid emission factor"),
    Input::Choice(Choices::GridFactors),
);

// ---------------------------------------------------------------------------------------------
// Green-building self-assessment (GB/T 50378)
// ---------------------------------------------------------------------------------------------

/// Edition.
pub const EDITION: Field = Field::of(
    "green.edition",
    t("评价标准版本", "Standard edition"),
    Input::Choice(Choices::Editions),
);
/// Stage.
pub const STAGE: Field = Field::of(
    "green.stage",
    t("评价阶段", "Stage"),
    Input::Choice(Choices::Stages),
);
/// Every prerequisite met.
pub const PREREQUISITES: Field = Field::of(
    "green.prerequisites_met",
    t("控制项全部满足", "All prerequisites met"),
    Input::Flag,
);
/// Full fit-out.
pub const FULL_FITOUT: Field = Field::of(
    "green.full_fitout",
    t("全装修", "Full fit-out"),
    Input::Flag,
);
/// Carbon statement.
pub const CARBON_STATEMENT: Field = Field::of(
    "green.carbon_statement",
    t("提供碳排放计算分析", "Carbon statement provided"),
    Input::Flag,
);
/// Window air-tightness.
pub const WINDOW_AIRTIGHTNESS: Field = Field::of(
    "green.window_airtightness_met",
    t(
        "外窗气密性满足节能标准",
        "Window air-tightness meets the code",
    ),
    Input::Flag,
);
/// The water-fixture efficiency grades of GB/T 50378 (1 best).
pub const WATER_GRADES: [(&str, Text); 3] = [
    ("1", t("1 级", "grade 1")),
    ("2", t("2 级", "grade 2")),
    ("3", t("3 级", "grade 3")),
];
/// Water-fixture efficiency grade.
pub const WATER_GRADE: Field = Field::of(
    "green.water_fixture_grade",
    t("卫生器具用水效率等级", "Water-fixture efficiency grade"),
    Input::NumberChoice(Choices::WaterGrades),
);
/// Residential sound insulation.
pub const SOUND: Field = Field::of(
    "green.sound_insulation",
    t("住宅隔声水平", "Residential sound insulation"),
    Input::Choice(Choices::SoundLevels),
);
/// Indoor pollutant reduction, %.
pub const POLLUTANT: Field = Field::number(
    "green.pollutant_reduction_pct",
    t("室内污染物浓度降低", "Indoor pollutant reduction"),
    NumberKind::new(
        NumberClass::Percent,
        Range::new(-1000.0, true, 100.0, true),
        "%",
        &[],
    ),
);
/// Green building materials share, %.
pub const GREEN_MATERIAL: Field = Field::number(
    "green.green_material_share_pct",
    t("绿色建材应用比例", "Green building materials share"),
    NumberKind::PERCENT,
);
/// Self-assessed points: safety.
pub const SA_SAFETY: Field = Field::number(
    "green.self_assessed.safety",
    t("安全耐久 自评分", "Safety & durability, self-assessed"),
    NumberKind::POINTS,
);
/// Self-assessed points: health.
pub const SA_HEALTH: Field = Field::number(
    "green.self_assessed.health",
    t("健康舒适 自评分", "Health & comfort, self-assessed"),
    NumberKind::POINTS,
);
/// Self-assessed points: convenience.
pub const SA_CONVENIENCE: Field = Field::number(
    "green.self_assessed.convenience",
    t("生活便利 自评分", "Convenience, self-assessed"),
    NumberKind::POINTS,
);
/// Self-assessed points: resources (other items).
pub const SA_RESOURCES: Field = Field::number(
    "green.self_assessed.resources",
    t("资源节约 其他项自评分", "Resource saving, other items"),
    NumberKind::POINTS,
);
/// Self-assessed points: environment.
pub const SA_ENVIRONMENT: Field = Field::number(
    "green.self_assessed.environment",
    t("环境宜居 自评分", "Environment, self-assessed"),
    NumberKind::POINTS,
);
/// Self-assessed points: bonus (other items).
pub const SA_BONUS: Field = Field::number(
    "green.self_assessed.bonus",
    t("提高与创新 其他项自评分", "Bonus, other items"),
    NumberKind::POINTS,
);

// ---------------------------------------------------------------------------------------------
// The Hebi plan's building facts (section `plan`, read by the plan scorecard)
// ---------------------------------------------------------------------------------------------

/// Government-invested or government-participated project.
pub const PLAN_GOV: Field = Field::of(
    "plan.government_invested",
    t(
        "政府投资或参与的项目",
        "Government-invested or -participated project",
    ),
    Input::YesNo,
);
/// Public-welfare building.
pub const PLAN_WELFARE: Field = Field::of(
    "plan.public_welfare",
    t("公益性建筑", "Public-welfare building"),
    Input::YesNo,
);
/// Building of a public institution (公共机构).
pub const PLAN_INSTITUTION: Field = Field::of(
    "plan.public_institution",
    t("公共机构建筑", "Public-institution building"),
    Input::YesNo,
);
/// Factory building.
pub const PLAN_FACTORY: Field =
    Field::of("plan.factory", t("厂房", "Factory building"), Input::YesNo);
/// Gross floor area incl. underground storeys.
pub const PLAN_AREA: Field = Field::number(
    "plan.gross_floor_area_m2",
    t(
        "总建筑面积（含地下，可选）",
        "Gross floor area incl. underground (optional)",
    ),
    NumberKind::AREA,
);
/// Assembly ratio (装配率).
pub const PLAN_ASSEMBLY: Field = Field::number(
    "plan.assembly_ratio",
    t("装配率", "Assembly ratio"),
    NumberKind::RATIO_CLOSED,
);
/// Planned construction waste on site.
pub const PLAN_WASTE: Field = Field::number(
    "plan.construction_waste_t",
    t(
        "施工现场建筑垃圾（计划排放量）",
        "Construction waste on site (planned)",
    ),
    kind(0.0, true, 1.0e7, true, "t"),
);
/// All-electric heating, hot water and cooking.
pub const PLAN_ELECTRIC: Field = Field::of(
    "plan.all_electric",
    t(
        "全电气化（供暖、热水、炊事）",
        "All-electric (heating, hot water, cooking)",
    ),
    Input::YesNo,
);
/// Electricity share of the building's energy use.
pub const PLAN_ELECTRICITY_SHARE: Field = Field::number(
    "plan.electricity_share",
    t("电力占建筑能耗比例", "Electricity share of energy use"),
    NumberKind::RATIO_CLOSED,
);
/// Solar thermal yield.
pub const PLAN_SOLAR_THERMAL: Field = Field::number(
    "plan.solar_thermal_kwh",
    t("太阳能光热年供能量", "Solar thermal yield"),
    kind(0.0, true, 1.0e9, true, "kWh/a"),
);
/// Ambient heat delivered by heat pumps.
pub const PLAN_AMBIENT_HEAT: Field = Field::number(
    "plan.ambient_heat_kwh",
    t("热泵利用环境热能年供能量", "Heat-pump ambient heat"),
    kind(0.0, true, 1.0e9, true, "kWh/a"),
);
/// The year whose progress report the project counts in (the plan asks every county to report its
/// targets' completion each November).
pub const PLAN_YEAR: Field = Field::number(
    "plan.year",
    t("统计年度（上报年份）", "Reporting year"),
    NumberKind::YEAR,
);
/// The county or district that reports the project (the plan makes each county responsible for its
/// targets and the city checks each one every year).
pub const PLAN_DISTRICT: Field = Field::of(
    "plan.district",
    t(
        "所属县区（上报单位）",
        "County or district (reporting unit)",
    ),
    Input::Text,
);
/// Other renewable energy.
pub const PLAN_OTHER_RENEWABLES: Field = Field::number(
    "plan.other_renewables_kwh",
    t("其他可再生能源年供能量", "Other renewable energy"),
    kind(0.0, true, 1.0e9, true, "kWh/a"),
);

// ---------------------------------------------------------------------------------------------
// Retrofit (the `retrofit` section, read by crate::retrofit; the existing building's values)
// ---------------------------------------------------------------------------------------------

/// Kind of retrofit (selects the plan's targets).
pub const RETROFIT_KIND: Field = Field::of(
    "retrofit.kind",
    t("改造类型", "Retrofit type"),
    Input::Choice(Choices::RetrofitKinds),
);
/// Note on the retrofit (e.g. where the existing values come from).
pub const RETROFIT_NOTE: Field =
    Field::of("retrofit.note", t("改造说明", "Retrofit note"), Input::Text);
/// Existing external wall K.
pub const EXISTING_WALL_U: Field = Field::number(
    "retrofit.existing.envelope.wall_u",
    t("改造前外墙 K", "Existing external wall K"),
    NumberKind::U_VALUE,
);
/// Existing roof K.
pub const EXISTING_ROOF_U: Field = Field::number(
    "retrofit.existing.envelope.roof_u",
    t("改造前屋面 K", "Existing roof K"),
    NumberKind::U_VALUE,
);
/// Existing window K.
pub const EXISTING_WINDOW_U: Field = Field::number(
    "retrofit.existing.envelope.window_u",
    t("改造前外窗 K", "Existing window K"),
    NumberKind::U_VALUE,
);
/// Existing window SHGC.
pub const EXISTING_WINDOW_SHGC: Field = Field::number(
    "retrofit.existing.envelope.window_shgc",
    t("改造前外窗 SHGC", "Existing window SHGC"),
    NumberKind::SHGC,
);
/// Existing floor over outside air K.
pub const EXISTING_FLOOR_OVER_OUTSIDE_U: Field = Field::number(
    "retrofit.existing.envelope.floor_over_outside_u",
    t("改造前架空/外挑楼板 K", "Existing floor over outside air K"),
    NumberKind::U_VALUE,
);
/// Existing skylight K.
pub const EXISTING_SKYLIGHT_U: Field = Field::number(
    "retrofit.existing.envelope.skylight_u",
    t("改造前天窗 K", "Existing skylight K"),
    NumberKind::U_VALUE,
);
/// Existing skylight SHGC.
pub const EXISTING_SKYLIGHT_SHGC: Field = Field::number(
    "retrofit.existing.envelope.skylight_shgc",
    t("改造前天窗 SHGC", "Existing skylight SHGC"),
    NumberKind::SHGC,
);
/// Existing perimeter ground R.
pub const EXISTING_GROUND_PERIMETER_R: Field = Field::number(
    "retrofit.existing.envelope.ground_perimeter_r",
    t("改造前周边地面 R", "Existing perimeter ground R"),
    NumberKind::R_VALUE,
);
/// Existing basement wall R.
pub const EXISTING_BASEMENT_WALL_R: Field = Field::number(
    "retrofit.existing.envelope.basement_wall_r",
    t("改造前地下室外墙 R", "Existing basement wall R"),
    NumberKind::R_VALUE,
);
/// Existing WWR of a facade (where the retrofit changes the windows' size).
pub const EXISTING_FACADE_WWR: Field = Field::number(
    "retrofit.existing.facades.*.wwr",
    t("改造前窗墙比", "Existing window-to-wall ratio"),
    NumberKind::WWR,
);
/// Existing window K of a facade.
pub const EXISTING_FACADE_WINDOW_U: Field = Field::number(
    "retrofit.existing.facades.*.window_u",
    t("改造前本立面外窗 K", "Existing window K of this facade"),
    NumberKind::U_VALUE,
);
/// Existing window SHGC of a facade.
pub const EXISTING_FACADE_WINDOW_SHGC: Field = Field::number(
    "retrofit.existing.facades.*.window_shgc",
    t(
        "改造前本立面外窗 SHGC",
        "Existing window SHGC of this facade",
    ),
    NumberKind::SHGC,
);

const fn mark(path: &'static str, label: Text) -> Field {
    Field::of(path, label, Input::Choice(Choices::RetrofitMarks))
}

/// External walls retrofitted or kept.
pub const MARK_WALL: Field = mark(
    "retrofit.elements.wall",
    t("外墙：改造/保留", "External walls: retrofitted or kept"),
);
/// Roof retrofitted or kept.
pub const MARK_ROOF: Field = mark(
    "retrofit.elements.roof",
    t("屋面：改造/保留", "Roof: retrofitted or kept"),
);
/// Windows retrofitted or kept.
pub const MARK_WINDOWS: Field = mark(
    "retrofit.elements.windows",
    t("外窗：改造/保留", "Windows: retrofitted or kept"),
);
/// Skylights retrofitted or kept.
pub const MARK_SKYLIGHT: Field = mark(
    "retrofit.elements.skylight",
    t("天窗：改造/保留", "Skylights: retrofitted or kept"),
);
/// Floor over outside air retrofitted or kept.
pub const MARK_FLOOR_OVER_OUTSIDE: Field = mark(
    "retrofit.elements.floor_over_outside",
    t(
        "架空/外挑楼板：改造/保留",
        "Floor over outside air: retrofitted or kept",
    ),
);
/// Perimeter ground insulation retrofitted or kept.
pub const MARK_GROUND_PERIMETER: Field = mark(
    "retrofit.elements.ground_perimeter",
    t(
        "周边地面：改造/保留",
        "Perimeter ground: retrofitted or kept",
    ),
);
/// Basement walls retrofitted or kept.
pub const MARK_BASEMENT_WALL: Field = mark(
    "retrofit.elements.basement_wall",
    t(
        "地下室外墙：改造/保留",
        "Basement walls: retrofitted or kept",
    ),
);

/// The retrofit fields, in form order.
pub const RETROFIT: [&Field; 21] = [
    &RETROFIT_KIND,
    &RETROFIT_NOTE,
    &EXISTING_WALL_U,
    &EXISTING_ROOF_U,
    &EXISTING_WINDOW_U,
    &EXISTING_WINDOW_SHGC,
    &EXISTING_FLOOR_OVER_OUTSIDE_U,
    &EXISTING_SKYLIGHT_U,
    &EXISTING_SKYLIGHT_SHGC,
    &EXISTING_GROUND_PERIMETER_R,
    &EXISTING_BASEMENT_WALL_R,
    &EXISTING_FACADE_WWR,
    &EXISTING_FACADE_WINDOW_U,
    &EXISTING_FACADE_WINDOW_SHGC,
    &MARK_WALL,
    &MARK_ROOF,
    &MARK_WINDOWS,
    &MARK_SKYLIGHT,
    &MARK_FLOOR_OVER_OUTSIDE,
    &MARK_GROUND_PERIMETER,
    &MARK_BASEMENT_WALL,
];

/// Every field of the registry.
pub const ALL: [&Field; 110] = [
    &NAME,
    &CITY,
    &USE,
    &STOREYS,
    &STOREY_HEIGHT,
    &LENGTH,
    &DEPTH,
    &ORIENTATION,
    &FLOOR_AREA,
    &VOLUME,
    &ROOF_AREA,
    &NORTH_OFFSET,
    &AREA_FACADE_NAME,
    &AREA_FACADE_AZIMUTH,
    &AREA_FACADE_WALL,
    &FACADE_WWR,
    &FACADE_WINDOW_U,
    &FACADE_WINDOW_SHGC,
    &WALL_U,
    &ROOF_U,
    &WINDOW_U,
    &WINDOW_SHGC,
    &FLOOR_OVER_OUTSIDE_U,
    &FLOOR_OVER_OUTSIDE_AREA,
    &SKYLIGHT_RATIO,
    &SKYLIGHT_U,
    &SKYLIGHT_SHGC,
    &GROUND_PERIMETER_R,
    &BASEMENT_WALL_R,
    &SHAPE_FACTOR,
    &ACH,
    &GAINS,
    &HEATING_SETPOINT,
    &COOLING_SETPOINT,
    &THERMAL_CAPACITY,
    &SHADING_FACTOR,
    &THERMAL_BRIDGE,
    &HEATING_EFFICIENCY,
    &COOLING_EER,
    &WALL_ABSORPTANCE,
    &ROOF_ABSORPTANCE,
    &SURFACE_RESISTANCE,
    &SKY_RADIATION,
    &SKY_DIFFERENCE,
    &AIR_CAPACITY,
    &TRADEOFF_BAND,
    &ROOF_SKY_VIEW,
    &WALL_SKY_VIEW,
    &GAINS_CONVECTIVE,
    &CONSTRUCTION,
    &AIRTIGHTNESS_N50,
    &HEAT_RECOVERY,
    &PV_ROOF,
    &PV_MODULE,
    &PV_EFFICIENCY,
    &PV_TILT,
    &PV_AZIMUTH,
    &PV_LOSS,
    &PV_GRID,
    &EDITION,
    &STAGE,
    &PREREQUISITES,
    &FULL_FITOUT,
    &CARBON_STATEMENT,
    &WINDOW_AIRTIGHTNESS,
    &WATER_GRADE,
    &SOUND,
    &POLLUTANT,
    &GREEN_MATERIAL,
    &SA_SAFETY,
    &SA_HEALTH,
    &SA_CONVENIENCE,
    &SA_RESOURCES,
    &SA_ENVIRONMENT,
    &SA_BONUS,
    &PLAN_GOV,
    &PLAN_WELFARE,
    &PLAN_INSTITUTION,
    &PLAN_FACTORY,
    &PLAN_AREA,
    &PLAN_ASSEMBLY,
    &PLAN_WASTE,
    &PLAN_ELECTRIC,
    &PLAN_ELECTRICITY_SHARE,
    &PLAN_SOLAR_THERMAL,
    &PLAN_AMBIENT_HEAT,
    &PLAN_OTHER_RENEWABLES,
    &PLAN_YEAR,
    &PLAN_DISTRICT,
    &RETROFIT_KIND,
    &RETROFIT_NOTE,
    &EXISTING_WALL_U,
    &EXISTING_ROOF_U,
    &EXISTING_WINDOW_U,
    &EXISTING_WINDOW_SHGC,
    &EXISTING_FLOOR_OVER_OUTSIDE_U,
    &EXISTING_SKYLIGHT_U,
    &EXISTING_SKYLIGHT_SHGC,
    &EXISTING_GROUND_PERIMETER_R,
    &EXISTING_BASEMENT_WALL_R,
    &EXISTING_FACADE_WWR,
    &EXISTING_FACADE_WINDOW_U,
    &EXISTING_FACADE_WINDOW_SHGC,
    &MARK_WALL,
    &MARK_ROOF,
    &MARK_WINDOWS,
    &MARK_SKYLIGHT,
    &MARK_FLOOR_OVER_OUTSIDE,
    &MARK_GROUND_PERIMETER,
    &MARK_BASEMENT_WALL,
];

/// The Chinese message for a value of the wrong JSON type at `path`: what the field takes, from the registry
/// (the parser's own detail is English and stays in the English message).
pub fn wrong_type_zh(path: &str) -> String {
    match find(path) {
        Some(f) => {
            let what = f.expected().0;
            // A space between Chinese and a Latin word ("应为 true、false").
            let gap = if what.starts_with(|c: char| c.is_ascii()) {
                " "
            } else {
                ""
            };
            format!("类型错误：应为{gap}{what}")
        }
        None => "类型或取值错误".into(),
    }
}

/// The field that edits a concrete project path (`facades.A.wwr`, `geometry.facades[2].azimuth_deg`).
pub fn find(path: &str) -> Option<&'static Field> {
    ALL.iter().copied().find(|f| f.matches(path))
}
