/// The rigid translations and rotations of a free molecule, as an orthonormal basis of the 3N
/// Cartesian space (Bohr), to project them out of gradients, steps and Hessians.
///
/// Used only when no atom is frozen: then the energy does not change along these six (five for a
/// linear molecule) directions and the optimiser must not step along them.
struct ExternalModes {
    /// Orthonormal vectors of length 3N.
    let basis: [[Double]]
    let dimension: Int

    init(x: [Double]) {
        let n = x.count / 3
        dimension = x.count
        var centre = SIMD3<Double>(0, 0, 0)
        for i in 0..<n { centre += SIMD3(x[3 * i], x[3 * i + 1], x[3 * i + 2]) }
        centre /= Double(max(n, 1))
        var candidates: [[Double]] = []
        for axis in 0..<3 {
            var t = [Double](repeating: 0, count: 3 * n)
            for i in 0..<n { t[3 * i + axis] = 1 }
            candidates.append(t)
        }
        for axis in 0..<3 {
            var r = [Double](repeating: 0, count: 3 * n)
            let e = SIMD3<Double>(axis == 0 ? 1 : 0, axis == 1 ? 1 : 0, axis == 2 ? 1 : 0)
            for i in 0..<n {
                let p = SIMD3(x[3 * i], x[3 * i + 1], x[3 * i + 2]) - centre
                let v = SIMD3(e.y * p.z - e.z * p.y, e.z * p.x - e.x * p.z, e.x * p.y - e.y * p.x)
                r[3 * i] = v.x
                r[3 * i + 1] = v.y
                r[3 * i + 2] = v.z
            }
            candidates.append(r)
        }
        // Gram–Schmidt (twice, for stability); a rotation about the axis of a linear molecule vanishes.
        var basis: [[Double]] = []
        for var v in candidates {
            let scale = Self.norm(v)
            guard scale > 1e-10 else { continue }
            for _ in 0..<2 {
                for b in basis {
                    let overlap = Self.dot(b, v)
                    for k in v.indices { v[k] -= overlap * b[k] }
                }
            }
            let length = Self.norm(v)
            guard length > 1e-6 * scale else { continue }
            basis.append(v.map { $0 / length })
        }
        self.basis = basis
    }

    /// `v` without its components along the external modes.
    func project(_ v: [Double]) -> [Double] {
        var out = v
        for b in basis {
            let overlap = Self.dot(b, out)
            for k in out.indices { out[k] -= overlap * b[k] }
        }
        return out
    }

    /// Replaces the row-major `h` (dimension × dimension) by P h P + shift (1 − P), P the
    /// projector onto the internal space: the external modes become eigenvectors with eigenvalue
    /// `shift`, decoupled from the rest.
    func project(hessian h: inout [Double], shift: Double) {
        let d = dimension
        let m = basis.count
        guard m > 0 else { return }
        // he[a] = h · e_a ; mab = e_a · h · e_b
        var he = [[Double]](repeating: [Double](repeating: 0, count: d), count: m)
        for a in 0..<m {
            let e = basis[a]
            for i in 0..<d {
                var s = 0.0
                let row = i * d
                for j in 0..<d { s += h[row + j] * e[j] }
                he[a][i] = s
            }
        }
        var mab = [Double](repeating: 0, count: m * m)
        for a in 0..<m { for b in 0..<m { mab[a * m + b] = Self.dot(basis[a], he[b]) } }
        for i in 0..<d {
            for j in 0..<d {
                var correction = 0.0
                for a in 0..<m {
                    correction += basis[a][i] * he[a][j] + he[a][i] * basis[a][j]
                    var inner = 0.0
                    for b in 0..<m { inner += mab[a * m + b] * basis[b][j] }
                    correction -= basis[a][i] * inner
                    correction -= shift * basis[a][i] * basis[a][j]
                }
                h[i * d + j] -= correction
            }
        }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for k in a.indices { s += a[k] * b[k] }
        return s
    }

    static func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
}
