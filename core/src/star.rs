//! Green-building star-rating eligibility (GB/T 50378-2019, 2019 and 2024 editions).
//!
//! Pure and sans-I/O: every number of the standard lives in the tables `core/data/star_*.csv`
//! (validated and turned into statics at build time by `core/build.rs`); the logic
//! here never contains a literal threshold. Each data row carries its clause and its
//! provenance (`T` official text, `S` secondhand, `M` unverified, `I` inferred).
//!
//! * `star_categories.csv` — category maxima per edition and stage (table 3.2.7), with the
//!   30 % floor of clause 3.2.8.
//! * `star_levels.csv` — total-score thresholds 60 / 70 / 85 (clause 3.2.8).
//! * `star_gates.csv` — table 3.2.8 rows per edition and star. A row may carry an
//!   alternative quantity (`envelope improvement` **or** `load reduction`).
//! * `star_ladders.csv` — scoring ladders of the computed items 7.2.4, 7.2.8, 7.2.9, 9.2.1,
//!   as rows with a rule: `step` (threshold → points, best row reached), `increment`
//!   (threshold → points, then `+step_points` per **full** further `step` %, up to `cap`)
//!   or `linear` (`points` at or above `threshold`, proportional below).
//!
//! Decisions (documented in the report's `notes` as well):
//! * Units: the caller's [`StarMetrics`] are fractions (0.05 = 5 %); the designer's
//!   [`GreenInput`] percentages and everything in the [`StarReport`] are percent.
//! * Comparisons tolerate 1e-9 (in percent or points) so that 0.05 × 100 reaches 5 %.
//! * "+k per further 1 %" counts only **full** further steps: 7.5 % improvement → 5 + 2 = 7.
//! * The 2024 linear renewable score is rounded **down** to 0.1 point (5 % → 7.5 points,
//!   3.33 % → 4.9 points); it never overstates.
//! * 2019 7.2.9: the three shares of table 7.2.9 (hot water, heating/cooling, electricity)
//!   are not added: the best one counts (not confirmed by the text).
//! * 2024 7.2.9: the renewable utilisation rate is taken as `renewable_share`
//!   (PV and solar-thermal delivered energy / building energy use); not defined in the text.
//! * 9.2.1 (both editions) and 7.2.8 use `energy_reduction` from the energy estimate.
//! * The envelope improvement of the building is the smallest element improvement
//!   ([`envelope_improvement`]).
//! * A missing metric or an unentered designer value makes its gate *undetermined*, never
//!   failed; a computed item whose metrics are all missing scores 0 and is marked
//!   undetermined, and a floor or total gate that would pass with those items at their
//!   maximum is undetermined too. `level` is the level confirmed by passing gates;
//!   `potential_level` is reached if every undetermined gate turned out to pass.
//! * Residential-only rows (window K, sound insulation) are not applicable to other buildings.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::sync::OnceLock;

pub use crate::columns::star::{Category, Edition, Provenance, Quantity, Rule, Stage, StarLevel};

/// Tolerance of comparisons, in percent or points.
const EPS: f64 = 1e-9;

// ---------------------------------------------------------------------------------------
// Enumerations (those that are table columns are defined in `crate::columns`, shared with
// build.rs; their behaviour is here)
// ---------------------------------------------------------------------------------------

impl Category {
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            Category::Prerequisites => ("Q0 prerequisites", "Q0 控制项基础分"),
            Category::Safety => ("Q1 safety & durability", "Q1 安全耐久"),
            Category::Health => ("Q2 health & comfort", "Q2 健康舒适"),
            Category::Convenience => ("Q3 occupant convenience", "Q3 生活便利"),
            Category::Resources => ("Q4 resource saving", "Q4 资源节约"),
            Category::Environment => ("Q5 environment livability", "Q5 环境宜居"),
            Category::Bonus => ("QA bonus", "QA 提高与创新"),
        }
    }

    fn field(self) -> &'static str {
        match self {
            Category::Prerequisites => "green.prerequisites_met",
            Category::Safety => "green.self_assessed.safety",
            Category::Health => "green.self_assessed.health",
            Category::Convenience => "green.self_assessed.convenience",
            Category::Resources => "green.self_assessed.resources",
            Category::Environment => "green.self_assessed.environment",
            Category::Bonus => "green.self_assessed.bonus",
        }
    }

    /// Id of the 30 % floor gate: `floor_` and the last segment of [`Category::field`].
    fn floor_gate_id(self) -> &'static str {
        match self {
            Category::Prerequisites => "floor_prerequisites_met",
            Category::Safety => "floor_safety",
            Category::Health => "floor_health",
            Category::Convenience => "floor_convenience",
            Category::Resources => "floor_resources",
            Category::Environment => "floor_environment",
            Category::Bonus => "floor_bonus",
        }
    }
}

impl StarLevel {
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            StarLevel::None => ("not rated", "未达基本级"),
            StarLevel::Basic => ("basic", "基本级"),
            StarLevel::One => ("1★", "一星级"),
            StarLevel::Two => ("2★", "二星级"),
            StarLevel::Three => ("3★", "三星级"),
        }
    }
}

/// Residential sound-insulation level as entered by the designer (table 3.2.8).
///
/// 2019: `low` = GB 50118 low limit, `mid` = average of the low and high limits, `high` =
/// high limit. 2024: `mid` = bedroom party walls and floors DnT,w+Ctr ≥ 47 dB and
/// L'nT,w ≤ 60 dB; `high` = ≥ 50 dB and ≤ 55 dB; `low` = GB 50118 minimum only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SoundInsulation {
    /// Below the GB 50118 low limit.
    None,
    /// Low limit only.
    Low,
    /// Middle level (see the type doc per edition).
    Mid,
    /// High level (see the type doc per edition).
    High,
}

impl SoundInsulation {
    fn rank(self) -> f64 {
        match self {
            SoundInsulation::None => 0.0,
            SoundInsulation::Low => 1.0,
            SoundInsulation::Mid => 2.0,
            SoundInsulation::High => 3.0,
        }
    }

    fn rank_labels(rank: f64) -> (&'static str, &'static str) {
        if rank >= 3.0 - EPS {
            ("high", "高要求")
        } else if rank >= 2.0 - EPS {
            ("mid", "中间值")
        } else if rank >= 1.0 - EPS {
            ("low", "低限")
        } else {
            ("none", "未达低限")
        }
    }
}

