/// Which of a cell's three face families (bc, ca, ab) share one surface energy: all three when
/// their cell faces have the same area (a cubic cell: its faces are one family by symmetry), else
/// each family its own. Two equal areas alone do not make two families equivalent: γ-CsPbI3 on its
/// pseudo-cubic cell has |A| = |C|, yet its 1×1×2 and 2×1×1 blocks differ by 20 kJ/mol (GFN2),
/// since the two faces a block of whole cells exposes are different terminations; one shared γ left
/// a 6.9 kJ/mol residual there, three separate ones 2.7 (docs/surfaces.md §8).
/// Without face areas every block is one group (an isotropic γ over the whole box).
public struct FaceGroups: Sendable, Equatable {
    /// Group index of each face family (three entries), or [0, 0, 0].
    public let groupOf: [Int]

    public var count: Int { (groupOf.max() ?? 0) + 1 }

    /// One group when all three cell faces are equal within 1e-6 relative (judged on the first
    /// point), else three.
    public init(_ points: [NanocrystalEnergy]) {
        guard points.allSatisfy({ $0.cellFaceAreas != nil }), let cell = points.first?.cellFaceAreas else {
            groupOf = [0, 0, 0]
            return
        }
        let equal = { (x: Double, y: Double) in abs(x - y) <= 1e-6 * max(x, y) }
        groupOf = equal(cell[0], cell[1]) && equal(cell[1], cell[2]) ? [0, 0, 0] : [0, 1, 2]
    }

    /// A point's area in each group, Å² (the whole box area when there is one group).
    func areas(_ point: NanocrystalEnergy) -> [Double] {
        guard count > 1, let faces = point.faceAreasA2 else { return [point.boxAreaA2] }
        return (0..<count).map { g in (0..<3).filter { groupOf[$0] == g }.reduce(0) { $0 + faces[$1] } }
    }

    /// The families of each group, e.g. ["bc+ab", "ca"] (["bc+ca+ab"] for a cubic cell).
    public var labels: [String] {
        let families = ["bc", "ca", "ab"]
        return (0..<count).map { g in (0..<3).filter { groupOf[$0] == g }.map { families[$0] }.joined(separator: "+") }
    }

    /// Faces of each group among the three families.
    var multiplicities: [Int] { (0..<count).map { g in groupOf.filter { $0 == g }.count } }
}
