//! Cost of the ISO 13790 5R1C hourly method per evaluation, native (issue 14; not part of the build).
//!
//!     rustc -C opt-level=3 -o /tmp/hourly_bench tools/validation/hourly_bench.rs && /tmp/hourly_bench
//!
//! Times, on synthetic but realistic inputs (a sinusoidal year of weather, a 5-facade box):
//!   kernel : the 5R1C loop over 8760 h + 60 warm-up days, design + reference (2 runs), with the hourly
//!            solar gains already summed per variant (what a keystroke that changes a U, an SHGC or a WWR
//!            needs: the plane irradiances do not change);
//!   planes : Perez (1990) transposition of 8760 hours onto 5 planes (4 facades + roof), the sun position
//!            precomputed (what an orientation change needs once);
//!   gains  : summing the hourly solar gains of 5 planes for 2 variants.
//! The kernel mirrors tools/validation/iso_models.py `hourly` step for step; `kernel_fast` is the same
//! arithmetic in affine form (asserted equal).

use std::hint::black_box;
use std::time::Instant;

const N: usize = 8760;

struct Rc {
    h_ve: f64,
    h_tr_w: f64,
    h_em: f64,
    h_ms: f64,
    h_is: f64,
    cm: f64,
    am_at: f64,
    st: f64,
    q_int: f64,
    conv: f64,
}

/// Annual heating and cooling need, Wh: 5R1C with ideal air-temperature control at 18 / 26 °C.
fn kernel(p: &Rc, te: &[f64], sol: &[f64], warm: usize) -> (f64, f64) {
    let h1 = 1.0 / (1.0 / p.h_ve + 1.0 / p.h_is);
    let h2 = h1 + p.h_tr_w;
    let h3 = 1.0 / (1.0 / h2 + 1.0 / p.h_ms);
    let hem3 = 0.5 * (h3 + p.h_em);
    let phi_ia = p.conv * p.q_int;
    let d_m = h3 * h1 / (h2 * p.h_ve);
    let den = p.cm + hem3;
    let ds = p.h_ms + p.h_tr_w + h1;
    let (mut qh, mut qc, mut tm) = (0.0, 0.0, 20.0);
    for k in 0..N + warm {
        let t = if k < warm { N - warm + k } else { k - warm };
        let e = te[t];
        let rad = (1.0 - p.conv) * p.q_int + sol[t];
        let phi_m = p.am_at * rad;
        let phi_st = p.st * rad;
        let base_m = phi_m + p.h_em * e + h3 * (phi_st + p.h_tr_w * e + h1 * (phi_ia / p.h_ve + e)) / h2;
        let tmt0 = (tm * (p.cm - hem3) + base_m) / den;
        let dtmt = d_m / den;
        let tm0 = 0.5 * (tmt0 + tm);
        let s0 = (p.h_ms * tm0 + phi_st + p.h_tr_w * e + h1 * (e + phi_ia / p.h_ve)) / ds;
        let dsd = (p.h_ms * 0.5 * dtmt + h1 / p.h_ve) / ds;
        let a0 = (p.h_is * s0 + p.h_ve * e + phi_ia) / (p.h_is + p.h_ve);
        let a1 = (p.h_is * dsd + 1.0) / (p.h_is + p.h_ve);
        let phi = if a0 < 18.0 {
            (18.0 - a0) / a1
        } else if a0 > 26.0 {
            (26.0 - a0) / a1
        } else {
            0.0
        };
        tm = tmt0 + dtmt * phi;
        if k >= warm {
            if phi > 0.0 {
                qh += phi;
            } else {
                qc -= phi;
            }
        }
    }
    (qh, qc)
}