impl Quantity {
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            Quantity::EnvelopeImprovement => ("envelope improvement", "围护结构热工性能提高比例"),
            Quantity::LoadReduction => ("load reduction", "供暖空调负荷降低比例"),
            Quantity::EnergyReduction => ("energy reduction vs GB 55015", "建筑能耗降低比例"),
            Quantity::RenewableShare => ("renewable share", "可再生能源利用比例"),
            Quantity::RenewableDhwShare => {
                ("renewable hot-water share", "可再生能源提供生活热水比例")
            }
            Quantity::RenewableHeatingCoolingShare => (
                "renewable heating/cooling share",
                "可再生能源提供冷量和热量比例",
            ),
            Quantity::WindowKReduction => {
                ("residential window K reduction", "外窗传热系数降低比例")
            }
            Quantity::WaterFixtureGrade => ("water-fixture efficiency", "节水器具用水效率"),
            Quantity::SoundInsulation => ("sound insulation", "住宅隔声性能"),
            Quantity::PollutantReduction => (
                "indoor pollutant reduction",
                "室内主要空气污染物浓度降低比例",
            ),
            Quantity::GreenMaterialShare => ("green material share", "绿色建材应用比例"),
            Quantity::CarbonStatement => (
                "whole-life carbon statement with reduction measures",
                "建筑碳排放强度分析及降碳措施",
            ),
            Quantity::WindowAirtightness => (
                "window air-tightness met and joints sealed",
                "外窗气密性能符合节能标准且安装密封",
            ),
            Quantity::Prerequisites => ("all prerequisites met", "满足全部控制项"),
            Quantity::FullFitout => ("full fit-out", "全装修"),
            Quantity::CategoryPoints => ("category points", "分类得分"),
            Quantity::TotalScore => ("total score Q", "总得分 Q"),
        }
    }

    fn unit(self) -> Unit {
        match self {
            Quantity::WaterFixtureGrade => Unit::Grade,
            Quantity::SoundInsulation => Unit::Level,
            Quantity::CarbonStatement
            | Quantity::WindowAirtightness
            | Quantity::Prerequisites
            | Quantity::FullFitout => Unit::Flag,
            Quantity::CategoryPoints | Quantity::TotalScore => Unit::Points,
            _ => Unit::Percent,
        }
    }
}

/// Unit of a gate condition's `required` / `current` / `shortfall`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Percent; higher is better.
    Percent,
    /// Points; higher is better.
    Points,
    /// Efficiency grade; lower is better (1 best).
    Grade,
    /// Sound-insulation rank 0..=3; higher is better.
    Level,
    /// Yes/no as 1/0.
    Flag,
}

/// Outcome of a gate or of one of its conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateStatus {
    /// Requirement met.
    Pass,
    /// Requirement not met.
    Fail,
    /// A value needed to decide is missing.
    Undetermined,
}

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

/// Self-assessed points of the items the calculator does not compute, per category.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SelfAssessed {
    /// Q1 safety and durability.
    pub safety: f64,
    /// Q2 health and comfort.
    pub health: f64,
    /// Q3 occupant convenience.
    pub convenience: f64,
    /// Q4 resource saving, excluding 7.2.4, 7.2.8 and 7.2.9.
    pub resources: f64,
    /// Q5 environment livability.
    pub environment: f64,
    /// QA bonus, excluding 9.2.1.
    pub bonus: f64,
}

impl SelfAssessed {
    fn get(&self, c: Category) -> f64 {
        match c {
            Category::Prerequisites => 0.0,
            Category::Safety => self.safety,
            Category::Health => self.health,
            Category::Convenience => self.convenience,
            Category::Resources => self.resources,
            Category::Environment => self.environment,
            Category::Bonus => self.bonus,
        }
    }

    fn set(&mut self, c: Category, v: f64) {
        match c {
            Category::Prerequisites => {}
            Category::Safety => self.safety = v,
            Category::Health => self.health = v,
            Category::Convenience => self.convenience = v,
            Category::Resources => self.resources = v,
            Category::Environment => self.environment = v,
            Category::Bonus => self.bonus = v,
        }
    }
}

/// The project's `green` section: what the designer enters. Every field is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GreenInput {
    /// Edition, `"2019"` or `"2024"` (default).
    pub edition: Edition,
    /// Stage, `"pre"` (default) or `"final"`.
    pub stage: Stage,
    /// Every prerequisite (控制项) met.
    pub prerequisites_met: bool,
    /// Full fit-out (全装修).
    pub full_fitout: bool,
    /// Expected points of the items not computed here.
    pub self_assessed: SelfAssessed,
    /// Water-saving fixture efficiency grade, 1 (best) to 3; `None` = not entered.
    pub water_fixture_grade: Option<u8>,
    /// Residential sound insulation level; `None` = not entered.
    pub sound_insulation: Option<SoundInsulation>,
    /// Indoor main pollutant concentration reduction, %.
    pub pollutant_reduction_pct: Option<f64>,
    /// Green building materials share, %.
    pub green_material_share_pct: Option<f64>,
    /// Whole-life carbon intensity stated with reduction measures.
    pub carbon_statement: bool,
    /// Window air-tightness meets the energy code and the opening/frame joint is sealed.
    pub window_airtightness_met: bool,
}

/// Metrics computed by the other modules, as **fractions** (0.05 = 5 %). `None` = unknown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StarMetrics {
    /// Envelope improvement per element: (element id, improvement fraction); see
    /// [`envelope_improvement`]. Empty = unknown.
    pub envelope: Vec<(String, f64)>,
    /// 1 − (design heating + cooling load) / (reference load).
    pub load_reduction: Option<f64>,
    /// Energy reduction vs GB 55015 (used by 7.2.8 and 9.2.1).
    pub energy_reduction: Option<f64>,
    /// Residential window K reduction, worst window.
    pub window_k_reduction: Option<f64>,
    /// Renewable share: 2019 = share of electricity, 2024 = utilisation rate.
    pub renewable_share: Option<f64>,
    /// 2019 table 7.2.9: share of domestic hot water from renewables.
    pub renewable_dhw_share: Option<f64>,
    /// 2019 table 7.2.9: share of heating and cooling from renewables.
    pub renewable_heating_cooling_share: Option<f64>,
    /// Residential building (window K and sound rows apply).
    pub is_residential: bool,
}

// ---------------------------------------------------------------------------------------
// Envelope improvement
// ---------------------------------------------------------------------------------------

/// Improvement of one envelope element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ElementImprovement {
    /// Element id (roof, wall, floor, window, SHGC …).
    pub id: String,
    /// Limit value (GB 55015, same building).
    pub limit: f64,
    /// Design value.
    pub design: f64,
    /// (limit − design) / limit, as a fraction.
    pub improvement: f64,
}

/// Envelope improvement of every element and of the building.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnvelopeImprovement {
    /// Each element, in input order.
    pub elements: Vec<ElementImprovement>,
    /// The building's improvement: the smallest element improvement (`None` if no element).
    pub building: Option<f64>,
    /// Id of the element that governs (holds the level back).
    pub governing: Option<String>,
}

impl EnvelopeImprovement {
    /// The `(id, improvement)` list expected by [`StarMetrics::envelope`].
    pub fn to_metrics(&self) -> Vec<(String, f64)> {
        self.elements
            .iter()
            .map(|e| (e.id.clone(), e.improvement))
            .collect()
    }
}

