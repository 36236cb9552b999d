//! Benchmark hooks for `tests/bench/browser-bench.mjs` (`make bench`): timed from JavaScript around the call.

use greencheck_core::project::{Project, Template};
use greencheck_core::sweep::{sweep, SweepParam};
use wasm_bindgen::prelude::*;

/// Sweeps the south facade's (A) WWR of the residential high-rise template over [0, 0.9] in `points`
/// points with the core's sweep; returns the number of points computed (0 if the template is invalid).
#[wasm_bindgen]
pub fn bench_sweep(points: usize) -> f64 {
    let Ok(project) = Project::template(Template::ResidentialHighRise) else {
        return 0.0;
    };
    let computed = sweep(&project, SweepParam::Wwr("A".into()), 0.0, 0.9, points);
    // Count only points that produced an estimate, so a silently broken sweep shows up as a short count.
    computed.iter().filter(|p| p.ratio.is_some()).count() as f64
}
