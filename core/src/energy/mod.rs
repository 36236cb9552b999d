//! Energy estimate: design building vs its GB 55015 reference building.
//!
//! The reported heating and cooling demands of the design and its reference come from the EN ISO 13790:2008
//! simple hourly method (annex C, 5R1C; [`hourly`]) over the city's hourly typical year
//! ([`crate::weather`]), which agrees with EnergyPlus within ±15 % on 17 validation boxes
//! (docs/validation.md). The monthly method below stays for sweeps and charts ([`crate::sweep`]), where the
//! hourly one would cost too much per point; the report gives its figures too (`energy.monthly`). Both use
//! the same envelope, gains, solar, sky and thermal-mass inputs. The thermal mass comes from the
//! construction's ISO 13790 class ([`mass`]). GB/T 51350's ultra-low / near-zero tiers ([`nzeb`]) and the
//! tier ladder ([`ladder`]) are built on the hourly method too.
//!
//! Monthly method (EN ISO 13790:2008 §7–12; spec `docs/sources/energy-estimate.md`), per month m:
//!
//! * transmission `H_tr = Σ U_i·A_i + ΔU_tb·ΣA` (walls, windows, roof, skylights, floors over outside air;
//!   the ground floor is not modelled — it is the same for design and reference);
//! * ventilation `H_ve = ρc · n · V` with ρc = 0.34 Wh/(m³·K);
//! * losses `Q_ht = (H_tr + H_ve)·(θ_int − θ_e,m)·t_m + Q_sky` with `Q_sky = Σ F_r·R_se·U·A·h_r·Δθ_er·t_m`
//!   (thermal radiation to the sky, ISO 13790 §11.4.6, counted as a loss; F_r = 1 roof, 0.5 walls);
//! * gains `Q_gn = Q_int + Q_sol`: `Q_int = q_int·A_floor·t_m`; `Q_sol = Σ F_sh·SHGC·A_w·I_m(az, 90°)` over the
//!   windows of each facade (irradiation from [`crate::climate`], Perez sky) `+ F_sh·SHGC·A_sky·I_m(0°)` for
//!   skylights `+ Σ α·R_se·U·A·I_m` for the opaque elements;
//! * utilisation `η_H = (1 − γ^a)/(1 − γ^(a+1))`, `a/(a+1)` at γ = 1, γ = Q_gn/Q_ht,H, `a = 1 + τ/15 h`,
//!   `τ = C_m/(H_tr + H_ve)`; `Q_H = max(0, Q_ht,H − η_H·Q_gn)`;
//! * cooling (§12.2.1.2): `η_C = (1 − γ_C^−a)/(1 − γ_C^−(a+1))`, γ_C = Q_gn/Q_ht,C (at the cooling set point),
//!   `η_C = 1` when `Q_ht,C ≤ 0`; `Q_C = max(0, Q_gn − η_C·Q_ht,C)`;
//! * energy `E = Σ (Q_H/η_heat + Q_C/EER)`, the same system efficiencies for design and reference.
//!
//! Every default is a data row of `core/data/energy_defaults.csv` (value, unit, provenance, source), turned
//! into a static array at build time (`core/build.rs`), and each can be overridden in the project's `assumptions` under the same key
//! (see [`assumption_keys`]). The reference building follows GB 55015 C.0.3 through
//! [`crate::reference::reference_values`]: same geometry, windows trimmed to the WWR limits, every K and SHGC at
//! its table limit (the design value where the code sets none).
//!
//! [`estimate`] gives the report section `energy` ([`EnergyReport`]). Everything is labelled an estimate
//! (`is_estimate: true`): the formal trade-off needs the certified software.
//!
//! Files: `defaults` (the data rows), `assumptions` (defaults + overrides), `balance` (the monthly balance of one
//! variant), `hourly` (the 5R1C hourly method), `mass` (thermal-mass classes), `envelope` (design and
//! reference envelopes), `nzeb` (GB/T 51350 conditions and limits), `ladder` (the tier ladder), `report` (the
//! report section and the saving-rate tiers), `error`.

mod assumptions;
mod balance;
mod defaults;
mod envelope;
mod error;
pub mod hourly;
pub mod ladder;
mod mass;
pub mod nzeb;
mod report;

