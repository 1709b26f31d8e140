import Foundation

extension Lattice {
    /// A cell from lengths (Å) and angles (degrees) in the standard orientation:
    /// a along x, b in the xy plane, c completing a right-handed set.
    ///
    /// Returns nil when the angles do not describe a cell (zero or imaginary volume).
    public init?(a: Double, b: Double, c: Double, alpha: Double, beta: Double, gamma: Double,
                 pbc: [Bool] = [true, true, true]) {
        let (ca, cb, cg) = (Self.cosine(alpha), Self.cosine(beta), Self.cosine(gamma))
        let sg = (1 - cg * cg).squareRoot()
        let cy = (ca - cb * cg) / sg
        let cz2 = 1 - cb * cb - cy * cy
        guard a > 0, b > 0, c > 0, sg > 1e-8, cz2 > 1e-12 else { return nil }
        self.init(vectors: [Vec3(a, 0, 0), Vec3(b * cg, b * sg, 0), Vec3(c * cb, c * cy, c * cz2.squareRoot())],
                  pbc: pbc)
    }

    /// cos of an angle in degrees, exactly 0 for 90° (and ±1, ±½ where they belong).
    static func cosine(_ degrees: Double) -> Double {
        let value = cos(degrees * .pi / 180)
        let exact: [Double] = [0, 0.5, -0.5, 1, -1]
        return exact.first { abs($0 - value) < 1e-12 } ?? value
    }

    /// Cartesian position (Å) of fractional coordinates `f`.
    public func cartesian(fromFractional f: Vec3) -> Vec3 {
        vectors[0] * f.x + vectors[1] * f.y + vectors[2] * f.z
    }

    /// Fractional coordinates of the Cartesian position `r` (Å).
    public func fractional(fromCartesian r: Vec3) -> Vec3 {
        let inv = reciprocalRows
        return Vec3((inv[0] * r).sum(), (inv[1] * r).sum(), (inv[2] * r).sum())
    }

    /// Rows r_i with r_i · a_j = δ_ij (the reciprocal vectors without 2π).
    var reciprocalRows: [Vec3] {
        let (a, b, c) = (vectors[0], vectors[1], vectors[2])
        let volume = (a * cross(b, c)).sum()
        return [cross(b, c) / volume, cross(c, a) / volume, cross(a, b) / volume]
    }

    /// Lengths |a|, |b|, |c| in Å.
    public var lengths: Vec3 {
        Vec3(length(vectors[0]), length(vectors[1]), length(vectors[2]))
    }

    /// Distances between opposite faces of the cell (Å), along a, b, c.
    var faceWidths: Vec3 {
        let r = reciprocalRows
        return Vec3(1 / length(r[0]), 1 / length(r[1]), 1 / length(r[2]))
    }

    /// Shortest vector between `p` and the periodic images of `q` (Å): minimum image over the
    /// nearest 27 translations after reducing the fractional difference; exact for cells
    /// that are not extremely skewed. Non-periodic directions are not translated.
    public func minimumImage(from p: Vec3, to q: Vec3) -> Vec3 {
        var f = fractional(fromCartesian: q - p)
        for i in 0..<3 where pbc[i] { f[i] -= f[i].rounded() }
        let base = cartesian(fromFractional: f)
        var best = base
        for shift in imageShifts {
            let candidate = base + cartesian(fromFractional: shift)
            if length(candidate) < length(best) { best = candidate }
        }
        return best
    }

    /// The fractional translations by −1, 0, +1 along the periodic directions, zero excluded.
    var imageShifts: [Vec3] {
        let range = { (i: Int) in self.pbc[i] ? [-1.0, 0, 1] : [0.0] }
        return range(0).flatMap { i in range(1).flatMap { j in range(2).map { k in Vec3(i, j, k) } } }
            .filter { $0 != .zero }
    }
}

/// Cross product.
func cross(_ u: Vec3, _ v: Vec3) -> Vec3 {
    Vec3(u.y * v.z - u.z * v.y, u.z * v.x - u.x * v.z, u.x * v.y - u.y * v.x)
}

/// Euclidean length.
func length(_ v: Vec3) -> Double { (v * v).sum().squareRoot() }
