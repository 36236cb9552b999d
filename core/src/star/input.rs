//! What the designer enters (`green` section) and the metrics the other modules compute.

use serde::{Deserialize, Serialize};

use super::{Category, Edition, SoundInsulation, Stage};

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
    pub(super) fn get(&self, c: Category) -> f64 {
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

    pub(super) fn set(&mut self, c: Category, v: f64) {
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
