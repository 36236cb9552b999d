//! The report section `star`.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{Category, Edition, GateStatus, Provenance, Quantity, Rule, Stage, StarLevel, Unit};

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
