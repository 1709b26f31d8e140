import Foundation

/// A fragment's orientation relative to its reference geometry: the rotation vector (exponential
/// map) of the least-squares superposition of the reference onto the current atoms (Horn's
/// quaternion), scaled by the reference's radius of gyration so that it is in Bohr (Wang & Song,
/// J. Chem. Phys. 144, 214108 (2016)).
struct RotationFrame {
    let atoms: [Int]
    /// Reference positions relative to their centroid (Bohr).
    let reference: [SIMD3<Double>]
    /// Radius of gyration of the reference (Bohr).
    let weight: Double

    init(atoms: [Int], x: [Double]) {
        self.atoms = atoms
        let points = atoms.map { PrimitiveGeometry.position(x, $0) }
        let centre = points.reduce(SIMD3<Double>(repeating: 0), +) / Double(max(points.count, 1))
        reference = points.map { $0 - centre }
        let r2 = reference.reduce(0) { $0 + PrimitiveGeometry.dot($1, $1) } / Double(max(points.count, 1))
        weight = max(r2.squareRoot(), 1e-3)
    }

    /// Horn's 4×4 matrix of a 3×3 correlation s[α][β] = Σ a_α y_β (row-major); linear in s.
    static func horn(_ s: [[Double]]) -> [Double] {
        let (xx, xy, xz) = (s[0][0], s[0][1], s[0][2])
        let (yx, yy, yz) = (s[1][0], s[1][1], s[1][2])
        let (zx, zy, zz) = (s[2][0], s[2][1], s[2][2])
        return [xx + yy + zz, yz - zy, zx - xz, xy - yx,
                yz - zy, xx - yy - zz, xy + yx, zx + xz,
                zx - xz, xy + yx, -xx + yy - zz, yz + zy,
                xy - yx, zx + xz, yz + zy, -xx - yy + zz]
    }

    /// The scaled rotation vector and, when `derivatives`, its B rows (one per component, over `atoms`).
    func evaluate(_ x: [Double], derivatives: Bool) -> (value: SIMD3<Double>, rows: [[SIMD3<Double>]]) {
        let points = atoms.map { PrimitiveGeometry.position(x, $0) }
        let centre = points.reduce(SIMD3<Double>(repeating: 0), +) / Double(points.count)
        var s = [[Double]](repeating: [0, 0, 0], count: 3)
        for (a, p) in zip(reference, points) {
            let y = p - centre
            for al in 0..<3 { for be in 0..<3 { s[al][be] += a[al] * y[be] } }
        }
        let eigen = SymmetricEigen(Self.horn(s), n: 4)
        var q = Array(eigen.vector(3))
        if q[0] < 0 { q = q.map { -$0 } }
        let q0 = min(1, q[0])
        let sine = (1 - q0 * q0).squareRoot()
        let angle = acos(q0)   // half the rotation angle
        // v = f(q0) q_vec with f = 2 acos(q0)/sqrt(1 − q0²); f' for the derivatives.
        let f: Double, df: Double
        if sine < 1e-6 {
            f = 2 + 2.0 / 3.0 * (1 - q0)
            df = -2.0 / 3.0
        } else {
            f = 2 * angle / sine
            df = 2 * (-1 + q0 * angle / sine) / (sine * sine)
        }
        let value = SIMD3(q[1], q[2], q[3]) * (f * weight)
        guard derivatives else { return (value, []) }
        var rows = [[SIMD3<Double>]](repeating: [SIMD3<Double>](repeating: .zero, count: atoms.count), count: 3)
        let lambda = eigen.values[3]
        let others = (0..<3).map { (Array(eigen.vector($0)), lambda - eigen.values[$0]) }
        for (index, a) in reference.enumerated() {
            for be in 0..<3 {
                var ds = [[Double]](repeating: [0, 0, 0], count: 3)
                for al in 0..<3 { ds[al][be] = a[al] }
                let dn = Self.horn(ds)
                var dnq = [Double](repeating: 0, count: 4)
                for r in 0..<4 { for c in 0..<4 { dnq[r] += dn[4 * r + c] * q[c] } }
                var dq = [Double](repeating: 0, count: 4)
                for (v, gap) in others where gap > 1e-12 {
                    let overlap = (0..<4).reduce(0) { $0 + v[$1] * dnq[$1] } / gap
                    for r in 0..<4 { dq[r] += overlap * v[r] }
                }
                for c in 0..<3 {
                    rows[c][index][be] = weight * (f * dq[c + 1] + q[c + 1] * df * dq[0])
                }
            }
        }
        return (value, rows)
    }

    /// The rotation angle (radians, unscaled) of the current geometry against the reference.
    func angle(_ x: [Double]) -> Double {
        let v = evaluate(x, derivatives: false).value / weight
        return PrimitiveGeometry.length(v)
    }
}
