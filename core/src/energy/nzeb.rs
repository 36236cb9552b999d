//! The GB/T 51350-2019 ultra-low and near-zero energy tiers (超低能耗 / 近零能耗), residential first: the
//! design's heating and cooling demand under the standard's **own** calculation conditions (indoor
//! temperatures, fresh air with the declared heat recovery, infiltration from the declared N50 — rows of
//! `core/data/nzeb_conditions.csv`), computed by the hourly method, and the limit rows of
//! `core/data/nzeb_tiers.csv` looked up by building type, zone, tier and quantity.
//!
//! Every limit and most conditions are unverified recollections (provenance M): the report marks each one to
//! be confirmed (待确认) and the whole assessment provisional. Public buildings are not assessed: the
//! standard's public-building indicators are saving rates against its own reference building, which this
//! estimate does not have.
//!
//! Ventilation under the standard's conditions: fresh air q = (m³/(h·person)) / (m² per person) × A_f
//! through the heat recovery, infiltration n_inf = N50 · e on the whole volume; the 5R1C's H_ve = ρc·(q +
//! n_inf·V), of which the share q/(q + n_inf·V) is recovered with the declared sensible efficiency η
//! ([`super::hourly`]: supply θ_e + η·(clamp(θ_e, θ_H, θ_C) − θ_e)). The cooling demand is sensible only; the
//! standard's (recalled) limit formula with wet-bulb degree hours suggests it includes dehumidification, so
//! this estimate can understate it.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use super::{Assumptions, EnergyError, Site};
use crate::columns::energy::{BuildingType, Provenance, Tier, TierComparison, TierQuantity};

// `NZEB_LIMIT_ROWS`, `NZEB_CONDITION_ROWS`: the two CSV tables, validated and written out by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/nzeb_tiers.rs"));
include!(concat!(env!("OUT_DIR"), "/nzeb_conditions.rs"));

/// One row of `nzeb_tiers.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NzebLimitRow {
    /// Row id (`NZ-R-H`).
    pub id: &'static str,
    /// Standard (`GB/T 51350`).
    pub standard: &'static str,
    /// Edition year.
    pub edition: &'static str,
    /// Clause (as recalled).
    pub clause: &'static str,
    /// Residential or public.
    pub building_type: BuildingType,
    /// Zones the row applies to (empty = every zone).
    pub zones: &'static [&'static str],
    /// Tier.
    pub tier: Tier,
    /// Quantity limited.
    pub quantity: TierQuantity,
    /// Comparison (or a coefficient of the cooling formula).
    pub comparison: TierComparison,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// Provenance (all M today).
    pub provenance: Provenance,
    /// Source.
    pub source: &'static str,
    /// Note.
    pub note: &'static str,
}

/// One row of `nzeb_conditions.csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NzebCondition {
    /// Key.
    pub key: &'static str,
    /// Building type.
    pub building_type: BuildingType,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// Provenance.
    pub provenance: Provenance,
    /// Source.
    pub source: &'static str,
}

/// Every tier row.
pub fn nzeb_limit_rows() -> &'static [NzebLimitRow] {
    NZEB_LIMIT_ROWS
}

/// Every condition row.
pub fn nzeb_condition_rows() -> &'static [NzebCondition] {
    NZEB_CONDITION_ROWS
}

/// The tier row for a building type, zone, tier and quantity (the build guarantees at most one).
pub fn nzeb_limit(
    building_type: BuildingType,
    zone: &str,
    tier: Tier,
    quantity: TierQuantity,
) -> Option<&'static NzebLimitRow> {
    NZEB_LIMIT_ROWS.iter().find(|r| {
        r.building_type == building_type
            && r.tier == tier
            && r.quantity == quantity
            && (r.zones.is_empty() || r.zones.contains(&zone))
    })
}

/// The condition row `key` for a building type.
pub fn nzeb_condition(
    key: &str,
    building_type: BuildingType,
) -> Result<&'static NzebCondition, EnergyError> {
    NZEB_CONDITION_ROWS
        .iter()
        .find(|r| r.key == key && r.building_type == building_type)
        .ok_or_else(|| EnergyError::Data(format!("nzeb_conditions.csv: no {key}")))
}

/// One calculation condition as used (report).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConditionUsed {
    /// Key (`heating_setpoint_c`, …).
    pub key: Cow<'static, str>,
    /// Value used.
    pub value: f64,
    /// Unit.
    pub unit: Cow<'static, str>,
    /// Provenance (M and A: to be confirmed).
    pub provenance: Provenance,
    /// Source.
    pub source: Cow<'static, str>,
}

/// The residential design under GB/T 51350's conditions: the assumptions and recovery share of its hourly
/// run, and the conditions as used.
#[derive(Debug, Clone, PartialEq)]
pub struct NzebSetup {
    /// Assumptions of the run (the estimate's, with the standard's set points, gains and ventilation).
    pub assumptions: Assumptions,
    /// Recovered share of H_ve × efficiency.
    pub recovery: f64,
    /// The conditions as used (the N50 and efficiency actually applied included).
    pub conditions: Vec<ConditionUsed>,
}

