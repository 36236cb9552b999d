//! Criterion benchmarks: the compliance report with the energy estimate (model, GB 55015 checks, verdict,
//! reference building, design and reference estimate), the full report (plus star rating and PV), and
//! 10 000-point sweeps. Run with `cargo bench -p greencheck-core`.

use criterion::{criterion_group, criterion_main, Criterion};
use greencheck_core::energy::{estimate, prepare, simulate_hourly, Variant};
use greencheck_core::evaluate::compliance;
use greencheck_core::project::Template;
use greencheck_core::reference::reference_values;
use greencheck_core::sweep::{sweep, SweepParam};
use greencheck_core::{evaluate, Project};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let p = Project::template(Template::ResidentialHighRise).unwrap();
    let _ = evaluate(&p); // build the lookup indexes once
    for (name, proj) in [
        ("checks_and_estimate_residential_highrise", &p),
        (
            "checks_and_estimate_office",
            &Project::template(Template::Office).unwrap(),
        ),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let c = compliance(black_box(proj)).unwrap();
                let refv = reference_values(&c.building).unwrap();
                let tradeoff = c.verdict == greencheck_core::Verdict::Tradeoff;
                (
                    estimate(proj, &c.building, &refv, tradeoff).unwrap(),
                    c.checks,
                )
            })
        });
    }
    c.bench_function("full_report_residential_highrise", |b| {
        b.iter(|| evaluate(black_box(&p)))
    });
    let o = Project::template(Template::Office).unwrap();
    c.bench_function("full_report_office", |b| b.iter(|| evaluate(black_box(&o))));
    // The hourly method alone, one to three variants in one pass over the year (the report runs three for
    // residential buildings: design, reference, GB/T 51350 conditions; two for public ones).
    {
        let comp = compliance(&p).unwrap();
        let refv = reference_values(&comp.building).unwrap();
        let (pr, _, _) = prepare(&p, &comp.building, &refv).unwrap();
        let w = greencheck_core::weather::city(&p.city).unwrap();
        let v = |envelope| Variant {
            envelope,
            assumptions: &pr.assumptions,
            a_m_ratio: pr.thermal_mass.a_m_ratio,
            recovery: 0.0,
        };
        let (d, r) = (&pr.design, &pr.reference);
        let mut g = c.benchmark_group("hourly_year_residential_highrise");
        g.bench_function("1_variant", |b| {
            b.iter(|| simulate_hourly(&pr.site, w, [v(d)], black_box(&pr.hourly)))
        });
        g.bench_function("2_variants", |b| {
            b.iter(|| simulate_hourly(&pr.site, w, [v(d), v(r)], black_box(&pr.hourly)))
        });
        g.bench_function("3_variants", |b| {
            b.iter(|| simulate_hourly(&pr.site, w, [v(d), v(r), v(d)], black_box(&pr.hourly)))
        });
        g.finish();
    }
    let mut g = c.benchmark_group("sweep_10000");
    g.sample_size(20);
    for (name, param, from, to) in [
        ("wwr_south", SweepParam::Wwr("A".into()), 0.0, 0.8),
        ("wall_u", SweepParam::WallU, 0.2, 0.9),
        ("orientation", SweepParam::Orientation, 0.0, 360.0),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| sweep(black_box(&p), param.clone(), from, to, 10_000))
        });
    }
    g.finish();
}

criterion_group!(energy, benches);
criterion_main!(energy);
