//! greencheck-core: turns a building project into a compliance report.
//!
//! Sans-I/O: everything comes in as arguments, nothing touches files, clocks or the browser.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod checks;
pub mod choices;
pub mod city;
pub mod climate;
mod columns;
pub mod editor;
pub mod energy;
pub mod evaluate;
pub mod fields;
pub mod gbxml;
pub mod geometry;
pub mod input;
pub mod labels;
pub mod limits;
pub mod migrate;
pub mod model;
pub mod open;
pub mod plan;
pub mod portfolio;
pub mod project;
pub mod pv;
pub mod reference;
pub mod report;
pub mod retrofit;
#[cfg(test)]
mod schema;
pub mod session;
pub mod share;
pub mod star;
pub mod sweep;
pub mod text;
pub mod variants;
pub mod weather;

pub use evaluate::{evaluate, evaluate_json};
pub use project::{Project, ProjectError};
pub use report::{Report, Status, Verdict};