/// The setup of the GB/T 51350 run of a residential design: `base` the estimate's assumptions, the declared
/// N50 and sensible heat-recovery efficiency (absent: the `*_if_missing` rows).
pub fn setup(
    base: &Assumptions,
    site: &Site,
    n50: Option<f64>,
    heat_recovery: Option<f64>,
) -> Result<NzebSetup, EnergyError> {
    let bt = BuildingType::Residential;
    let mut conditions = Vec::new();
    let mut get = |key: &'static str| -> Result<f64, EnergyError> {
        let r = nzeb_condition(key, bt)?;
        conditions.push(ConditionUsed {
            key: Cow::Borrowed(r.key),
            value: r.value,
            unit: Cow::Borrowed(r.unit),
            provenance: r.provenance,
            source: Cow::Borrowed(r.source),
        });
        Ok(r.value)
    };
    let set_h = get("heating_setpoint_c")?;
    let set_c = get("cooling_setpoint_c")?;
    let fresh = get("fresh_air_m3_h_person")?;
    let per_person = get("floor_area_per_person_m2")?;
    let gains = get("internal_gains_w_m2")?;
    let e = get("infiltration_shielding_e")?;
    let n50_default = get("airtightness_n50_if_missing")?;
    let hr_default = get("heat_recovery_efficiency_if_missing")?;
    // Only the row that applies stays listed: the declared value replaces the `if_missing` row.
    let declared = |key: &str, v: Option<f64>, c: &mut Vec<ConditionUsed>| {
        if let (Some(v), Some(row)) = (v, c.iter_mut().find(|r| r.key == key)) {
            row.value = v;
            row.key = Cow::Owned(key.trim_end_matches("_if_missing").to_owned());
            row.provenance = Provenance::A;
            row.source = Cow::Borrowed("declared in the project (design intent)");
        }
    };
    declared("airtightness_n50_if_missing", n50, &mut conditions);
    declared(
        "heat_recovery_efficiency_if_missing",
        heat_recovery,
        &mut conditions,
    );
    let n50 = n50.unwrap_or(n50_default);
    let eta = heat_recovery.unwrap_or(hr_default).clamp(0.0, 1.0);
    let volume = site.volume_m3;
    let q_fresh = if per_person > 0.0 {
        fresh / per_person * site.floor_area_m2
    } else {
        0.0
    };
    let q_inf = n50 * e * volume;
    let mut a = *base;
    a.heating_setpoint_c = set_h;
    a.cooling_setpoint_c = set_c;
    a.internal_gains_w_m2 = gains;
    a.air_changes_per_h = if volume > 0.0 {
        (q_fresh + q_inf) / volume
    } else {
        0.0
    };
    let recovery = if q_fresh + q_inf > 0.0 {
        eta * q_fresh / (q_fresh + q_inf)
    } else {
        0.0
    };
    Ok(NzebSetup {
        assumptions: a,
        recovery,
        conditions,
    })
}

