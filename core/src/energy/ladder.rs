//! The tier ladder (report `energy.ladder`): GB 55015's saving rate (75 % / 72 %) → the Hebi plan's
//! 83 % / 78 % → GB/T 51350 ultra-low → near-zero. For each rung, its criteria with value, limit, data row and
//! provenance, whether the design meets it, and what it still needs (e.g. "heating demand must fall by
//! 3.2 kWh/(m²·a)", "the saving rate must rise to 83 %"); the position is the highest rung met with every
//! rung below it met, the next rung the first one that is not.
//!
//! Every threshold is a data row: the saving rates from `gb55015_limits.csv` (passed in by the caller), the
//! GB/T 51350 limits from `nzeb_tiers.csv` ([`super::nzeb`]) by building type, zone, tier and quantity. A
//! value exactly on a limit meets it (relative tolerance 1e-9 for rounding).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::nzeb::{cooling_limit, nzeb_limit, NzebLimitRow};
use crate::columns::energy::{BuildingType, Provenance, Tier, TierComparison, TierQuantity};

/// A rung of the ladder, bottom first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RungId {
    /// GB 55015-2021 2.0.3 average saving rate (75 % residential / 72 % public).
    Gb55015,
    /// The Hebi carbon-peak plan's 83 % / 78 %.
    HebiTarget,
    /// GB/T 51350-2019 ultra-low energy (超低能耗).
    UltraLow,
    /// GB/T 51350-2019 near-zero energy (近零能耗).
    NearZero,
}

impl RungId {
    /// Every rung, bottom first.
    pub const ALL: [RungId; 4] = [
        RungId::Gb55015,
        RungId::HebiTarget,
        RungId::UltraLow,
        RungId::NearZero,
    ];

    /// Key as written in the report (`gb55015`, `hebi_target`, `ultra_low`, `near_zero`).
    pub fn key(self) -> &'static str {
        match self {
            RungId::Gb55015 => "gb55015",
            RungId::HebiTarget => "hebi_target",
            RungId::UltraLow => "ultra_low",
            RungId::NearZero => "near_zero",
        }
    }
}

/// Outcome of a criterion or a rung.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TierStatus {
    /// Met.
    Met,
    /// Not met.
    NotMet,
    /// A value it needs is not entered (a declared N50, say).
    Undetermined,
    /// Not assessed by this estimate (listed for completeness).
    NotAssessed,
}

/// One criterion of a rung.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    /// What is compared: `saving_rate` or a GB/T 51350 quantity (`heating_demand`, `cooling_demand`,
    /// `airtightness_n50`, `heat_recovery_efficiency`, `primary_energy`, `renewable_share`, …).
    pub quantity: Cow<'static, str>,
    /// The design's value (`None`: not entered or not computed).
    pub value: Option<f64>,
    /// The limit (for the cooling demand: the climate's value of the formula).
    pub limit: f64,
    /// `ge` or `le`.
    pub comparison: Cow<'static, str>,
    /// Unit of value and limit.
    pub unit: Cow<'static, str>,
    /// Outcome.
    pub status: TierStatus,
    /// When not met: how far the value is from the limit, in its unit (> 0).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub shortfall: Option<f64>,
    /// Ids of the data rows that set the limit.
    pub rows: Vec<Cow<'static, str>>,
    /// Standard and edition of the rows.
    pub standard: Cow<'static, str>,
    /// Provenance of the limit (the least certain of its rows).
    pub provenance: Provenance,
    /// True when the limit is not from the official text: show 待确认 / "to be confirmed".
    pub to_be_confirmed: bool,
    /// What holds or what is needed, Chinese.
    pub text_zh: String,
    /// The same in English.
    pub text_en: String,
}

/// One rung.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rung {
    /// Which rung.
    pub id: RungId,
    /// Met when every assessed criterion is met; not met when one is not; undetermined when one lacks its
    /// value; not assessed for public buildings on GB/T 51350.
    pub status: TierStatus,
    /// True for the GB/T 51350 rungs: limits unverified, some indicators not assessed.
    pub provisional: bool,
    /// Its criteria (assessed first, then those listed as not assessed).
    pub criteria: Vec<Criterion>,
    /// Note, Chinese.
    pub note_zh: Cow<'static, str>,
    /// Note, English.
    pub note_en: Cow<'static, str>,
}

