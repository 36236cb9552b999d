//! The hourly weather year of a city, for the ISO 13790 hourly (5R1C) method of [`crate::energy`]: outdoor
//! temperature and the irradiance on the horizontal and on a vertical plane of any azimuth, hour by hour.
//!
//! The files `core/data/climate/<id>.hourly` are written by `tools/climate` from the same CSWD typical-year
//! EPW as the monthly tables ([`crate::climate`]); format in tools/climate/README.md. They hold the measured
//! channels only — dry bulb (0.1 °C), direct normal and diffuse horizontal irradiation (Wh/m²) — ≈ 16–18 KB
//! gzip per city. Decoding also transposes, once per city: the sun at each hour's midpoint (NOAA general
//! solar position with Spencer's (1971) declination and equation of time, as the tool) and the Perez et al.
//! (1990) sky with the all-sites composite coefficients, ground reflectance from the file (0.2). Global
//! horizontal is the closure DNI·cos z + DHI, as in EnergyPlus (which does not use the EPW's global field).
//!
//! Per hour this gives the horizontal irradiance `h` and, for vertical planes, an azimuth-independent part
//! `c` = DHI·((1 − F1)/2 + F2) + ρ·GHI/2 and a horizontal vector (`x` east, `y` north) of length
//! (DNI + DHI·F1/b)·sin z towards the sun: a vertical plane facing γ receives `c + max(0, x·sin γ + y·cos γ)`
//! — the beam and the Perez circumsolar term share cos AOI = sin z·cos(γ_s − γ), so this is the Perez model
//! itself (tools/climate's tests compare it with the tool's transposition hour by hour).
//!
//! Decoding checks every header line, the counts and each value's range, and never panics: a bad file is
//! `None` from [`city`] (the estimate then reports that the city has no hourly weather).

use std::f64::consts::PI;
use std::sync::OnceLock;

use crate::climate::{Header, TableError};

/// The embedded hourly files: city id and bytes.
const EMBEDDED: [(&str, &[u8]); 2] = [
    ("hebi", include_bytes!("../data/climate/hebi.hourly")),
    (
        "zhengzhou",
        include_bytes!("../data/climate/zhengzhou.hourly"),
    ),
];

/// First line of an hourly file.
const MAGIC: &str = "greencheck-hourly 1";

/// The channel layout this decoder reads (the `channels` header line, exactly).
const CHANNELS: &str =
    "dry_bulb_0.1C:delta_previous_hour dni_wh_m2:raw dhi_wh_m2:delta_previous_day";

/// Days per month of the typical (non-leap) year the files hold.
const DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// One hour: outdoor temperature and the transposition inputs (module docs), W/m² averaged over the hour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hour {
    /// Dry bulb, °C.
    pub t_e_c: f64,
    /// Irradiance on the horizontal plane.
    pub h: f64,
    /// Azimuth-independent part on a vertical plane.
    pub c: f64,
    /// East component of the directional part on vertical planes.
    pub x: f64,
    /// North component of the directional part on vertical planes.
    pub y: f64,
}

impl Hour {
    /// Irradiance on a vertical plane whose outward normal has azimuth γ, given as (sin γ, cos γ), W/m².
    #[inline(always)]
    pub fn vertical(&self, sin_az: f64, cos_az: f64) -> f64 {
        let d = self.x * sin_az + self.y * cos_az;
        // A comparison, not f64::max (a libm call at the size-optimised level).
        self.c + if d > 0.0 { d } else { 0.0 }
    }
}

/// A city's hourly weather year.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyWeather {
    /// City identifier (`hebi`).
    pub id: String,
    /// Provenance of the data.
    pub source: String,
    /// Station latitude, degrees north.
    pub latitude_deg: f64,
    /// Station longitude, degrees east.
    pub longitude_deg: f64,
    /// Time zone of the hour stamps, hours east of GMT.
    pub time_zone_h: f64,
    /// Ground reflectance.
    pub albedo: f64,
    /// Days per month.
    pub days: [u32; 12],
    /// The hours of the year, 1 January 00:00–01:00 first.
    pub hours: Vec<Hour>,
}

impl HourlyWeather {
    /// Index one past the last hour of each month (cumulative hours).
    pub fn month_ends(&self) -> [usize; 12] {
        let mut ends = [0; 12];
        let mut n = 0;
        for (e, d) in ends.iter_mut().zip(self.days) {
            n += d as usize * 24;
            *e = n;
        }
        ends
    }
}

