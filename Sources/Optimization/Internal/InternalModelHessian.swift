import Foundation
import Structures

/// The model Hessian of the TRIC steps: the Cartesian one (`Optimizer.initialHessian` — Lindh's
/// model with its heavy-element ρ, light-atom scale and eigenvalue floor, rigid motions shifted)
/// carried over to the delocalised coordinates as M H_x Mᵀ, M = G⁻ B_d (exact at the current
/// geometry, bar the coordinates' curvature terms).
///
/// Measured against a diagonal model over the primitives (Lindh's stretch, bend and torsion
/// constants, 0.05 Eh/Bohr² for translations and rotations, as geomeTRIC's guess), it keeps the
/// calibrated Cs–I and Pb–I couplings between fragments: Cs4PbI6 9 gradients instead of 22,
/// the δ product converged in 134 where the diagonal model was still at −171.0396 Eh after 225.
enum InternalModelHessian {
    /// M H_x Mᵀ at `x`, `map` = M at `x`.
    static func fromCartesian(structure: Structure, x: [Double], map: [Double], dimension n: Int) -> [Double] {
        let m = x.count
        var hx = Optimizer.initialHessian(structure, x: x, free: Array(0..<m))
        if m > 3 { ExternalModes(x: x).project(hessian: &hx, shift: Optimizer.externalShift) }
        return transform(hx, map: map, m: m, n: n)
    }

    /// M H Mᵀ for a Cartesian H (m × m) and M (n × m).
    static func transform(_ hx: [Double], map: [Double], m: Int, n: Int) -> [Double] {
        var t = [Double](repeating: 0, count: n * m)
        map.withUnsafeBufferPointer { mp in
            hx.withUnsafeBufferPointer { hp in
                t.withUnsafeMutableBufferPointer { tp in
                    for i in 0..<n {
                        for k in 0..<m {
                            let c = mp[i * m + k]
                            if c == 0 { continue }
                            for j in 0..<m { tp[i * m + j] += c * hp[k * m + j] }
                        }
                    }
                }
            }
        }
        return symmetricProduct(t, map, rows: n, inner: m)
    }

    /// A Bᵀ for A and B of `rows` × `inner` whose product is known to be symmetric: the upper
    /// triangle computed, the lower mirrored.
    static func symmetricProduct(_ a: [Double], _ b: [Double], rows n: Int, inner m: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { op in
                    for i in 0..<n {
                        for j in i..<n {
                            var s = 0.0
                            for k in 0..<m { s += ap[i * m + k] * bp[j * m + k] }
                            op[i * n + j] = s
                            op[j * n + i] = s
                        }
                    }
                }
            }
        }
        return out
    }
}
