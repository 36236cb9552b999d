//! Monthly aggregation (temperature, degree-days, horizontal radiation, plane irradiation) and the data
//! file read by `greencheck_core::climate`.

use crate::epw::{Epw, Location};
use crate::sky::{SkyHour, SkyModel};
use crate::solar;

/// How to build the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Sky diffuse model.
    pub model: SkyModel,
    /// Ground reflectance.
    pub albedo: f64,
    /// Plane tilts, degrees (0 horizontal … 90 vertical).
    pub tilts_deg: Vec<f64>,
    /// Plane azimuths, degrees clockwise from north.
    pub azimuths_deg: Vec<f64>,
    /// Hours subtracted from the EPW hour stamp to get the instant at which the sun is evaluated.
    /// 0.5 = middle of the hour that ends at the stamp (EPW convention).
    pub eval_offset_h: f64,
}

impl Default for Options {
    /// Perez, albedo 0.2, tilts 0–90 every 5°, azimuths 0–350 every 10°, sun at the hour midpoint.
    fn default() -> Self {
        Options {
            model: SkyModel::Perez,
            albedo: 0.2,
            tilts_deg: (0..=18).map(|i| f64::from(i) * 5.0).collect(),
            azimuths_deg: (0..36).map(|i| f64::from(i) * 10.0).collect(),
            eval_offset_h: 0.5,
        }
    }
}

/// The monthly table (unrounded).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyTable {
    /// Station metadata.
    pub location: Location,
    /// Options used.
    pub options: Options,
    /// Days per month.
    pub days: [u32; 12],
    /// Mean dry-bulb, °C (mean of hourly values).
    pub t_mean_c: [f64; 12],
    /// Heating degree-days base 18 °C, K·d, Σ over days of max(0, 18 − daily mean).
    pub hdd18: [f64; 12],
    /// Cooling degree-days base 26 °C, K·d, Σ over days of max(0, daily mean − 26).
    pub cdd26: [f64; 12],
    /// Global horizontal irradiation, kWh/m² (the EPW column).
    pub ghi_kwh_m2: [f64; 12],
    /// Diffuse horizontal, kWh/m².
    pub dhi_kwh_m2: [f64; 12],
    /// Direct normal, kWh/m².
    pub dni_kwh_m2: [f64; 12],
    /// Plane irradiation kWh/m², indexed `[month][tilt][azimuth]`.
    pub plane_kwh_m2: Vec<Vec<Vec<f64>>>,
}