/// The embedded hourly year of city `id` (decoded and transposed on first use), or `None` when there is
/// none or its file does not decode.
pub fn city(id: &str) -> Option<&'static HourlyWeather> {
    static CELLS: [OnceLock<Option<HourlyWeather>>; EMBEDDED.len()] =
        [OnceLock::new(), OnceLock::new()];
    let k = EMBEDDED.iter().position(|(c, _)| *c == id)?;
    CELLS[k]
        .get_or_init(|| decode(EMBEDDED[k].1).ok().filter(|w| w.id == id))
        .as_ref()
}

/// Reads the next zigzag LEB128 varint (at most 5 bytes).
fn varint(bytes: &mut &[u8]) -> Result<i64, TableError> {
    let err = TableError("hours");
    let mut u = 0u64;
    for shift in (0..35).step_by(7) {
        let (&b, rest) = bytes.split_first().ok_or(err)?;
        *bytes = rest;
        u |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok((u >> 1) as i64 ^ -((u & 1) as i64));
        }
    }
    Err(err)
}

/// Decodes `n` values of one channel: value = residual + predictor (`lag` values back; 0 = no predictor),
/// each within `lo..=hi`.
fn channel(
    bytes: &mut &[u8],
    n: usize,
    lag: usize,
    lo: i64,
    hi: i64,
) -> Result<Vec<i64>, TableError> {
    let mut v: Vec<i64> = Vec::with_capacity(n);
    for i in 0..n {
        let p = match lag {
            0 => 0,
            _ => i.checked_sub(lag).map_or(0, |j| v[j]),
        };
        let x = varint(bytes)?
            .checked_add(p)
            .filter(|x| (lo..=hi).contains(x))
            .ok_or(TableError("hours"))?;
        v.push(x);
    }
    Ok(v)
}

/// Parses and transposes one hourly file (format: module docs and tools/climate/README.md).
fn decode(bytes: &[u8]) -> Result<HourlyWeather, TableError> {
    let mut h = Header { rest: bytes };
    if !h.field(MAGIC)?.is_empty() {
        return Err(TableError(MAGIC));
    }
    let id = h.text("id")?;
    let source = h.text("source")?;
    let latitude_deg = h.number("latitude_deg")?;
    let longitude_deg = h.number("longitude_deg")?;
    let time_zone_h = h.number("time_zone_h")?;
    let albedo = h.number("albedo")?;
    let days: [u32; 12] = h.months("days")?;
    if h.field("channels")? != CHANNELS {
        return Err(TableError("channels"));
    }
    let n = h.number("hours")?;
    let site_ok = (-90.0..=90.0).contains(&latitude_deg)
        && (-180.0..=180.0).contains(&longitude_deg)
        && (-12.0..=14.0).contains(&time_zone_h)
        && (0.0..=1.0).contains(&albedo);
    if !site_ok {
        return Err(TableError("site"));
    }
    if days != DAYS || n != 8760.0 {
        return Err(TableError("days"));
    }
    let n = 8760;
    let mut rest = h.rest;
    let t = channel(&mut rest, n, 1, -900, 700)?;
    let dni = channel(&mut rest, n, 0, 0, 2000)?;
    let dhi = channel(&mut rest, n, 24, 0, 2000)?;
    if !rest.is_empty() {
        return Err(TableError("hours"));
    }
    let site = Site {
        latitude_deg,
        longitude_deg,
        time_zone_h,
        albedo,
    };
    let hours = (0..n)
        .map(|i| site.hour(i, t[i] as f64 / 10.0, dni[i] as f64, dhi[i] as f64))
        .collect();
    Ok(HourlyWeather {
        id,
        source,
        latitude_deg,
        longitude_deg,
        time_zone_h,
        albedo,
        days,
        hours,
    })
}

/// The site's constants of the transposition.
struct Site {
    latitude_deg: f64,
    longitude_deg: f64,
    time_zone_h: f64,
    albedo: f64,
}

