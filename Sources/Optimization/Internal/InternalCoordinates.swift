import Foundation

/// Translation-rotation internal coordinates (TRIC, Wang & Song 2016): per fragment of the bond
/// graph three translations, three rotations (none for a single atom) and its bonds, bends and
/// torsions; delocalised into the 3N combinations spanned by the primitives' B matrix.
///
/// Bends within 20° of linear are left out (and so are the torsions through them); a fragment whose
/// primitives then lack rank (a linear fragment, or a planar centre without torsions) gets the
/// Cartesian coordinates of its linear centres, or else of all its atoms. The delocalised basis is
/// fixed when the system is built; `rebuildNeeded` says when the geometry has outgrown it.
struct InternalCoordinates {
    let numbers: [Int]
    let graph: BondGraph
    let primitives: [Primitive]
    let frames: [RotationFrame?]
    /// Delocalised basis U, primitives × dimension, row-major.
    let basis: [Double]
    let dimension: Int

    /// Bends beyond this (degrees) are left out (trans angles of octahedra, linear centres): their
    /// B rows grow as 1/sin θ. A bend (or a torsion's bend) beyond `rebuildBend` renews the system.
    static let linearBend = 160.0
    static let rebuildBend = 170.0
    /// Eigenvalue of BᵀB below which a direction counts as not spanned.
    static let rankThreshold = 1e-6
    /// Largest fragment rotation (radians) before the reference is renewed.
    static let maxRotation = 1.5

    var atomCount: Int { numbers.count }

    init(numbers: [Int], x: [Double]) {
        self.numbers = numbers
        let graph = BondGraph(numbers: numbers, x: x)
        self.graph = graph
        var primitives: [Primitive] = []
        var frames: [RotationFrame?] = []
        for (f, atoms) in graph.fragments.enumerated() {
            let built = Self.fragmentPrimitives(f, atoms, graph, x)
            primitives += built.primitives
            frames.append(built.frame)
        }
        self.primitives = primitives
        self.frames = frames
        // Delocalise: U = B v / σ for the eigenpairs σ² of BᵀB above the threshold.
        let rows = Self.rows(primitives, frames, x, fragments: graph.fragments)
        let (basis, dimension) = Self.delocalise(rows, atoms: numbers.count)
        self.basis = basis
        self.dimension = dimension
    }

    // MARK: - Values and B

    /// Primitive values at `x`.
    func values(_ x: [Double]) -> [Double] {
        var rotation: [Int: SIMD3<Double>] = [:]
        return primitives.map { p in
            switch p {
            case let .stretch(i, j): return PrimitiveGeometry.stretch(x, i, j).0
            case let .bend(i, j, k): return PrimitiveGeometry.bend(x, i, j, k).0
            case let .torsion(i, j, k, l): return PrimitiveGeometry.torsion(x, i, j, k, l).0
            case let .cartesian(a, axis): return x[3 * a + axis]
            case let .translation(f, axis):
                let atoms = graph.fragments[f]
                return atoms.reduce(0) { $0 + x[3 * $1 + axis] } / Double(atoms.count)
            case let .rotation(f, axis):
                if rotation[f] == nil { rotation[f] = frames[f]!.evaluate(x, derivatives: false).value }
                return rotation[f]![axis]
            }
        }
    }

    /// Sparse Wilson B rows of this system at `x`.
    func rows(_ x: [Double]) -> [WilsonRow] {
        Self.rows(primitives, frames, x, fragments: graph.fragments)
    }

