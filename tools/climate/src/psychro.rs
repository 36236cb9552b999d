//! Moist-air psychrometrics for the wet-bulb temperature of an EPW hour.
//!
//! Equations of ASHRAE Handbook — Fundamentals (2017, SI), chapter 1 "Psychrometrics":
//! - eq. (3): standard atmospheric pressure at elevation Z, p = 101.325 (1 − 2.25577·10⁻⁵ Z)^5.2559 kPa
//!   (used when the EPW pressure field is missing);
//! - eqs. (5) and (6): saturation pressure of water vapour over ice (−100…0 °C) and over liquid water
//!   (0…200 °C), Hyland and Wexler (1983);
//! - eq. (20): humidity ratio W = 0.621945 p_w / (p − p_w);
//! - eqs. (33) and (35): the psychrometric equation relating the thermodynamic wet-bulb temperature t* to
//!   t, W and the saturation humidity ratio at t*, above and below freezing.
//!
//! The wet-bulb temperature is the t* (between the dew point and the dry bulb) that satisfies eq. (33)/(35)
//! for the hour's humidity ratio, found by bisection to 10⁻⁶ K.

/// Saturation pressure of water vapour, Pa, at `t_c` °C (over ice below 0 °C).
pub fn saturation_pressure_pa(t_c: f64) -> f64 {
    let t = t_c + 273.15;
    let ln = if t_c < 0.0 {
        -5.674_535_9e3 / t + 6.392_524_7 - 9.677_843e-3 * t
            + 6.221_570_1e-7 * t * t
            + 2.074_782_5e-9 * t.powi(3)
            - 9.484_024e-13 * t.powi(4)
            + 4.163_501_9 * t.ln()
    } else {
        -5.800_220_6e3 / t + 1.391_499_3 - 4.864_023_9e-2 * t + 4.176_476_8e-5 * t * t
            - 1.445_209_3e-8 * t.powi(3)
            + 6.545_967_3 * t.ln()
    };
    ln.exp()
}

/// Standard atmospheric pressure at `elevation_m`, Pa (ASHRAE eq. 3).
pub fn standard_pressure_pa(elevation_m: f64) -> f64 {
    101_325.0 * (1.0 - 2.255_77e-5 * elevation_m).powf(5.2559)
}

/// Humidity ratio, kg/kg dry air, of air whose vapour pressure is `p_w` at total pressure `p` (Pa).
pub fn humidity_ratio(p_w: f64, p: f64) -> f64 {
    0.621_945 * p_w / (p - p_w)
}

/// Humidity ratio given by the psychrometric equation for dry bulb `t` and wet bulb `t_star` (°C) at `p` Pa.
fn psychrometric_w(t: f64, t_star: f64, p: f64) -> f64 {
    let ws = humidity_ratio(saturation_pressure_pa(t_star), p);
    if t_star >= 0.0 {
        ((2501.0 - 2.326 * t_star) * ws - 1.006 * (t - t_star))
            / (2501.0 + 1.86 * t - 4.186 * t_star)
    } else {
        ((2830.0 - 0.24 * t_star) * ws - 1.006 * (t - t_star)) / (2830.0 + 1.86 * t - 2.1 * t_star)
    }
}