/// The ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ladder {
    /// The rungs, bottom first.
    pub rungs: Vec<Rung>,
    /// The highest rung met with every rung below met (`None`: below GB 55015's rate).
    pub position: Option<RungId>,
    /// The first rung not met (`None`: the top is reached).
    pub next: Option<RungId>,
}

/// A saving-rate threshold: its rate and its data row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRow {
    /// Saving rate (0.75).
    pub rate: f64,
    /// Row id of `gb55015_limits.csv` (`E01`).
    pub row: &'static str,
    /// Standard and edition (`GB 55015-2021`).
    pub standard: &'static str,
    /// Provenance.
    pub provenance: Provenance,
}

/// The GB/T 51350 values of a residential design (demands under the standard's conditions).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NzebValues {
    /// Heating demand, kWh/(m²·a).
    pub heating_kwh_m2: f64,
    /// Cooling demand (sensible), kWh/(m²·a).
    pub cooling_kwh_m2: f64,
    /// Declared N50, 1/h.
    pub n50: Option<f64>,
    /// Declared sensible heat-recovery efficiency.
    pub heat_recovery: Option<f64>,
    /// The climate's wet-bulb degree hours above 20 °C, kK·h (`None`: the table has no extension).
    pub wdh20_kkh: Option<f64>,
    /// Dry-bulb degree hours above 28 °C, kK·h.
    pub ddh28_kkh: Option<f64>,
}

/// What the ladder is built from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LadderInput<'a> {
    /// Residential or public.
    pub building_type: BuildingType,
    /// Climate zone key (`cold_b`).
    pub zone: &'a str,
    /// The estimate's E_design / E_reference.
    pub ratio: f64,
    /// GB 55015's base saving rate.
    pub base: RateRow,
    /// The Hebi plan's target.
    pub target: RateRow,
    /// Residential GB/T 51350 values (`None` for public buildings).
    pub nzeb: Option<NzebValues>,
}

/// Whether `value` meets `limit` under `cmp` (a value on the limit meets it).
fn meets(value: f64, limit: f64, cmp: TierComparison) -> bool {
    let eps = 1e-9 * limit.abs().max(1.0);
    match cmp {
        TierComparison::Le => value <= limit + eps,
        TierComparison::Ge => value >= limit - eps,
        TierComparison::Coef => true,
    }
}

fn cmp_key(c: TierComparison) -> &'static str {
    match c {
        TierComparison::Le => "le",
        TierComparison::Ge => "ge",
        TierComparison::Coef => "coef",
    }
}

fn quantity_key(q: TierQuantity) -> &'static str {
    match q {
        TierQuantity::HeatingDemand => "heating_demand",
        TierQuantity::CoolingDemand => "cooling_demand",
        TierQuantity::CoolingDemandPerWdh20 => "cooling_demand_per_wdh20",
        TierQuantity::CoolingDemandPerDdh28 => "cooling_demand_per_ddh28",
        TierQuantity::AirtightnessN50 => "airtightness_n50",
        TierQuantity::HeatRecoveryEfficiency => "heat_recovery_efficiency",
        TierQuantity::PrimaryEnergy => "primary_energy",
        TierQuantity::RenewableShare => "renewable_share",
        TierQuantity::OverallSavingRate => "overall_saving_rate",
        TierQuantity::EnvelopeSavingRate => "envelope_saving_rate",
    }
}

