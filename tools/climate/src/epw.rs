//! Minimal EnergyPlus Weather (EPW) reader: the LOCATION header and the hourly fields this tool needs.
//!
//! EPW conventions used here (EnergyPlus Auxiliary Programs, "Weather Converter", data dictionary):
//! - header line 1 `LOCATION,city,state,country,source,WMO,lat,lon,tz,elevation` (lat north +, lon east +,
//!   time zone in hours from GMT);
//! - 8 header lines, then one line per hour: field 1 year, 2 month, 3 day, 4 hour (1–24, the hour *ending* at
//!   that local standard time), 7 dry-bulb °C, 8 dew point °C, 9 relative humidity %, 10 station pressure Pa,
//!   14 GHI, 15 DNI, 16 DHI (Wh/m² over the preceding hour), 22 wind speed m/s.
//! - missing-value markers: dew point 99.9, relative humidity 999, pressure 999999, wind speed 999; those
//!   fields (and absent trailing fields) are read as NaN = missing.

use std::fmt;

/// Site metadata from the EPW `LOCATION` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// City name as written in the file.
    pub city: String,
    /// Data source (e.g. `CSWD`).
    pub source: String,
    /// WMO station number.
    pub wmo: String,
    /// Latitude, degrees north.
    pub latitude_deg: f64,
    /// Longitude, degrees east.
    pub longitude_deg: f64,
    /// Time zone, hours east of GMT.
    pub time_zone_h: f64,
    /// Elevation, m.
    pub elevation_m: f64,
}

/// One hourly record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hour {
    /// Month 1–12.
    pub month: u32,
    /// Day of month 1–31.
    pub day: u32,
    /// Hour 1–24 (hour ending at this local standard time).
    pub hour: u32,
    /// Dry-bulb temperature, °C.
    pub dry_bulb_c: f64,
    /// Global horizontal irradiation over the hour, Wh/m².
    pub ghi_wh_m2: f64,
    /// Direct normal irradiation over the hour, Wh/m².
    pub dni_wh_m2: f64,
    /// Diffuse horizontal irradiation over the hour, Wh/m².
    pub dhi_wh_m2: f64,
    /// Dew-point temperature, °C (NaN = missing).
    pub dew_point_c: f64,
    /// Relative humidity, % (NaN = missing).
    pub relative_humidity_pct: f64,
    /// Station pressure, Pa (NaN = missing).
    pub pressure_pa: f64,
    /// Wind speed, m/s (NaN = missing).
    pub wind_speed_m_s: f64,
}

/// A parsed weather file.
#[derive(Debug, Clone)]
pub struct Epw {
    /// Site metadata.
    pub location: Location,
    /// Hourly records in file order.
    pub hours: Vec<Hour>,
}

/// Why an EPW could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum EpwError {
    /// No `LOCATION` line at the top.
    MissingLocation,
    /// A field could not be parsed (line number 1-based, field name).
    BadField {
        /// 1-based line number.
        line: usize,
        /// Which field.
        field: &'static str,
    },
    /// The file does not hold 8760 (or 8784) hourly records.
    WrongLength(usize),
}

impl fmt::Display for EpwError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EpwError::MissingLocation => write!(f, "no LOCATION line"),
            EpwError::BadField { line, field } => {
                write!(f, "line {line}: bad or missing field {field}")
            }
            EpwError::WrongLength(n) => {
                write!(f, "expected 8760 or 8784 hourly records, found {n}")
            }
        }
    }
}

impl std::error::Error for EpwError {}

fn num(fields: &[&str], idx: usize, line: usize, field: &'static str) -> Result<f64, EpwError> {
    fields
        .get(idx)
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .ok_or(EpwError::BadField { line, field })
}

/// EPW missing-value markers for the radiation fields are ≥ 9999; treat them (and negatives) as zero.
fn radiation(v: f64) -> f64 {
    if (0.0..9999.0).contains(&v) {
        v
    } else {
        0.0
    }
}

/// Reads an EPW file from disk: plain text, or gzip-compressed when the name ends in `.gz` (how the
/// repository keeps its weather files, `tools/climate/data/`).
pub fn read_text(path: &std::path::Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)?;
        Ok(text)
    } else {
        String::from_utf8(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }
}

/// An optional field: NaN when absent, empty or at/above its EPW missing marker; an error when present but
/// not a number.
fn optional(
    fields: &[&str],
    idx: usize,
    line: usize,
    field: &'static str,
    missing_at: f64,
) -> Result<f64, EpwError> {
    match fields.get(idx).map(|s| s.trim()) {
        None | Some("") => Ok(f64::NAN),
        Some(s) => {
            let v: f64 = s.parse().map_err(|_| EpwError::BadField { line, field })?;
            Ok(if v.is_finite() && v < missing_at {
                v
            } else {
                f64::NAN
            })
        }
    }
}

/// Parses the text of an EPW file (exactly 8760 or 8784 hourly records).
pub fn parse(text: &str) -> Result<Epw, EpwError> {
    let epw = parse_any_length(text)?;
    if epw.hours.len() != 8760 && epw.hours.len() != 8784 {
        return Err(EpwError::WrongLength(epw.hours.len()));
    }
    Ok(epw)
}