/// Envelope improvement per element `(id, limit, design)` = (limit − design) / limit; the
/// building's improvement is the minimum (conservative "every element" reading of the digest).
///
/// Errors: a non-finite value or a limit ≤ 0 (the field names the element).
pub fn envelope_improvement(
    elements: &[(String, f64, f64)],
) -> Result<EnvelopeImprovement, StarError> {
    let mut out = EnvelopeImprovement::default();
    for (id, limit, design) in elements {
        if !limit.is_finite() || *limit <= 0.0 {
            return Err(StarError::OutOfRange {
                field: format!("envelope[{id}].limit"),
                value: *limit,
                min: 0.0,
                max: f64::INFINITY,
            });
        }
        if !design.is_finite() || *design < 0.0 {
            return Err(StarError::OutOfRange {
                field: format!("envelope[{id}].design"),
                value: *design,
                min: 0.0,
                max: f64::INFINITY,
            });
        }
        let improvement = (limit - design) / limit;
        out.elements.push(ElementImprovement {
            id: id.clone(),
            limit: *limit,
            design: *design,
            improvement,
        });
    }
    // The first smallest element, as `min_element` picks it (without the `to_metrics` copy).
    let mut best: Option<&ElementImprovement> = None;
    for e in &out.elements {
        if best.map_or(true, |b| e.improvement < b.improvement) {
            best = Some(e);
        }
    }
    let governing = best.map(|e| e.id.clone());
    out.building = best.map(|e| e.improvement);
    out.governing = governing;
    Ok(out)
}

fn min_element(list: &[(String, f64)]) -> (Option<f64>, Option<String>) {
    let mut best: Option<(f64, &str)> = None;
    for (id, v) in list {
        if best.map_or(true, |(b, _)| *v < b) {
            best = Some((*v, id));
        }
    }
    match best {
        Some((v, id)) => (Some(v), Some(id.to_string())),
        None => (None, None),
    }
}

// ---------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------

/// Score of one category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    /// Category.
    pub category: Category,
    /// Designer's self-assessed points.
    pub self_assessed: f64,
    /// Points of the computed items in this category.
    pub computed: f64,
    /// Category score (capped at `max`).
    pub score: f64,
    /// Category maximum for the edition and stage.
    pub max: f64,
    /// 30 % floor required for a star (`None` for Q0 and QA).
    pub floor: Option<f64>,
    /// Clause of the maximum.
    pub clause: Cow<'static, str>,
    /// Provenance of the maximum.
    pub provenance: Provenance,
}

/// One basis of a computed item (e.g. 7.2.4 by envelope improvement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BasisScore {
    /// Quantity scored.
    pub quantity: Quantity,
    /// Ladder rule.
    pub rule: Rule,
    /// Value in percent (`None` = metric missing).
    pub value_pct: Option<f64>,
    /// Points earned by this basis (`None` = metric missing).
    pub points: Option<f64>,
    /// Most points this basis can give.
    pub max_points: f64,
    /// Note of the data row.
    pub note: Cow<'static, str>,
    /// Provenance of the data row.
    pub provenance: Provenance,
}

/// A computed scoring item (7.2.4, 7.2.8, 7.2.9, 9.2.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemScore {
    /// Clause, e.g. `"7.2.4"`.
    pub clause: Cow<'static, str>,
    /// Category the points go to.
    pub category: Category,
    /// Points awarded (best basis; 0 if undetermined).
    pub points: f64,
    /// Maximum points of the item in this edition.
    pub max_points: f64,
    /// False when every metric of the item is missing.
    pub determined: bool,
    /// Basis that gave the points.
    pub basis: Option<Quantity>,
    /// Every basis considered.
    pub bases: Vec<BasisScore>,
    /// Explanation, English.
    pub basis_en: String,
    /// Explanation, Chinese.
    pub basis_zh: String,
}

/// One condition of a gate; a gate passes if any of its conditions passes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// Quantity checked.
    pub quantity: Quantity,
    /// Category, for [`Quantity::CategoryPoints`].
    pub category: Option<Category>,
    /// Unit of the numbers below.
    pub unit: Unit,
    /// Required value.
    pub required: f64,
    /// Current value (`None` = unknown).
    pub current: Option<f64>,
    /// How far from the requirement (≥ 0; `None` when unknown).
    pub shortfall: Option<f64>,
    /// Outcome.
    pub status: GateStatus,
}

/// A requirement for a star level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    /// Stable id, e.g. `"envelope_improvement"`, `"floor_safety"`, `"total"`.
    pub id: Cow<'static, str>,
    /// Clause cited.
    pub clause: Cow<'static, str>,
    /// Provenance of the required value.
    pub provenance: Provenance,
    /// Outcome (any condition passing passes the gate).
    pub status: GateStatus,
    /// Alternatives (OR).
    pub conditions: Vec<Condition>,
    /// Message, English.
    pub text_en: String,
    /// Message, Chinese.
    pub text_zh: String,
}

/// The gates not passed for one level above the one reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelGates {
    /// Level.
    pub level: StarLevel,
    /// Failing and undetermined gates.
    pub gates: Vec<Gate>,
}

/// A bilingual note (assumption or caveat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// English.
    pub en: Cow<'static, str>,
    /// Chinese.
    pub zh: Cow<'static, str>,
}

/// The report section `star`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StarReport {
    /// Edition used.
    pub edition: Edition,
    /// Stage used.
    pub stage: Stage,
    /// Q0 prerequisites base score.
    pub q0: f64,
    /// Q1 safety and durability.
    pub q1: f64,
    /// Q2 health and comfort.
    pub q2: f64,
    /// Q3 occupant convenience.
    pub q3: f64,
    /// Q4 resource saving.
    pub q4: f64,
    /// Q5 environment livability.
    pub q5: f64,
    /// QA bonus.
    pub qa: f64,
    /// Total Q = (Q0 + Q1 + … + Q5 + QA) / 10 (not rounded).
    pub q: f64,
    /// Per category: score, max, floor.
    pub categories: Vec<CategoryScore>,
    /// Computed items with their basis.
    pub items: Vec<ItemScore>,
    /// Envelope improvement per element, percent, and the building's (minimum).
    pub envelope_elements_pct: Vec<(String, f64)>,
    /// Building envelope improvement, percent.
    pub envelope_improvement_pct: Option<f64>,
    /// Element that governs the envelope improvement.
    pub envelope_governing: Option<String>,
    /// Level confirmed by passing gates.
    pub level: StarLevel,
    /// Level reached if every undetermined gate passed.
    pub potential_level: StarLevel,
    /// For each level above `level`: the gates that fail or are undetermined.
    pub next_levels: Vec<LevelGates>,
    /// Assumptions and caveats.
    pub notes: Vec<Note>,
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// Validation or data error; every variant names the field (or table) at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StarError {
    /// Self-assessed points above the category maximum minus the computed items' maximum.
    #[error("{field}: {value} points exceed the allowed {allowed} (category maximum {category_max} minus {computed_max} for the computed items)")]
    PointsTooHigh {
        /// Field.
        field: String,
        /// Value entered.
        value: f64,
        /// Largest value allowed.
        allowed: f64,
        /// Category maximum.
        category_max: f64,
        /// Maximum points of the computed items in the category.
        computed_max: f64,
    },
    /// A value outside its range, or not a finite number.
    #[error("{field}: {value} is outside the range {min} to {max}")]
    OutOfRange {
        /// Field.
        field: String,
        /// Value given.
        value: f64,
        /// Minimum.
        min: f64,
        /// Maximum.
        max: f64,
    },
    /// The embedded data tables are inconsistent (a maintainer's error).
    #[error("star-rating data table {table}: {detail}")]
    Data {
        /// Table file.
        table: String,
        /// What is wrong.
        detail: String,
    },
}