/// The same model reduced to its affine form: per hour a0 = P·θ_m + Q_t (free-floating air temperature) and
/// θ_m,new = A·θ_m + B_t + D·φ_HC, with every division hoisted out of the loop; the serial chain is then a
/// multiply-add, a comparison and another multiply-add.
fn kernel_fast(p: &Rc, te: &[f64], sol: &[f64], warm: usize) -> (f64, f64) {
    let h1 = 1.0 / (1.0 / p.h_ve + 1.0 / p.h_is);
    let h2 = h1 + p.h_tr_w;
    let h3 = 1.0 / (1.0 / h2 + 1.0 / p.h_ms);
    let hem3 = 0.5 * (h3 + p.h_em);
    let phi_ia = p.conv * p.q_int;
    let den = p.cm + hem3;
    let ds = p.h_ms + p.h_tr_w + h1;
    let a_m = (p.cm - hem3) / den; // θ_m,t = A·θ_m,t-1 + B_t + D·φ
    let d = h3 * h1 / (h2 * p.h_ve) / den;
    let his_hve = p.h_is + p.h_ve;
    let pp = p.h_is * p.h_ms * 0.5 * (a_m + 1.0) / (ds * his_hve); // a0 = P·θ_m,t-1 + Q_t
    let a1 = (p.h_is * (p.h_ms * 0.5 * d + h1 / p.h_ve) / ds + 1.0) / his_hve;
    let inv_a1 = 1.0 / a1;
    let (c_b_e, c_b_m, c_b_st, c_b_0) = (
        (p.h_em + h3 * (p.h_tr_w + h1) / h2) / den,
        1.0 / den,
        h3 / h2 / den,
        h3 * h1 * phi_ia / p.h_ve / h2 / den,
    );
    let (q_b, q_s, q_e, q_0) = (
        p.h_is * p.h_ms * 0.5 / (ds * his_hve),
        p.h_is / (ds * his_hve),
        p.h_ve / his_hve,
        phi_ia / his_hve,
    );
    let (mut qh, mut qc, mut tm) = (0.0, 0.0, 20.0);
    for k in 0..N + warm {
        let t = if k < warm { N - warm + k } else { k - warm };
        let e = te[t];
        let rad = (1.0 - p.conv) * p.q_int + sol[t];
        let phi_st = p.st * rad;
        let b = c_b_e * e + c_b_m * p.am_at * rad + c_b_st * phi_st + c_b_0;
        let s = phi_st + (p.h_tr_w + h1) * e + h1 * phi_ia / p.h_ve;
        let q = q_b * b + q_s * s + q_e * e + q_0;
        let a0 = pp * tm + q;
        let phi = if a0 < 18.0 {
            (18.0 - a0) * inv_a1
        } else if a0 > 26.0 {
            (26.0 - a0) * inv_a1
        } else {
            0.0
        };
        tm = a_m * tm + b + d * phi;
        if k >= warm {
            if phi > 0.0 {
                qh += phi;
            } else {
                qc -= phi;
            }
        }
    }
    (qh, qc)
}

// Perez 1990 all-sites composite coefficients (f11 f12 f13 f21 f22 f23) per sky-clearness bin.
const PEREZ: [[f64; 6]; 8] = [
    [-0.0083, 0.5877, -0.0621, -0.0596, 0.0721, -0.0220],
    [0.1299, 0.6826, -0.1514, -0.0189, 0.0660, -0.0289],
    [0.3297, 0.4869, -0.2211, 0.0554, -0.0640, -0.0261],
    [0.5682, 0.1875, -0.2951, 0.1089, -0.1519, -0.0140],
    [0.8730, -0.3920, -0.3616, 0.2256, -0.4620, 0.0012],
    [1.1326, -1.2367, -0.4118, 0.2878, -0.8230, 0.0559],
    [1.0602, -1.5999, -0.3589, 0.2642, -1.1272, 0.1311],
    [0.6777, -0.3273, -0.2504, 0.1561, -1.3765, 0.2506],
];
const EPS_BINS: [f64; 7] = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2];

struct Sun {
    cz: f64,
    sz: f64,
    az: f64,
    dni: f64,
    dhi: f64,
    ghi: f64,
}

