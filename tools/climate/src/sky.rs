//! Transposition of hourly horizontal irradiation onto a tilted plane: beam + sky diffuse + ground reflected.
//!
//! - Beam: DNI × max(0, cos AOI), with the EPW's own DNI.
//! - Sky diffuse: isotropic (Liu & Jordan: DHI × (1 + cos β)/2) or Perez et al. (1990), "Modeling daylight
//!   availability and irradiance components from direct and global irradiance", Solar Energy 44(5):271–289,
//!   with the all-sites composite coefficients (Table 6 of the paper; the `allsitescomposite1990` set of
//!   pvlib), ε with κ = 1.041 and Δ = DHI × AM / I₀ (Kasten–Young air mass, not pressure corrected).
//! - Ground reflected: GHI × ρ × (1 − cos β)/2.

use crate::solar::{self, SunPosition};

/// Sky diffuse model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkyModel {
    /// Liu–Jordan isotropic sky (what the shared reference CSVs use).
    Isotropic,
    /// Perez et al. 1990 anisotropic sky (circumsolar + horizon brightening).
    Perez,
}

/// Perez 1990 all-sites composite coefficients per sky-clearness bin: F11, F12, F13, F21, F22, F23.
const PEREZ: [[f64; 6]; 8] = [
    [
        -0.0083117, 0.5877285, -0.0620636, -0.0596012, 0.0721249, -0.0220216,
    ],
    [
        0.1299457, 0.6825954, -0.1513752, -0.0189325, 0.0659650, -0.0288748,
    ],
    [
        0.3296958, 0.4868735, -0.2210958, 0.0554140, -0.0639588, -0.0260542,
    ],
    [
        0.5682053, 0.1874525, -0.2951290, 0.1088631, -0.1519229, -0.0139754,
    ],
    [
        0.8730280, -0.3920403, -0.3616149, 0.2255647, -0.4620442, 0.0012448,
    ],
    [
        1.1326077, -1.2367284, -0.4118494, 0.2877813, -0.8230357, 0.0558651,
    ],
    [
        1.0601591, -1.5999137, -0.3589221, 0.2642124, -1.1272340, 0.1310694,
    ],
    [
        0.6777470, -0.3272588, -0.2504286, 0.1561313, -1.3765031, 0.2506212,
    ],
];
/// Upper bounds of the sky-clearness (ε) bins 1–7; bin 8 is ε ≥ 6.2.
const EPS_BINS: [f64; 7] = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2];

/// One hour's sun and radiation, with the plane-independent Perez brightness coefficients precomputed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkyHour {
    /// Sun position at the evaluation instant.
    pub sun: SunPosition,
    /// Global horizontal, Wh/m².
    pub ghi: f64,
    /// Direct normal, Wh/m² (zeroed when the sun is below the horizon).
    pub dni: f64,
    /// Diffuse horizontal, Wh/m².
    pub dhi: f64,
    /// Perez circumsolar coefficient F1 (≥ 0).
    pub f1: f64,
    /// Perez horizon-brightening coefficient F2.
    pub f2: f64,
}

impl SkyHour {
    /// Builds the hour from the sun position, day of year (for I₀) and the EPW radiation fields.
    ///
    /// With the sun below the horizon at the evaluation instant, any recorded radiation is treated as
    /// isotropic diffuse (DHI := GHI, DNI := 0), so no energy is lost or invented.
    pub fn new(sun: SunPosition, doy: u32, ghi: f64, dni: f64, dhi: f64) -> SkyHour {
        let up = sun.zenith_deg < 90.0;
        let (dni, dhi) = if up { (dni, dhi) } else { (0.0, ghi.max(dhi)) };
        let (mut f1, mut f2) = (0.0, 0.0);
        if let (true, Some(am)) = (dhi > 0.0, solar::relative_airmass(sun.zenith_deg)) {
            let z = sun.zenith_deg.to_radians();
            let kz3 = 1.041 * z.powi(3);
            let eps = ((dhi + dni) / dhi + kz3) / (1.0 + kz3);
            let delta = dhi * am / solar::extraterrestrial_normal_w_m2(doy);
            let bin = EPS_BINS.iter().position(|&b| eps < b).unwrap_or(7);
            let c = PEREZ[bin];
            f1 = (c[0] + c[1] * delta + c[2] * z).max(0.0);
            f2 = c[3] + c[4] * delta + c[5] * z;
        }
        SkyHour {
            sun,
            ghi,
            dni,
            dhi,
            f1,
            f2,
        }
    }

