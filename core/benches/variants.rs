//! Criterion benchmarks of the variant comparison with 4 variants: from scratch (opening a file: 4 evaluations
//! and the comparison), a keystroke in the active variant (the editor's edit, its report handed over, the
//! comparison from the kept reports of the other three), the comparison alone when nothing changed, and one
//! evaluation for scale; and the page's session with 4 variants: copied as its reducer copies it at every
//! keystroke, and edited. Run with `cargo bench -p greencheck-core --bench variants`.

use criterion::{criterion_group, criterion_main, Criterion};
use greencheck_core::editor::Editor;
use greencheck_core::project::Project;
use greencheck_core::session::Session;
use greencheck_core::text::Lang;
use greencheck_core::variants::{compare_all, Reports, Variants};
use std::hint::black_box;

fn four() -> Variants {
    let text = include_str!("../tests/data/variants/highrise.json");
    let mut v = Variants::from_project(Project::from_json(text).unwrap());
    v.duplicate_active(Lang::Zh).unwrap();
    let mut e = Editor::new(v.active_project().clone());
    e.edit("facades.C.wwr", "0.3");
    v.set_active_project(e.project().clone());
    assert_eq!(v.len(), 4);
    v
}

fn benches(c: &mut Criterion) {
    let v = four();
    let _ = compare_all(&v); // build the lookup indexes once
    c.bench_function("variants_4_compare_from_scratch", |b| {
        b.iter(|| compare_all(black_box(&v)))
    });
    let mut reports = Reports::new();
    let _ = reports.compare(&v);
    c.bench_function("variants_4_compare_nothing_changed", |b| {
        b.iter(|| reports.compare(black_box(&v)))
    });
    // A keystroke: the editor evaluates the active variant once; its report is handed over, the other three
    // come from the kept reports. Alternating values so every keystroke changes the inputs.
    let mut keyed = v.clone();
    let mut editor = Editor::new(keyed.active_project().clone());
    let mut kept = Reports::new();
    let _ = kept.compare(&keyed);
    let mut flip = false;
    c.bench_function("variants_4_keystroke_edit_and_compare", |b| {
        b.iter(|| {
            flip = !flip;
            editor.edit("envelope.wall_u", if flip { "0.40" } else { "0.42" });
            keyed.set_active_project(editor.project().clone());
            let id = keyed.active().id().to_owned();
            kept.set(&id, editor.project(), editor.shared_report());
            kept.compare(black_box(&keyed))
        })
    });
    let mut single = Editor::new(v.active_project().clone());
    c.bench_function("one_variant_keystroke_edit", |b| {
        b.iter(|| {
            flip = !flip;
            single.edit("envelope.wall_u", if flip { "0.40" } else { "0.42" });
        })
    });
    // The page's state holds a Session; its reducer copies the state at every keystroke (reports are shared).
    let mut session = Session::new(
        Project::from_json(include_str!("../tests/data/variants/highrise.json")).unwrap(),
    );
    session.duplicate(Lang::Zh).unwrap();
    assert_eq!(session.variants().len(), 4);
    c.bench_function("session_4_variants_clone", |b| {
        b.iter(|| black_box(&session).clone())
    });
    c.bench_function("session_4_variants_keystroke_edit", |b| {
        b.iter(|| {
            flip = !flip;
            session.edit("envelope.wall_u", if flip { "0.40" } else { "0.42" });
        })
    });
}

criterion_group!(variants, benches);
criterion_main!(variants);
