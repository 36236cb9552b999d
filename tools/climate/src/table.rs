//! Monthly aggregation (temperature, degree-days, horizontal radiation, plane irradiation) and the data
//! file read by `greencheck_core::climate`.

use crate::epw::{Epw, Hour, Location};
use crate::psychro;
use crate::sky::{SkyHour, SkyModel};
use crate::solar;

/// The PV defaults of the core (`core/data/pv_defaults.csv`), read at compile time for the incidence-angle
/// coefficients, so that the table and the core use the same data rows.
const PV_DEFAULTS_CSV: &str = include_str!("../../../core/data/pv_defaults.csv");

/// Value of `key` in `core/data/pv_defaults.csv` (first two columns `key,value`).
pub fn pv_default(key: &str) -> Option<f64> {
    PV_DEFAULTS_CSV.lines().find_map(|l| {
        let mut it = l.splitn(3, ',');
        (it.next()? == key).then(|| it.next()?.trim().parse().ok())?
    })
}

/// Physical incidence-angle modifier of a glass cover (De Soto et al. 2006, the model of PVWatts v5 and of
/// pvlib's `iam.physical`): transmittance through a cover of refractive index `n`, extinction `k` (1/m) and
/// thickness `l` (m) at angle of incidence `aoi_deg`, relative to normal incidence (Fresnel reflection of
/// both polarisations, Snell refraction, Bouguer absorption). 0 at or beyond 90°.
pub fn iam_physical(aoi_deg: f64, n: f64, k: f64, l: f64) -> f64 {
    if !aoi_deg.is_finite() || aoi_deg.abs() >= 90.0 {
        return 0.0;
    }
    let tau = |t: f64| -> f64 {
        let tr = (t.sin() / n).asin();
        let refl = if t.abs() < 1e-6 {
            ((n - 1.0) / (n + 1.0)).powi(2)
        } else {
            0.5 * ((tr - t).sin().powi(2) / (tr + t).sin().powi(2)
                + (tr - t).tan().powi(2) / (tr + t).tan().powi(2))
        };
        (-k * l / tr.cos()).exp() * (1.0 - refl)
    };
    (tau(aoi_deg.abs().to_radians()) / tau(0.0)).max(0.0)
}

/// Wet-bulb degree hours above 20 °C and dry-bulb degree hours above 28 °C per month, K·h:
/// Σ over the month's hours of max(0, t_wb − 20) and max(0, t_db − 28). The wet bulb comes from the dry bulb,
/// the dew point (or, when missing, the relative humidity) and the station pressure (or, when missing, the
/// standard pressure at `elevation_m`) by [`psychro::wet_bulb_c`]. An hour whose humidity is missing makes
/// its month's wet-bulb figure NaN.
pub fn degree_hours(hours: &[Hour], elevation_m: f64) -> ([f64; 12], [f64; 12]) {
    let (mut wdh, mut ddh) = ([0.0; 12], [0.0; 12]);
    for h in hours {
        let m = (h.month - 1) as usize;
        let t = h.dry_bulb_c;
        ddh[m] += (t - 28.0).max(0.0);
        let t_dp = if h.dew_point_c.is_finite() {
            Some(h.dew_point_c)
        } else {
            psychro::dew_point_from_rh_c(t, h.relative_humidity_pct)
        };
        let p = if h.pressure_pa.is_finite() {
            h.pressure_pa
        } else {
            psychro::standard_pressure_pa(elevation_m)
        };
        match t_dp.and_then(|d| psychro::wet_bulb_c(t, d, p)) {
            Some(wb) => wdh[m] += (wb - 20.0).max(0.0),
            None => wdh[m] = f64::NAN,
        }
    }
    (wdh, ddh)
}

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
    /// Tilts of the incidence-angle factor grid, degrees.
    pub iam_tilts_deg: Vec<f64>,
    /// Azimuths of the incidence-angle factor grid, degrees clockwise from north.
    pub iam_azimuths_deg: Vec<f64>,
    /// Glass cover of the incidence-angle model: refractive index, extinction 1/m, thickness m.
    pub iam_glass: [f64; 3],
}

