import Foundation

/// One primitive coordinate of a TRIC system: Bohr for lengths and positions, radians for angles,
/// rotations as exponential-map vectors scaled by the fragment's radius of gyration (Bohr).
enum Primitive: Hashable, Sendable {
    case stretch(Int, Int)
    case bend(Int, Int, Int)
    case torsion(Int, Int, Int, Int)
    /// Centroid of fragment `fragment` along `axis`.
    case translation(fragment: Int, axis: Int)
    /// Component `axis` of fragment `fragment`'s rotation vector.
    case rotation(fragment: Int, axis: Int)
    /// One Cartesian coordinate of one atom (the fallback where the other primitives lack rank).
    case cartesian(atom: Int, axis: Int)

    /// Torsions wrap around ±π; their differences are taken modulo 2π.
    var isPeriodic: Bool {
        if case .torsion = self { return true }
        return false
    }
}

/// One sparse row of the Wilson B matrix: ∂q/∂x of the atoms the coordinate depends on.
struct WilsonRow {
    var atoms: [Int]
    var vectors: [SIMD3<Double>]
}

/// Values and Wilson B rows of the bond, bend and torsion primitives (Bohr, radians).
enum PrimitiveGeometry {
    @inline(__always) static func position(_ x: [Double], _ i: Int) -> SIMD3<Double> {
        SIMD3(x[3 * i], x[3 * i + 1], x[3 * i + 2])
    }

    @inline(__always) static func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }
    @inline(__always) static func length(_ a: SIMD3<Double>) -> Double { dot(a, a).squareRoot() }
    @inline(__always) static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    static func stretch(_ x: [Double], _ i: Int, _ j: Int) -> (Double, WilsonRow) {
        let d = position(x, i) - position(x, j)
        let r = length(d)
        let e = d / max(r, 1e-12)
        return (r, WilsonRow(atoms: [i, j], vectors: [e, -e]))
    }

    /// The angle i-j-k at j; its B row degenerates (is cut off) within ~0.06° of 180°.
    static func bend(_ x: [Double], _ i: Int, _ j: Int, _ k: Int) -> (Double, WilsonRow) {
        let u = position(x, i) - position(x, j), v = position(x, k) - position(x, j)
        let lu = max(length(u), 1e-12), lv = max(length(v), 1e-12)
        let eu = u / lu, ev = v / lv
        let c = max(-1, min(1, dot(eu, ev)))
        let s = max((1 - c * c).squareRoot(), 1e-6)
        let bi = (c * eu - ev) / (lu * s)
        let bk = (c * ev - eu) / (lv * s)
        return (acos(c), WilsonRow(atoms: [i, j, k], vectors: [bi, -(bi + bk), bk]))
    }

    /// The dihedral i-j-k-l (Blondel & Karplus, J. Comput. Chem. 17, 1132 (1996)).
    static func torsion(_ x: [Double], _ i: Int, _ j: Int, _ k: Int, _ l: Int) -> (Double, WilsonRow) {
        let f = position(x, i) - position(x, j)
        let g = position(x, j) - position(x, k)
        let h = position(x, l) - position(x, k)
        let a = cross(f, g), b = cross(h, g)
        let a2 = max(dot(a, a), 1e-20), b2 = max(dot(b, b), 1e-20)
        let lg = max(length(g), 1e-12)
        let value = atan2(dot(cross(b, a), g) / lg, dot(a, b))
        let fg = dot(f, g), hg = dot(h, g)
        let di = -lg / a2 * a
        let dl = lg / b2 * b
        let dj = lg / a2 * a + fg / (a2 * lg) * a - hg / (b2 * lg) * b
        let dk = -lg / b2 * b - fg / (a2 * lg) * a + hg / (b2 * lg) * b
        return (value, WilsonRow(atoms: [i, j, k, l], vectors: [di, dj, dk, dl]))
    }

    /// The angle i-j-k in degrees (for choosing primitives).
    static func angleDegrees(_ x: [Double], _ i: Int, _ j: Int, _ k: Int) -> Double {
        bend(x, i, j, k).0 * 180 / .pi
    }
}