fn perez(tilt: f64, azim: f64, s: &Sun) -> f64 {
    let (ct, st) = (tilt.cos(), tilt.sin());
    let cos_aoi = (s.cz * ct + s.sz * st * (s.az - azim).cos()).max(0.0);
    let beam = s.dni * cos_aoi;
    let ground = s.ghi * 0.2 * (1.0 - ct) / 2.0;
    if s.dhi <= 0.0 {
        return beam + ground;
    }
    let z = s.cz.clamp(0.0, 1.0).acos();
    let z3 = 1.041 * z.powi(3);
    let eps = ((s.dhi + s.dni) / s.dhi + z3) / (1.0 + z3);
    let bin = EPS_BINS.iter().take_while(|&&b| eps >= b).count();
    let am = 1.0 / (s.cz.max(0.01) + 0.50572 * (96.07995 - z.to_degrees()).max(0.1).powf(-1.6364));
    let delta = s.dhi * am / 1367.0;
    let c = PEREZ[bin];
    let f1 = (c[0] + c[1] * delta + c[2] * z).max(0.0);
    let f2 = c[3] + c[4] * delta + c[5] * z;
    let a = cos_aoi;
    let b = s.cz.max(0.087);
    let sky = s.dhi * ((1.0 - f1) * (1.0 + ct) / 2.0 + f1 * a / b + f2 * st);
    beam + sky.max(0.0) + ground
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    // Synthetic year: daily and annual temperature waves; clear-ish sun.
    let mut te = vec![0.0; N];
    let mut suns = Vec::with_capacity(N);
    for (h, t) in te.iter_mut().enumerate() {
        let d = h as f64 / 24.0;
        let hod = (h % 24) as f64 + 0.5;
        *t = 14.4 - 13.5 * (2.0 * std::f64::consts::PI * (d - 15.0) / 365.0).cos()
            + 5.0 * (2.0 * std::f64::consts::PI * (hod - 9.0) / 24.0).sin();
        let decl = 0.409 * (2.0 * std::f64::consts::PI * (d - 80.0) / 365.0).sin();
        let lat: f64 = 36.05f64.to_radians();
        let ha = (hod - 12.0) * 15f64.to_radians();
        let cz = lat.sin() * decl.sin() + lat.cos() * decl.cos() * ha.cos();
        let sz = (1.0 - cz * cz).max(0.0).sqrt();
        let az = std::f64::consts::PI + ha.sin().atan2(ha.cos() * lat.sin() - decl.tan() * lat.cos());
        let up = cz > 0.0;
        suns.push(Sun {
            cz,
            sz,
            az,
            dni: if up { 600.0 * cz.sqrt() } else { 0.0 },
            dhi: if up { 120.0 * cz } else { 0.0 },
            ghi: if up { 600.0 * cz.powf(1.5) + 120.0 * cz } else { 0.0 },
        });
    }
    let planes = [(90f64, 0f64), (90.0, 90.0), (90.0, 180.0), (90.0, 270.0), (0.0, 180.0)];
    let p = Rc {
        h_ve: 2200.0,
        h_tr_w: 1900.0,
        h_em: 2400.0,
        h_ms: 9.1 * 3.5 * 12960.0,
        h_is: 3.45 * 4.5 * 12960.0,
        cm: 370_000.0 * 12960.0 / 3600.0,
        am_at: 3.5 / 4.5,
        st: 1.0 - 3.5 / 4.5 - 1900.0 / (9.1 * 4.5 * 12960.0),
        q_int: 3.8 * 12960.0,
        conv: 1.0,
    };
    let reps = 300;
    let mut irr = vec![vec![0.0; N]; planes.len()];
    let mut t_planes = Vec::new();
    for _ in 0..reps / 10 {
        let t0 = Instant::now();
        for (k, (tilt, az)) in planes.iter().enumerate() {
            let (tr, ar) = (tilt.to_radians(), az.to_radians());
            for (i, s) in suns.iter().enumerate() {
                irr[k][i] = if s.cz > 0.0 { perez(tr, ar, s) } else { 0.0 };
            }
        }
        black_box(&irr);
        t_planes.push(t0.elapsed().as_secs_f64());
    }
    let k_design = [60.0, 20.0, 150.0, 20.0, 10.0];
    let k_ref = [55.0, 18.0, 140.0, 18.0, 10.0];
    let mut sol_d = vec![0.0; N];
    let mut sol_r = vec![0.0; N];
    let mut t_gains = Vec::new();
    let mut t_kernel = Vec::new();
    let mut t_fast = Vec::new();
    let mut out = (0.0, 0.0);
    let mut out_fast = (0.0, 0.0);
    for _ in 0..reps {
        let t0 = Instant::now();
        for i in 0..N {
            let (mut d, mut r) = (0.0, 0.0);
            for k in 0..planes.len() {
                d += k_design[k] * irr[k][i];
                r += k_ref[k] * irr[k][i];
            }
            sol_d[i] = d - 500.0;
            sol_r[i] = r - 500.0;
        }
        black_box((&sol_d, &sol_r));
        t_gains.push(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        let a = kernel(black_box(&p), &te, &sol_d, 60 * 24);
        let b = kernel(black_box(&p), &te, &sol_r, 60 * 24);
        out = black_box((a.0 + b.0, a.1 + b.1));
        t_kernel.push(t0.elapsed().as_secs_f64());
        let t0 = Instant::now();
        let a = kernel_fast(black_box(&p), &te, &sol_d, 60 * 24);
        let b = kernel_fast(black_box(&p), &te, &sol_r, 60 * 24);
        out_fast = black_box((a.0 + b.0, a.1 + b.1));
        t_fast.push(t0.elapsed().as_secs_f64());
    }
    let rel = |x: f64, y: f64| (x - y).abs() / y.abs().max(1.0);
    assert!(rel(out.0, out_fast.0) < 1e-9 && rel(out.1, out_fast.1) < 1e-9, "{:?} {:?}", out, out_fast);
    println!("checksum {:.3e} {:.3e}", out.0, out.1);
    println!("kernel (5R1C, 2 x (8760 + 1440) h): median {:.1} µs", median(t_kernel) * 1e6);
    println!("kernel, affine form (same results):   median {:.1} µs", median(t_fast) * 1e6);
    println!("gains  (5 planes, 2 variants, 8760 h): median {:.1} µs", median(t_gains) * 1e6);
    println!("planes (Perez, 5 planes x 8760 h):    median {:.1} µs", median(t_planes) * 1e6);
}