impl Default for Options {
    /// Perez, albedo 0.2, tilts 0–90 every 5°, azimuths 0–350 every 10°, sun at the hour midpoint; IAM grid
    /// tilts 0–90 every 15° × azimuths every 30°, glass cover from `core/data/pv_defaults.csv`.
    fn default() -> Self {
        Options {
            model: SkyModel::Perez,
            albedo: 0.2,
            tilts_deg: (0..=18).map(|i| f64::from(i) * 5.0).collect(),
            azimuths_deg: (0..36).map(|i| f64::from(i) * 10.0).collect(),
            eval_offset_h: 0.5,
            iam_tilts_deg: (0..=6).map(|i| f64::from(i) * 15.0).collect(),
            iam_azimuths_deg: (0..12).map(|i| f64::from(i) * 30.0).collect(),
            iam_glass: [
                pv_default("iam_refractive_index").unwrap_or(f64::NAN),
                pv_default("iam_extinction_per_m").unwrap_or(f64::NAN),
                pv_default("iam_glass_thickness_m").unwrap_or(f64::NAN),
            ],
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
    /// Wet-bulb degree hours above 20 °C, K·h ([`degree_hours`]).
    pub wdh20_kh: [f64; 12],
    /// Dry-bulb degree hours above 28 °C, K·h.
    pub ddh28_kh: [f64; 12],
    /// GHI-weighted mean dry bulb Σ(GHI·t)/ΣGHI, °C: the air temperature of the sunny hours.
    pub t_sun_c: [f64; 12],
    /// GHI-weighted mean GHI Σ(GHI²)/ΣGHI, W/m²: the representative irradiance of the sunny hours.
    pub g_sun_w_m2: [f64; 12],
    /// GHI-weighted mean wind speed, m/s.
    pub ws_sun_m_s: [f64; 12],
    /// Annual incidence-angle factor `[tilt][azimuth]` on the IAM grid: Σ(beam·IAM + sky + ground) /
    /// Σ(beam + sky + ground) — the IAM applied to the beam only, as pvlib's ModelChain does.
    pub iam_factor: Vec<Vec<f64>>,
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
    let (mut sg, mut sgt, mut sgg, mut sgw, mut sw, mut sw_n) = (
        [0.0; 12], [0.0; 12], [0.0; 12], [0.0; 12], [0.0; 12], [0u32; 12],
    );
    let (it, ia) = (opt.iam_tilts_deg.len(), opt.iam_azimuths_deg.len());
    let mut iam_num = vec![vec![0.0; ia]; it];
    let mut iam_den = vec![vec![0.0; ia]; it];
    let [n_glass, k_glass, l_glass] = opt.iam_glass;
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
        let g = h.ghi_wh_m2;
        sg[m] += g;
        sgt[m] += g * h.dry_bulb_c;
        sgg[m] += g * g;
        if h.wind_speed_m_s.is_finite() {
            sgw[m] += g * h.wind_speed_m_s;
            sw[m] += h.wind_speed_m_s;
            sw_n[m] += 1;
        }
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
        let z = sky.sun.zenith_deg.to_radians();
        for (ti, &tilt) in opt.iam_tilts_deg.iter().enumerate() {
            let beta = tilt.to_radians();
            for (ai, &az) in opt.iam_azimuths_deg.iter().enumerate() {
                let (b, d, gr) = sky.on_plane(tilt, az, opt.model, opt.albedo);
                let cos_aoi = z.cos() * beta.cos()
                    + z.sin() * beta.sin() * (sky.sun.azimuth_deg - az).to_radians().cos();
                let aoi = cos_aoi.clamp(-1.0, 1.0).acos().to_degrees();
                iam_num[ti][ai] += b * iam_physical(aoi, n_glass, k_glass, l_glass) + d + gr;
                iam_den[ti][ai] += b + d + gr;
            }
        }
    }
    flush_day(prev_day, day_sum, day_n);
    let (wdh20, ddh28) = degree_hours(&epw.hours, loc.elevation_m);
    let (mut t_sun, mut g_sun, mut ws_sun) = ([0.0; 12], [0.0; 12], [0.0; 12]);
    for m in 0..12 {
        let mean_t = t_sum[m] / f64::from(t_n[m].max(1));
        let mean_w = sw[m] / f64::from(sw_n[m].max(1));
        (t_sun[m], g_sun[m], ws_sun[m]) = if sg[m] > 0.0 {
            let w = if sw_n[m] == t_n[m] {
                sgw[m] / sg[m]
            } else {
                mean_w
            };
            (sgt[m] / sg[m], sgg[m] / sg[m], w)
        } else {
            (mean_t, 0.0, mean_w)
        };
    }
    let iam_factor = iam_num
        .iter()
        .zip(&iam_den)
        .map(|(n, d)| {
            n.iter()
                .zip(d)
                .map(|(n, d)| if *d > 0.0 { n / d } else { 1.0 })
                .collect()
        })
        .collect();
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
        wdh20_kh: wdh20,
        ddh28_kh: ddh28,
        t_sun_c: t_sun,
        g_sun_w_m2: g_sun,
        ws_sun_m_s: ws_sun,
        iam_factor,
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

/// Appends `r` zigzag-mapped as an unsigned LEB128 varint (small magnitudes take one byte); the hourly files
/// use the same encoding.
pub(crate) fn push_varint(out: &mut Vec<u8>, r: i64) {
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
    // Extension (optional for the decoder): degree hours and the PV temperature / incidence-angle inputs.
    let all_finite = |name: &str, v: &[f64]| {
        if v.iter().all(|x| x.is_finite()) {
            Ok(())
        } else {
            Err(format!("{name}: missing data (NaN)"))
        }
    };
    for (name, v) in [
        ("wdh20_kh", &t.wdh20_kh),
        ("ddh28_kh", &t.ddh28_kh),
        ("t_sun_c", &t.t_sun_c),
        ("g_sun_w_m2", &t.g_sun_w_m2),
        ("ws_sun_m_s", &t.ws_sun_m_s),
    ] {
        all_finite(name, v)?;
    }
    kv("wdh20_kh", nums(t.wdh20_kh.iter().map(|&v| r1(v))))?;
    kv("ddh28_kh", nums(t.ddh28_kh.iter().map(|&v| r1(v))))?;
    kv("t_sun_c", nums(t.t_sun_c.iter().map(|&v| r2(v))))?;
    kv("g_sun_w_m2", nums(t.g_sun_w_m2.iter().map(|&v| r1(v))))?;
    kv("ws_sun_m_s", nums(t.ws_sun_m_s.iter().map(|&v| r2(v))))?;
    all_finite("iam_coefficients", &t.options.iam_glass)?;
    kv(
        "iam_model",
        "physical glass cover (De Soto et al. 2006; PVWatts v5, pvlib iam.physical) on the beam only; annual factor Σ(beam·IAM + diffuse + ground)/Σ(beam + diffuse + ground)".to_string(),
    )?;
    kv(
        "iam_coefficients",
        nums(t.options.iam_glass.iter().copied()),
    )?;
    kv(
        "iam_tilts_deg",
        nums(t.options.iam_tilts_deg.iter().copied()),
    )?;
    kv(
        "iam_azimuths_deg",
        nums(t.options.iam_azimuths_deg.iter().copied()),
    )?;
    let flat: Vec<f64> = t.iam_factor.iter().flatten().copied().collect();
    all_finite("iam_factor", &flat)?;
    if flat.len() != t.options.iam_tilts_deg.len() * t.options.iam_azimuths_deg.len() {
        return Err("iam_factor does not fill its grid".into());
    }
    kv(
        "iam_factor",
        nums(flat.iter().map(|&v| (v * 10_000.0).round() / 10_000.0)),
    )?;
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
