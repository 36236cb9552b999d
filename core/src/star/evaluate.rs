//! The evaluation: validate the input, score the computed items, decide each gate of table 3.2.8 and the
//! levels, and write the notes.

use std::borrow::Cow;

use crate::fields;

use super::envelope::min_element;
use super::ladders::{basis_max, ladder_points};
use super::report::*;
use super::tables::{data, data_err, StarData};
use super::text::{push_num, render_gate};
use super::*;

/// Allowed self-assessed points per category: category maximum minus the maximum points of
/// the computed items in it (resources: minus 7.2.4 + 7.2.8 + 7.2.9; bonus: minus 9.2.1).
pub fn self_assessed_limits(edition: Edition, stage: Stage) -> Result<SelfAssessed, StarError> {
    let d = data();
    let mut out = SelfAssessed::default();
    for c in Category::ALL {
        let max = d.category(edition, stage, c)?.max;
        out.set(c, (max - d.computed_max(edition, c)).max(0.0));
    }
    Ok(out)
}

pub(super) fn check_range(field: &str, v: f64, min: f64, max: f64) -> Result<(), StarError> {
    if v.is_finite() && v >= min && v <= max {
        Ok(())
    } else {
        Err(StarError::OutOfRange {
            field: field.to_string(),
            value: v,
            min,
            max,
        })
    }
}

pub(super) fn validate(
    d: &'static StarData,
    input: &GreenInput,
    m: &StarMetrics,
) -> Result<(), StarError> {
    for c in Category::ALL {
        if c == Category::Prerequisites {
            continue;
        }
        let v = input.self_assessed.get(c);
        check_range(c.field(), v, 0.0, f64::MAX)?;
        let category_max = d.category(input.edition, input.stage, c)?.max;
        let computed_max = d.computed_max(input.edition, c);
        let allowed = (category_max - computed_max).max(0.0);
        if v > allowed + EPS {
            return Err(StarError::PointsTooHigh {
                field: c.field().to_string(),
                value: v,
                allowed,
                category_max,
                computed_max,
            });
        }
    }
    if let Some(g) = input.water_fixture_grade {
        // The grades offered are the registry's (1–3).
        let (lo, hi) = fields::WATER_GRADES
            .iter()
            .filter_map(|(v, _)| v.parse::<f64>().ok())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        check_range(fields::WATER_GRADE.path, f64::from(g), lo, hi)?;
    }
    for (field, v) in [
        (&fields::POLLUTANT, input.pollutant_reduction_pct),
        (&fields::GREEN_MATERIAL, input.green_material_share_pct),
    ] {
        if let (Some(v), Some(kind)) = (v, field.number_kind()) {
            check_range(field.path, v, kind.range.min.value, kind.range.max.value)?;
        }
    }
    let fractions = [
        ("metrics.load_reduction", m.load_reduction),
        ("metrics.energy_reduction", m.energy_reduction),
        ("metrics.window_k_reduction", m.window_k_reduction),
        ("metrics.renewable_share", m.renewable_share),
        ("metrics.renewable_dhw_share", m.renewable_dhw_share),
        (
            "metrics.renewable_heating_cooling_share",
            m.renewable_heating_cooling_share,
        ),
    ];
    for (field, v) in fractions {
        if let Some(v) = v {
            check_range(field, v, -1000.0, 1.0)?;
        }
    }
    for (id, v) in &m.envelope {
        // The field path is only formatted for an error.
        if check_range("", *v, -1000.0, 1.0).is_err() {
            check_range(&format!("metrics.envelope[{id}]"), *v, -1000.0, 1.0)?;
        }
    }
    Ok(())
}

/// Metric value in percent for a ladder basis or a gate quantity.
pub(super) fn metric_pct(q: Quantity, m: &StarMetrics, envelope: Option<f64>) -> Option<f64> {
    let v = match q {
        Quantity::EnvelopeImprovement => envelope,
        Quantity::LoadReduction => m.load_reduction,
        Quantity::EnergyReduction => m.energy_reduction,
        Quantity::RenewableShare => m.renewable_share,
        Quantity::RenewableDhwShare => m.renewable_dhw_share,
        Quantity::RenewableHeatingCoolingShare => m.renewable_heating_cooling_share,
        Quantity::WindowKReduction => m.window_k_reduction,
        _ => None,
    };
    v.map(|x| x * 100.0)
}