/// Perez et al. (1990) all-sites composite coefficients per sky-clearness bin: F11, F12, F13, F21, F22, F23
/// (Solar Energy 44(5):271–289, table 6; pvlib's `allsitescomposite1990`; the same as tools/climate).
const PEREZ: [[f64; 6]; 8] = [
    [
        -0.0083117, 0.5877285, -0.0620636, -0.0596012, 0.0721249, -0.0220216,
    ],
    [
        0.1299457, 0.6825954, -0.1513752, -0.0189325, 0.0659650, -0.0288748,
    ],
    [
        0.3296958, 0.4868735, -0.2210958, 0.0554140, -0.0639588, -0.0260542,
    ],
    [
        0.5682053, 0.1874525, -0.2951290, 0.1088631, -0.1519229, -0.0139754,
    ],
    [
        0.8730280, -0.3920403, -0.3616149, 0.2255647, -0.4620442, 0.0012448,
    ],
    [
        1.1326077, -1.2367284, -0.4118494, 0.2877813, -0.8230357, 0.0558651,
    ],
    [
        1.0601591, -1.5999137, -0.3589221, 0.2642124, -1.1272340, 0.1310694,
    ],
    [
        0.6777470, -0.3272588, -0.2504286, 0.1561313, -1.3765031, 0.2506212,
    ],
];

/// Upper bounds of the sky-clearness ε bins 1–7 (Perez 1990 table 1); bin 8 is ε ≥ 6.2.
const EPS_BINS: [f64; 7] = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2];

/// Sun position (zenith, azimuth clockwise from north, radians) at `local_hour` of day `doy`: the NOAA
/// general solar position equations with Spencer's series, no refraction (tools/climate `solar::position`).
fn sun(s: &Site, doy: u32, local_hour: f64) -> (f64, f64) {
    let g = 2.0 * PI / 365.0 * (f64::from(doy) - 1.0 + (local_hour - 12.0) / 24.0);
    let decl = 0.006918 - 0.399912 * g.cos() + 0.070257 * g.sin() - 0.006758 * (2.0 * g).cos()
        + 0.000907 * (2.0 * g).sin()
        - 0.002697 * (3.0 * g).cos()
        + 0.00148 * (3.0 * g).sin();
    let eot = 229.18
        * (0.000075 + 0.001868 * g.cos()
            - 0.032077 * g.sin()
            - 0.014615 * (2.0 * g).cos()
            - 0.040849 * (2.0 * g).sin());
    let true_solar_min = local_hour * 60.0 + eot + 4.0 * s.longitude_deg - 60.0 * s.time_zone_h;
    let ha = (true_solar_min / 4.0 - 180.0).to_radians();
    let lat = s.latitude_deg.to_radians();
    let cos_z = (lat.sin() * decl.sin() + lat.cos() * decl.cos() * ha.cos()).clamp(-1.0, 1.0);
    let az_south = ha
        .sin()
        .atan2(ha.cos() * lat.sin() - decl.tan() * lat.cos());
    let az = (az_south.to_degrees() + 180.0).rem_euclid(360.0);
    (cos_z.acos(), az.to_radians())
}

impl Site {
    /// Hour `i` of the year (0 = 1 January, 00:00–01:00): the sun at its midpoint, the Perez sky.
    fn hour(&self, i: usize, t_e_c: f64, dni: f64, dhi: f64) -> Hour {
        let mut out = Hour {
            t_e_c,
            h: 0.0,
            c: 0.0,
            x: 0.0,
            y: 0.0,
        };
        if dni <= 0.0 && dhi <= 0.0 {
            return out;
        }
        // Day of year and the EPW stamp (hour ending), evaluated half an hour earlier.
        let doy = (i / 24) as u32 + 1;
        let (z, az) = sun(self, doy, (i % 24) as f64 + 1.0 - 0.5);
        let z_deg = z.to_degrees();
        let up = z_deg < 90.0;
        // Below the horizon at the midpoint, what was recorded counts as isotropic diffuse.
        let dni = if up { dni } else { 0.0 };
        let cos_z = z.cos();
        let (mut f1, mut f2) = (0.0, 0.0);
        if dhi > 0.0 && up {
            let am = 1.0 / (cos_z + 0.50572 * (96.07995 - z_deg).powf(-1.6364));
            let gd = 2.0 * PI / 365.0 * (f64::from(doy) - 1.0);
            let i0 = 1367.0
                * (1.000110
                    + 0.034221 * gd.cos()
                    + 0.001280 * gd.sin()
                    + 0.000719 * (2.0 * gd).cos()
                    + 0.000077 * (2.0 * gd).sin());
            let kz3 = 1.041 * z.powi(3);
            let eps = ((dhi + dni) / dhi + kz3) / (1.0 + kz3);
            let delta = dhi * am / i0;
            let bin = EPS_BINS.iter().position(|&b| eps < b).unwrap_or(7);
            let k = PEREZ[bin];
            f1 = (k[0] + k[1] * delta + k[2] * z).max(0.0);
            f2 = k[3] + k[4] * delta + k[5] * z;
        }
        let a = cos_z.max(0.0);
        let b = cos_z.max(85f64.to_radians().cos());
        let ghi = dni * a + dhi;
        out.h = dni * a + (dhi * ((1.0 - f1) + f1 * a / b)).max(0.0);
        out.c = dhi * ((1.0 - f1) * 0.5 + f2) + ghi * self.albedo * 0.5;
        if up {
            let amp = (dni + dhi * f1 / b) * z.sin();
            out.x = amp * az.sin();
            out.y = amp * az.cos();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Any splice of random bytes into the Hebi file, then any truncation, decodes or is an error.
        #[test]
        fn random_edits_never_panic(
            at in 0usize..31_000,
            bytes in proptest::collection::vec(any::<u8>(), 0..12),
            keep in 0usize..32_000,
        ) {
            let mut b = EMBEDDED[0].1.to_vec();
            let at = at.min(b.len());
            let end = (at + bytes.len()).min(b.len());
            b.splice(at..end, bytes);
            b.truncate(keep.max(at));
            let _ = decode(&b);
        }
    }

    fn hebi() -> &'static HourlyWeather {
        city("hebi").expect("hebi hourly embedded")
    }

