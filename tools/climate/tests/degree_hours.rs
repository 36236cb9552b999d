//! Degree hours and the PV inputs on a synthetic three-day weather file, against hand computation.

use greencheck_climate::{epw, table};

/// One EPW data line (35 fields) for July `day`, `hour` (1–24); `(dew, rh, p)` as written in the file.
fn line(
    day: u32,
    hour: u32,
    t: f64,
    (dew, rh, p): (&str, &str, &str),
    ghi: f64,
    wind: f64,
) -> String {
    format!(
        "2005,7,{day},{hour},0,flags,{t},{dew},{rh},{p},0,0,350,{ghi},0,{ghi},0,0,0,0,180,{wind},5,5,20,77777,9,999999999,0,0.2,0,88,0.0,0.0,0.0\n"
    )
}

/// July 1: hours 1–12 at 25 °C saturated (dew point missing, RH 100 %), hours 13–24 at 15 °C saturated.
/// July 2: 30 °C saturated all day, station pressure missing (standard pressure at 62.9 m is used).
/// July 3: 35 °C with dew point 21.189 °C at 101 325 Pa, i.e. wet bulb 25.0 °C (hand computation in
/// psychro.rs: ASHRAE psychrometric equation with table-3 saturation pressures).
fn three_days() -> String {
    let mut s = String::from("LOCATION,Testville,Henan,CHN,CSWD,538980,36.05,114.40,8.0,62.9\n");
    for k in 2..=8 {
        s.push_str(&format!("HEADER{k}\n"));
    }
    for h in 1..=24 {
        if h <= 12 {
            s.push_str(&line(1, h, 25.0, ("99.9", "100", "101325"), 0.0, 1.0));
        } else {
            s.push_str(&line(1, h, 15.0, ("15", "100", "101325"), 0.0, 1.0));
        }
    }
    for h in 1..=24 {
        // Sun 100 W/m² at hours 9–16 with wind 2 m/s, otherwise dark and 4 m/s.
        let (g, w) = if (9..=16).contains(&h) {
            (100.0, 2.0)
        } else {
            (0.0, 4.0)
        };
        s.push_str(&line(2, h, 30.0, ("30", "100", "999999"), g, w));
    }
    for h in 1..=24 {
        let g = if (9..=16).contains(&h) { 300.0 } else { 0.0 };
        s.push_str(&line(3, h, 35.0, ("21.189", "45", "101325"), g, 3.0));
    }
    s
}

#[test]
fn wet_and_dry_bulb_degree_hours_by_hand() {
    let w = epw::parse_any_length(&three_days()).unwrap();
    assert_eq!(w.hours.len(), 72);
    let (wdh, ddh) = table::degree_hours(&w.hours, w.location.elevation_m);
    // Wet bulb: day 1: 12 h × (25 − 20) = 60; day 2: 24 × 10 = 240; day 3: 24 × 5.0 = 120 → 420 K·h.
    // Dry bulb above 28: day 2: 24 × 2 = 48; day 3: 24 × 7 = 168 → 216 K·h.
    assert!((wdh[6] - 420.0).abs() < 0.75, "{}", wdh[6]);
    assert!((ddh[6] - 216.0).abs() < 1e-9, "{}", ddh[6]);
    for m in (0..12).filter(|&m| m != 6) {
        assert_eq!((wdh[m], ddh[m]), (0.0, 0.0));
    }
}

#[test]
fn missing_humidity_is_not_silently_zero() {
    let text = three_days().replacen(",99.9,100,101325,", ",99.9,999,101325,", 1);
    let w = epw::parse_any_length(&text).unwrap();
    let (wdh, ddh) = table::degree_hours(&w.hours, 0.0);
    assert!(wdh[6].is_nan());
    assert!((ddh[6] - 216.0).abs() < 1e-9);
}

#[test]
fn sunny_hour_weighted_temperature_irradiance_and_wind() {
    let w = epw::parse_any_length(&three_days()).unwrap();
    let t = table::compute(&w, &table::Options::default());
    // Σ GHI: day 2 8 × 100 = 800, day 3 8 × 300 = 2400 → 3200 Wh/m².
    // t_sun = (800·30 + 2400·35)/3200 = 33.75 °C; g_sun = (8·100² + 8·300²)/3200 = 250 W/m²;
    // ws_sun = (800·2 + 2400·3)/3200 = 2.75 m/s.
    assert!((t.t_sun_c[6] - 33.75).abs() < 1e-9, "{}", t.t_sun_c[6]);
    assert!((t.g_sun_w_m2[6] - 250.0).abs() < 1e-9);
    assert!((t.ws_sun_m_s[6] - 2.75).abs() < 1e-9);
    // Months without data: the table cannot be written (NaN temperatures), never a silent zero.
    assert!(t.t_mean_c[0].is_nan());
}

#[test]
fn physical_iam_matches_pvlib() {
    // pvlib 0.16.1 iam.physical(aoi) with n 1.526, K 4, L 0.002 (a separate implementation):
    for (aoi, want) in [
        (0.0, 1.0),
        (30.0, 0.997_886_863),
        (60.0, 0.946_002_914),
        (75.0, 0.774_060_675),
        (85.0, 0.400_879_150),
    ] {
        let got = table::iam_physical(aoi, 1.526, 4.0, 0.002);
        assert!((got - want).abs() < 1e-6, "{aoi}: {got}");
    }
    assert_eq!(table::iam_physical(90.0, 1.526, 4.0, 0.002), 0.0);
    assert_eq!(table::iam_physical(f64::NAN, 1.526, 4.0, 0.002), 0.0);
    // The tool reads the same coefficients as the core's PV defaults.
    assert_eq!(table::Options::default().iam_glass, [1.526, 4.0, 0.002]);
}