/// Current value of a table 3.2.8 quantity, in its unit.
pub(super) fn current_value(
    q: Quantity,
    g: &GreenInput,
    m: &StarMetrics,
    env: Option<f64>,
) -> Option<f64> {
    let flag = |b: bool| Some(if b { 1.0 } else { 0.0 });
    match q {
        Quantity::WaterFixtureGrade => g.water_fixture_grade.map(f64::from),
        Quantity::SoundInsulation => g.sound_insulation.map(SoundInsulation::rank),
        Quantity::PollutantReduction => g.pollutant_reduction_pct,
        Quantity::GreenMaterialShare => g.green_material_share_pct,
        Quantity::CarbonStatement => flag(g.carbon_statement),
        Quantity::WindowAirtightness => flag(g.window_airtightness_met),
        Quantity::Prerequisites => flag(g.prerequisites_met),
        Quantity::FullFitout => flag(g.full_fitout),
        _ => metric_pct(q, m, env),
    }
}

/// Builds a condition; `upper` is the most the current value could still reach when some
/// metric is missing (a failure that `upper` would pass is undetermined).
pub(super) fn condition(
    quantity: Quantity,
    category: Option<Category>,
    required: f64,
    current: Option<f64>,
    upper: Option<f64>,
) -> Condition {
    let unit = quantity.unit();
    let gap = |cur: f64| match unit {
        Unit::Grade => cur - required,
        _ => required - cur,
    };
    let (status, shortfall) = match current {
        None => (GateStatus::Undetermined, None),
        Some(cur) => {
            let s = gap(cur);
            if s <= EPS {
                (GateStatus::Pass, Some(0.0))
            } else if upper.is_some_and(|u| gap(u) <= EPS) {
                (GateStatus::Undetermined, Some(s))
            } else {
                (GateStatus::Fail, Some(s))
            }
        }
    };
    Condition {
        quantity,
        category,
        unit,
        required,
        current,
        shortfall,
        status,
    }
}

pub(super) fn combine(conds: &[Condition]) -> GateStatus {
    if conds.iter().any(|c| c.status == GateStatus::Pass) {
        GateStatus::Pass
    } else if conds.iter().all(|c| c.status == GateStatus::Fail) {
        GateStatus::Fail
    } else {
        GateStatus::Undetermined
    }
}

pub(super) type PendingGate = (Gate, Option<Edition>);

/// Builds a gate without its texts; [`render_gate`] writes them for the gates that end up in
/// the report (most gates pass or belong to a level already reached, and are dropped).
pub(super) fn make_gate(
    id: &'static str,
    clause: &'static str,
    provenance: Provenance,
    conditions: Vec<Condition>,
) -> Gate {
    Gate {
        status: combine(&conditions),
        id: Cow::Borrowed(id),
        clause: Cow::Borrowed(clause),
        provenance,
        conditions,
        text_en: String::new(),
        text_zh: String::new(),
    }
}

pub(super) fn score_items(
    d: &'static StarData,
    ed: Edition,
    m: &StarMetrics,
    env: Option<f64>,
) -> Vec<ItemScore> {
    let all = d.items(ed);
    let mut items = Vec::with_capacity(all.len());
    for (clause, category, bases) in all {
        let (clause, category) = (*clause, *category);
        let mut scored = Vec::with_capacity(bases.len());
        for rows in bases {
            let Some(first) = rows.first() else { continue };
            let value = metric_pct(first.basis, m, env);
            scored.push(BasisScore {
                quantity: first.basis,
                rule: first.rule,
                value_pct: value,
                points: value.map(|v| ladder_points(rows, v)),
                max_points: basis_max(rows),
                note: Cow::Borrowed(first.note),
                provenance: first.provenance,
            });
        }
        let max_points = scored.iter().map(|b| b.max_points).fold(0.0, f64::max);
        let mut best: Option<&BasisScore> = None;
        for b in &scored {
            if let Some(p) = b.points {
                if best.map_or(true, |x| p > x.points.unwrap_or(0.0)) {
                    best = Some(b);
                }
            }
        }
        let points = best.and_then(|b| b.points).unwrap_or(0.0);
        // Texts are appended piece by piece (no formatter, no temporary strings).
        let describe_basis = |b: &BasisScore, en: &mut String, zh: &mut String| {
            let (le, lz) = b.quantity.labels();
            en.push_str(le);
            zh.push_str(lz);
            match (b.value_pct, b.points) {
                (Some(v), Some(p)) => {
                    for (t, pts) in [(&mut *en, " points"), (&mut *zh, " 分")] {
                        t.push(' ');
                        push_num(t, v);
                        t.push_str(" % → ");
                        push_num(t, p);
                        t.push_str(pts);
                    }
                }
                _ => {
                    en.push_str(" not known");
                    zh.push_str(" 未知");
                }
            }
        };
        let mut basis_en = String::with_capacity(160);
        let mut basis_zh = String::with_capacity(160);
        basis_en.push_str(clause);
        basis_zh.push_str(clause);
        match best {
            Some(b) => {
                basis_en.push_str(": ");
                basis_zh.push('：');
                describe_basis(b, &mut basis_en, &mut basis_zh);
            }
            None => {
                basis_en.push_str(": undetermined (metrics missing), 0 points counted");
                basis_zh.push_str("：待定（缺少计算数据），暂计 0 分");
            }
        }
        if scored.len() > 1 {
            basis_en.push_str(" (best of: ");
            basis_zh.push_str("（取较高者：");
            for (i, b) in scored.iter().enumerate() {
                if i > 0 {
                    basis_en.push_str("; ");
                    basis_zh.push('；');
                }
                describe_basis(b, &mut basis_en, &mut basis_zh);
            }
            basis_en.push(')');
            basis_zh.push('）');
        }
        items.push(ItemScore {
            category,
            points,
            max_points,
            determined: best.is_some(),
            basis: best.map(|b| b.quantity),
            bases: scored,
            basis_en,
            basis_zh,
            clause: Cow::Borrowed(clause),
        });
    }
    items
}