pub use crate::columns::energy::{
    BuildingType, Provenance, Tier as NzebTier, TierComparison, TierQuantity,
};
pub use assumptions::{assumption_keys, AssumptionUsed, Assumptions};
pub use balance::{loss_utilisation, month_needs, simulate, utilisation, Demand, Site};
pub use defaults::{default_row, default_rows, DefaultRow};
pub use envelope::{design_params, reference_params, EnvelopeParams, FacadeParams};
pub use error::EnergyError;
pub use hourly::{simulate_hourly, HourlyConstants, Variant};
pub use ladder::{Ladder, RungId, TierStatus};
pub use mass::{
    a_m_ratio_for, thermal_mass_class, thermal_mass_classes, MassOrigin, ThermalMass,
    ThermalMassClass, CONSTRUCTION_KEY,
};
pub use report::{
    outlook, tier, EnergyReport, MonthlyEstimate, NzebReport, Outlook, ReferenceBuilding,
    ReferenceFacadeReport, Tier, VariantEnergy,
};

use std::borrow::Cow;

use crate::climate::Climate;
use crate::model::Building;
use crate::project::Project;
use crate::reference::ReferenceValues;
use envelope::floor_over_outside_area;

/// What "energy use" means in this estimate (also the basis of the PV renewable share).
pub const ENERGY_USE_BASIS: &str = "annual heating + cooling energy after system efficiencies: \
     Q_H / heating_efficiency + Q_C / cooling_eer (GB 55015 appendix C indicator, electricity-equivalent); \
     lighting, hot water, equipment and lifts are not included";

/// Method label shown in the report.
pub const METHOD: &str = "EN ISO 13790:2008 simple hourly method (annex C, 5R1C network: air, surface \
     and mass nodes; ideal control of the air temperature at the set points) over the city's hourly typical \
     year, solar gains per facade azimuth and on the roof from the Perez sky, C_m and A_m from the thermal-mass \
     class (h_is, h_ms, A_t / A_f and the warm-up days: the hourly_* rows of energy_defaults.csv)";

/// Method label of the monthly figures (`energy.monthly`, sweeps).
pub const MONTHLY_METHOD: &str =
    "EN ISO 13790:2008 monthly quasi-steady-state method (heating and cooling), \
     solar gains per facade orientation from the city's Perez-sky monthly table";

/// Parts of the estimate reused by sweeps.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Assumptions in force.
    pub assumptions: Assumptions,
    /// Site.
    pub site: Site,
    /// Design envelope.
    pub design: EnvelopeParams,
    /// Reference envelope.
    pub reference: EnvelopeParams,
    /// Base saving rate.
    pub base_rate: f64,
    /// Tier ratio.
    pub target_ratio: f64,
    /// Tier saving rate.
    pub target_rate: f64,
    /// The saving-rate tiers with their data rows.
    pub tier: Tier,
    /// The thermal mass in force (its C_m is also `assumptions.thermal_capacity_kj_m2k`).
    pub thermal_mass: ThermalMass,
    /// Constants of the hourly method.
    pub hourly: HourlyConstants,
}

/// Builds the site, assumptions, design and reference envelopes of a validated building.
pub fn prepare(
    p: &Project,
    b: &Building,
    refv: &ReferenceValues,
) -> Result<(Prepared, &'static Climate, &'static str), EnergyError> {
    let mut a = Assumptions::from_project(p.building_use, &p.assumptions)?;
    let thermal_mass = mass::resolve(p.building_use, &p.assumptions, a.thermal_capacity_kj_m2k)?;
    a.thermal_capacity_kj_m2k = thermal_mass.c_m_kj_m2k;
    let k = |key: &str| default_row(key, p.building_use).map(|r| r.value);
    let hourly = HourlyConstants {
        h_is: k("hourly_h_is")?,
        h_ms: k("hourly_h_ms")?,
        lambda_at: k("hourly_lambda_at")?,
        warmup_days: k("hourly_warmup_days")?,
    };
    let climate =
        crate::climate::city(&p.city).ok_or_else(|| EnergyError::NoClimate(p.city.clone()))?;
    let design = design_params(p, b)?;
    let reference = reference_params(&design, refv);
    let tier = tier(b.class, &b.zone)?;
    let Tier {
        base_rate,
        target_rate,
        target_ratio,
        row,
        ..
    } = tier;
    let site = Site::new(b, climate, floor_over_outside_area(p));
    Ok((
        Prepared {
            assumptions: a,
            site,
            design,
            reference,
            base_rate,
            target_ratio,
            target_rate,
            tier,
            thermal_mass,
            hourly,
        },
        climate,
        row,
    ))
}

