//! Energy estimate: design building vs its GB 55015 reference building, monthly quasi-steady state.
//!
//! Method (EN ISO 13790:2008 §7–12, monthly; spec `docs/sources/energy-estimate.md`), per month m:
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
//! variant), `envelope` (design and reference envelopes), `report` (the report section and the tiers), `error`.

mod assumptions;
mod balance;
mod defaults;
mod envelope;
mod error;
mod report;

pub use assumptions::{assumption_keys, AssumptionUsed, Assumptions};
pub use balance::{loss_utilisation, month_needs, simulate, utilisation, Demand, Site};
pub use defaults::{default_row, default_rows, DefaultRow};
pub use envelope::{design_params, reference_params, EnvelopeParams, FacadeParams};
pub use error::EnergyError;
pub use report::{
    outlook, tier, EnergyReport, Outlook, ReferenceBuilding, ReferenceFacadeReport, Tier,
    VariantEnergy,
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
pub const METHOD: &str =
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
}

/// Builds the site, assumptions, design and reference envelopes of a validated building.
pub fn prepare(
    p: &Project,
    b: &Building,
    refv: &ReferenceValues,
) -> Result<(Prepared, &'static Climate, &'static str), EnergyError> {
    let a = Assumptions::from_project(p.building_use, &p.assumptions)?;
    let climate =
        crate::climate::city(&p.city).ok_or_else(|| EnergyError::NoClimate(p.city.clone()))?;
    let design = design_params(p, b)?;
    let reference = reference_params(&design, refv);
    let Tier {
        base_rate,
        target_rate,
        target_ratio,
        row,
    } = tier(b.class, &b.zone)?;
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
    let (ratio, saving_rate, d, r) = ratio_of(&pr);
    let floor = pr.site.floor_area_m2;
    let load_ratio = safe_div(d.heating() + d.cooling(), r.heating() + r.cooling());
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
        assumptions: a.used(p.building_use),
    })
}
