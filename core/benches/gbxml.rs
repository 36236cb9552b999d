//! Criterion benchmarks of the gbXML import (bytes → validated project + summary): the largest real fixture
//! (1.6 MB, UTF-8), the UTF-16 Revit export (1.2 MB), and a synthetic ~4 MB model made of the test model's
//! surfaces repeated (the budget: a 4 MB export in ≤ 50 ms natively). Run with
//! `cargo bench -p greencheck-core --bench gbxml`; figures in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion};
use greencheck_core::gbxml::{import, ImportOptions};
use std::hint::black_box;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/gbxml/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The test model with its `Surface` elements repeated until the file is at least `bytes` long.
fn synthetic(bytes: usize) -> Vec<u8> {
    let text = String::from_utf8(fixture("gbXMLStandard_Test_Model_2016.xml")).unwrap();
    let first = text.find("<Surface ").unwrap();
    let end = text.find("</Campus>").unwrap();
    let surfaces = &text[first..end];
    let mut out = String::with_capacity(bytes + text.len());
    out.push_str(&text[..end]);
    while out.len() + (text.len() - end) < bytes {
        out.push_str(surfaces);
    }
    out.push_str(&text[end..]);
    out.into_bytes()
}

fn benches(c: &mut Criterion) {
    let options = ImportOptions {
        source_name: "bench.xml".into(),
        ..ImportOptions::default()
    };
    let big = synthetic(4_000_000);
    let cases = [
        (
            "single_family_1.6MB",
            fixture("gbXMLStandard_Single_Family_Residential_2016.xml"),
        ),
        ("small_house_utf16_1.2MB", fixture("Small_House.xml")),
        ("synthetic_4MB", big),
    ];
    let mut g = c.benchmark_group("gbxml_import");
    g.sample_size(50);
    for (name, bytes) in &cases {
        // Every case imports (a failing import would measure the error path).
        import(bytes, &options).unwrap();
        g.bench_function(format!("{name}_{}B", bytes.len()), |b| {
            b.iter(|| import(black_box(bytes), &options).unwrap())
        });
    }
    g.finish();
}

criterion_group!(gbxml, benches);
criterion_main!(gbxml);