    #[test]
    fn embedded_files_decode() {
        for (id, _) in EMBEDDED {
            let w = city(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(w.hours.len(), 8760);
            assert_eq!(w.month_ends()[11], 8760);
            assert_eq!(w.month_ends()[0], 744);
        }
        assert!(city("beijing").is_none());
        // Every city offered has its hourly year (the estimate needs one).
        for c in crate::city::cities() {
            assert!(city(c.city).is_some(), "{}", c.city);
        }
        let w = hebi();
        assert_eq!(
            (w.latitude_deg, w.longitude_deg, w.time_zone_h),
            (36.05, 114.4, 8.0)
        );
        assert!(w.source.contains("Anyang"));
    }

    /// The hourly year and the monthly table come from the same EPW (tools/climate), transposed by separate
    /// code: the monthly means of the dry bulb are the table's (rounded to 0.01 °C), the horizontal sums its
    /// horizontal plane, vertical planes its Perez irradiation less the ground-reflected share of the EPW's
    /// non-closure (GHI − DNI·cos z − DHI, which the table reflects and this does not).
    #[test]
    fn agrees_with_the_monthly_table() {
        for (id, _) in EMBEDDED {
            let w = city(id).unwrap();
            let c = crate::climate::city(id).unwrap();
            let mut start = 0;
            for (m, end) in w.month_ends().into_iter().enumerate() {
                let hrs = &w.hours[start..end];
                let n = hrs.len() as f64;
                let t = hrs.iter().map(|h| h.t_e_c).sum::<f64>() / n;
                assert!((t - c.t_mean_c[m]).abs() <= 0.0051, "{id} {m}: {t}");
                let hor: f64 = hrs.iter().map(|h| h.h).sum::<f64>() / 1000.0;
                let table_h = c.irradiation_kwh_m2(m, 180.0, 0.0);
                // The table counts an hour whose midpoint sun is below the horizon with the EPW's global
                // (when above its diffuse) as isotropic diffuse; without the global column this keeps the
                // diffuse: up to 0.66 kWh/m² in a month (Anyang, May: exactly that twilight difference).
                assert!((hor - table_h).abs() < 0.7, "{id} {m}: {hor} vs {table_h}");
                // Ground reflection: the table uses the EPW's GHI column, this the closure.
                let ground_gap = c.albedo / 2.0 * (c.ghi_kwh_m2[m] - hor);
                for az in [0.0_f64, 90.0, 180.0, 270.0, 140.0] {
                    let (s, co) = az.to_radians().sin_cos();
                    let v: f64 = hrs.iter().map(|h| h.vertical(s, co)).sum::<f64>() / 1000.0;
                    let table_v = c.irradiation_kwh_m2(m, az, 90.0);
                    let gap = v - (table_v - ground_gap);
                    // Half the twilight difference (isotropic, vertical) plus the table's 0.1 rounding.
                    assert!(gap.abs() < 0.4, "{id} {m} {az}: {v} vs {table_v}");
                }
                start = end;
            }
        }
    }

    /// NREL SPA worked example (Reda & Andreas 2004): 2003-10-17 12:30:30 local, UTC−7, 39.742476 N,
    /// 105.1786 W → zenith 50.11162°, azimuth 194.34024°; Spencer's series is within 0.4° (tools/climate's
    /// test of the same equations).
    #[test]
    fn sun_position_by_the_worked_example() {
        let s = Site {
            latitude_deg: 39.742476,
            longitude_deg: -105.1786,
            time_zone_h: -7.0,
            albedo: 0.2,
        };
        let (z, az) = sun(&s, 290, 12.0 + 30.5 / 60.0);
        assert!(
            (z.to_degrees() - 50.11162).abs() < 0.4,
            "{}",
            z.to_degrees()
        );
        assert!(
            (az.to_degrees() - 194.34024).abs() < 0.4,
            "{}",
            az.to_degrees()
        );
    }

    /// One hour by hand. Sun below the horizon at the midpoint (1 January, 06:00–07:00 in Hebi): the recorded
    /// diffuse is isotropic: horizontal = DHI, vertical = DHI/2 + ρ·DHI/2, no directional part.
    #[test]
    fn night_and_twilight_hours() {
        let s = Site {
            latitude_deg: 36.05,
            longitude_deg: 114.4,
            time_zone_h: 8.0,
            albedo: 0.2,
        };
        let h = s.hour(6, -3.0, 50.0, 20.0);
        assert_eq!((h.h, h.x, h.y), (20.0, 0.0, 0.0));
        assert!((h.c - (10.0 + 0.2 * 20.0 / 2.0)).abs() < 1e-12);
        assert_eq!(s.hour(0, -3.0, 0.0, 0.0).c, 0.0);
        // Noon, 1 January: the directional vector points south (y < 0) and roughly at the sun.
        let noon = s.hour(12, 2.0, 600.0, 80.0);
        assert!(
            noon.y < 0.0 && noon.x.abs() < 0.2 * noon.y.abs(),
            "{noon:?}"
        );
        let south = noon.vertical(0.0, -1.0);
        let north = noon.vertical(0.0, 1.0);
        assert!(
            south > 400.0 && (north - noon.c).abs() < 1e-12,
            "{south} {north}"
        );
    }

    #[test]
    fn corrupt_files_are_rejected_without_panicking() {
        let good = EMBEDDED[0].1;
        assert!(decode(good).is_ok());
        let payload = {
            let at = good
                .windows(7)
                .position(|w| w == b"\nhours ")
                .expect("hours line")
                + 1;
            at + good[at..].iter().position(|&b| b == b'\n').expect("eol") + 1
        };
        let bad = |b: &[u8]| decode(b).err();
        assert_eq!(bad(b""), Some(TableError(MAGIC)));
        for n in (0..payload).chain((payload..good.len()).step_by(197)) {
            assert!(bad(&good[..n]).is_some(), "truncated at {n}");
        }
        assert_eq!(bad(&[good, b"\0"].concat()), Some(TableError("hours")));
        let edit = |from: &str, to: &str| {
            let text = String::from_utf8_lossy(&good[..payload]).replacen(from, to, 1);
            [text.as_bytes(), &good[payload..]].concat()
        };
        for (from, to, err) in [
            ("greencheck-hourly 1", "greencheck-hourly 2", MAGIC),
            ("latitude_deg 36.05", "latitude_deg 136.05", "site"),
            ("albedo 0.2", "albedo -0.2", "site"),
            ("days 31 28", "days 31 29", "days"),
            ("hours 8760", "hours 8784", "days"),
            ("delta_previous_day", "raw", "channels"),
            ("\ntime_zone_h", "\ntimezone", "time_zone_h"),
        ] {
            assert_eq!(bad(&edit(from, to)), Some(TableError(err)), "{to}");
        }
        // A varint longer than 5 bytes; the first temperature driven out of range (zigzag 2000 → +1000).
        for bytes in [&[0xff; 6][..], &[0xd0, 0x0f][..]] {
            let mut b = good.to_vec();
            b.splice(payload..payload + 1, bytes.iter().copied());
            assert!(bad(&b).is_some(), "{bytes:?}");
        }
        // A flipped byte anywhere decodes or is an error, never a panic.
        for i in (0..payload).chain((payload..good.len()).step_by(401)) {
            for x in [0x01, 0x80, 0xff] {
                let mut b = good.to_vec();
                b[i] ^= x;
                let _ = decode(&b);
            }
        }
    }
}