/// Builds the monthly table.
pub fn compute(epw: &Epw, opt: &Options) -> MonthlyTable {
    let loc = &epw.location;
    let (nt, na) = (opt.tilts_deg.len(), opt.azimuths_deg.len());
    let mut plane = vec![vec![vec![0.0; na]; nt]; 12];
    let mut days = [0u32; 12];
    let mut t_sum = [0.0; 12];
    let mut t_n = [0u32; 12];
    let mut hdd = [0.0; 12];
    let mut cdd = [0.0; 12];
    let (mut ghi, mut dhi, mut dni) = ([0.0; 12], [0.0; 12], [0.0; 12]);
    let mut day_sum = 0.0;
    let mut day_n = 0;
    let mut prev_day: Option<(u32, u32)> = None;
    let mut flush_day = |key: Option<(u32, u32)>, sum: f64, n: u32| {
        if let (Some((m, _)), true) = (key, n > 0) {
            let i = (m - 1) as usize;
            let mean = sum / f64::from(n);
            days[i] += 1;
            hdd[i] += (18.0 - mean).max(0.0);
            cdd[i] += (mean - 26.0).max(0.0);
        }
    };
    for h in &epw.hours {
        let key = (h.month, h.day);
        if prev_day != Some(key) {
            flush_day(prev_day, day_sum, day_n);
            prev_day = Some(key);
            day_sum = 0.0;
            day_n = 0;
        }
        day_sum += h.dry_bulb_c;
        day_n += 1;
        let m = (h.month - 1) as usize;
        t_sum[m] += h.dry_bulb_c;
        t_n[m] += 1;
        ghi[m] += h.ghi_wh_m2 / 1000.0;
        dhi[m] += h.dhi_wh_m2 / 1000.0;
        dni[m] += h.dni_wh_m2 / 1000.0;
        if h.ghi_wh_m2 <= 0.0 && h.dhi_wh_m2 <= 0.0 && h.dni_wh_m2 <= 0.0 {
            continue;
        }
        let doy = solar::day_of_year(h.month, h.day);
        let sun = solar::position(
            loc.latitude_deg,
            loc.longitude_deg,
            loc.time_zone_h,
            doy,
            f64::from(h.hour) - opt.eval_offset_h,
        );
        let sky = SkyHour::new(sun, doy, h.ghi_wh_m2, h.dni_wh_m2, h.dhi_wh_m2);
        for (ti, &tilt) in opt.tilts_deg.iter().enumerate() {
            for (ai, &az) in opt.azimuths_deg.iter().enumerate() {
                plane[m][ti][ai] += sky.total(tilt, az, opt.model, opt.albedo) / 1000.0;
            }
        }
    }
    flush_day(prev_day, day_sum, day_n);
    let mut t_mean = [0.0; 12];
    for m in 0..12 {
        t_mean[m] = if t_n[m] > 0 {
            t_sum[m] / f64::from(t_n[m])
        } else {
            f64::NAN
        };
    }
    MonthlyTable {
        location: loc.clone(),
        options: opt.clone(),
        days,
        t_mean_c: t_mean,
        hdd18: hdd,
        cdd26: cdd,
        ghi_kwh_m2: ghi,
        dhi_kwh_m2: dhi,
        dni_kwh_m2: dni,
        plane_kwh_m2: plane,
    }
}

impl MonthlyTable {
    /// Plane irradiation for month index `m` (0 = January) at a grid tilt/azimuth, if on the grid.
    pub fn plane(&self, m: usize, tilt_deg: f64, azimuth_deg: f64) -> Option<f64> {
        let ti = self
            .options
            .tilts_deg
            .iter()
            .position(|&t| (t - tilt_deg).abs() < 1e-9)?;
        let ai = self
            .options
            .azimuths_deg
            .iter()
            .position(|&a| (a - azimuth_deg).abs() < 1e-9)?;
        Some(self.plane_kwh_m2.get(m)?[ti][ai])
    }

    /// Annual sum of [`MonthlyTable::plane`].
    pub fn plane_annual(&self, tilt_deg: f64, azimuth_deg: f64) -> Option<f64> {
        (0..12).map(|m| self.plane(m, tilt_deg, azimuth_deg)).sum()
    }
}

/// Display/provenance metadata for a city written into the data file.
#[derive(Debug, Clone, PartialEq)]
pub struct CityMeta {
    /// Identifier used by the core (`hebi`, `zhengzhou`).
    pub id: String,
    /// Chinese display name.
    pub name_zh: String,
    /// English display name.
    pub name_en: String,
    /// Weather file name the table was made from.
    pub source_file: String,
}

fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}
fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
fn nums(v: impl IntoIterator<Item = f64>) -> String {
    let parts: Vec<String> = v.into_iter().map(|x| x.to_string()).collect();
    parts.join(" ")
}

/// First line of a table file; `greencheck_core::climate` rejects any other.
pub const MAGIC: &str = "greencheck-climate 1";

/// Appends `r` zigzag-mapped as an unsigned LEB128 varint (small magnitudes take one byte).
fn push_varint(out: &mut Vec<u8>, r: i64) {
    let mut u = ((r << 1) ^ (r >> 63)) as u64;
    while u >= 0x80 {
        out.push((u as u8 & 0x7f) | 0x80);
        u >>= 7;
    }
    out.push(u as u8);
}