    /// Sparse Wilson B rows of `primitives` at `x`.
    static func rows(_ primitives: [Primitive], _ frames: [RotationFrame?], _ x: [Double],
                     fragments: [[Int]]) -> [WilsonRow] {
        var rotation: [Int: [[SIMD3<Double>]]] = [:]
        return primitives.map { p in
            switch p {
            case let .stretch(i, j): return PrimitiveGeometry.stretch(x, i, j).1
            case let .bend(i, j, k): return PrimitiveGeometry.bend(x, i, j, k).1
            case let .torsion(i, j, k, l): return PrimitiveGeometry.torsion(x, i, j, k, l).1
            case let .cartesian(a, axis):
                var e = SIMD3<Double>(repeating: 0)
                e[axis] = 1
                return WilsonRow(atoms: [a], vectors: [e])
            case let .translation(f, axis):
                var e = SIMD3<Double>(repeating: 0)
                e[axis] = 1 / Double(fragments[f].count)
                return WilsonRow(atoms: fragments[f], vectors: Array(repeating: e, count: fragments[f].count))
            case let .rotation(f, axis):
                if rotation[f] == nil { rotation[f] = frames[f]!.evaluate(x, derivatives: true).rows }
                return WilsonRow(atoms: frames[f]!.atoms, vectors: rotation[f]![axis])
            }
        }
    }

    /// Eigenvalues of BᵀB restricted to `atoms` (rows given over all atoms).
    static func spectrum(_ rows: [WilsonRow], atoms: [Int]) -> [Double] {
        var column: [Int: Int] = [:]
        for (k, a) in atoms.enumerated() { column[a] = k }
        let m = 3 * atoms.count
        var btb = [Double](repeating: 0, count: m * m)
        for row in rows {
            var entries: [(Int, Double)] = []
            for (a, v) in zip(row.atoms, row.vectors) {
                guard let c = column[a] else { continue }
                for axis in 0..<3 where v[axis] != 0 { entries.append((3 * c + axis, v[axis])) }
            }
            for (p, vp) in entries { for (q, vq) in entries { btb[p * m + q] += vp * vq } }
        }
        return SymmetricEigen(btb, n: m).values
    }

    /// The delocalised basis (primitives × dimension, row-major) and its dimension.
    private static func delocalise(_ rows: [WilsonRow], atoms n: Int) -> ([Double], Int) {
        let m = 3 * n
        var btb = [Double](repeating: 0, count: m * m)
        for row in rows {
            var entries: [(Int, Double)] = []
            for (a, v) in zip(row.atoms, row.vectors) {
                for axis in 0..<3 where v[axis] != 0 { entries.append((3 * a + axis, v[axis])) }
            }
            for (p, vp) in entries { for (q, vq) in entries { btb[p * m + q] += vp * vq } }
        }
        let eigen = SymmetricEigen(btb, n: m)
        let kept = (0..<m).filter { eigen.values[$0] > rankThreshold }.reversed()
        let dimension = kept.count
        var basis = [Double](repeating: 0, count: rows.count * dimension)
        for (d, k) in kept.enumerated() {
            let v = eigen.vector(k)
            let sigma = eigen.values[k].squareRoot()
            for (p, row) in rows.enumerated() {
                var s = 0.0
                for (a, vec) in zip(row.atoms, row.vectors) {
                    s += vec.x * v[v.startIndex + 3 * a] + vec.y * v[v.startIndex + 3 * a + 1]
                        + vec.z * v[v.startIndex + 3 * a + 2]
                }
                basis[p * dimension + d] = s / sigma
            }
        }
        return (basis, dimension)
    }

    // MARK: - Delocalised quantities

    /// Primitive differences q(x1) − q(x0), torsions wrapped into (−π, π].
    func primitiveDifference(_ x1: [Double], _ x0: [Double]) -> [Double] {
        valueDifference(values(x1), values(x0))
    }

    /// Primitive differences of two value vectors, torsions wrapped into (−π, π].
    func valueDifference(_ a: [Double], _ b: [Double]) -> [Double] {
        primitives.indices.map { p in
            var d = a[p] - b[p]
            if primitives[p].isPeriodic {
                d = d - 2 * .pi * (d / (2 * .pi)).rounded()
            }
            return d
        }
    }

    /// Delocalised difference Uᵀ (q(x1) − q(x0)).
    func difference(_ x1: [Double], _ x0: [Double]) -> [Double] {
        project(primitiveDifference(x1, x0))
    }