/// Chinese and English names of a GB/T 51350 quantity, and the unit shown in texts.
fn quantity_names(q: TierQuantity) -> (&'static str, &'static str, &'static str) {
    match q {
        TierQuantity::HeatingDemand => ("供暖需求", "heating demand", "kWh/(m²·a)"),
        TierQuantity::CoolingDemand => ("供冷需求", "cooling demand", "kWh/(m²·a)"),
        TierQuantity::CoolingDemandPerWdh20 | TierQuantity::CoolingDemandPerDdh28 => {
            ("供冷需求系数", "cooling coefficient", "")
        }
        TierQuantity::AirtightnessN50 => ("气密性 N50", "airtightness N50", "1/h"),
        TierQuantity::HeatRecoveryEfficiency => (
            "新风热回收显热效率",
            "sensible heat-recovery efficiency",
            "",
        ),
        TierQuantity::PrimaryEnergy => ("建筑能耗综合值", "primary energy", "kWh/(m²·a)"),
        TierQuantity::RenewableShare => ("可再生能源利用率", "renewable share", ""),
        TierQuantity::OverallSavingRate => ("建筑综合节能率", "overall saving rate", ""),
        TierQuantity::EnvelopeSavingRate => ("建筑本体节能率", "envelope saving rate", ""),
    }
}