/// Writes the table file read by `greencheck_core::climate` (format in tools/climate/README.md): text
/// header lines `key value` (temperatures rounded to 0.01, degree-days and radiation to 0.1), the line
/// `irradiation N`, then the N = 12 × tilts × azimuths plane irradiations in 0.1 kWh/m² as bytes, each
/// the zigzag LEB128 varint of the residual of a planar predictor (delta along tilt, then along azimuth).
///
/// Errors if a text field holds a line break or an irradiation is outside 0–6553.5 kWh/m².
pub fn to_table(t: &MonthlyTable, meta: &CityMeta) -> Result<Vec<u8>, String> {
    let l = &t.location;
    let model = match t.options.model {
        SkyModel::Perez => "Perez et al. 1990 anisotropic sky (all-sites composite coefficients)",
        SkyModel::Isotropic => "Liu-Jordan isotropic sky",
    };
    let mut o = format!("{MAGIC}\n");
    let mut kv = |k: &str, v: String| -> Result<(), String> {
        if v.contains(['\n', '\r']) {
            return Err(format!("{k}: line break in {v:?}"));
        }
        o.push_str(&format!("{k} {v}\n"));
        Ok(())
    };
    kv("id", meta.id.clone())?;
    kv("name_zh", meta.name_zh.clone())?;
    kv("name_en", meta.name_en.clone())?;
    kv(
        "station",
        format!(
            "{} (WMO {}), {:.2} N {:.2} E, {} m",
            l.city, l.wmo, l.latitude_deg, l.longitude_deg, l.elevation_m
        ),
    )?;
    kv(
        "source",
        format!(
            "{} typical-year weather file {}; table by tools/climate (greencheck-climate)",
            l.source, meta.source_file
        ),
    )?;
    kv("latitude_deg", l.latitude_deg.to_string())?;
    kv("longitude_deg", l.longitude_deg.to_string())?;
    kv(
        "solar_position",
        format!(
            "NOAA general solar position (Spencer 1971 declination and equation of time), evaluated {} h before each EPW hour stamp (hour midpoint)",
            t.options.eval_offset_h
        ),
    )?;
    kv("sky_model", model.to_string())?;
    kv("albedo", t.options.albedo.to_string())?;
    kv("tilts_deg", nums(t.options.tilts_deg.iter().copied()))?;
    kv("azimuths_deg", nums(t.options.azimuths_deg.iter().copied()))?;
    kv("days", t.days.map(|d| d.to_string()).join(" "))?;
    kv("t_mean_c", nums(t.t_mean_c.iter().map(|&v| r2(v))))?;
    kv("hdd18", nums(t.hdd18.iter().map(|&v| r1(v))))?;
    kv("cdd26", nums(t.cdd26.iter().map(|&v| r1(v))))?;
    kv("ghi_kwh_m2", nums(t.ghi_kwh_m2.iter().map(|&v| r1(v))))?;
    kv("dhi_kwh_m2", nums(t.dhi_kwh_m2.iter().map(|&v| r1(v))))?;
    kv("dni_kwh_m2", nums(t.dni_kwh_m2.iter().map(|&v| r1(v))))?;
    let (nt, na) = (t.options.tilts_deg.len(), t.options.azimuths_deg.len());
    if t.plane_kwh_m2.len() != 12 || t.plane_kwh_m2.iter().any(|m| m.len() != nt) {
        return Err(format!("irradiation is not 12 months × {nt} tilts"));
    }
    kv("irradiation", (12 * nt * na).to_string())?;
    let mut out = o.into_bytes();
    for month in &t.plane_kwh_m2 {
        // Row above (previous tilt), in 0.1 kWh/m²; zero above the first row.
        let mut above = vec![0i64; na];
        for row in month {
            if row.len() != above.len() {
                return Err(format!("row of {} azimuths, grid has {na}", row.len()));
            }
            let mut left = 0i64; // previous azimuth's delta along tilt
            for (up, &v) in above.iter_mut().zip(row) {
                let q = (v * 10.0).round();
                if !(0.0..=f64::from(u16::MAX)).contains(&q) {
                    return Err(format!("irradiation {v} kWh/m² outside 0–6553.5"));
                }
                let q = q as i64;
                let d = q - *up;
                push_varint(&mut out, d - left);
                left = d;
                *up = q;
            }
        }
    }
    Ok(out)
}
