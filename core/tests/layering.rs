//! The core's module map has no import circles: every top-level module (a file or a folder of `src/`) may
//! use only modules below it. Read from the sources (every `crate::<module>` path, `use` or inline), so a new
//! circle fails this test; `cargo test -p greencheck-core --test layering -- --nocapture` prints the map.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules its files name as `crate::<module>`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if name == "bin" {
                continue;
            }
            for f in std::fs::read_dir(&path).unwrap() {
                let f = f.unwrap().path();
                files.push((name.clone(), std::fs::read_to_string(f).unwrap()));
            }
        } else if name != "lib" {
            files.push((name, std::fs::read_to_string(path).unwrap()));
        }
    }
    for (module, text) in files {
        let deps = g.entry(module.clone()).or_default();
        // Code only: comments and doc links do not import.
        for line in text
            .lines()
            .map(str::trim_start)
            .filter(|l| !l.starts_with("//"))
        {
            for part in line.split("crate::").skip(1) {
                let dep: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !dep.is_empty()
                    && dep != module
                    && dep.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                {
                    deps.insert(dep);
                }
            }
        }
    }
    g
}

/// A circle through `start`, if any (depth-first).
fn circle(g: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        g: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in g.get(at).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(g, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_owned()];
    let mut seen = BTreeSet::new();
    walk(g, start, start, &mut path, &mut seen).then_some(path)
}

#[test]
fn no_import_circles() {
    let g = graph();
    for (m, deps) in &g {
        println!(
            "{m:>10} → {}",
            deps.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    assert!(g.len() >= 20, "{g:?}");
    let circles: Vec<Vec<String>> = g.keys().filter_map(|m| circle(&g, m)).collect();
    assert!(circles.is_empty(), "import circles: {circles:?}");
}

/// The spine is the only module that knows the checks, the estimate, PV and the star rating together; the
/// leaves it calls do not know each other.
#[test]
fn leaves_do_not_know_each_other() {
    let g = graph();
    let uses = |a: &str, b: &str| g.get(a).is_some_and(|d| d.contains(b));
    for (a, b) in [
        ("energy", "checks"),
        ("energy", "star"),
        ("energy", "pv"),
        ("energy", "report"),
        ("checks", "energy"),
        ("star", "checks"),
        ("star", "energy"),
        ("pv", "energy"),
        ("project", "model"),
        ("limits", "model"),
    ] {
        assert!(!uses(a, b), "{a} uses {b}");
    }
    assert!(uses("evaluate", "checks") && uses("evaluate", "energy") && uses("evaluate", "star"));
}