/// A number for a text: two decimals below 10, one above.
fn num(v: f64) -> String {
    if v.abs() < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// The least certain of some provenances (M, then I, A, S, T).
fn weakest(ps: impl Iterator<Item = Provenance>) -> Provenance {
    let rank = |p: &Provenance| match p {
        Provenance::T => 0,
        Provenance::S => 1,
        Provenance::A => 2,
        Provenance::I => 3,
        Provenance::M => 4,
    };
    ps.max_by_key(rank).unwrap_or(Provenance::T)
}

/// A saving-rate rung: saving rate = 1 − (1 − base)·ratio ≥ the row's rate.
fn rate_rung(id: RungId, input: &LadderInput<'_>, row: RateRow) -> Rung {
    let base = input.base.rate;
    let saving = 1.0 - (1.0 - base) * input.ratio;
    let ok = meets(saving, row.rate, TierComparison::Ge);
    let ratio_limit = (1.0 - row.rate) / (1.0 - base);
    let (text_zh, text_en) = if ok {
        (
            format!("估算节能率 {} ≥ {}", pct(saving), pct(row.rate)),
            format!("estimated saving rate {} ≥ {}", pct(saving), pct(row.rate)),
        )
    } else {
        (
            format!(
                "估算节能率需从 {} 提高到 ≥ {}（能耗比从 {:.3} 降到 ≤ {:.3}）",
                pct(saving),
                pct(row.rate),
                input.ratio,
                ratio_limit
            ),
            format!(
                "the estimated saving rate must rise from {} to ≥ {} (energy ratio from {:.3} to ≤ {:.3})",
                pct(saving),
                pct(row.rate),
                input.ratio,
                ratio_limit
            ),
        )
    };
    let criterion = Criterion {
        quantity: Cow::Borrowed("saving_rate"),
        value: Some(saving),
        limit: row.rate,
        comparison: Cow::Borrowed("ge"),
        unit: Cow::Borrowed("-"),
        status: if ok {
            TierStatus::Met
        } else {
            TierStatus::NotMet
        },
        shortfall: (!ok).then_some(row.rate - saving),
        rows: vec![Cow::Borrowed(row.row)],
        standard: Cow::Borrowed(row.standard),
        provenance: row.provenance,
        to_be_confirmed: row.provenance != Provenance::T,
        text_zh,
        text_en,
    };
    let (note_zh, note_en) = match id {
        RungId::Gb55015 => (
            "GB 55015-2021 第 2.0.3 条平均节能率：估算节能率 = 1 − (1 − 规范节能率) × 能耗比",
            "GB 55015-2021 2.0.3 average saving rate: estimated saving rate = 1 − (1 − code rate) × energy ratio",
        ),
        _ => (
            "鹤壁市城乡建设领域碳达峰实施方案（2023）新建居住/公共建筑 83%/78% 节能标准",
            "Hebi carbon-peak plan (2023): 83 % / 78 % for new residential / public buildings",
        ),
    };
    Rung {
        id,
        status: criterion.status,
        provisional: false,
        criteria: vec![criterion],
        note_zh: Cow::Borrowed(note_zh),
        note_en: Cow::Borrowed(note_en),
    }
}

/// A criterion from GB/T 51350 rows: `value` None = not entered (undetermined) or not computed.
fn tier_criterion(
    q: TierQuantity,
    limit: f64,
    cmp: TierComparison,
    rows: &[&'static NzebLimitRow],
    value: Option<f64>,
    assessed: bool,
) -> Criterion {
    let (zh, en, unit) = quantity_names(q);
    let rel = if cmp == TierComparison::Le {
        "≤"
    } else {
        "≥"
    };
    let status = match (assessed, value) {
        (false, _) => TierStatus::NotAssessed,
        (true, None) => TierStatus::Undetermined,
        (true, Some(v)) if meets(v, limit, cmp) => TierStatus::Met,
        (true, Some(_)) => TierStatus::NotMet,
    };
    let shortfall = match (status, value) {
        (TierStatus::NotMet, Some(v)) => Some((v - limit).abs()),
        _ => None,
    };
    // Quantities with a unit as numbers with it; fractions (efficiency, shares) as percentages.
    let f = |x: f64| if unit.is_empty() { pct(x) } else { num(x) };
    let u = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    let l = format!("{}{u}", f(limit));
    let (text_zh, text_en) = match (status, value) {
        (TierStatus::Met, Some(v)) => (
            format!("{zh} {} {rel} {l}", f(v)),
            format!("{en} {} {rel} {l}", f(v)),
        ),
        (TierStatus::NotMet, Some(v)) => {
            let gap = f((v - limit).abs());
            let (dzh, den) = if cmp == TierComparison::Le {
                ("降低", "fall")
            } else {
                ("提高", "rise")
            };
            let lim = f(limit);
            (
                format!("{zh}需{dzh} {gap}{u}（{} → {rel} {lim}）", f(v)),
                format!("{en} must {den} by {gap}{u} ({} → {rel} {lim})", f(v)),
            )
        }
        (TierStatus::Undetermined, _) => (
            format!("需填写设计{zh}（限值 {rel} {l}）"),
            format!("enter the design's {en} (limit {rel} {l})"),
        ),
        _ => {
            let (why_zh, why_en) = match q {
                TierQuantity::OverallSavingRate | TierQuantity::EnvelopeSavingRate => (
                    "需要按该标准自身基准的参照建筑",
                    "needs a reference building on the standard's own basis",
                ),
                _ => ("本工具不计算该指标", "greencheck does not compute it"),
            };
            (
                format!("{zh}（{rel} {l}）未评估：{why_zh}"),
                format!("{en} ({rel} {l}) not assessed: {why_en}"),
            )
        }
    };
    Criterion {
        quantity: Cow::Borrowed(quantity_key(q)),
        value,
        limit,
        comparison: Cow::Borrowed(cmp_key(cmp)),
        unit: Cow::Borrowed(rows.first().map_or("", |r| r.unit)),
        status,
        shortfall,
        rows: rows.iter().map(|r| Cow::Borrowed(r.id)).collect(),
        standard: Cow::Owned(
            rows.first()
                .map_or(String::new(), |r| format!("{}-{}", r.standard, r.edition)),
        ),
        provenance: weakest(rows.iter().map(|r| r.provenance)),
        to_be_confirmed: rows.iter().any(|r| r.provenance != Provenance::T),
        text_zh,
        text_en,
    }
}

/// A GB/T 51350 rung.
fn tier_rung(id: RungId, tier: Tier, input: &LadderInput<'_>) -> Rung {
    let bt = input.building_type;
    let row = |q| nzeb_limit(bt, input.zone, tier, q);
    let mut criteria = Vec::new();
    let Some(v) = input.nzeb.filter(|_| bt == BuildingType::Residential) else {
        // Public buildings (or no residential values): listed, not assessed.
        for q in [
            TierQuantity::OverallSavingRate,
            TierQuantity::EnvelopeSavingRate,
            TierQuantity::RenewableShare,
        ] {
            if let Some(r) = row(q) {
                criteria.push(tier_criterion(q, r.value, r.comparison, &[r], None, false));
            }
        }
        return Rung {
            id,
            status: TierStatus::NotAssessed,
            provisional: true,
            criteria,
            note_zh: Cow::Borrowed(
                "公共建筑暂不评估：GB/T 51350 的公共建筑指标是相对其自身参照建筑的节能率，本工具尚无该参照建筑。限值为未经核实的回忆值，待确认",
            ),
            note_en: Cow::Borrowed(
                "public buildings are not assessed: GB/T 51350's public-building indicators are saving rates against its own reference building, which greencheck does not have yet. The limits are unverified recollections, to be confirmed",
            ),
        };
    };
    if let Some(r) = row(TierQuantity::HeatingDemand) {
        criteria.push(tier_criterion(
            TierQuantity::HeatingDemand,
            r.value,
            r.comparison,
            &[r],
            Some(v.heating_kwh_m2),
            true,
        ));
    }
    let climate = v.wdh20_kkh.zip(v.ddh28_kkh);
    let cooling = climate.and_then(|(w, d)| cooling_limit(bt, input.zone, tier, w, d));
    if let Some((limit, rows)) = cooling {
        criteria.push(tier_criterion(
            TierQuantity::CoolingDemand,
            limit,
            TierComparison::Le,
            &rows,
            Some(v.cooling_kwh_m2),
            true,
        ));
    }
    for (q, value) in [
        (TierQuantity::AirtightnessN50, v.n50),
        (TierQuantity::HeatRecoveryEfficiency, v.heat_recovery),
    ] {
        if let Some(r) = row(q) {
            criteria.push(tier_criterion(q, r.value, r.comparison, &[r], value, true));
        }
    }
    for q in [TierQuantity::PrimaryEnergy, TierQuantity::RenewableShare] {
        if let Some(r) = row(q) {
            criteria.push(tier_criterion(q, r.value, r.comparison, &[r], None, false));
        }
    }
    let any = |s: TierStatus| criteria.iter().any(|c| c.status == s);
    let status = if criteria.iter().all(|c| c.status == TierStatus::NotAssessed) {
        TierStatus::NotAssessed
    } else if any(TierStatus::NotMet) {
        TierStatus::NotMet
    } else if any(TierStatus::Undetermined) {
        TierStatus::Undetermined
    } else {
        TierStatus::Met
    };
    Rung {
        id,
        status,
        provisional: true,
        criteria,
        note_zh: Cow::Borrowed(
            "暂定：按 GB/T 51350 自身计算条件（室内温度、新风与热回收、由 N50 计算的渗透）逐时估算；限值为未经核实的回忆值，逐项待确认；供冷需求仅为显热；建筑能耗综合值与可再生能源利用率未评估",
        ),
        note_en: Cow::Borrowed(
            "provisional: hourly estimate under GB/T 51350's own conditions (indoor temperatures, fresh air with heat recovery, infiltration from N50); the limits are unverified recollections, each to be confirmed; the cooling demand is sensible only; primary energy and renewable share are not assessed",
        ),
    }
}

/// The ladder of a design.
pub fn ladder(input: &LadderInput<'_>) -> Ladder {
    let rungs: Vec<Rung> = RungId::ALL
        .into_iter()
        .map(|id| match id {
            RungId::Gb55015 => rate_rung(id, input, input.base),
            RungId::HebiTarget => rate_rung(id, input, input.target),
            RungId::UltraLow => tier_rung(id, Tier::UltraLow, input),
            RungId::NearZero => tier_rung(id, Tier::NearZero, input),
        })
        .collect();
    let first_open = rungs.iter().position(|r| r.status != TierStatus::Met);
    let position = match first_open {
        Some(0) => None,
        Some(i) => Some(rungs[i - 1].id),
        None => rungs.last().map(|r| r.id),
    };
    Ladder {
        position,
        next: first_open.map(|i| rungs[i].id),
        rungs,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rung_keys_are_the_report_keys() {
        for r in super::RungId::ALL {
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::from(r.key())
            );
        }
    }

    use super::*;

    const BASE: RateRow = RateRow {
        rate: 0.75,
        row: "E01",
        standard: "GB 55015-2021",
        provenance: Provenance::T,
    };
    const TARGET: RateRow = RateRow {
        rate: 0.83,
        row: "E03",
        standard: "Hebi carbon-peak plan-2023",
        provenance: Provenance::T,
    };

    /// Hebi's degree hours: near-zero cooling limit 3 + 1.5·5.533 + 2.0·2.352 = 16.0035, ultra-low
    /// 3.5 + 2.0·5.533 + 2.2·2.352 = 19.7404 kWh/(m²·a) (hand computation).
    fn values(heating: f64, cooling: f64) -> NzebValues {
        NzebValues {
            heating_kwh_m2: heating,
            cooling_kwh_m2: cooling,
            n50: Some(0.6),
            heat_recovery: Some(0.75),
            wdh20_kkh: Some(5.533),
            ddh28_kkh: Some(2.352),
        }
    }

    fn input(ratio: f64, nzeb: Option<NzebValues>) -> LadderInput<'static> {
        LadderInput {
            building_type: if nzeb.is_some() {
                BuildingType::Residential
            } else {
                BuildingType::Public
            },
            zone: "cold_b",
            ratio,
            base: BASE,
            target: TARGET,
            nzeb,
        }
    }

    fn status(l: &Ladder, id: RungId) -> TierStatus {
        l.rungs.iter().find(|r| r.id == id).unwrap().status
    }

    fn criterion<'a>(l: &'a Ladder, id: RungId, q: &str) -> &'a Criterion {
        let r = l.rungs.iter().find(|r| r.id == id).unwrap();
        r.criteria.iter().find(|c| c.quantity == q).unwrap()
    }

    /// The saving-rate rungs on and just off their thresholds: ratio 1.0 is exactly 75 %; 0.68 is exactly
    /// (1 − 0.83)/(1 − 0.75), i.e. 83 %.
    #[test]
    fn saving_rate_thresholds() {
        let l = ladder(&input(1.0, Some(values(30.0, 30.0))));
        assert_eq!(status(&l, RungId::Gb55015), TierStatus::Met);
        assert_eq!(
            (l.position, l.next),
            (Some(RungId::Gb55015), Some(RungId::HebiTarget))
        );
        let l = ladder(&input(1.001, Some(values(30.0, 30.0))));
        assert_eq!(status(&l, RungId::Gb55015), TierStatus::NotMet);
        assert_eq!((l.position, l.next), (None, Some(RungId::Gb55015)));
        // 1 − 0.25 × 1.001 = 0.74975: short by 0.00025.
        let c = criterion(&l, RungId::Gb55015, "saving_rate");
        assert!((c.shortfall.unwrap() - 0.00025).abs() < 1e-12);
        let l = ladder(&input(0.68, Some(values(30.0, 30.0))));
        assert_eq!(status(&l, RungId::HebiTarget), TierStatus::Met);
        assert_eq!(l.position, Some(RungId::HebiTarget));
        let l = ladder(&input(0.6804, Some(values(30.0, 30.0))));
        assert_eq!(status(&l, RungId::HebiTarget), TierStatus::NotMet);
        let c = criterion(&l, RungId::HebiTarget, "saving_rate");
        // 1 − 0.25 × 0.6804 = 0.8299: short by 0.0001; the text gives the ratio to reach (0.680).
        assert!((c.shortfall.unwrap() - 0.0001).abs() < 1e-12);
        assert!(
            c.text_en.contains("to ≥ 83.0%") && c.text_en.contains("≤ 0.680"),
            "{}",
            c.text_en
        );
        assert!(
            c.text_zh.contains("能耗比从 0.680 降到 ≤ 0.680"),
            "{}",
            c.text_zh
        );
    }

    /// GB/T 51350 residential on and just off each demand limit.
    #[test]
    fn demand_thresholds() {
        // Exactly on both near-zero limits (heating 15, cooling 16.0035): the top is reached.
        let l = ladder(&input(0.5, Some(values(15.0, 16.0035))));
        assert_eq!(status(&l, RungId::UltraLow), TierStatus::Met);
        assert_eq!(status(&l, RungId::NearZero), TierStatus::Met);
        assert_eq!((l.position, l.next), (Some(RungId::NearZero), None));
        // Heating 15.3: ultra-low (≤ 20) met, near-zero needs 0.3 less.
        let l = ladder(&input(0.5, Some(values(15.3, 10.0))));
        assert_eq!(
            (l.position, l.next),
            (Some(RungId::UltraLow), Some(RungId::NearZero))
        );
        let c = criterion(&l, RungId::NearZero, "heating_demand");
        assert_eq!(c.status, TierStatus::NotMet);
        assert!((c.shortfall.unwrap() - 0.3).abs() < 1e-9);
        assert!(
            c.text_en
                .starts_with("heating demand must fall by 0.30 kWh/(m²·a)"),
            "{}",
            c.text_en
        );
        assert!(
            c.text_zh.starts_with("供暖需求需降低 0.30 kWh/(m²·a)"),
            "{}",
            c.text_zh
        );
        assert_eq!(c.rows, ["NZ-R-H"]);
        assert!(c.to_be_confirmed && c.provenance == Provenance::M);
        // Cooling just above the ultra-low limit 19.7404.
        let l = ladder(&input(0.5, Some(values(12.0, 19.75))));
        let c = criterion(&l, RungId::UltraLow, "cooling_demand");
        assert!((c.limit - 19.7404).abs() < 1e-9);
        assert!((c.shortfall.unwrap() - 0.0096).abs() < 1e-9);
        assert_eq!(c.rows, ["UL-R-C0", "UL-R-C1", "UL-R-C2"]);
        assert_eq!(l.position, Some(RungId::HebiTarget));
        assert_eq!(l.next, Some(RungId::UltraLow));
    }

    /// A declared N50 above 0.6 fails both tiers; none declared leaves them undetermined; the efficiency
    /// on its limit meets it. Primary energy is listed as not assessed and does not block.
    #[test]
    fn design_intent_criteria() {
        let mut v = values(10.0, 10.0);
        v.n50 = Some(0.61);
        let l = ladder(&input(0.5, Some(v)));
        assert_eq!(status(&l, RungId::UltraLow), TierStatus::NotMet);
        let c = criterion(&l, RungId::NearZero, "airtightness_n50");
        assert!((c.shortfall.unwrap() - 0.01).abs() < 1e-9);
        v.n50 = None;
        let l = ladder(&input(0.5, Some(v)));
        assert_eq!(status(&l, RungId::UltraLow), TierStatus::Undetermined);
        assert_eq!(l.next, Some(RungId::UltraLow));
        let c = criterion(&l, RungId::UltraLow, "airtightness_n50");
        assert!(
            c.text_zh.starts_with("需填写设计气密性 N50"),
            "{}",
            c.text_zh
        );
        v.n50 = Some(0.6);
        v.heat_recovery = Some(0.749);
        let l = ladder(&input(0.5, Some(v)));
        let c = criterion(&l, RungId::NearZero, "heat_recovery_efficiency");
        assert_eq!(c.status, TierStatus::NotMet);
        assert_eq!(
            c.text_en,
            "sensible heat-recovery efficiency must rise by 0.1% (74.9% → ≥ 75.0%)"
        );
        let c = criterion(&l, RungId::NearZero, "primary_energy");
        assert_eq!((c.status, c.value), (TierStatus::NotAssessed, None));
        // Without degree hours (an older climate table) the cooling criterion is absent and the rest decide.
        let mut v = values(10.0, 10.0);
        v.wdh20_kkh = None;
        let l = ladder(&input(0.5, Some(v)));
        let r = l.rungs.iter().find(|r| r.id == RungId::NearZero).unwrap();
        assert!(r.criteria.iter().all(|c| c.quantity != "cooling_demand"));
    }

    /// Public buildings: the GB/T 51350 rungs are not assessed, whatever the ratio; the position stops below.
    #[test]
    fn public_buildings_are_not_assessed() {
        let mut i = input(0.5, None);
        i.base.rate = 0.72;
        i.target.rate = 0.78;
        let l = ladder(&i);
        assert_eq!(status(&l, RungId::HebiTarget), TierStatus::Met);
        assert_eq!(status(&l, RungId::UltraLow), TierStatus::NotAssessed);
        assert_eq!(
            (l.position, l.next),
            (Some(RungId::HebiTarget), Some(RungId::UltraLow))
        );
        let r = &l.rungs[3];
        assert!(r.provisional && r.note_en.contains("not assessed"));
        assert!(r
            .criteria
            .iter()
            .all(|c| c.status == TierStatus::NotAssessed && c.to_be_confirmed));
    }
}
