import Structures

/// RMSD of two structures after optimal superposition, with atoms of each element matched
/// (permutation-invariant): principal-axis starts, then alternating Hungarian matching per
/// element and Kabsch superposition until the matching no longer changes.
public enum AlignedRMSD {
    /// The lowest RMSD (Å) found, nil when the compositions differ. With `allowReflection`
    /// mirror images count as equal (their xTB energies are identical).
    public static func rmsd(_ a: Structure, _ b: Structure, allowReflection: Bool = true) -> Double? {
        guard a.count == b.count, a.atomicNumbers.sorted() == b.atomicNumbers.sorted(), a.count > 0 else {
            return nil
        }
        let pa = centred(a.positions)
        let pb = centred(b.positions)
        let groups = elementGroups(a.atomicNumbers, b.atomicNumbers)
        var best = Double.infinity
        for start in startingRotations(pa, pb, allowReflection: allowReflection) {
            best = min(best, refine(pa, pb, groups: groups, start: start, allowReflection: allowReflection))
            if best < 1e-8 { break }
        }
        return best
    }

    /// A cheap lower bound on `rmsd` (Å), nil when the compositions differ: about the centroid a
    /// rotation or reflection keeps each atom's distance d to it, and |r − R r′| ≥ |d − d′|, so
    /// N·RMSD² ≥ Σ (d − d′)² for the best element-preserving pairing, which for these 1-D values
    /// pairs the sorted distances of each element. Two structures whose bound reaches a threshold
    /// cannot be closer than it, whatever the superposition.
    public static func lowerBound(_ a: Structure, _ b: Structure) -> Double? {
        guard a.count == b.count, a.atomicNumbers.sorted() == b.atomicNumbers.sorted(), a.count > 0 else {
            return nil
        }
        let da = centred(a.positions).map(Geo3.norm), db = centred(b.positions).map(Geo3.norm)
        var sum = 0.0
        for group in elementGroups(a.atomicNumbers, b.atomicNumbers) {
            let x = group.a.map { da[$0] }.sorted(), y = group.b.map { db[$0] }.sorted()
            sum += zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        return (sum / Double(a.count)).squareRoot()
    }

    static func centred(_ p: [Vec3]) -> [Vec3] {
        let c = Geo3.centroid(p)
        return p.map { $0 - c }
    }

    /// For each element, the atom indices in a and in b.
    static func elementGroups(_ za: [Int], _ zb: [Int]) -> [(a: [Int], b: [Int])] {
        Set(za).sorted().map { z in (za.indices.filter { za[$0] == z }, zb.indices.filter { zb[$0] == z }) }
    }

    /// Alternates matching and superposition from `start` (applied to b); returns the RMSD.
    static func refine(_ pa: [Vec3], _ pb: [Vec3], groups: [(a: [Int], b: [Int])], start: RigidRotation,
                       allowReflection: Bool) -> Double {
        var rotation = start
        var previous: [Int] = []
        var rmsd = Double.infinity
        for _ in 0..<12 {
            let moved = pb.map { rotation.apply($0) }
            let match = matching(pa, moved, groups: groups)
            let mobile = match.map { pb[$0] }
            rotation = Kabsch.bestRotation(mobile: mobile, target: pa, allowReflection: allowReflection)
            rmsd = (Kabsch.sumOfSquares(rotation, mobile, pa) / Double(pa.count)).squareRoot()
            if match == previous { break }
            previous = match
        }
        return rmsd
    }

    /// match[i] = the atom of b paired with atom i of a (same element, least squared distance).
    static func matching(_ pa: [Vec3], _ pb: [Vec3], groups: [(a: [Int], b: [Int])]) -> [Int] {
        var match = [Int](repeating: 0, count: pa.count)
        for group in groups {
            let cost = group.a.map { i in group.b.map { j in
                let d = pa[i] - pb[j]
                return Geo3.dot(d, d)
            } }
            for (row, column) in Hungarian.assign(cost).enumerated() { match[group.a[row]] = group.b[column] }
        }
        return match
    }

    /// Identity plus every sign choice mapping b's principal axes onto a's; around a's axes
    /// also every 30° when the gyration tensor is nearly degenerate (symmetric tops).
    static func startingRotations(_ pa: [Vec3], _ pb: [Vec3], allowReflection: Bool) -> [RigidRotation] {
        let (valuesA, axesA) = principalAxes(pa)
        let (_, axesB) = principalAxes(pb)
        var starts: [RigidRotation] = [.identity]
        for signs in signChoices {
            let ea = RigidRotation(columns: axesA[0] * signs.x, axesA[1] * signs.y, axesA[2] * signs.z)
            let eb = RigidRotation(columns: axesB[0], axesB[1], axesB[2])
            let r = ea * eb.transposed
            if allowReflection || r.determinant > 0 { starts.append(r) }
        }
        guard isDegenerate(valuesA) else { return starts }
        let spins = axesA.flatMap { axis in (1..<12).map { RigidRotation(axis: axis, angle: Double($0) * .pi / 6) } }
        return starts + spins.flatMap { spin in starts.map { spin * $0 } }
    }

    static let signChoices: [Vec3] = [-1.0, 1].flatMap { x in [-1.0, 1].flatMap { y in [-1.0, 1].map { Vec3(x, y, $0) } } }

    /// Eigenvalues (ascending) and unit eigenvectors of the gyration tensor of centred points.
    static func principalAxes(_ p: [Vec3]) -> ([Double], [Vec3]) {
        var g = [[Double]](repeating: [0, 0, 0], count: 3)
        for r in p { for i in 0..<3 { for j in 0..<3 { g[i][j] += r[i] * r[j] } } }
        let (values, vectors) = JacobiEigen.decompose(g)
        return (values, vectors.map { Vec3($0[0], $0[1], $0[2]) })
    }

    static func isDegenerate(_ values: [Double]) -> Bool {
        let scale = max(values.map(abs).max() ?? 0, 1e-12)
        return zip(values, values.dropFirst()).contains { abs($1 - $0) / scale < 1e-3 }
    }
}