/// Ratio and saving rate of prepared inputs: (ratio, saving rate, design demand, reference demand).
pub fn ratio_of(pr: &Prepared) -> (f64, f64, Demand, Demand) {
    let d = simulate(&pr.site, &pr.design, &pr.assumptions);
    let r = simulate(&pr.site, &pr.reference, &pr.assumptions);
    let ratio = safe_div(d.energy(&pr.assumptions), r.energy(&pr.assumptions));
    (ratio, 1.0 - (1.0 - pr.base_rate) * ratio, d, r)
}

fn safe_div(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        a / b
    } else if a > 0.0 {
        f64::INFINITY
    } else {
        1.0
    }
}

/// The energy section of a validated project, its building and its reference values. `tradeoff` is true
/// when the verdict asks for the trade-off calculation: the section then gives its likely outcome.
pub fn estimate(
    p: &Project,
    b: &Building,
    refv: &ReferenceValues,
    tradeoff: bool,
) -> Result<EnergyReport, EnergyError> {
    let (pr, climate, row) = prepare(p, b, refv)?;
    let a = &pr.assumptions;
    let weather = crate::weather::city(&p.city)
        .ok_or_else(|| EnergyError::NoHourlyWeather(p.city.clone()))?;
    let (m_ratio, m_saving, md, mr) = ratio_of(&pr);
    let variant = |envelope, assumptions, recovery| Variant {
        envelope,
        assumptions,
        a_m_ratio: pr.thermal_mass.a_m_ratio,
        recovery,
    };
    let design = variant(&pr.design, a, 0.0);
    let reference = variant(&pr.reference, a, 0.0);
    let residential = b.class.is_residential();
    let (d, r, nz) = if residential {
        let setup = nzeb::setup(
            a,
            &pr.site,
            p.envelope.airtightness_n50,
            p.ventilation.heat_recovery_efficiency,
        )?;
        let run = variant(&pr.design, &setup.assumptions, setup.recovery);
        let [d, r, n] = simulate_hourly(&pr.site, weather, [design, reference, run], &pr.hourly);
        (d, r, Some((n, setup)))
    } else {
        let [d, r] = simulate_hourly(&pr.site, weather, [design, reference], &pr.hourly);
        (d, r, None)
    };
    let ratio = safe_div(d.energy(a), r.energy(a));
    let saving_rate = 1.0 - (1.0 - pr.base_rate) * ratio;
    let floor = pr.site.floor_area_m2;
    let load_ratio = safe_div(d.heating() + d.cooling(), r.heating() + r.cooling());
    let per_m2 = |v: f64| if floor > 0.0 { v / floor } else { 0.0 };
    let monthly = MonthlyEstimate {
        method: Cow::Borrowed(MONTHLY_METHOD),
        ratio: m_ratio,
        load_ratio: safe_div(md.heating() + md.cooling(), mr.heating() + mr.cooling()),
        saving_rate: m_saving,
        design_heating_kwh_m2: per_m2(md.heating()),
        design_cooling_kwh_m2: per_m2(md.cooling()),
        reference_heating_kwh_m2: per_m2(mr.heating()),
        reference_cooling_kwh_m2: per_m2(mr.cooling()),
    };
    let extra = climate.extra.as_ref();
    let wdh20_kkh = extra.map(|x| x.wdh20_kkh());
    let ddh28_kkh = extra.map(|x| x.ddh28_kkh());
    let n50 = p.envelope.airtightness_n50;
    let heat_recovery = p.ventilation.heat_recovery_efficiency;
    let nzeb_values = nz.as_ref().map(|(n, _)| ladder::NzebValues {
        heating_kwh_m2: per_m2(n.heating()),
        cooling_kwh_m2: per_m2(n.cooling()),
        n50,
        heat_recovery,
        wdh20_kkh,
        ddh28_kkh,
    });
    let building_type = if residential {
        BuildingType::Residential
    } else {
        BuildingType::Public
    };
    let ladder = ladder::ladder(&ladder::LadderInput {
        building_type,
        zone: &b.zone,
        ratio,
        base: pr.tier.base,
        target: pr.tier.target,
        nzeb: nzeb_values,
    });
    let monthly_per_m2 = |v: [f64; 12]| v.map(per_m2);
    let nzeb_report = NzebReport {
        assessed: nz.is_some(),
        provisional: true,
        building_type,
        standard: Cow::Borrowed("GB/T 51350-2019"),
        heating_kwh_m2: nzeb_values.map(|v| v.heating_kwh_m2),
        cooling_kwh_m2: nzeb_values.map(|v| v.cooling_kwh_m2),
        monthly_heating_kwh_m2: nz.as_ref().map(|(n, _)| monthly_per_m2(n.heating_kwh)),
        monthly_cooling_kwh_m2: nz.as_ref().map(|(n, _)| monthly_per_m2(n.cooling_kwh)),
        airtightness_n50: n50,
        heat_recovery_efficiency: heat_recovery,
        wdh20_kkh,
        ddh28_kkh,
        conditions: nz.map(|(_, s)| s.conditions).unwrap_or_default(),
        note_zh: Cow::Borrowed(if residential {
            "暂定结果：按 GB/T 51350-2019 自身计算条件（室内设定温度、新风与热回收、由 N50 计算的渗透，见 conditions）逐时估算供暖与供冷（显热）需求；各限值与部分计算条件为未经核实的回忆值或本工具的假设，均待确认"
        } else {
            "公共建筑暂不评估：GB/T 51350 的公共建筑指标为相对其自身参照建筑的节能率，本工具尚无该参照建筑"
        }),
        note_en: Cow::Borrowed(if residential {
            "provisional: heating and (sensible) cooling demand estimated hour by hour under GB/T 51350-2019's own conditions (indoor set points, fresh air with heat recovery, infiltration from N50: see conditions); every limit and several conditions are unverified recollections or assumptions of this tool, all to be confirmed"
        } else {
            "public buildings are not assessed: GB/T 51350's public-building indicators are saving rates against its own reference building, which greencheck does not have yet"
        }),
    };
    let mut assumptions = a.used(p.building_use);
    if let Some(row) = assumptions
        .iter_mut()
        .find(|r| r.key == "thermal_capacity_kj_m2k")
    {
        let m = &pr.thermal_mass;
        row.class = m.class.clone();
        if m.origin == MassOrigin::Construction {
            row.source = m.source.clone();
            row.provenance = Cow::Borrowed(match m.provenance {
                Provenance::T => "T",
                Provenance::S => "S",
                Provenance::I => "I",
                Provenance::M => "M",
                Provenance::A => "A",
            });
        }
    }
    let reference_building = ReferenceBuilding {
        class: b.class,
        wall_u: pr.reference.wall_u,
        roof_u: pr.reference.roof_u,
        floor_over_outside_u: pr.reference.floor_over_outside_u,
        skylight_ratio: pr.reference.skylight_ratio,
        skylight_u: pr.reference.skylight_u,
        skylight_shgc: pr.reference.skylight_shgc,
        facades: b
            .facades
            .iter()
            .zip(pr.design.facades.iter().zip(&pr.reference.facades))
            .zip(&refv.facades)
            .map(|((f, (d, r)), rv)| ReferenceFacadeReport {
                name: f.name.clone(),
                orientation: f.orientation,
                wwr_design: d.wwr,
                wwr: r.wwr,
                wwr_trimmed: r.wwr < d.wwr,
                window_u: r.window_u,
                window_u_at_limit: rv.window_u.is_some(),
                window_shgc: r.window_shgc,
                window_shgc_at_limit: rv.window_shgc.is_some(),
            })
            .collect(),
        rule: Cow::Borrowed(
            "GB 55015-2021 C.0.3: same geometry, orientation, use and conditions; per facade WWR = \
             min(design, limit); every K and SHGC at the table limit for the reference's own class, \
             shape-factor and WWR bracket (the design value where the code sets none); skylights trimmed",
        ),
    };
    Ok(EnergyReport {
        is_estimate: true,
        method: Cow::Borrowed(METHOD),
        climate_id: climate.id.clone(),
        energy_use_basis: Cow::Borrowed(ENERGY_USE_BASIS),
        design: VariantEnergy::new(&d, a, floor),
        reference: VariantEnergy::new(&r, a, floor),
        reference_building,
        ratio,
        load_ratio,
        load_reduction: 1.0 - load_ratio,
        energy_reduction: 1.0 - ratio,
        base_rate: pr.base_rate,
        saving_rate,
        target_ratio: pr.target_ratio,
        target_rate: pr.target_rate,
        target_row: row.to_owned(),
        meets_target: ratio <= pr.target_ratio + 1e-12,
        tradeoff_band: a.tradeoff_band,
        tradeoff_likely_passes: tradeoff.then_some(ratio <= 1.0),
        tradeoff_outlook: tradeoff.then(|| outlook(ratio, a.tradeoff_band)),
        assumptions,
        thermal_mass: pr.thermal_mass.clone(),
        monthly,
        nzeb: nzeb_report,
        ladder,
    })
}