/// Thermodynamic wet-bulb temperature, °C, from dry bulb `t` (°C), dew point `t_dp` (°C, ≤ t; clamped) and
/// pressure `p` (Pa). `None` for non-finite input or a pressure not above the vapour pressure.
pub fn wet_bulb_c(t: f64, t_dp: f64, p: f64) -> Option<f64> {
    if !(t.is_finite() && t_dp.is_finite() && p.is_finite()) {
        return None;
    }
    let t_dp = t_dp.min(t);
    let p_w = saturation_pressure_pa(t_dp);
    if p <= p_w {
        return None;
    }
    let w = humidity_ratio(p_w, p);
    // psychrometric_w increases with t*: below W at the dew point (or a little under it), W_s(t) at t.
    let (mut lo, mut hi) = (t_dp - 5.0, t);
    if psychrometric_w(t, hi, p) <= w {
        return Some(t);
    }
    for _ in 0..80 {
        let mid = 0.5 * (lo + hi);
        if psychrometric_w(t, mid, p) < w {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-6 {
            break;
        }
    }
    Some(0.5 * (lo + hi))
}

/// Dew point, °C, from dry bulb `t` and relative humidity `rh_pct` (0–100 %): the temperature whose
/// saturation pressure is rh·p_ws(t), by bisection. `None` for RH outside (0, 100] or non-finite input.
pub fn dew_point_from_rh_c(t: f64, rh_pct: f64) -> Option<f64> {
    if !(t.is_finite() && rh_pct.is_finite()) || rh_pct <= 0.0 || rh_pct > 100.0 {
        return None;
    }
    let target = rh_pct / 100.0 * saturation_pressure_pa(t);
    let (mut lo, mut hi) = (-100.0, t);
    for _ in 0..80 {
        let mid = 0.5 * (lo + hi);
        if saturation_pressure_pa(mid) < target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saturation_pressure_matches_ashrae_table_3() {
        // ASHRAE Fundamentals 2017 ch. 1 table 3 (p_ws, kPa): 0 °C 0.6112 (ice side 0.6112),
        // 20 °C 2.3393, 25 °C 3.1699, 30 °C 4.2470, −10 °C 0.2600.
        for (t, kpa) in [
            (20.0, 2.3393),
            (25.0, 3.1699),
            (30.0, 4.2470),
            (-10.0, 0.2600),
            (0.01, 0.6117),
        ] {
            let got = saturation_pressure_pa(t) / 1000.0;
            assert!((got - kpa).abs() < 0.0005 * kpa.max(1.0), "{t}: {got}");
        }
    }

    #[test]
    fn standard_pressure() {
        // ASHRAE table 1: 0 m 101.325 kPa, 500 m 95.461 kPa.
        assert!((standard_pressure_pa(0.0) - 101_325.0).abs() < 0.5);
        assert!((standard_pressure_pa(500.0) - 95_461.0).abs() < 10.0);
    }

    #[test]
    fn saturated_air_wet_bulb_is_the_dry_bulb() {
        for t in [-5.0, 15.0, 25.0, 30.0] {
            let wb = wet_bulb_c(t, t, 101_325.0).unwrap();
            assert!((wb - t).abs() < 1e-5, "{t}: {wb}");
        }
    }

    #[test]
    fn wet_bulb_by_hand_from_the_psychrometric_equation() {
        // Hand computation (ASHRAE table 3 values, not this module): t = 35 °C, t* = 25 °C, p = 101.325 kPa.
        // W_s* = 0.621945·3.1699/(101.325 − 3.1699) = 0.020085;
        // W = ((2501 − 2.326·25)·0.020085 − 1.006·10)/(2501 + 1.86·35 − 4.186·25) = 0.015845;
        // p_w = W·p/(0.621945 + W) = 2.5174 kPa; table 3: 21 °C 2.4877, 22 °C 2.6447 kPa → t_dp = 21.189 °C.
        let wb = wet_bulb_c(35.0, 21.189, 101_325.0).unwrap();
        assert!((wb - 25.0).abs() < 0.03, "{wb}");
        // ASHRAE 2017 ch. 1 example 1: 40 °C dry bulb, 20 °C wet bulb at 101.325 kPa → t_d = 7.7 °C.
        let wb = wet_bulb_c(40.0, 7.7, 101_325.0).unwrap();
        assert!((wb - 20.0).abs() < 0.1, "{wb}");
        assert_eq!(wet_bulb_c(f64::NAN, 1.0, 1e5), None);
        assert_eq!(wet_bulb_c(20.0, 10.0, 100.0), None);
    }

    #[test]
    fn dew_point_from_relative_humidity() {
        // 100 % → the dry bulb; 50 % at 30 °C: p_w = 2.1235 kPa → table 3: 18 °C 2.0647, 19 °C 2.1978 → 18.44 °C.
        assert!((dew_point_from_rh_c(20.0, 100.0).unwrap() - 20.0).abs() < 1e-6);
        assert!((dew_point_from_rh_c(30.0, 50.0).unwrap() - 18.44).abs() < 0.03);
        assert_eq!(dew_point_from_rh_c(30.0, 0.0), None);
        assert_eq!(dew_point_from_rh_c(30.0, 999.0), None);
    }
}
