//! Fuzz target: arbitrary bytes → project loading (JSON, version, migration, validation) →
//! evaluation → report JSON. Must never panic.
#![no_main]

use greencheck_core::migrate::{load_project, MAX_PROJECT_BYTES};
use greencheck_core::{evaluate, Project};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let direct = Project::from_json(text);
    let loaded = load_project(text);
    // The plain parser and the loader agree on what is a valid greencheck/1 project.
    match (&direct, &loaded) {
        (Ok(p), Ok(l)) => assert!(l.migrated_from.is_none() && &l.project == p),
        (Ok(_), Err(e)) => assert!(text.len() > MAX_PROJECT_BYTES, "{e}"),
        (Err(_), Ok(l)) => assert!(l.migrated_from.is_some() || text.starts_with('\u{FEFF}')),
        (Err(_), Err(e)) => assert!(!e.message_zh().is_empty() && !e.message_en().is_empty()),
    }
    if let Ok(p) = &direct {
        let _ = evaluate(p);
    }
    if let Ok(l) = loaded {
        let report = evaluate(&l.project);
        let json = serde_json::to_string(&report).expect("report serialises");
        assert!(!json.is_empty());
        // Save → load round trip keeps the project.
        let again = load_project(&l.project.to_json_pretty()).expect("saved project reloads");
        assert_eq!(again.project, l.project);
    }
});
