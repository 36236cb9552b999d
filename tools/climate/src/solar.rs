//! Solar position: the NOAA "general solar position calculations" (Spencer 1971 Fourier series for the
//! declination and the equation of time), no refraction. Year-agnostic (suits typical-year files): error
//! ≤ ~0.4° in zenith/azimuth (mostly the leap-year cycle), ample for monthly irradiation sums.

use std::f64::consts::PI;

/// Sun position for one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SunPosition {
    /// Zenith angle, degrees (0 = overhead, > 90 = below the horizon).
    pub zenith_deg: f64,
    /// Azimuth, degrees clockwise from north (90 = east, 180 = south).
    pub azimuth_deg: f64,
}

/// Fractional-year angle γ (radians) of Spencer's series for day of year `doy` (1-based) at local hour.
fn fractional_year(doy: u32, local_hour: f64) -> f64 {
    2.0 * PI / 365.0 * (f64::from(doy) - 1.0 + (local_hour - 12.0) / 24.0)
}

/// Solar declination, radians (Spencer 1971).
pub fn declination_rad(doy: u32, local_hour: f64) -> f64 {
    let g = fractional_year(doy, local_hour);
    0.006918 - 0.399912 * g.cos() + 0.070257 * g.sin() - 0.006758 * (2.0 * g).cos()
        + 0.000907 * (2.0 * g).sin()
        - 0.002697 * (3.0 * g).cos()
        + 0.00148 * (3.0 * g).sin()
}

/// Equation of time, minutes (Spencer 1971, as in NOAA's formulation).
pub fn equation_of_time_min(doy: u32, local_hour: f64) -> f64 {
    let g = fractional_year(doy, local_hour);
    229.18
        * (0.000075 + 0.001868 * g.cos()
            - 0.032077 * g.sin()
            - 0.014615 * (2.0 * g).cos()
            - 0.040849 * (2.0 * g).sin())
}

/// Extraterrestrial normal irradiance, W/m² (Spencer 1971 sun–earth distance factor, solar constant 1367).
pub fn extraterrestrial_normal_w_m2(doy: u32) -> f64 {
    let g = 2.0 * PI / 365.0 * (f64::from(doy) - 1.0);
    1367.0
        * (1.000110
            + 0.034221 * g.cos()
            + 0.001280 * g.sin()
            + 0.000719 * (2.0 * g).cos()
            + 0.000077 * (2.0 * g).sin())
}

/// Sun position at `local_hour` (local standard time, hours, may be fractional) of day `doy`.
pub fn position(
    latitude_deg: f64,
    longitude_deg: f64,
    time_zone_h: f64,
    doy: u32,
    local_hour: f64,
) -> SunPosition {
    let decl = declination_rad(doy, local_hour);
    let eot = equation_of_time_min(doy, local_hour);
    let true_solar_min = local_hour * 60.0 + eot + 4.0 * longitude_deg - 60.0 * time_zone_h;
    let ha = (true_solar_min / 4.0 - 180.0).to_radians();
    let lat = latitude_deg.to_radians();
    let cos_z = (lat.sin() * decl.sin() + lat.cos() * decl.cos() * ha.cos()).clamp(-1.0, 1.0);
    let zenith = cos_z.acos();
    // Azimuth measured from south, positive towards west; +180 gives clockwise from north.
    let az_south = ha
        .sin()
        .atan2(ha.cos() * lat.sin() - decl.tan() * lat.cos());
    let azimuth = (az_south.to_degrees() + 180.0).rem_euclid(360.0);
    SunPosition {
        zenith_deg: zenith.to_degrees(),
        azimuth_deg: azimuth,
    }
}

/// Relative optical air mass, Kasten & Young (1989); `None` when the sun is below the horizon.
pub fn relative_airmass(zenith_deg: f64) -> Option<f64> {
    if zenith_deg >= 90.0 {
        return None;
    }
    Some(1.0 / (zenith_deg.to_radians().cos() + 0.50572 * (96.07995 - zenith_deg).powf(-1.6364)))
}

/// Day of year (1-based) of a month/day in a non-leap year.
pub fn day_of_year(month: u32, day: u32) -> u32 {
    const CUM: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    CUM[(month.clamp(1, 12) - 1) as usize] + day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instant_nrel_spa_example() {
        // Reda & Andreas (2004), NREL SPA worked example: 2003-10-17 12:30:30 local, UTC−7,
        // 39.742476 N, 105.1786 W -> topocentric zenith 50.11162°, azimuth 194.34024°.
        // Day of year 290 (2003 not leap). Spencer's series ignores the leap-year cycle: in the third year
        // after a leap year the real declination lags the series by up to ~0.75 day, ≈ 0.35° in October
        // (SPA declination −9.316°, Spencer −8.967°), so the tolerance is 0.4°; typical-year files have no
        // single real year anyway.
        let p = position(39.742476, -105.1786, -7.0, 290, 12.0 + 30.5 / 60.0);
        assert!(
            (p.zenith_deg - 50.11162).abs() < 0.4,
            "zenith {}",
            p.zenith_deg
        );
        assert!(
            (p.azimuth_deg - 194.34024).abs() < 0.4,
            "azimuth {}",
            p.azimuth_deg
        );
        assert!((declination_rad(290, 12.5).to_degrees() + 9.316).abs() < 0.4);
    }

    #[test]
    fn solar_noon_at_equinox_on_the_meridian() {
        // Longitude 120 E = centre of UTC+8: at ~12:07 (EoT ≈ −7.5 min on 21 March) the sun is due south,
        // zenith ≈ latitude − declination ≈ 36° (declination ≈ 0 on 21 March).
        let doy = day_of_year(3, 21);
        let eot = equation_of_time_min(doy, 12.0);
        assert!((eot + 7.4).abs() < 0.6, "eot {eot}");
        let p = position(36.0, 120.0, 8.0, doy, 12.0 - eot / 60.0);
        assert!(
            (p.azimuth_deg - 180.0).abs() < 0.05,
            "azimuth {}",
            p.azimuth_deg
        );
        assert!((p.zenith_deg - 36.0).abs() < 0.5, "zenith {}", p.zenith_deg);
    }

    #[test]
    fn morning_sun_is_east_evening_west() {
        let doy = day_of_year(6, 21);
        let am = position(36.05, 114.4, 8.0, doy, 8.0);
        let pm = position(36.05, 114.4, 8.0, doy, 17.0);
        assert!(am.azimuth_deg > 45.0 && am.azimuth_deg < 135.0);
        assert!(pm.azimuth_deg > 225.0 && pm.azimuth_deg < 315.0);
    }

    #[test]
    fn airmass_and_calendar() {
        assert!((relative_airmass(0.0).unwrap() - 1.0).abs() < 0.001);
        // 60°: 1/cos = 2, Kasten–Young gives ≈ 1.99
        assert!((relative_airmass(60.0).unwrap() - 1.99).abs() < 0.01);
        assert_eq!(relative_airmass(95.0), None);
        assert_eq!(day_of_year(1, 1), 1);
        assert_eq!(day_of_year(12, 31), 365);
        // Perihelion (early January) ≈ 1367 × 1.034, aphelion (early July) ≈ 1367 × 0.967
        assert!((extraterrestrial_normal_w_m2(3) - 1413.0).abs() < 3.0);
        assert!((extraterrestrial_normal_w_m2(185) - 1322.0).abs() < 3.0);
    }
}
