//! The hourly weather year embedded by the core for its ISO 13790 hourly (5R1C) method
//! (`core/data/climate/<id>.hourly`, read by `greencheck_core::weather`; format in tools/climate/README.md).
//!
//! Per hour the file keeps only what the weather file measured and the hourly method needs: dry bulb (0.1 °C),
//! direct normal and diffuse horizontal irradiation (Wh/m², the EPW integers). The core recomputes the sun
//! (the same NOAA/Spencer position at the hour midpoint) and the Perez 1990 sky of [`crate::sky`] from them,
//! which gives the irradiance on the horizontal and on a vertical plane of any azimuth.
//!
//! Global horizontal irradiation is not stored: the ground-reflected part uses the closure DNI·cos z + DHI, as
//! EnergyPlus does (its weather dictionary: the EPW global horizontal field "is not currently used in
//! EnergyPlus calculations"). It is ≈ 15 KB gzip per city with GHI left out, ≈ 21 KB with it.
//!
//! Encoding: three channels one after the other, each one zigzag LEB128 varint per hour: the dry bulb as the
//! difference from the previous hour (the first from 0), DNI as is, DHI as the difference from the same hour
//! of the previous day (the first day from 0) — the predictors that compress best (measured, README).

use crate::epw::Epw;
use crate::table::{push_varint, CityMeta};

/// First line of an hourly file; `greencheck_core::weather` rejects any other.
pub const MAGIC: &str = "greencheck-hourly 1";

/// The three channels of a weather file as integers: dry bulb in 0.1 °C, DNI and DHI in Wh/m².
///
/// Errors unless the file is one whole non-leap year in order (8760 hours, 1 January 01:00 first), every value
/// finite, the irradiations whole numbers within 0–2000 Wh/m² and the dry bulb within −90…70 °C.
pub fn channels(epw: &Epw) -> Result<[Vec<i64>; 3], String> {
    if epw.hours.len() != 8760 {
        return Err(format!("{} hours, expected 8760", epw.hours.len()));
    }
    let mut ch: [Vec<i64>; 3] = Default::default();
    let mut i = 0usize;
    for (m, days) in [31u32, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        .into_iter()
        .enumerate()
    {
        for d in 1..=days {
            for h in 1..=24 {
                let hr = &epw.hours[i];
                if (hr.month, hr.day, hr.hour) != (m as u32 + 1, d, h) {
                    return Err(format!(
                        "hour {i}: stamp {}/{} {}h, expected {}/{d} {h}h",
                        hr.month,
                        hr.day,
                        hr.hour,
                        m + 1
                    ));
                }
                let t = (hr.dry_bulb_c * 10.0).round();
                if !(-900.0..=700.0).contains(&t) {
                    return Err(format!("hour {i}: dry bulb {}", hr.dry_bulb_c));
                }
                ch[0].push(t as i64);
                for (k, v) in [(1, hr.dni_wh_m2), (2, hr.dhi_wh_m2)] {
                    if !(0.0..=2000.0).contains(&v) || v.fract() != 0.0 {
                        return Err(format!("hour {i}: irradiation {v} Wh/m²"));
                    }
                    ch[k].push(v as i64);
                }
                i += 1;
            }
        }
    }
    Ok(ch)
}

/// Writes the hourly table: text header lines `key value` (magic, id, source, the site and the sun and sky
/// conventions the core must apply, the days per month, the channel list), `hours N`, then the 3 × N varints.
pub fn to_hourly_table(epw: &Epw, meta: &CityMeta, albedo: f64) -> Result<Vec<u8>, String> {
    let ch = channels(epw)?;
    let l = &epw.location;
    let mut o = format!("{MAGIC}\n");
    let mut kv = |k: &str, v: String| -> Result<(), String> {
        if v.contains(['\n', '\r']) {
            return Err(format!("{k}: line break in {v:?}"));
        }
        o.push_str(&format!("{k} {v}\n"));
        Ok(())
    };
    kv("id", meta.id.clone())?;
    kv(
        "source",
        format!(
            "{} typical-year weather file {} ({}, WMO {}); hourly table by tools/climate (greencheck-climate)",
            l.source, meta.source_file, l.city, l.wmo
        ),
    )?;
    kv("latitude_deg", l.latitude_deg.to_string())?;
    kv("longitude_deg", l.longitude_deg.to_string())?;
    kv("time_zone_h", l.time_zone_h.to_string())?;
    kv("albedo", albedo.to_string())?;
    kv("days", "31 28 31 30 31 30 31 31 30 31 30 31".to_string())?;
    kv(
        "channels",
        "dry_bulb_0.1C:delta_previous_hour dni_wh_m2:raw dhi_wh_m2:delta_previous_day".to_string(),
    )?;
    kv("hours", ch[0].len().to_string())?;
    let mut out = o.into_bytes();
    for (k, c) in ch.iter().enumerate() {
        for (i, &v) in c.iter().enumerate() {
            let p = match k {
                0 => i.checked_sub(1).map_or(0, |j| c[j]),
                2 => i.checked_sub(24).map_or(0, |j| c[j]),
                _ => 0,
            };
            push_varint(&mut out, v - p);
        }
    }
    Ok(out)
}