/// Parses an EPW-formatted text with any number of hourly records (tests use a few days).
pub fn parse_any_length(text: &str) -> Result<Epw, EpwError> {
    let mut lines = text.lines();
    let first = lines.next().ok_or(EpwError::MissingLocation)?;
    let loc: Vec<&str> = first.split(',').collect();
    if loc.first().map(|s| s.trim()) != Some("LOCATION") {
        return Err(EpwError::MissingLocation);
    }
    let location = Location {
        city: loc.get(1).unwrap_or(&"").trim().to_string(),
        source: loc.get(4).unwrap_or(&"").trim().to_string(),
        wmo: loc.get(5).unwrap_or(&"").trim().to_string(),
        latitude_deg: num(&loc, 6, 1, "latitude")?,
        longitude_deg: num(&loc, 7, 1, "longitude")?,
        time_zone_h: num(&loc, 8, 1, "time zone")?,
        elevation_m: num(&loc, 9, 1, "elevation")?,
    };
    let mut hours = Vec::with_capacity(8760);
    for (i, line) in text.lines().enumerate().skip(8) {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        let month = num(&f, 1, n, "month")? as u32;
        let day = num(&f, 2, n, "day")? as u32;
        let hour = num(&f, 3, n, "hour")? as u32;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1..=24).contains(&hour) {
            return Err(EpwError::BadField {
                line: n,
                field: "date/hour",
            });
        }
        hours.push(Hour {
            month,
            day,
            hour,
            dry_bulb_c: num(&f, 6, n, "dry bulb")?,
            ghi_wh_m2: radiation(num(&f, 13, n, "GHI")?),
            dni_wh_m2: radiation(num(&f, 14, n, "DNI")?),
            dhi_wh_m2: radiation(num(&f, 15, n, "DHI")?),
            dew_point_c: optional(&f, 7, n, "dew point", 99.9)?,
            relative_humidity_pct: optional(&f, 8, n, "relative humidity", 999.0)?,
            pressure_pa: optional(&f, 9, n, "pressure", 999_999.0)?,
            wind_speed_m_s: optional(&f, 21, n, "wind speed", 999.0)?,
        });
    }
    Ok(Epw { location, hours })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synthetic(n: usize) -> String {
        let mut s =
            String::from("LOCATION,Testville,Henan,CHN,CSWD,538980,36.05,114.40,8.0,62.9\n");
        for k in 2..=8 {
            s.push_str(&format!("HEADER{k}\n"));
        }
        for i in 0..n {
            let day = i / 24;
            let (month, dom) = ((day / 28) % 12 + 1, day % 28 + 1);
            s.push_str(&format!(
                "2005,{month},{dom},{},0,flags,{:.1},0,50,101940,9999,9999,289,{},{},{},999900\n",
                i % 24 + 1,
                -2.5,
                if i % 24 == 11 { 392 } else { 0 },
                if i % 24 == 11 { 474 } else { 9999 },
                if i % 24 == 11 { 151 } else { 0 },
            ));
        }
        s
    }

    #[test]
    fn parses_location_and_fields() {
        let epw = parse(&synthetic(8760)).unwrap();
        assert_eq!(epw.location.city, "Testville");
        assert_eq!(epw.location.wmo, "538980");
        assert_eq!(epw.location.latitude_deg, 36.05);
        assert_eq!(epw.location.longitude_deg, 114.40);
        assert_eq!(epw.location.time_zone_h, 8.0);
        assert_eq!(epw.location.elevation_m, 62.9);
        assert_eq!(epw.hours.len(), 8760);
        let h = epw.hours[11];
        assert_eq!((h.month, h.day, h.hour), (1, 1, 12));
        assert_eq!(h.dry_bulb_c, -2.5);
        assert_eq!(
            (h.ghi_wh_m2, h.dni_wh_m2, h.dhi_wh_m2),
            (392.0, 474.0, 151.0)
        );
        // 9999 = missing -> 0
        assert_eq!(epw.hours[0].dni_wh_m2, 0.0);
        assert_eq!(
            (h.dew_point_c, h.relative_humidity_pct, h.pressure_pa),
            (0.0, 50.0, 101940.0)
        );
        // No wind field in these short lines: missing.
        assert!(h.wind_speed_m_s.is_nan());
        let marked = synthetic(8760).replacen(",0,50,101940,", ",99.9,999,999999,", 1);
        let h0 = parse(&marked).unwrap().hours[0];
        assert!(
            h0.dew_point_c.is_nan() && h0.relative_humidity_pct.is_nan() && h0.pressure_pa.is_nan()
        );
        let bad = synthetic(8760).replacen(",0,50,101940,", ",x,50,101940,", 1);
        assert_eq!(
            parse(&bad).unwrap_err(),
            EpwError::BadField {
                line: 9,
                field: "dew point"
            }
        );
        assert_eq!(parse_any_length(&synthetic(72)).unwrap().hours.len(), 72);
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(parse("").unwrap_err(), EpwError::MissingLocation);
        assert_eq!(parse("FOO,1,2\n").unwrap_err(), EpwError::MissingLocation);
        assert_eq!(
            parse(&synthetic(100)).unwrap_err(),
            EpwError::WrongLength(100)
        );
        let broken =
            synthetic(8760).replacen("2005,1,1,1,0,flags,-2.5", "2005,1,1,1,0,flags,abc", 1);
        assert_eq!(
            parse(&broken).unwrap_err(),
            EpwError::BadField {
                line: 9,
                field: "dry bulb"
            }
        );
    }
}
