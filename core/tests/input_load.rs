//! Loading project files: size limit, format versions, migration, round trips.

use greencheck_core::migrate::{load_project, LoadError, Loaded, MAX_PROJECT_BYTES};
use greencheck_core::project::{ErrorKind, Geometry, Project, Template};

fn loaded(text: &str) -> Loaded {
    load_project(text).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn current_version_loads_like_from_json() {
    for t in Template::ALL {
        let l = loaded(t.json());
        assert_eq!(l.migrated_from, None);
        assert_eq!(l.project, Project::from_json(t.json()).unwrap());
    }
}

#[test]
fn byte_order_mark_is_ignored() {
    let text = format!("\u{FEFF}{}", Template::Villa.json());
    assert_eq!(
        loaded(&text).project,
        Project::template(Template::Villa).unwrap()
    );
}

#[test]
fn too_large_is_refused_before_parsing() {
    let mut doc: serde_json::Value = serde_json::from_str(Template::Office.json()).unwrap();
    doc["green"]["notes"] = serde_json::Value::String("x".repeat(MAX_PROJECT_BYTES));
    let text = doc.to_string();
    let e = load_project(&text).unwrap_err();
    assert_eq!(
        e,
        LoadError::TooLarge {
            bytes: text.len(),
            max: MAX_PROJECT_BYTES
        }
    );
    assert!(e.message_en().contains("too large"));
    assert!(e.message_zh().contains("过大"));
    // Invalid garbage of the same size gets the same answer (no parse attempted).
    assert!(matches!(
        load_project(&"[".repeat(MAX_PROJECT_BYTES + 1)),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn newer_versions_say_so() {
    for v in ["greencheck/2", "greencheck/10"] {
        let text = Template::Villa.json().replace("greencheck/1", v);
        let e = load_project(&text).unwrap_err();
        assert_eq!(e, LoadError::NewerVersion { format: v.into() });
        assert!(e.message_en().contains("newer version"));
        assert!(e.message_zh().contains("更新版本"));
    }
}

#[test]
fn unknown_or_missing_format() {
    for f in ["\"greencheck/1.5\"", "\"other/1\"", "1", "null"] {
        let text = Template::Villa.json().replace("\"greencheck/1\"", f);
        let e = load_project(&text).unwrap_err();
        match &e {
            LoadError::Invalid(pe) => {
                assert_eq!(pe.path, "format", "{f}");
                assert!(matches!(
                    pe.kind,
                    ErrorKind::UnknownFormat(_) | ErrorKind::Missing
                ));
            }
            other => panic!("{f}: {other:?}"),
        }
        assert!(e.message_en().starts_with("format: "), "{}", e.message_en());
    }
}

#[test]
fn v0_draft_is_migrated() {
    let v0 = r#"{"format": "greencheck/0", "use": "office", "storeys": 4, "storey_height_m": 3.6,
        "orientation": 90, "geometry": {"mode": "box", "length_m": 30, "depth_m": 15},
        "facades": {"A": {"wwr": 0.3}}, "envelope": {"wall_u": 0.5}}"#;
    let l = loaded(v0);
    assert_eq!(l.migrated_from.as_deref(), Some("greencheck/0"));
    assert_eq!(l.project.format, "greencheck/1");
    assert_eq!(
        l.project.geometry,
        Geometry::Box {
            length_m: 30.0,
            depth_m: 15.0,
            orientation_deg: 90.0
        }
    );
    assert!(!l.project.extra.contains_key("orientation"));
    // The migrated project saves as greencheck/1 and reloads without migration.
    let again = loaded(&l.project.to_json_pretty());
    assert_eq!((again.migrated_from, again.project), (None, l.project));
}

#[test]
fn v0_draft_errors_are_still_typed() {
    // No geometry at all.
    let e = load_project(r#"{"format":"greencheck/0","use":"office","storeys":1,"orientation":0}"#)
        .unwrap_err();
    assert!(matches!(&e, LoadError::Invalid(pe) if pe.path == "geometry"));
    // Orientation of the wrong type: reported at its new path.
    let e = load_project(
        r#"{"format":"greencheck/0","use":"office","storeys":1,"storey_height_m":3,"orientation":"south",
            "geometry":{"mode":"box","length_m":10,"depth_m":10}}"#,
    )
    .unwrap_err();
    assert!(
        matches!(&e, LoadError::Invalid(pe) if pe.path.starts_with("geometry")),
        "{e:?}"
    );
}

#[test]
fn syntax_errors_carry_position() {
    let e = load_project("{\n  \"format\": \"greencheck/1\",\n  oops\n}").unwrap_err();
    match e {
        LoadError::Invalid(pe) => {
            assert!(
                matches!(pe.kind, ErrorKind::Syntax { line: 3, .. }),
                "{pe:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(load_project("").is_err());
    assert!(load_project("[]").is_err());
    // Deep nesting is refused by serde_json's recursion limit, not a stack overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(load_project(&deep).is_err());
}

/// Fuzz finding (project_eval, 2025): a saved project reloaded with a value 1 ULP off, because
/// serde_json parsed long decimals inexactly. Fixed by serde_json's `float_roundtrip` feature.
#[test]
fn fuzz_regression_save_reload_is_exact() {
    let text = r#"{"format": "greencheck/0", "use": "office", "storeys": 4,
        "storey_height_m":2.2222222222222222226, "orientation": 80,
        "geometry": {"mode": "box", "length_m": 29, "depth_m": 15},
        "facades": {"A": {"wwr": 0.3}}, "enveroof_arealope": {"wall_u": 0.5}}"#;
    let l = loaded(text);
    assert_eq!(loaded(&l.project.to_json_pretty()).project, l.project);
    for v in [
        2.2222222222222226e50_f64,
        0.1 + 0.2,
        1.0 / 3.0,
        5e-324,
        1.7976931348623157e308,
    ] {
        let parsed: f64 = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(parsed.to_bits(), v.to_bits(), "{v:e}");
    }
}
