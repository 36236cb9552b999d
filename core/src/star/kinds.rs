//! The star rating's enumerations (those that are table columns are defined in `crate::columns`, shared with
//! build.rs; their behaviour is here).

use serde::{Deserialize, Serialize};

use super::{Category, Quantity, StarLevel, EPS};

impl Category {
    pub(super) fn labels(self) -> (&'static str, &'static str) {
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

    pub(super) fn field(self) -> &'static str {
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
    pub(super) fn floor_gate_id(self) -> &'static str {
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
    pub(super) fn labels(self) -> (&'static str, &'static str) {
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
    /// Every level, lowest first.
    pub const ALL: [SoundInsulation; 4] = [
        SoundInsulation::None,
        SoundInsulation::Low,
        SoundInsulation::Mid,
        SoundInsulation::High,
    ];

    /// Key as serialised (`none`, `low`, `mid`, `high`).
    pub fn key(self) -> &'static str {
        match self {
            SoundInsulation::None => "none",
            SoundInsulation::Low => "low",
            SoundInsulation::Mid => "mid",
            SoundInsulation::High => "high",
        }
    }

    pub(super) fn rank(self) -> f64 {
        match self {
            SoundInsulation::None => 0.0,
            SoundInsulation::Low => 1.0,
            SoundInsulation::Mid => 2.0,
            SoundInsulation::High => 3.0,
        }
    }

    pub(super) fn rank_labels(rank: f64) -> (&'static str, &'static str) {
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
    pub(super) fn labels(self) -> (&'static str, &'static str) {
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

    pub(super) fn unit(self) -> Unit {
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
