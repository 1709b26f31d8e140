import Foundation
import Structures

/// A Lindh-type model Hessian in Cartesian coordinates, Eh/Bohr², extended to heavy elements.
///
/// Lindh et al., Chem. Phys. Lett. 241, 423 (1995): every pair, triple and quadruple of atoms
/// contributes a stretch, bend or torsion with force constant 0.45 ρij, 0.15 ρij ρjk and
/// 0.005 ρij ρjk ρkl, where ρij = exp(αij (r⁰ij² − rij²)) decays with distance; the Cartesian
/// Hessian is Σ k b bᵀ over the Wilson B-vectors b of those coordinates. Lindh's α and r⁰ exist for
/// the first three periods only (H–Ar), which is what xtb's ANCopt uses for every element — for Pb,
/// I and Cs that makes the model practically zero (Pb–I at 3.1 Å: 7e-4 Eh/Bohr²).
///
/// For a pair of atoms both beyond Ar, this model uses instead
/// ρij = 0.155 exp(−(rij − r⁰ij)/0.5 Bohr) (at most 0.42), with r⁰ij the sum of covalent radii
/// (Cordero 2008; alkali and alkaline-earth metals with 80 % of theirs, which fit their ionic
/// contacts better), so that a bond at its covalent length gets 0.07 Eh/Bohr². Calibrated on GFN2
/// Hessians of the repository's fragments (xtb --hess, bond-projected curvatures): Pb–I 0.069
/// (2.84 Å, PbI3⁻) and 0.023 (3.10 Å, Cs4PbI6), Cs–I 0.013 (3.58 Å). A heavy atom paired with a
/// light one takes the larger of that value and Lindh's with the heavy atom as period 3 (Zn–N
/// 2.1 Å: 0.14 against GFN2's 0.17–0.21). Terms among H–Ar atoms only are scaled by
/// `lightScale` (0.7).
enum ModelHessian {
    /// Force-constant prefactors (Lindh 1995).
    static let kStretch = 0.45
    static let kBend = 0.15
    static let kTorsion = 0.005
    /// Factor on every stretch, bend and torsion whose atoms are all H–Ar (Lindh's own domain).
    /// Lindh's constants were fitted to ab initio Hessians; with GFN2 they start the optimiser too
    /// stiff: on Zn(Im)2(HIm)2 from six perturbed starts (bench/optimize and five more seeds) the
    /// unscaled model needed 11–35 gradients (mean 1.47 × xtb's), 0.7 × it 13–16 (0.86 × xtb's,
    /// every start within 1e-5 Eh of xtb's energy or below); 0.65 and 0.75 each lost one start,
    /// 0.5 and a uniform 0.7 on all terms were worse. Terms with a heavier atom (Zn–N, Pb–I, Cs–I)
    /// keep their GFN2-calibrated values, so the CsPbI3 fragments are not affected.
    static let lightScale = 0.7

