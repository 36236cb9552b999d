//! `greencheck-climate` command line: EPW in, core climate table out. See tools/climate/README.md.
#![forbid(unsafe_code)]

use greencheck_climate::{epw, hourly, table};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: greencheck-climate --epw FILE.epw[.gz] --id ID --name-zh NAME --name-en NAME --out FILE.climate [--hourly-out FILE.hourly]";

fn run(args: &[String]) -> Result<(), String> {
    let get = |flag: &str| -> Result<String, String> {
        let i = args
            .iter()
            .position(|a| a == flag)
            .ok_or(format!("missing {flag}\n{USAGE}"))?;
        args.get(i + 1)
            .cloned()
            .ok_or(format!("{flag} needs a value\n{USAGE}"))
    };
    let epw_path = get("--epw")?;
    let out = get("--out")?;
    let meta = table::CityMeta {
        id: get("--id")?,
        name_zh: get("--name-zh")?,
        name_en: get("--name-en")?,
        source_file: Path::new(&epw_path)
            .file_name()
            .map(|f| f.to_string_lossy().trim_end_matches(".gz").to_owned())
            .unwrap_or_default(),
    };
    let text = epw::read_text(Path::new(&epw_path)).map_err(|e| format!("{epw_path}: {e}"))?;
    let weather = epw::parse(&text).map_err(|e| format!("{epw_path}: {e}"))?;
    let t = table::compute(&weather, &table::Options::default());
    let bytes = table::to_table(&t, &meta).map_err(|e| format!("{out}: {e}"))?;
    std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
    if args.iter().any(|a| a == "--hourly-out") {
        let path = get("--hourly-out")?;
        let h = hourly::to_hourly_table(&weather, &meta, table::Options::default().albedo)
            .map_err(|e| format!("{path}: {e}"))?;
        std::fs::write(&path, &h).map_err(|e| format!("{path}: {e}"))?;
        eprintln!("{}: hourly year -> {path} ({} bytes)", meta.id, h.len());
    }
    let ann = |a: &[f64; 12]| a.iter().sum::<f64>();
    eprintln!(
        "{}: T {:.2} °C, HDD18 {:.0}, CDD26 {:.0}, GHI {:.0} kWh/m², S30 {:.0}, N90 {:.0} -> {} ({} bytes)",
        meta.id,
        t.t_mean_c.iter().zip(t.days).map(|(v, d)| v * f64::from(d)).sum::<f64>() / f64::from(t.days.iter().sum::<u32>()),
        ann(&t.hdd18),
        ann(&t.cdd26),
        ann(&t.ghi_kwh_m2),
        t.plane_annual(30.0, 180.0).unwrap_or(f64::NAN),
        t.plane_annual(90.0, 0.0).unwrap_or(f64::NAN),
        out,
        bytes.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
