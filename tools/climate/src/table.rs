//! Monthly aggregation (temperature, degree-days, horizontal radiation, plane irradiation) and the JSON
//! data file read by `greencheck_core::climate`.

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
fn arr(v: impl IntoIterator<Item = f64>) -> String {
    let parts: Vec<String> = v
        .into_iter()
        .map(|x| serde_json::Value::from(x).to_string())
        .collect();
    format!("[{}]", parts.join(","))
}
fn s(v: &str) -> String {
    serde_json::Value::from(v).to_string()
}

/// Writes the table as compact, line-per-row JSON: temperatures and degree-days rounded to 0.01,
/// irradiation to 0.1 kWh/m².
pub fn to_json(t: &MonthlyTable, meta: &CityMeta) -> String {
    let l = &t.location;
    let model = match t.options.model {
        SkyModel::Perez => "Perez et al. 1990 anisotropic sky (all-sites composite coefficients)",
        SkyModel::Isotropic => "Liu-Jordan isotropic sky",
    };
    let mut o = String::from("{\n");
    let mut kv = |k: &str, v: String| o.push_str(&format!("  {}: {},\n", s(k), v));
    kv("id", s(&meta.id));
    kv("name_zh", s(&meta.name_zh));
    kv("name_en", s(&meta.name_en));
    kv(
        "station",
        s(&format!(
            "{} (WMO {}), {:.2} N {:.2} E, {} m",
            l.city, l.wmo, l.latitude_deg, l.longitude_deg, l.elevation_m
        )),
    );
    kv(
        "source",
        s(&format!(
            "{} typical-year weather file {}; table by tools/climate (greencheck-climate)",
            l.source, meta.source_file
        )),
    );
    kv(
        "latitude_deg",
        serde_json::Value::from(l.latitude_deg).to_string(),
    );
    kv(
        "longitude_deg",
        serde_json::Value::from(l.longitude_deg).to_string(),
    );
    kv(
        "elevation_m",
        serde_json::Value::from(l.elevation_m).to_string(),
    );
    kv(
        "solar_position",
        s(&format!(
            "NOAA general solar position (Spencer 1971 declination and equation of time), evaluated {} h before each EPW hour stamp (hour midpoint)",
            t.options.eval_offset_h
        )),
    );
    kv("sky_model", s(model));
    kv(
        "albedo",
        serde_json::Value::from(t.options.albedo).to_string(),
    );
    kv("tilts_deg", arr(t.options.tilts_deg.iter().copied()));
    kv("azimuths_deg", arr(t.options.azimuths_deg.iter().copied()));
    kv(
        "days",
        format!("[{}]", t.days.map(|d| d.to_string()).join(",")),
    );
    kv("t_mean_c", arr(t.t_mean_c.iter().map(|&v| r2(v))));
    kv("hdd18", arr(t.hdd18.iter().map(|&v| r1(v))));
    kv("cdd26", arr(t.cdd26.iter().map(|&v| r1(v))));
    kv("ghi_kwh_m2", arr(t.ghi_kwh_m2.iter().map(|&v| r1(v))));
    kv("dhi_kwh_m2", arr(t.dhi_kwh_m2.iter().map(|&v| r1(v))));
    kv("dni_kwh_m2", arr(t.dni_kwh_m2.iter().map(|&v| r1(v))));
    o.push_str("  \"irradiation_kwh_m2\": [\n");
    for (m, month) in t.plane_kwh_m2.iter().enumerate() {
        o.push_str("    [\n");
        for (ti, row) in month.iter().enumerate() {
            let sep = if ti + 1 < month.len() { "," } else { "" };
            o.push_str(&format!(
                "      {}{}\n",
                arr(row.iter().map(|&v| r1(v))),
                sep
            ));
        }
        o.push_str(if m + 1 < t.plane_kwh_m2.len() {
            "    ],\n"
        } else {
            "    ]\n"
        });
    }
    o.push_str("  ]\n}\n");
    o
}