    /// The 3N×3N model Hessian (row-major) for atoms `numbers` at `x` (Bohr, x1 y1 z1 x2 …).
    static func lindh(numbers: [Int], x: [Double]) -> [Double] {
        let n = numbers.count
        let dim = 3 * n
        var h = [Double](repeating: 0, count: dim * dim)
        guard n >= 2 else { return h }
        func pos(_ i: Int) -> SIMD3<Double> { SIMD3(x[3 * i], x[3 * i + 1], x[3 * i + 2]) }

        // ρ for every pair; neighbour lists of the pairs that matter for bends and torsions.
        var rho = [Double](repeating: 0, count: n * n)
        var neighbours = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let r = length(pos(i) - pos(j))
                let value = Self.rho(numbers[i], numbers[j], r: r)
                rho[i * n + j] = value
                rho[j * n + i] = value
                if value > 1e-3 {
                    neighbours[i].append(j)
                    neighbours[j].append(i)
                }
            }
        }

        func add(_ k: Double, _ atoms: [Int], _ b: [SIMD3<Double>]) {
            for (a, ia) in atoms.enumerated() {
                for (c, ic) in atoms.enumerated() {
                    for p in 0..<3 {
                        for q in 0..<3 {
                            h[(3 * ia + p) * dim + 3 * ic + q] += k * b[a][p] * b[c][q]
                        }
                    }
                }
            }
        }

        // Terms among H–Ar atoms only are Lindh's, scaled by `lightScale` for GFN2.
        let light = numbers.map { $0 <= 18 }
        func organic(_ atoms: Int...) -> Double {
            atoms.allSatisfy { light[$0] } ? lightScale : 1
        }

        // Stretches: every pair above a tiny threshold.
        for i in 0..<n {
            for j in (i + 1)..<n {
                let k = kStretch * rho[i * n + j] * organic(i, j)
                guard k > 1e-8 else { continue }
                let d = pos(i) - pos(j)
                let e = d / length(d)
                add(k, [i, j], [e, -e])
            }
        }

        // Bends i-j-k around centre j.
        for j in 0..<n {
            let nb = neighbours[j]
            for a in 0..<nb.count {
                for c in (a + 1)..<max(nb.count, a + 1) {
                    let i = nb[a], k = nb[c]
                    let force = kBend * rho[i * n + j] * rho[j * n + k] * organic(i, j, k)
                    guard force > 1e-8, let b = bend(pos(i), pos(j), pos(k)) else { continue }
                    add(force, [i, j, k], b)
                }
            }
        }

        // Torsions i-j-k-l about the j-k axis.
        for j in 0..<n {
            for k in neighbours[j] where k > j {
                let rjk = rho[j * n + k]
                for i in neighbours[j] where i != k {
                    for l in neighbours[k] where l != j && l != i {
                        let force = kTorsion * rho[i * n + j] * rjk * rho[k * n + l] * organic(i, j, k, l)
                        guard force > 1e-8, let b = torsion(pos(i), pos(j), pos(k), pos(l)) else { continue }
                        add(force, [i, j, k, l], b)
                    }
                }
            }
        }
        return h
    }

    /// ρ of a pair at distance `r` (Bohr).
    static func rho(_ zi: Int, _ zj: Int, r: Double) -> Double {
        let (pi, pj) = (period(zi), period(zj))
        let (lo, hi) = (min(pi, pj, 3), min(max(pi, pj), 3))
        let (alpha, r0Lindh) = lindhParameters(min(lo, hi), max(lo, hi))
        let lindh = exp(alpha * (r0Lindh * r0Lindh - r * r))
        if pi <= 3, pj <= 3 { return lindh }
        let r0 = (radius(zi) + radius(zj)) * Units.bohrPerAngstrom
        let heavy = min(0.155 * exp(-(r - r0) / 0.5), 0.42)
        // A heavy atom bound to a light one (Zn–N): Lindh's period-3 value fits better (0.14 vs 0.17).
        return min(pi, pj) <= 3 ? max(lindh, heavy) : heavy
    }

    /// Lindh's α (Bohr⁻²) and r⁰ (Bohr) for a pair of periods (1…3, first ≤ second).
    private static func lindhParameters(_ a: Int, _ b: Int) -> (Double, Double) {
        switch (a, b) {
        case (1, 1): (1.0, 1.35)
        case (1, 2): (0.3949, 2.10)
        case (1, 3): (0.3949, 2.53)
        case (2, 2): (0.28, 2.87)
        default: (0.28, 3.40)   // (2, 3), (3, 3)
        }
    }

    static func period(_ z: Int) -> Int {
        switch z {
        case ...2: 1
        case ...10: 2
        case ...18: 3
        case ...36: 4
        case ...54: 5
        default: 6
        }
    }

    /// Covalent radius (Å) used for heavy pairs: Cordero 2008, alkali and alkaline-earth ×0.8.
    static func radius(_ z: Int) -> Double {
        let base = Element.covalentRadius(z) ?? 1.5
        let ionic: Set<Int> = [3, 4, 11, 12, 19, 20, 37, 38, 55, 56]
        return ionic.contains(z) ? 0.8 * base : base
    }

    // MARK: - Wilson B-vectors

    /// ∂θ/∂x for the angle i-j-k at j; nil when (nearly) linear or degenerate.
    static func bend(_ xi: SIMD3<Double>, _ xj: SIMD3<Double>, _ xk: SIMD3<Double>) -> [SIMD3<Double>]? {
        let u = xi - xj, v = xk - xj
        let lu = length(u), lv = length(v)
        guard lu > 1e-8, lv > 1e-8 else { return nil }
        let eu = u / lu, ev = v / lv
        let c = max(-1, min(1, dot(eu, ev)))
        let s = (1 - c * c).squareRoot()
        guard s > 0.05 else { return nil }   // beyond ~177°: the bend B-vector is ill-defined
        let bi = (c * eu - ev) / (lu * s)
        let bk = (c * ev - eu) / (lv * s)
        return [bi, -(bi + bk), bk]
    }

    /// ∂φ/∂x for the dihedral i-j-k-l; nil when an angle is (nearly) linear.
    static func torsion(_ xi: SIMD3<Double>, _ xj: SIMD3<Double>, _ xk: SIMD3<Double>,
                        _ xl: SIMD3<Double>) -> [SIMD3<Double>]? {
        let f = xi - xj, g = xj - xk, hv = xl - xk
        let a = cross(f, g), b = cross(hv, g)
        let a2 = dot(a, a), b2 = dot(b, b), lg = length(g)
        guard lg > 1e-8, a2 > 1e-4 * dot(f, f) * lg * lg, b2 > 1e-4 * dot(hv, hv) * lg * lg else { return nil }
        let fg = dot(f, g), hg = dot(hv, g)
        let di = -lg / a2 * a
        let dl = lg / b2 * b
        let dj = lg / a2 * a + fg / (a2 * lg) * a - hg / (b2 * lg) * b
        let dk = -lg / b2 * b - fg / (a2 * lg) * a + hg / (b2 * lg) * b
        return [di, dj, dk, dl]
    }

    @inline(__always) static func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }
    @inline(__always) static func length(_ a: SIMD3<Double>) -> Double { dot(a, a).squareRoot() }
    @inline(__always) static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }
}