/// The cooling-demand limit of a tier for a climate: constant + a·WDH20 + b·DDH28 (kK·h), with the ids of the
/// three rows; `None` when the table has no such rows.
pub fn cooling_limit(
    building_type: BuildingType,
    zone: &str,
    tier: Tier,
    wdh20_kkh: f64,
    ddh28_kkh: f64,
) -> Option<(f64, [&'static NzebLimitRow; 3])> {
    let row = |q| nzeb_limit(building_type, zone, tier, q);
    let base = row(TierQuantity::CoolingDemand)?;
    let a = row(TierQuantity::CoolingDemandPerWdh20)?;
    let b = row(TierQuantity::CoolingDemandPerDdh28)?;
    Some((
        base.value + a.value * wdh20_kkh + b.value * ddh28_kkh,
        [base, a, b],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::tests::json;

    #[test]
    fn generated_rows_are_the_csv() {
        let t = crate::schema::nzeb_tiers(include_str!("../../data/nzeb_tiers.csv")).unwrap();
        assert_eq!(json(NZEB_LIMIT_ROWS), json(&t));
        let c =
            crate::schema::nzeb_conditions(include_str!("../../data/nzeb_conditions.csv")).unwrap();
        assert_eq!(json(NZEB_CONDITION_ROWS), json(&c));
    }

    /// Every limit is an unverified recollection today; a row that becomes official text must change its
    /// provenance on purpose (and this test with it).
    #[test]
    fn every_limit_is_marked_unverified() {
        assert!(NZEB_LIMIT_ROWS
            .iter()
            .all(|r| r.provenance == Provenance::M));
    }

    /// Lookup by criteria: Hebi (cold B) residential near-zero heating 15, ultra-low 20; the cooling limit by
    /// hand for Hebi's 5.533 / 2.352 kK·h: near-zero 3 + 1.5·5.533 + 2.0·2.352 = 16.0035, ultra-low
    /// 3.5 + 2.0·5.533 + 2.2·2.352 = 19.7404; a severe-cold zone has no heating row.
    #[test]
    fn lookup_by_criteria() {
        let r = BuildingType::Residential;
        let h = |tier| nzeb_limit(r, "cold_b", tier, TierQuantity::HeatingDemand).map(|x| x.value);
        assert_eq!(
            (h(Tier::NearZero), h(Tier::UltraLow)),
            (Some(15.0), Some(20.0))
        );
        assert!(nzeb_limit(
            r,
            "severe_cold_a",
            Tier::NearZero,
            TierQuantity::HeatingDemand
        )
        .is_none());
        let (nz, rows) = cooling_limit(r, "cold_b", Tier::NearZero, 5.533, 2.352).unwrap();
        assert!((nz - 16.0035).abs() < 1e-9, "{nz}");
        assert_eq!(rows.map(|r| r.id), ["NZ-R-C0", "NZ-R-C1", "NZ-R-C2"]);
        let (ul, _) = cooling_limit(r, "cold_b", Tier::UltraLow, 5.533, 2.352).unwrap();
        assert!((ul - 19.7404).abs() < 1e-9, "{ul}");
        assert!(cooling_limit(BuildingType::Public, "cold_b", Tier::NearZero, 1.0, 1.0).is_none());
    }

    #[test]
    fn bad_tier_rows_fail_the_build() {
        let header = "id,standard,edition,clause,building_type,zone,tier,quantity,comparison,value,unit,provenance,source,note";
        let row = |id: &str, q: &str, cmp: &str, zone: &str| {
            format!("{id},GB/T 51350,2019,5,residential,{zone},near_zero,{q},{cmp},1,-,M,s,n")
        };
        let ok = format!(
            "{header}\n{}\n{}\n",
            row("a", "cooling_demand", "le", ""),
            row("b", "cooling_demand_per_wdh20", "coef", "")
        );
        assert!(crate::schema::nzeb_tiers(&ok).is_ok());
        let cases = [
            (row("a", "heating_demand", "coef", ""), "comparison"),
            (
                row("a", "cooling_demand_per_wdh20", "coef", "cold_b"),
                "quantity",
            ),
            (row("a", "heating_demand", "between", ""), "comparison"),
            (row("a", "heat_demand", "le", ""), "quantity"),
        ];
        for (r, column) in cases {
            let e = crate::schema::nzeb_tiers(&format!("{header}\n{r}\n")).unwrap_err();
            assert_eq!(e.column.as_deref(), Some(column), "{r}: {e}");
        }
        // Overlapping criteria: every zone and cold_b for the same quantity and tier.
        let dup = format!(
            "{header}\n{}\n{}\n",
            row("a", "heating_demand", "le", ""),
            row("b", "heating_demand", "le", "cold_b")
        );
        let e = crate::schema::nzeb_tiers(&dup).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("id")));
    }

    /// The ventilation of the run by hand: 100 m² floor, 290 m³; fresh air 30 m³/(h·person) at 30 m²/person
    /// = 100 m³/h; N50 1.0 → infiltration 1.0 × 0.07 × 290 = 20.3 m³/h; n = 120.3/290 = 0.41483 1/h;
    /// recovered share 0.8 × 100/120.3 = 0.66500.
    #[test]
    fn ventilation_under_the_standards_conditions() {
        let base = Assumptions::defaults(crate::project::Use::Residential).unwrap();
        let site = Site {
            floor_area_m2: 100.0,
            volume_m3: 290.0,
            roof_area_m2: 100.0,
            floor_over_outside_m2: 0.0,
            facades: Vec::new(),
            azimuths_deg: Vec::new(),
            roof_solar_kwh_m2: [0.0; 12],
            t_e_c: [0.0; 12],
            hours: [0.0; 12],
        };
        let s = setup(&base, &site, Some(1.0), Some(0.8)).unwrap();
        assert!((s.assumptions.air_changes_per_h - 120.3 / 290.0).abs() < 1e-12);
        assert!((s.recovery - 0.8 * 100.0 / 120.3).abs() < 1e-12);
        assert_eq!(
            (
                s.assumptions.heating_setpoint_c,
                s.assumptions.cooling_setpoint_c
            ),
            (20.0, 26.0)
        );
        let n50 = s
            .conditions
            .iter()
            .find(|c| c.key == "airtightness_n50")
            .unwrap();
        assert_eq!((n50.value, n50.provenance), (1.0, Provenance::A));
        // Not declared: the `if_missing` rows (0.6, 0.75) apply and are listed as such.
        let s = setup(&base, &site, None, None).unwrap();
        let q_inf = 0.6 * 0.07 * 290.0;
        assert!((s.recovery - 0.75 * 100.0 / (100.0 + q_inf)).abs() < 1e-12);
        assert!(s
            .conditions
            .iter()
            .any(|c| c.key == "airtightness_n50_if_missing"));
    }
}
