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

//!
//! Files: `kinds` (enumerations and their behaviour), `input` (what the designer enters and the metrics other
//! modules compute), `envelope` (envelope improvement), `tables` (the data rows), `ladders` (scoring ladders),
//! `evaluate` (gates, items, levels), `text` (the gate descriptions in both languages), `report`, `error`.

mod envelope;
mod error;
mod evaluate;
mod input;
mod kinds;
mod ladders;
mod report;
mod tables;
#[cfg(test)]
mod tests;
mod text;

pub use crate::columns::star::{Category, Edition, Provenance, Quantity, Rule, Stage, StarLevel};
pub use envelope::{envelope_improvement, ElementImprovement, EnvelopeImprovement};
pub use error::StarError;
pub use evaluate::{evaluate_star, self_assessed_limits};
pub use input::{GreenInput, SelfAssessed, StarMetrics};
pub use kinds::{GateStatus, SoundInsulation, Unit};
pub use report::{
    BasisScore, CategoryScore, Condition, Gate, ItemScore, LevelGates, Note, StarReport,
};

/// Tolerance of comparisons, in percent or points.
const EPS: f64 = 1e-9;
