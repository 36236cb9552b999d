//! The hourly files embedded by the core (`core/data/climate/<id>.hourly`): current with the tool, and the
//! core's decoding and transposition equal, hour by hour, to this tool's Perez transposition of the EPW.

use greencheck_climate::epw::{self, Epw};
use greencheck_climate::sky::{SkyHour, SkyModel};
use greencheck_climate::{hourly, solar, table};
use std::path::PathBuf;

const CITIES: [(&str, &str, &str, &str); 2] = [
    ("hebi", "鹤壁", "Hebi", "CHN_Henan.Anyang.538980_CSWD.epw"),
    (
        "zhengzhou",
        "郑州",
        "Zhengzhou",
        "CHN_Henan.Zhengzhou.570830_CSWD.epw",
    ),
];

fn weather(file: &str) -> Epw {
    let dir = std::env::var_os("WEATHER_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"));
    let plain = dir.join(file);
    let path = if plain.exists() {
        plain
    } else {
        dir.join(format!("{file}.gz"))
    };
    let text = epw::read_text(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    epw::parse(&text).expect("EPW parses")
}

#[test]
fn committed_hourly_files_are_current() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    for (id, zh, en, file) in CITIES {
        let meta = table::CityMeta {
            id: id.into(),
            name_zh: zh.into(),
            name_en: en.into(),
            source_file: file.into(),
        };
        let fresh = hourly::to_hourly_table(&weather(file), &meta, 0.2).expect("encodes");
        let path = root.join(format!("core/data/climate/{id}.hourly"));
        let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            fresh == committed,
            "core/data/climate/{id}.hourly is stale: rerun tools/climate/regenerate.sh"
        );
    }
}

/// Every hour and 24 azimuths: the core's `c + max(0, x sin γ + y cos γ)` and its horizontal value equal the
/// tool's `SkyHour::total` (Perez, albedo 0.2) given the closure DNI·cos z + DHI as global horizontal.
#[test]
fn core_transposition_is_the_tools() {
    for (id, _, _, file) in CITIES {
        let w = weather(file);
        let core = greencheck_core::weather::city(id).expect("core decodes");
        let loc = &w.location;
        let mut worst = 0.0f64;
        for (i, hr) in w.hours.iter().enumerate() {
            let c = core.hours[i];
            assert!((c.t_e_c - hr.dry_bulb_c).abs() < 0.05 + 1e-9, "{id} {i}");
            let doy = solar::day_of_year(hr.month, hr.day);
            let sun = solar::position(
                loc.latitude_deg,
                loc.longitude_deg,
                loc.time_zone_h,
                doy,
                f64::from(hr.hour) - 0.5,
            );
            let cos_z = sun.zenith_deg.to_radians().cos();
            let dni = if sun.zenith_deg < 90.0 {
                hr.dni_wh_m2
            } else {
                0.0
            };
            let ghi = dni * cos_z.max(0.0) + hr.dhi_wh_m2;
            let sky = SkyHour::new(sun, doy, ghi, hr.dni_wh_m2, hr.dhi_wh_m2);
            let mut check = |ours: f64, tool: f64| {
                worst = worst.max((ours - tool).abs());
                assert!(
                    (ours - tool).abs() < 1e-6,
                    "{id} hour {i}: {ours} vs {tool}"
                );
            };
            check(c.h, sky.total(0.0, 0.0, SkyModel::Perez, 0.2));
            for k in 0..24 {
                let az = f64::from(k) * 15.0;
                let (s, co) = az.to_radians().sin_cos();
                check(c.vertical(s, co), sky.total(90.0, az, SkyModel::Perez, 0.2));
            }
        }
        eprintln!("{id}: worst hourly difference {worst:.2e} W/m²");
    }
}

#[test]
fn only_whole_ordered_years_are_written() {
    let w = weather(CITIES[0].3);
    let mut short = w.clone();
    short.hours.truncate(72);
    assert!(hourly::channels(&short).unwrap_err().contains("72 hours"));
    let mut shuffled = w.clone();
    shuffled.hours.swap(10, 11);
    assert!(hourly::channels(&shuffled).unwrap_err().contains("hour 10"));
    let mut hot = w;
    hot.hours[5].dhi_wh_m2 = 12.5;
    assert!(hourly::channels(&hot)
        .unwrap_err()
        .contains("irradiation 12.5"));
}