    /// Uᵀ v for a primitive-space vector v.
    func project(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: dimension)
        for p in 0..<primitives.count where v[p] != 0 {
            let base = p * dimension
            for d in 0..<dimension { out[d] += basis[base + d] * v[p] }
        }
        return out
    }

    /// B_d = Uᵀ B at `x` (dimension × 3N, row-major).
    func wilson(_ x: [Double]) -> [Double] {
        let m = 3 * atomCount
        var b = [Double](repeating: 0, count: dimension * m)
        for (p, row) in rows(x).enumerated() {
            let base = p * dimension
            for (a, v) in zip(row.atoms, row.vectors) {
                for axis in 0..<3 where v[axis] != 0 {
                    let c = 3 * a + axis
                    let value = v[axis]
                    for d in 0..<dimension { b[d * m + c] += basis[base + d] * value }
                }
            }
        }
        return b
    }

    /// The Cartesian-to-internal map at `x`: M = G⁻ B_d (dimension × 3N), G = B_d B_dᵀ, so that
    /// g_q = M g_x and a small internal displacement Δq moves the atoms by Mᵀ Δq.
    func inverseMap(_ x: [Double]) -> [Double] {
        let m = 3 * atomCount, n = dimension
        let b = wilson(x)
        let g = InternalModelHessian.symmetricProduct(b, b, rows: n, inner: m)
        let eigen = SymmetricEigen(g, n: n)
        let top = eigen.values.last ?? 1
        // M = G⁻ B_d = Σ v (vᵀ B_d) / λ over λ above a relative cutoff.
        var out = [Double](repeating: 0, count: n * m)
        var row = [Double](repeating: 0, count: m)
        eigen.vectors.withUnsafeBufferPointer { vp in
            b.withUnsafeBufferPointer { bp in
                out.withUnsafeMutableBufferPointer { op in
                    row.withUnsafeMutableBufferPointer { rp in
                        for k in 0..<n where eigen.values[k] > 1e-10 * top {
                            let v = k * n
                            for c in 0..<m { rp[c] = 0 }
                            for i in 0..<n {
                                let vi = vp[v + i]
                                if vi == 0 { continue }
                                for c in 0..<m { rp[c] += vi * bp[i * m + c] }
                            }
                            let inv = 1 / eigen.values[k]
                            for i in 0..<n {
                                let vi = vp[v + i] * inv
                                if vi == 0 { continue }
                                for c in 0..<m { op[i * m + c] += vi * rp[c] }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// The internal gradient M g_x.
    static func apply(_ map: [Double], _ v: [Double], rows n: Int) -> [Double] {
        let m = v.count
        return (0..<n).map { i in
            var s = 0.0
            for c in 0..<m { s += map[i * m + c] * v[c] }
            return s
        }
    }

    /// Mᵀ Δq: the Cartesian displacement of a small internal one.
    static func applyTransposed(_ map: [Double], _ dq: [Double], columns m: Int) -> [Double] {
        var out = [Double](repeating: 0, count: m)
        for (i, d) in dq.enumerated() where d != 0 {
            for c in 0..<m { out[c] += map[i * m + c] * d }
        }
        return out
    }

    /// True when the geometry has outgrown these coordinates: the bond graph changed, a bend
    /// became (nearly) linear, or a fragment turned by more than `maxRotation`.
    func rebuildNeeded(_ x: [Double]) -> Bool {
        if graph.changed(numbers: numbers, x: x) { return true }
        for p in primitives {
            switch p {
            case let .bend(i, j, k):
                if PrimitiveGeometry.angleDegrees(x, i, j, k) > Self.rebuildBend { return true }
            case let .torsion(i, j, k, l):
                if PrimitiveGeometry.angleDegrees(x, i, j, k) > Self.rebuildBend
                    || PrimitiveGeometry.angleDegrees(x, j, k, l) > Self.rebuildBend { return true }
            default: continue
            }
        }
        return frames.contains { $0.map { $0.angle(x) > Self.maxRotation } ?? false }
    }
}