impl StarError {
    /// Field (or data table) at fault.
    pub fn field(&self) -> &str {
        match self {
            StarError::PointsTooHigh { field, .. } | StarError::OutOfRange { field, .. } => field,
            StarError::Data { table, .. } => table,
        }
    }

    /// Message in English.
    pub fn message_en(&self) -> String {
        self.to_string()
    }

    /// Message in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            StarError::PointsTooHigh {
                field,
                value,
                allowed,
                category_max,
                computed_max,
            } => format!(
                "{field}：自评得分 {} 超过允许值 {}（该类满分 {} 减去计算项满分 {}）",
                num(*value),
                num(*allowed),
                num(*category_max),
                num(*computed_max)
            ),
            StarError::OutOfRange {
                field,
                value,
                min,
                max,
            } => format!(
                "{field}：数值 {} 超出范围 {} 至 {}",
                num(*value),
                num(*min),
                num(*max)
            ),
            StarError::Data { table, detail } => format!("星级评价数据表 {table} 有误：{detail}"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Data tables
// ---------------------------------------------------------------------------------------

// `CATEGORY_ROWS`, `LEVEL_ROWS`, `GATE_ROWS`, `LADDER_ROWS`: the `star_*.csv` tables, validated
// (one row per key, consistent ladders; see `crate::schema::star`) and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/star_categories.rs"));
include!(concat!(env!("OUT_DIR"), "/star_levels.rs"));
include!(concat!(env!("OUT_DIR"), "/star_gates.rs"));
include!(concat!(env!("OUT_DIR"), "/star_ladders.rs"));

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
struct CategoryRow {
    edition: Edition,
    stage: Stage,
    category: Category,
    max: f64,
    floor_pct: Option<f64>,
    clause: &'static str,
    provenance: Provenance,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
struct LevelRow {
    edition: Edition,
    level: StarLevel,
    min_total: f64,
    clause: &'static str,
    provenance: Provenance,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
struct GateRow {
    edition: Edition,
    level: StarLevel,
    quantity: Quantity,
    required: f64,
    alt_quantity: Option<Quantity>,
    alt_required: Option<f64>,
    residential_only: bool,
    clause: &'static str,
    provenance: Provenance,
    /// Gate id (the quantity's serde name).
    id: &'static str,
}

#[derive(Debug, Clone)]
#[cfg_attr(test, derive(Serialize))]
struct LadderRow {
    edition: Edition,
    item: &'static str,
    category: Category,
    basis: Quantity,
    rule: Rule,
    threshold: f64,
    points: f64,
    step: Option<f64>,
    step_points: Option<f64>,
    cap: Option<f64>,
    provenance: Provenance,
    note: &'static str,
}

/// A computed item of an edition: clause, category and its ladder rows grouped by basis.
type Item = (&'static str, Category, Vec<Vec<&'static LadderRow>>);

#[derive(Debug)]
struct StarData {
    categories: &'static [CategoryRow],
    levels: &'static [LevelRow],
    gates: &'static [GateRow],
    ladders: &'static [LadderRow],
}

fn data_err(table: &str, detail: String) -> StarError {
    StarError::Data {
        table: table.to_string(),
        detail,
    }
}

fn data() -> &'static StarData {
    static DATA: StarData = StarData {
        categories: CATEGORY_ROWS,
        levels: LEVEL_ROWS,
        gates: GATE_ROWS,
        ladders: LADDER_ROWS,
    };
    &DATA
}

impl StarData {
    fn category(&self, ed: Edition, st: Stage, c: Category) -> Result<&CategoryRow, StarError> {
        self.categories
            .iter()
            .find(|r| r.edition == ed && r.stage == st && r.category == c)
            .ok_or_else(|| data_err("star_categories.csv", format!("missing {c:?}")))
    }

    /// Items of an edition in data order, each with its rows grouped by basis (built once).
    fn items(&'static self, ed: Edition) -> &'static [Item] {
        static ITEMS: OnceLock<[Vec<Item>; 2]> = OnceLock::new();
        let [e2019, e2024] = ITEMS.get_or_init(|| {
            [
                self.build_items(Edition::E2019),
                self.build_items(Edition::E2024),
            ]
        });
        match ed {
            Edition::E2019 => e2019,
            Edition::E2024 => e2024,
        }
    }

    fn build_items(&'static self, ed: Edition) -> Vec<Item> {
        let mut out: Vec<Item> = Vec::new();
        for r in self.ladders.iter().filter(|r| r.edition == ed) {
            let idx = match out.iter().position(|(i, _, _)| *i == r.item) {
                Some(i) => i,
                None => {
                    out.push((r.item, r.category, Vec::new()));
                    out.len() - 1
                }
            };
            if let Some((_, _, bases)) = out.get_mut(idx) {
                match bases
                    .iter_mut()
                    .find(|b| b.first().is_some_and(|f| f.basis == r.basis))
                {
                    Some(b) => b.push(r),
                    None => bases.push(vec![r]),
                }
            }
        }
        out
    }

    /// Most points the computed items of `c` can give in `ed`.
    fn computed_max(&'static self, ed: Edition, c: Category) -> f64 {
        self.items(ed)
            .iter()
            .filter(|(_, cat, _)| *cat == c)
            .map(|(_, _, bases)| bases.iter().map(|b| basis_max(b)).fold(0.0, f64::max))
            .sum()
    }
}

// ---------------------------------------------------------------------------------------
// Ladders
// ---------------------------------------------------------------------------------------

fn basis_max(rows: &[&LadderRow]) -> f64 {
    rows.iter()
        .map(|r| match r.rule {
            Rule::Step | Rule::Linear => r.points,
            Rule::Increment => r.cap.unwrap_or(r.points),
        })
        .fold(0.0, f64::max)
}

/// Points of one ladder (`rows` share edition, item and basis) for a value in percent.
fn ladder_points(rows: &[&LadderRow], value: f64) -> f64 {
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

// ---------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------

/// Allowed self-assessed points per category: category maximum minus the maximum points of
/// the computed items in it (resources: minus 7.2.4 + 7.2.8 + 7.2.9; bonus: minus 9.2.1).
pub fn self_assessed_limits(edition: Edition, stage: Stage) -> Result<SelfAssessed, StarError> {
    let d = data();
    let mut out = SelfAssessed::default();
    for c in Category::ALL {
        let max = d.category(edition, stage, c)?.max;
        out.set(c, (max - d.computed_max(edition, c)).max(0.0));
    }
    Ok(out)
}

fn check_range(field: &str, v: f64, min: f64, max: f64) -> Result<(), StarError> {
    if v.is_finite() && v >= min && v <= max {
        Ok(())
    } else {
        Err(StarError::OutOfRange {
            field: field.to_string(),
            value: v,
            min,
            max,
        })
    }
}

fn validate(d: &'static StarData, input: &GreenInput, m: &StarMetrics) -> Result<(), StarError> {
    for c in Category::ALL {
        if c == Category::Prerequisites {
            continue;
        }
        let v = input.self_assessed.get(c);
        check_range(c.field(), v, 0.0, f64::MAX)?;
        let category_max = d.category(input.edition, input.stage, c)?.max;
        let computed_max = d.computed_max(input.edition, c);
        let allowed = (category_max - computed_max).max(0.0);
        if v > allowed + EPS {
            return Err(StarError::PointsTooHigh {
                field: c.field().to_string(),
                value: v,
                allowed,
                category_max,
                computed_max,
            });
        }
    }
    if let Some(g) = input.water_fixture_grade {
        check_range("green.water_fixture_grade", f64::from(g), 1.0, 3.0)?;
    }
    if let Some(p) = input.pollutant_reduction_pct {
        check_range("green.pollutant_reduction_pct", p, -1000.0, 100.0)?;
    }
    if let Some(p) = input.green_material_share_pct {
        check_range("green.green_material_share_pct", p, 0.0, 100.0)?;
    }
    let fractions = [
        ("metrics.load_reduction", m.load_reduction),
        ("metrics.energy_reduction", m.energy_reduction),
        ("metrics.window_k_reduction", m.window_k_reduction),
        ("metrics.renewable_share", m.renewable_share),
        ("metrics.renewable_dhw_share", m.renewable_dhw_share),
        (
            "metrics.renewable_heating_cooling_share",
            m.renewable_heating_cooling_share,
        ),
    ];
    for (field, v) in fractions {
        if let Some(v) = v {
            check_range(field, v, -1000.0, 1.0)?;
        }
    }
    for (id, v) in &m.envelope {
        // The field path is only formatted for an error.
        if check_range("", *v, -1000.0, 1.0).is_err() {
            check_range(&format!("metrics.envelope[{id}]"), *v, -1000.0, 1.0)?;
        }
    }
    Ok(())
}

/// Metric value in percent for a ladder basis or a gate quantity.
fn metric_pct(q: Quantity, m: &StarMetrics, envelope: Option<f64>) -> Option<f64> {
    let v = match q {
        Quantity::EnvelopeImprovement => envelope,
        Quantity::LoadReduction => m.load_reduction,
        Quantity::EnergyReduction => m.energy_reduction,
        Quantity::RenewableShare => m.renewable_share,
        Quantity::RenewableDhwShare => m.renewable_dhw_share,
        Quantity::RenewableHeatingCoolingShare => m.renewable_heating_cooling_share,
        Quantity::WindowKReduction => m.window_k_reduction,
        _ => None,
    };
    v.map(|x| x * 100.0)
}

/// Current value of a table 3.2.8 quantity, in its unit.
fn current_value(q: Quantity, g: &GreenInput, m: &StarMetrics, env: Option<f64>) -> Option<f64> {
    let flag = |b: bool| Some(if b { 1.0 } else { 0.0 });
    match q {
        Quantity::WaterFixtureGrade => g.water_fixture_grade.map(f64::from),
        Quantity::SoundInsulation => g.sound_insulation.map(SoundInsulation::rank),
        Quantity::PollutantReduction => g.pollutant_reduction_pct,
        Quantity::GreenMaterialShare => g.green_material_share_pct,
        Quantity::CarbonStatement => flag(g.carbon_statement),
        Quantity::WindowAirtightness => flag(g.window_airtightness_met),
        Quantity::Prerequisites => flag(g.prerequisites_met),
        Quantity::FullFitout => flag(g.full_fitout),
        _ => metric_pct(q, m, env),
    }
}

/// Builds a condition; `upper` is the most the current value could still reach when some
/// metric is missing (a failure that `upper` would pass is undetermined).
fn condition(
    quantity: Quantity,
    category: Option<Category>,
    required: f64,
    current: Option<f64>,
    upper: Option<f64>,
) -> Condition {
    let unit = quantity.unit();
    let gap = |cur: f64| match unit {
        Unit::Grade => cur - required,
        _ => required - cur,
    };
    let (status, shortfall) = match current {
        None => (GateStatus::Undetermined, None),
        Some(cur) => {
            let s = gap(cur);
            if s <= EPS {
                (GateStatus::Pass, Some(0.0))
            } else if upper.is_some_and(|u| gap(u) <= EPS) {
                (GateStatus::Undetermined, Some(s))
            } else {
                (GateStatus::Fail, Some(s))
            }
        }
    };
    Condition {
        quantity,
        category,
        unit,
        required,
        current,
        shortfall,
        status,
    }
}

fn combine(conds: &[Condition]) -> GateStatus {
    if conds.iter().any(|c| c.status == GateStatus::Pass) {
        GateStatus::Pass
    } else if conds.iter().all(|c| c.status == GateStatus::Fail) {
        GateStatus::Fail
    } else {
        GateStatus::Undetermined
    }
}

/// Formats a number with at most two decimals, trailing zeros trimmed.
fn num(x: f64) -> String {
    Num(x).to_string()
}

/// Display of [`num`] without an intermediate `String`.
struct Num(f64);

/// The digits of [`num`] when they need no float formatting: `(negative, whole, hundredths)`.
///
/// Whole numbers (most points and thresholds) below 2^53: `{:.2}` is the integer followed by
/// ".00" (-0 gives "0"). Moderate values: x × 100 rounded is the exact `{:.2}` digits unless
/// the product lies within 1e-6 of a rounding tie (its own error is below 1e-8 for
/// |x| < 1e6). `None` otherwise.
fn num_parts(x: f64) -> Option<(bool, u64, u64)> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        let i = x as i64;
        return Some((i < 0, i.unsigned_abs(), 0));
    }
    if x.abs() < 1e6 {
        let y = x * 100.0;
        let r = y.round();
        if ((y - y.trunc()).abs() - 0.5).abs() > 1e-6 {
            let cents = r.abs() as u64;
            return Some((r < 0.0, cents / 100, cents % 100));
        }
    }
    None
}

/// Appends `n` in decimal.
fn push_u64(s: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        s.push(char::from(b));
    }
}

/// Appends [`num`] of `x` without going through the formatter when [`num_parts`] applies.
fn push_num(s: &mut String, x: f64) {
    match num_parts(x) {
        Some((neg, whole, frac)) => {
            if neg {
                s.push('-');
            }
            push_u64(s, whole);
            if frac != 0 {
                s.push('.');
                s.push(char::from(b'0' + (frac / 10) as u8));
                if frac % 10 != 0 {
                    s.push(char::from(b'0' + (frac % 10) as u8));
                }
            }
        }
        // Writing to a String cannot fail.
        None => {
            let _ = write!(s, "{}", Num(x));
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if let Some((neg, whole, frac)) = num_parts(x) {
            let sign = if neg { "-" } else { "" };
            return match frac {
                0 => write!(f, "{sign}{whole}"),
                _ if frac % 10 == 0 => write!(f, "{sign}{whole}.{}", frac / 10),
                _ => write!(f, "{sign}{whole}.{frac:02}"),
            };
        }
        if !x.is_finite() || x.abs() >= 1e15 {
            let s = format!("{x:.2}");
            return f.write_str(trim_num(&s));
        }
        // At most 16 integer digits, a sign, a point and two decimals.
        let mut buf = StackBuf::default();
        write!(buf, "{x:.2}")?;
        f.write_str(trim_num(buf.as_str()))
    }
}

/// Trims `{:.2}` output to [`num`]'s form: trailing zeros and point removed, "-0" → "0".
fn trim_num(s: &str) -> &str {
    if !s.contains('.') {
        return s; // inf, NaN
    }
    match s.trim_end_matches('0').trim_end_matches('.') {
        "-0" => "0",
        t => t,
    }
}

/// A small fixed-capacity text buffer for [`Num`].
#[derive(Default)]
struct StackBuf {
    bytes: [u8; 32],
    len: usize,
}

impl StackBuf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Appends the description of a condition to `en` and `zh`.
fn describe(c: &Condition, edition_tag: Option<Edition>, en: &mut String, zh: &mut String) {
    match c.category {
        Some(cat) => {
            let (e, z) = cat.labels();
            en.push_str(e);
            en.push_str(" points");
            zh.push_str(z);
            zh.push_str("得分");
        }
        None => {
            let (e, z) = c.quantity.labels();
            en.push_str(e);
            zh.push_str(z);
        }
    }
    let r = c.required;
    match c.unit {
        Unit::Percent | Unit::Points => {
            en.push_str(" ≥ ");
            zh.push_str(" ≥ ");
            push_num(en, r);
            push_num(zh, r);
            if c.unit == Unit::Percent {
                en.push_str(" %");
                zh.push_str(" %");
            }
        }
        Unit::Grade => {
            en.push_str(" grade ");
            push_num(en, r);
            en.push_str(" or better");
            zh.push(' ');
            push_num(zh, r);
            zh.push_str("级或更优");
        }
        Unit::Level => {
            let (e, z) = SoundInsulation::rank_labels(r);
            en.push_str(" ≥ ");
            en.push_str(e);
            zh.push_str(" ≥ ");
            zh.push_str(z);
        }
        Unit::Flag => {}
    }
    if let Some(ed) = edition_tag {
        en.push_str(" (");
        en.push_str(ed.label());
        en.push(')');
        zh.push('（');
        zh.push_str(ed.label());
        zh.push_str("版）");
    }
    en.push_str(" — now ");
    zh.push_str(" — 当前 ");
    match c.current {
        None => {
            en.push_str("not known");
            zh.push_str("未知");
        }
        Some(v) => match c.unit {
            Unit::Percent | Unit::Points => {
                push_num(en, v);
                push_num(zh, v);
                if c.unit == Unit::Percent {
                    en.push_str(" %");
                    zh.push_str(" %");
                }
            }
            Unit::Grade => {
                en.push_str("grade ");
                push_num(en, v);
                push_num(zh, v);
                zh.push('级');
            }
            Unit::Level => {
                let (e, z) = SoundInsulation::rank_labels(v);
                en.push_str(e);
                zh.push_str(z);
            }
            Unit::Flag => {
                let yes = v >= 0.5;
                en.push_str(if yes { "yes" } else { "no" });
                zh.push_str(if yes { "是" } else { "否" });
            }
        },
    }
}

/// A gate whose texts are not written yet, with the edition tag its text will carry.
type PendingGate = (Gate, Option<Edition>);

/// Builds a gate without its texts; [`render_gate`] writes them for the gates that end up in
/// the report (most gates pass or belong to a level already reached, and are dropped).
fn make_gate(
    id: &'static str,
    clause: &'static str,
    provenance: Provenance,
    conditions: Vec<Condition>,
) -> Gate {
    Gate {
        status: combine(&conditions),
        id: Cow::Borrowed(id),
        clause: Cow::Borrowed(clause),
        provenance,
        conditions,
        text_en: String::new(),
        text_zh: String::new(),
    }
}

/// Writes the English and Chinese texts of a gate of `level`.
fn render_gate(level: StarLevel, g: &mut Gate, edition_tag: Option<Edition>) {
    let (lvl_en, lvl_zh) = level.labels();
    let mut en = String::with_capacity(128);
    let mut zh = String::with_capacity(192);
    en.push_str(lvl_en);
    en.push_str(" needs ");
    zh.push_str(lvl_zh);
    zh.push_str("要求");
    for (i, c) in g.conditions.iter().enumerate() {
        if i > 0 {
            en.push_str("; or ");
            zh.push_str("；或");
        }
        describe(c, if i == 0 { edition_tag } else { None }, &mut en, &mut zh);
    }
    if g.status == GateStatus::Undetermined {
        en.push_str(" [undetermined]");
        zh.push_str("［待定］");
    }
    // The clause column is written in English ("table 3.2.8"); the Chinese text says 表.
    en.push_str(" [");
    en.push_str(&g.clause);
    en.push(']');
    zh.push('〔');
    match g.clause.strip_prefix("table ") {
        Some(rest) => {
            zh.push_str("表 ");
            zh.push_str(rest);
        }
        None => zh.push_str(&g.clause),
    }
    zh.push('〕');
    g.text_en = en;
    g.text_zh = zh;
}

fn score_items(
    d: &'static StarData,
    ed: Edition,
    m: &StarMetrics,
    env: Option<f64>,
) -> Vec<ItemScore> {
    let all = d.items(ed);
    let mut items = Vec::with_capacity(all.len());
    for (clause, category, bases) in all {
        let (clause, category) = (*clause, *category);
        let mut scored = Vec::with_capacity(bases.len());
        for rows in bases {
            let Some(first) = rows.first() else { continue };
            let value = metric_pct(first.basis, m, env);
            scored.push(BasisScore {
                quantity: first.basis,
                rule: first.rule,
                value_pct: value,
                points: value.map(|v| ladder_points(rows, v)),
                max_points: basis_max(rows),
                note: Cow::Borrowed(first.note),
                provenance: first.provenance,
            });
        }
        let max_points = scored.iter().map(|b| b.max_points).fold(0.0, f64::max);
        let mut best: Option<&BasisScore> = None;
        for b in &scored {
            if let Some(p) = b.points {
                if best.map_or(true, |x| p > x.points.unwrap_or(0.0)) {
                    best = Some(b);
                }
            }
        }
        let points = best.and_then(|b| b.points).unwrap_or(0.0);
        // Texts are appended piece by piece (no formatter, no temporary strings).
        let describe_basis = |b: &BasisScore, en: &mut String, zh: &mut String| {
            let (le, lz) = b.quantity.labels();
            en.push_str(le);
            zh.push_str(lz);
            match (b.value_pct, b.points) {
                (Some(v), Some(p)) => {
                    for (t, pts) in [(&mut *en, " points"), (&mut *zh, " 分")] {
                        t.push(' ');
                        push_num(t, v);
                        t.push_str(" % → ");
                        push_num(t, p);
                        t.push_str(pts);
                    }
                }
                _ => {
                    en.push_str(" not known");
                    zh.push_str(" 未知");
                }
            }
        };
        let mut basis_en = String::with_capacity(160);
        let mut basis_zh = String::with_capacity(160);
        basis_en.push_str(clause);
        basis_zh.push_str(clause);
        match best {
            Some(b) => {
                basis_en.push_str(": ");
                basis_zh.push('：');
                describe_basis(b, &mut basis_en, &mut basis_zh);
            }
            None => {
                basis_en.push_str(": undetermined (metrics missing), 0 points counted");
                basis_zh.push_str("：待定（缺少计算数据），暂计 0 分");
            }
        }
        if scored.len() > 1 {
            basis_en.push_str(" (best of: ");
            basis_zh.push_str("（取较高者：");
            for (i, b) in scored.iter().enumerate() {
                if i > 0 {
                    basis_en.push_str("; ");
                    basis_zh.push('；');
                }
                describe_basis(b, &mut basis_en, &mut basis_zh);
            }
            basis_en.push(')');
            basis_zh.push('）');
        }
        items.push(ItemScore {
            category,
            points,
            max_points,
            determined: best.is_some(),
            basis: best.map(|b| b.quantity),
            bases: scored,
            basis_en,
            basis_zh,
            clause: Cow::Borrowed(clause),
        });
    }
    items
}

/// Evaluates the star rating of a project for its edition and stage.
///
/// Validates `input` and `metrics` first ([`StarError`] names the field); then scores the
/// computed items, the categories and the total, and checks every gate of every star.
pub fn evaluate_star(input: &GreenInput, metrics: &StarMetrics) -> Result<StarReport, StarError> {
    let d = data();
    validate(d, input, metrics)?;
    let ed = input.edition;
    let st = input.stage;
    let (env, governing) = min_element(&metrics.envelope);
    let items = score_items(d, ed, metrics, env);

    let mut categories = Vec::with_capacity(Category::ALL.len());
    // Most points each category could still gain from undetermined items.
    let mut headroom = Vec::with_capacity(Category::ALL.len());
    for c in Category::ALL {
        let row = d.category(ed, st, c)?;
        let computed: f64 = items
            .iter()
            .filter(|i| i.category == c)
            .map(|i| i.points)
            .sum();
        let self_assessed = if c == Category::Prerequisites {
            if input.prerequisites_met {
                row.max
            } else {
                0.0
            }
        } else {
            input.self_assessed.get(c)
        };
        let score = (self_assessed + computed).min(row.max);
        let missing: f64 = items
            .iter()
            .filter(|i| i.category == c && !i.determined)
            .map(|i| i.max_points)
            .sum();
        headroom.push((row.max - score).min(missing).max(0.0));
        categories.push(CategoryScore {
            category: c,
            self_assessed,
            computed,
            score,
            max: row.max,
            floor: row.floor_pct.map(|p| row.max * p / 100.0),
            clause: Cow::Borrowed(row.clause),
            provenance: row.provenance,
        });
    }
    let score_of = |c: Category| {
        categories
            .iter()
            .find(|x| x.category == c)
            .map_or(0.0, |x| x.score)
    };
    let total_sum: f64 = categories.iter().map(|c| c.score).sum();
    let q = total_sum / 10.0;
    let q_upper = (total_sum + headroom.iter().sum::<f64>()) / 10.0;

    // Gates per star level, each with the edition tag of its text.
    let mut per_level: Vec<(StarLevel, Vec<PendingGate>)> =
        Vec::with_capacity(StarLevel::STARS.len());
    for level in StarLevel::STARS {
        let lrow = d
            .levels
            .iter()
            .find(|r| r.edition == ed && r.level == level)
            .ok_or_else(|| data_err("star_levels.csv", format!("missing {level:?}")))?;
        let clause = lrow.clause;
        // Prerequisites, full fit-out, the category floors, the total and the table rows.
        let mut gates = Vec::with_capacity(3 + Category::ALL.len() + d.gates.len() / 6);
        for (id, qn) in [
            ("prerequisites", Quantity::Prerequisites),
            ("full_fitout", Quantity::FullFitout),
        ] {
            let cur = current_value(qn, input, metrics, env);
            gates.push((
                make_gate(
                    id,
                    clause,
                    lrow.provenance,
                    vec![condition(qn, None, 1.0, cur, None)],
                ),
                None,
            ));
        }
        for (c, room) in categories.iter().zip(&headroom) {
            if let Some(floor) = c.floor {
                let cond = condition(
                    Quantity::CategoryPoints,
                    Some(c.category),
                    floor,
                    Some(c.score),
                    Some(c.score + room),
                );
                gates.push((
                    make_gate(c.category.floor_gate_id(), clause, c.provenance, vec![cond]),
                    None,
                ));
            }
        }
        gates.push((
            make_gate(
                "total",
                clause,
                lrow.provenance,
                vec![condition(
                    Quantity::TotalScore,
                    None,
                    lrow.min_total,
                    Some(q),
                    Some(q_upper),
                )],
            ),
            None,
        ));
        for g in d
            .gates
            .iter()
            .filter(|g| g.edition == ed && g.level == level)
        {
            if g.residential_only && !metrics.is_residential {
                continue;
            }
            let mut conds = vec![condition(
                g.quantity,
                None,
                g.required,
                current_value(g.quantity, input, metrics, env),
                None,
            )];
            if let (Some(aq), Some(ar)) = (g.alt_quantity, g.alt_required) {
                conds.push(condition(
                    aq,
                    None,
                    ar,
                    current_value(aq, input, metrics, env),
                    None,
                ));
            }
            gates.push((make_gate(g.id, g.clause, g.provenance, conds), Some(ed)));
        }
        per_level.push((level, gates));
    }

    let reach = |accept: &dyn Fn(GateStatus) -> bool| {
        let mut lvl = if input.prerequisites_met {
            StarLevel::Basic
        } else {
            StarLevel::None
        };
        for (l, gates) in &per_level {
            if gates.iter().all(|(g, _)| accept(g.status)) {
                lvl = *l;
            } else {
                break;
            }
        }
        lvl
    };
    let level = reach(&|s| s == GateStatus::Pass);
    let potential_level = reach(&|s| s != GateStatus::Fail);
    let next_levels = per_level
        .into_iter()
        .filter(|(l, _)| *l > level)
        .map(|(l, gates)| LevelGates {
            level: l,
            gates: gates
                .into_iter()
                .filter(|(g, _)| g.status != GateStatus::Pass)
                .map(|(mut g, tag)| {
                    render_gate(l, &mut g, tag);
                    g
                })
                .collect(),
        })
        .collect();

    Ok(StarReport {
        edition: ed,
        stage: st,
        q0: score_of(Category::Prerequisites),
        q1: score_of(Category::Safety),
        q2: score_of(Category::Health),
        q3: score_of(Category::Convenience),
        q4: score_of(Category::Resources),
        q5: score_of(Category::Environment),
        qa: score_of(Category::Bonus),
        q,
        categories,
        items,
        envelope_elements_pct: metrics
            .envelope
            .iter()
            .map(|(id, v)| (id.clone(), v * 100.0))
            .collect(),
        envelope_improvement_pct: env.map(|v| v * 100.0),
        envelope_governing: governing,
        level,
        potential_level,
        next_levels,
        notes: notes(ed, st, metrics),
    })
}

fn notes(ed: Edition, st: Stage, m: &StarMetrics) -> Vec<Note> {
    let mut out = vec![
        Note {
            en: Cow::Borrowed("Envelope improvement = (limit − design) / limit per element; the building's is the smallest element's."),
            zh: Cow::Borrowed("围护结构提高比例 =（限值 − 设计值）/ 限值，逐项计算，取最小值作为建筑的提高比例。"),
        },
        Note {
            en: Cow::Borrowed("\"+k per further step\" counts full steps only (7.5 % → 5 + 2 = 7 points)."),
            zh: Cow::Borrowed("“每再提高1%再得1分”只计完整的百分点（7.5 % → 5 + 2 = 7 分）。"),
        },
        Note {
            en: Cow::Borrowed("7.2.8 and 9.2.1 use the energy reduction of the energy estimate."),
            zh: Cow::Borrowed("7.2.8 与 9.2.1 采用能耗估算得到的能耗降低比例。"),
        },
    ];
    match ed {
        Edition::E2019 => out.push(Note {
            en: Cow::Borrowed("2019 7.2.9: the best of the hot-water, heating/cooling and electricity shares counts (not added; not confirmed by the text)."),
            zh: Cow::Borrowed("2019版 7.2.9：生活热水、冷热量、发电三项比例取得分最高者，不累加（条文未明确）。"),
        }),
        Edition::E2024 => out.push(Note {
            en: Cow::Borrowed("2024 7.2.9: renewable utilisation rate taken as PV (and solar-thermal) delivered energy / building energy use (not defined in the text); linear below 10 %, rounded down to 0.1 point."),
            zh: Cow::Borrowed("2024版 7.2.9：可再生能源利用率取光伏（及太阳能热）供能量 / 建筑能耗（条文未定义）；低于10%按线性插值，向下取至0.1分。"),
        }),
    }
    if st == Stage::Pre {
        out.push(Note {
            en: Cow::Borrowed("Pre-assessment: clauses 6.2.10–6.2.13 and 9.2.8 cannot score; leave them out of the self-assessed points."),
            zh: Cow::Borrowed("预评价：6.2.10～6.2.13 与 9.2.8 条不得分，自评分中不应计入。"),
        });
    }
    if !m.is_residential {
        out.push(Note {
            en: Cow::Borrowed("Not residential: the window K and sound-insulation rows of table 3.2.8 do not apply."),
            zh: Cow::Borrowed("非住宅建筑：表3.2.8 中外窗传热系数与隔声性能要求不适用。"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated statics hold exactly what the CSV files say, as validated by `schema`.
    #[test]
    fn data_tables_load() {
        use crate::limits::tests::json;
        let r = crate::schema::star(&STAR_TEXTS).unwrap();
        let d = data();
        assert_eq!(json(d.categories), json(&r.categories));
        assert_eq!(json(d.levels), json(&r.levels));
        assert_eq!(json(d.gates), json(&r.gates));
        assert_eq!(json(d.ladders), json(&r.ladders));
        assert_eq!(d.gates.first().map(|g| g.id), Some("envelope_improvement"));
    }

    const STAR_TEXTS: crate::schema::StarTexts<'static> = crate::schema::StarTexts {
        categories: include_str!("../data/star_categories.csv"),
        levels: include_str!("../data/star_levels.csv"),
        gates: include_str!("../data/star_gates.csv"),
        ladders: include_str!("../data/star_ladders.csv"),
    };

    /// Each consistency rule of the star tables fails the build, naming the file, line and column.
    #[test]
    fn inconsistent_star_tables_are_rejected() {
        let check = |texts: crate::schema::StarTexts<'_>, file: &str, column: &str| {
            let e = crate::schema::star(&texts).unwrap_err();
            assert_eq!(e.file, file, "{e}");
            assert_eq!(e.column.as_deref(), Some(column), "{e}");
            assert!(
                e.to_string().starts_with(&format!("core/data/{file}")),
                "{e}"
            );
            e
        };
        // A duplicate category row: the second one is named.
        let first = STAR_TEXTS.categories.lines().nth(1).unwrap();
        let dup = format!("{}{first}\n", STAR_TEXTS.categories);
        let lines = STAR_TEXTS.categories.lines().count() as u64;
        let texts = crate::schema::StarTexts {
            categories: &dup,
            ..STAR_TEXTS
        };
        let e = check(texts, "star_categories.csv", "category");
        assert_eq!(e.line, Some(lines + 1));
        // A missing level row names the table.
        let levels: String = STAR_TEXTS
            .levels
            .lines()
            .take(2)
            .map(|l| format!("{l}\n"))
            .collect();
        let texts = crate::schema::StarTexts {
            levels: &levels,
            ..STAR_TEXTS
        };
        let e = crate::schema::star(&texts).unwrap_err();
        assert_eq!((e.file, e.line), ("star_levels.csv", None), "{e}");
        // An alternative quantity without its requirement.
        let gates = STAR_TEXTS
            .gates
            .replacen(",load_reduction,5,", ",load_reduction,,", 1);
        let texts = crate::schema::StarTexts {
            gates: &gates,
            ..STAR_TEXTS
        };
        let e = check(texts, "star_gates.csv", "alt_quantity");
        assert_eq!(e.line, Some(2));
        // A step ladder with an increment row.
        let ladders = STAR_TEXTS
            .ladders
            .replacen(",step,10,", ",increment,10,", 1);
        let texts = crate::schema::StarTexts {
            ladders: &ladders,
            ..STAR_TEXTS
        };
        check(texts, "star_ladders.csv", "rule");
        // An unknown key in a cell.
        let ladders = STAR_TEXTS.ladders.replacen(",resources,", ",luck,", 1);
        let texts = crate::schema::StarTexts {
            ladders: &ladders,
            ..STAR_TEXTS
        };
        let e = check(texts, "star_ladders.csv", "category");
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn floor_gate_ids_follow_the_field_names() {
        for c in Category::ALL {
            let last = c.field().rsplit('.').next().unwrap_or("");
            assert_eq!(c.floor_gate_id(), format!("floor_{last}"));
        }
    }

    #[test]
    fn num_formatting() {
        assert_eq!(num(3.2000000001), "3.2");
        assert_eq!(num(5.0), "5");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(80.5), "80.5");
    }

    /// `num` (integer fast path, stack buffer) agrees with the plain `{:.2}`-and-trim form.
    #[test]
    fn num_matches_plain_formatting() {
        fn plain(x: f64) -> String {
            if !x.is_finite() {
                return x.to_string();
            }
            let s = format!("{x:.2}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            if s == "-0" {
                "0".to_string()
            } else {
                s.to_string()
            }
        }
        let mut xs = vec![
            0.0,
            -0.0,
            0.005,
            -0.004,
            0.125,
            0.375,
            2.675,
            1e15,
            -1e15 - 0.5,
            9.1e15,
            1e300,
            -1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
            999.995,
        ];
        let mut x = 1.0f64;
        for i in 0..4000 {
            x = (x * 1.618_033_988_749 + 0.377) % 2000.0;
            xs.push(if i % 2 == 0 { x } else { -x / 7.0 });
            xs.push((x * 100.0).round() / 100.0);
            xs.push(x.round());
        }
        for k in 0..20_000 {
            let k = f64::from(k);
            xs.extend([
                k * 0.005,
                -k * 0.005,
                k * 0.001 + 1e-9,
                k * 37.123_456,
                k * 1e-4,
            ]);
        }
        for x in xs {
            assert_eq!(num(x), plain(x), "{x:e}");
            let mut pushed = String::from("x");
            push_num(&mut pushed, x);
            assert_eq!(pushed[1..], plain(x), "{x:e}");
        }
    }
}
