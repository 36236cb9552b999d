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

thread_local! {
    /// Renders per component since the last reset (a counter, not a timer: the regression check on
    /// re-rendering counts renders, which do not depend on the machine's speed).
    static RENDERS: std::cell::RefCell<std::collections::BTreeMap<&'static str, u32>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Counts one render of the component `name` (called first thing in every component).
pub fn rendered(name: &'static str) {
    RENDERS.with(|r| *r.borrow_mut().entry(name).or_default() += 1);
}

/// Renders per component since the last [`reset_renders`].
pub fn renders() -> std::collections::BTreeMap<&'static str, u32> {
    RENDERS.with(|r| r.borrow().clone())
}

/// Starts counting anew.
pub fn reset_renders() {
    RENDERS.with(|r| r.borrow_mut().clear());
}

/// For the browser benchmark: renders per component since the last call, as `name=count` pairs joined by `,`;
/// the counter restarts.
#[wasm_bindgen]
pub fn bench_take_renders() -> String {
    let out = renders()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",");
    reset_renders();
    out
}

/// For the browser benchmark: `n` keystrokes' worth of core work on the residential high-rise template — each
/// an `Editor::edit` of the wall K (parse, validate, one evaluation), alternating 0.7 / 0.42 as the benchmark
/// types — to compare with the page's whole keystroke in the same run; returns the number evaluated. The
/// editor is made once, outside the loop (making it evaluates too).
#[wasm_bindgen]
pub fn bench_evaluate(n: usize) -> f64 {
    let Ok(project) = Project::template(Template::ResidentialHighRise) else {
        return 0.0;
    };
    let mut e = greencheck_core::editor::Editor::new(project);
    let mut done = 0.0;
    for i in 0..n {
        e.edit("envelope.wall_u", if i % 2 == 0 { "0.7" } else { "0.42" });
        if e.report().building.is_some() {
            done += 1.0;
        }
    }
    done
}
