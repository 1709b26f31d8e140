/// Which of a cell's three face families (bc, ca, ab) share one surface energy: those whose cell
/// faces have the same area (all three for a cubic cell, none for δ-CsPbI3's orthorhombic one).
/// Without face areas every block is one group (an isotropic γ over the whole box).
public struct FaceGroups: Sendable, Equatable {
    /// Group index of each face family (three entries), or [0, 0, 0].
    public let groupOf: [Int]

    public var count: Int { (groupOf.max() ?? 0) + 1 }

    /// Equal within 1e-6 relative, judged on the first point that has face areas.
    public init(_ points: [NanocrystalEnergy]) {
        guard points.allSatisfy({ $0.cellFaceAreas != nil }), let cell = points.first?.cellFaceAreas else {
            groupOf = [0, 0, 0]
            return
        }
        var representatives: [Double] = []
        groupOf = cell.map { area in
            if let k = representatives.firstIndex(where: { abs($0 - area) <= 1e-6 * max($0, area) }) { return k }
            representatives.append(area)
            return representatives.count - 1
        }
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