/// Evaluates the star rating of a project for its edition and stage.
///
/// Validates `input` and `metrics` first ([`StarError`] names the field); then scores the
/// computed items, the categories and the total, and checks every gate of every star.
pub fn evaluate_star(input: &GreenInput, metrics: &StarMetrics) -> Result<StarReport, StarError> {
    let d = data();
    validate(d, input, metrics)?;
    let ed = input.edition;
    let st = input.stage;
    let (env, governing) = min_element(&metrics.envelope);
    let items = score_items(d, ed, metrics, env);

    let mut categories = Vec::with_capacity(Category::ALL.len());
    // Most points each category could still gain from undetermined items.
    let mut headroom = Vec::with_capacity(Category::ALL.len());
    for c in Category::ALL {
        let row = d.category(ed, st, c)?;
        let computed: f64 = items
            .iter()
            .filter(|i| i.category == c)
            .map(|i| i.points)
            .sum();
        let self_assessed = if c == Category::Prerequisites {
            if input.prerequisites_met {
                row.max
            } else {
                0.0
            }
        } else {
            input.self_assessed.get(c)
        };
        let score = (self_assessed + computed).min(row.max);
        let missing: f64 = items
            .iter()
            .filter(|i| i.category == c && !i.determined)
            .map(|i| i.max_points)
            .sum();
        headroom.push((row.max - score).min(missing).max(0.0));
        categories.push(CategoryScore {
            category: c,
            self_assessed,
            computed,
            score,
            max: row.max,
            floor: row.floor_pct.map(|p| row.max * p / 100.0),
            clause: Cow::Borrowed(row.clause),
            provenance: row.provenance,
        });
    }
    let score_of = |c: Category| {
        categories
            .iter()
            .find(|x| x.category == c)
            .map_or(0.0, |x| x.score)
    };
    let total_sum: f64 = categories.iter().map(|c| c.score).sum();
    let q = total_sum / 10.0;
    let q_upper = (total_sum + headroom.iter().sum::<f64>()) / 10.0;

    // Gates per star level, each with the edition tag of its text.
    let mut per_level: Vec<(StarLevel, Vec<PendingGate>)> =
        Vec::with_capacity(StarLevel::STARS.len());
    for level in StarLevel::STARS {
        let lrow = d
            .levels
            .iter()
            .find(|r| r.edition == ed && r.level == level)
            .ok_or_else(|| data_err("star_levels.csv", format!("missing {level:?}")))?;
        let clause = lrow.clause;
        // Prerequisites, full fit-out, the category floors, the total and the table rows.
        let mut gates = Vec::with_capacity(3 + Category::ALL.len() + d.gates.len() / 6);
        for (id, qn) in [
            ("prerequisites", Quantity::Prerequisites),
            ("full_fitout", Quantity::FullFitout),
        ] {
            let cur = current_value(qn, input, metrics, env);
            gates.push((
                make_gate(
                    id,
                    clause,
                    lrow.provenance,
                    vec![condition(qn, None, 1.0, cur, None)],
                ),
                None,
            ));
        }
        for (c, room) in categories.iter().zip(&headroom) {
            if let Some(floor) = c.floor {
                let cond = condition(
                    Quantity::CategoryPoints,
                    Some(c.category),
                    floor,
                    Some(c.score),
                    Some(c.score + room),
                );
                gates.push((
                    make_gate(c.category.floor_gate_id(), clause, c.provenance, vec![cond]),
                    None,
                ));
            }
        }
        gates.push((
            make_gate(
                "total",
                clause,
                lrow.provenance,
                vec![condition(
                    Quantity::TotalScore,
                    None,
                    lrow.min_total,
                    Some(q),
                    Some(q_upper),
                )],
            ),
            None,
        ));
        for g in d
            .gates
            .iter()
            .filter(|g| g.edition == ed && g.level == level)
        {
            if g.residential_only && !metrics.is_residential {
                continue;
            }
            let mut conds = vec![condition(
                g.quantity,
                None,
                g.required,
                current_value(g.quantity, input, metrics, env),
                None,
            )];
            if let (Some(aq), Some(ar)) = (g.alt_quantity, g.alt_required) {
                conds.push(condition(
                    aq,
                    None,
                    ar,
                    current_value(aq, input, metrics, env),
                    None,
                ));
            }
            gates.push((make_gate(g.id, g.clause, g.provenance, conds), Some(ed)));
        }
        per_level.push((level, gates));
    }

    let reach = |accept: &dyn Fn(GateStatus) -> bool| {
        let mut lvl = if input.prerequisites_met {
            StarLevel::Basic
        } else {
            StarLevel::None
        };
        for (l, gates) in &per_level {
            if gates.iter().all(|(g, _)| accept(g.status)) {
                lvl = *l;
            } else {
                break;
            }
        }
        lvl
    };
    let level = reach(&|s| s == GateStatus::Pass);
    let potential_level = reach(&|s| s != GateStatus::Fail);
    let next_levels = per_level
        .into_iter()
        .filter(|(l, _)| *l > level)
        .map(|(l, gates)| LevelGates {
            level: l,
            gates: gates
                .into_iter()
                .filter(|(g, _)| g.status != GateStatus::Pass)
                .map(|(mut g, tag)| {
                    render_gate(l, &mut g, tag);
                    g
                })
                .collect(),
        })
        .collect();

    Ok(StarReport {
        edition: ed,
        stage: st,
        q0: score_of(Category::Prerequisites),
        q1: score_of(Category::Safety),
        q2: score_of(Category::Health),
        q3: score_of(Category::Convenience),
        q4: score_of(Category::Resources),
        q5: score_of(Category::Environment),
        qa: score_of(Category::Bonus),
        q,
        categories,
        items,
        envelope_elements_pct: metrics
            .envelope
            .iter()
            .map(|(id, v)| (id.clone(), v * 100.0))
            .collect(),
        envelope_improvement_pct: env.map(|v| v * 100.0),
        envelope_governing: governing,
        level,
        potential_level,
        next_levels,
        notes: notes(ed, st, metrics),
    })
}