    /// Irradiation on a plane of tilt `tilt_deg` (0 = horizontal, 90 = vertical) facing `azimuth_deg`
    /// (clockwise from north), Wh/m² over the hour: (beam, sky diffuse, ground reflected).
    pub fn on_plane(
        &self,
        tilt_deg: f64,
        azimuth_deg: f64,
        model: SkyModel,
        albedo: f64,
    ) -> (f64, f64, f64) {
        let beta = tilt_deg.to_radians();
        let z = self.sun.zenith_deg.to_radians();
        let cos_aoi = z.cos() * beta.cos()
            + z.sin() * beta.sin() * (self.sun.azimuth_deg - azimuth_deg).to_radians().cos();
        let beam = self.dni * cos_aoi.max(0.0);
        let iso = (1.0 + beta.cos()) / 2.0;
        let diffuse = match model {
            SkyModel::Isotropic => self.dhi * iso,
            SkyModel::Perez => {
                let a = cos_aoi.max(0.0);
                let b = z.cos().max(85f64.to_radians().cos());
                (self.dhi * ((1.0 - self.f1) * iso + self.f1 * a / b + self.f2 * beta.sin()))
                    .max(0.0)
            }
        };
        let ground = self.ghi * albedo * (1.0 - beta.cos()) / 2.0;
        (beam, diffuse, ground)
    }

    /// Total of [`SkyHour::on_plane`].
    pub fn total(&self, tilt_deg: f64, azimuth_deg: f64, model: SkyModel, albedo: f64) -> f64 {
        let (b, d, g) = self.on_plane(tilt_deg, azimuth_deg, model, albedo);
        b + d + g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sun(z: f64, az: f64) -> SunPosition {
        SunPosition {
            zenith_deg: z,
            azimuth_deg: az,
        }
    }

    #[test]
    fn horizontal_is_beam_plus_diffuse() {
        // z = 60°: cos z = 0.5. DNI 400 -> beam 200; DHI 100. Horizontal = 300 for both models
        // (Perez: a/b = 1 and sin 0 = 0, so diffuse = DHI).
        let h = SkyHour::new(sun(60.0, 180.0), 100, 300.0, 400.0, 100.0);
        for m in [SkyModel::Isotropic, SkyModel::Perez] {
            let (b, d, g) = h.on_plane(0.0, 123.0, m, 0.2);
            assert!((b - 200.0).abs() < 1e-9);
            assert!((d - 100.0).abs() < 1e-9);
            assert!(g.abs() < 1e-12);
        }
    }

    #[test]
    fn isotropic_vertical_by_hand() {
        // Sun due south at z = 60°: south wall cos AOI = sin 60° = 0.8660 -> beam 346.41;
        // diffuse 100 × 0.5 = 50; ground 300 × 0.2 × 0.5 = 30.
        let h = SkyHour::new(sun(60.0, 180.0), 100, 300.0, 400.0, 100.0);
        let t = h.total(90.0, 180.0, SkyModel::Isotropic, 0.2);
        assert!(
            (t - (400.0 * 0.866_025_4 + 50.0 + 30.0)).abs() < 1e-3,
            "{t}"
        );
        // North wall: no beam.
        let n = h.total(90.0, 0.0, SkyModel::Isotropic, 0.2);
        assert!((n - 80.0).abs() < 1e-9);
    }

    #[test]
    fn perez_clear_sky_brightens_sun_side_and_darkens_north() {
        // Clear sky: DNI 800, DHI 80 at z = 40° -> ε large (bin 8), F1 > 0.
        let h = SkyHour::new(sun(40.0, 180.0), 172, 693.0, 800.0, 80.0);
        assert!(h.f1 > 0.3, "f1 {}", h.f1);
        let s_iso = h.on_plane(90.0, 180.0, SkyModel::Isotropic, 0.2).1;
        let s_per = h.on_plane(90.0, 180.0, SkyModel::Perez, 0.2).1;
        let n_iso = h.on_plane(90.0, 0.0, SkyModel::Isotropic, 0.2).1;
        let n_per = h.on_plane(90.0, 0.0, SkyModel::Perez, 0.2).1;
        assert!(s_per > s_iso);
        assert!(n_per < n_iso);
    }

    #[test]
    fn sun_below_horizon_keeps_energy_as_diffuse() {
        let h = SkyHour::new(sun(92.0, 70.0), 172, 20.0, 50.0, 10.0);
        assert_eq!(h.dni, 0.0);
        assert_eq!(h.dhi, 20.0);
        assert!((h.total(0.0, 0.0, SkyModel::Perez, 0.2) - 20.0).abs() < 1e-12);
    }
}
