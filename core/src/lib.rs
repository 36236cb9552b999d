//! greencheck-core: turns a building project into a compliance report.
//!
//! Sans-I/O: everything comes in as arguments, nothing touches files, clocks or the browser.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod climate;
pub mod geometry;
pub mod pv;
pub mod star;