pub(super) fn notes(ed: Edition, st: Stage, m: &StarMetrics) -> Vec<Note> {
    let mut out = vec![
        Note {
            en: Cow::Borrowed("Envelope improvement = (limit − design) / limit per element; the building's is the smallest element's."),
            zh: Cow::Borrowed("围护结构提高比例 =（限值 − 设计值）/ 限值，逐项计算，取最小值作为建筑的提高比例。"),
        },
        Note {
            en: Cow::Borrowed("\"+k per further step\" counts full steps only (7.5 % → 5 + 2 = 7 points)."),
            zh: Cow::Borrowed("“每再提高1%再得1分”只计完整的百分点（7.5 % → 5 + 2 = 7 分）。"),
        },
        Note {
            en: Cow::Borrowed("7.2.8 and 9.2.1 use the energy reduction of the energy estimate."),
            zh: Cow::Borrowed("7.2.8 与 9.2.1 采用能耗估算得到的能耗降低比例。"),
        },
    ];
    match ed {
        Edition::E2019 => out.push(Note {
            en: Cow::Borrowed("2019 7.2.9: the best of the hot-water, heating/cooling and electricity shares counts (not added; not confirmed by the text)."),
            zh: Cow::Borrowed("2019版 7.2.9：生活热水、冷热量、发电三项比例取得分最高者，不累加（条文未明确）。"),
        }),
        Edition::E2024 => out.push(Note {
            en: Cow::Borrowed("2024 7.2.9: renewable utilisation rate taken as PV (and solar-thermal) delivered energy / building energy use (not defined in the text); linear below 10 %, rounded down to 0.1 point."),
            zh: Cow::Borrowed("2024版 7.2.9：可再生能源利用率取光伏（及太阳能热）供能量 / 建筑能耗（条文未定义）；低于10%按线性插值，向下取至0.1分。"),
        }),
    }
    if st == Stage::Pre {
        out.push(Note {
            en: Cow::Borrowed("Pre-assessment: clauses 6.2.10–6.2.13 and 9.2.8 cannot score; leave them out of the self-assessed points."),
            zh: Cow::Borrowed("预评价：6.2.10～6.2.13 与 9.2.8 条不得分，自评分中不应计入。"),
        });
    }
    if !m.is_residential {
        out.push(Note {
            en: Cow::Borrowed("Not residential: the window K and sound-insulation rows of table 3.2.8 do not apply."),
            zh: Cow::Borrowed("非住宅建筑：表3.2.8 中外窗传热系数与隔声性能要求不适用。"),
        });
    }
    out
}
