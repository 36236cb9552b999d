//! greencheck-core: turns a building project into a compliance report.
//!
//! Sans-I/O: everything comes in as arguments, nothing touches files, clocks or the browser.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod checks;
pub mod climate;
mod columns;
pub mod editor;
pub mod energy;
pub mod geometry;
pub mod input;
pub mod limits;
pub mod migrate;
pub mod model;
pub mod plan;
pub mod project;
pub mod pv;
pub mod report;
#[cfg(test)]
mod schema;
pub mod share;
pub mod star;
pub mod sweep;

pub use checks::{evaluate, evaluate_json, reference_values};
pub use project::{Project, ProjectError};
pub use report::{Report, Status, Verdict};
