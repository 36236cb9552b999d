//! greencheck-climate: turns an EPW typical-year weather file into the monthly climate table that
//! `greencheck_core::climate` embeds (mean temperature, HDD18/CDD26, horizontal radiation and irradiation on
//! planes of every tilt 0–90° by 5° and azimuth 0–350° by 10°, wet-bulb and dry-bulb degree hours, and the
//! monthly quantities of the PV temperature and incidence-angle model).
//!
//! Native only; never compiled into the web app.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod epw;
pub mod hourly;
pub mod psychro;
pub mod sky;
pub mod solar;
pub mod table;
