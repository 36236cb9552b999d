//! Timed benchmark of `greencheck summary` (issue 16: 10 000 project files in ≤ 10 s on 2 cores).
//!
//! Generates a synthetic portfolio with `greencheck gen-portfolio` (seed 1) once, then runs the release
//! binary over it: one unmeasured run (page cache), then `SUMMARY_RUNS` (default 9) timed runs with all
//! cores and as many with `--jobs 1`, each writing the CSV. Prints median, p95 (nearest rank), min, max of the
//! wall time, the median CPU time of the child (user + system, from `/proc/self/stat`: on a machine shared
//! with other builds it shows the work apart from the waiting) and the machine. `cargo bench -p greencheck-core --bench summary`; `SUMMARY_FILES` changes the 10 000.
//! Without `--bench` (as `cargo test --all-targets` runs it) it only smoke-tests 50 files once.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// CPU time (user + system) of the waited-for children so far, s (`/proc/self/stat` fields 16–17, in
/// USER_HZ = 100 ticks per second on Linux); 0 where unavailable.
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    // rest starts at field 3 (state, not a number, filtered out): cutime and cstime are fields 16, 17.
    f.get(12)
        .zip(f.get(13))
        .map_or(0.0, |(u, s)| (u + s) / 100.0)
}

fn run(args: &[&str]) -> f64 {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_greencheck"))
        .args(args)
        .output()
        .expect("run greencheck");
    let secs = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    secs
}

fn stats(mut xs: Vec<f64>) -> String {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    let median = if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    };
    // Nearest-rank p95.
    let p95 = xs[((0.95 * n as f64).ceil() as usize).clamp(1, n) - 1];
    format!(
        "median {median:.3} s · p95 {p95:.3} s · min {:.3} s · max {:.3} s ({n} runs)",
        xs[0],
        xs[n - 1]
    )
}

fn first_line(path: &str, prefix: &str) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(prefix))
        .map(|l| l.split(':').nth(1).unwrap_or(l).trim().to_owned())
        .unwrap_or_default()
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let (files, runs) = if bench {
        (env("SUMMARY_FILES", 10_000), env("SUMMARY_RUNS", 9).max(1))
    } else {
        (50, 1)
    };
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("summary-bench-{files}"));
    let dir = root.join("portfolio");
    let csv = root.join("summary.csv");
    let (dir_s, csv_s) = (dir.to_string_lossy(), csv.to_string_lossy());
    if !dir.join("淇滨区").exists() {
        let n = files.to_string();
        let t = run(&["gen-portfolio", &dir_s, &n, "--seed", "1"]);
        println!("generated {files} projects in {t:.2} s → {dir_s}");
    }
    run(&["summary", &dir_s, "--csv", &csv_s]);
    let rows = std::fs::read_to_string(&csv).map_or(0, |t| t.matches(".json,").count());
    assert_eq!(rows, files, "every project is a row of the CSV");
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "machine: {} · {cores} cores · load average before: {}",
        first_line("/proc/cpuinfo", "model name"),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    for (label, jobs) in [("all cores", None), ("--jobs 1", Some("1"))] {
        let mut args = vec!["summary", &*dir_s, "--csv", &*csv_s];
        if let Some(j) = jobs {
            args.extend(["--jobs", j]);
        }
        let mut cpu = Vec::new();
        let times: Vec<f64> = (0..runs)
            .map(|_| {
                let before = children_cpu();
                let t = run(&args);
                cpu.push(children_cpu() - before);
                t
            })
            .collect();
        cpu.sort_by(f64::total_cmp);
        println!(
            "summary of {files} files, {label}: wall {}; CPU median {:.2} s",
            stats(times),
            cpu[cpu.len() / 2]
        );
    }
    println!(
        "load average after: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
}
