//! Fuzz target: arbitrary bytes → gbXML import (decoding, XML, geometry, grouping, summary, project
//! validation) → evaluation. Must never panic. An import that succeeds gives a valid project that saves and
//! reloads unchanged, carries its summary, and whose bytes `is_gbxml` recognises; a failure has both messages.
#![no_main]

use greencheck_core::gbxml::{import, is_gbxml, ImportOptions, ImportSummary};
use greencheck_core::{evaluate, Project};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions {
        source_name: "fuzz.xml".into(),
        ..ImportOptions::default()
    };
    match import(data, &options) {
        Ok(imported) => {
            assert!(is_gbxml(data), "imported but not recognised as gbXML");
            imported.project.validate().expect("imported project is valid");
            let again = Project::from_json(&imported.project.to_json_pretty()).expect("saved project reloads");
            assert_eq!(again, imported.project);
            assert_eq!(ImportSummary::from_project(&again), Some(imported.summary.clone()));
            assert!(imported
                .summary
                .lines
                .iter()
                .all(|l| !l.zh.is_empty() && !l.en.is_empty()));
            let report = evaluate(&imported.project);
            let json = serde_json::to_string(&report).expect("report serialises");
            assert!(!json.is_empty());
        }
        Err(e) => assert!(!e.message_zh().is_empty() && !e.message_en().is_empty()),
    }
});
