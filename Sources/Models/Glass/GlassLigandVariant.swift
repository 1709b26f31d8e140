import Structures

/// The imidazolate the glass is made of: Im (ZIF-4/ZIF-62), 2-methylimidazolate mIm (ZIF-8)
/// or 4,5-dichloroimidazolate dcIm (ZIF-71). The variants are built on the crystal's Im rings
/// (ZIF-4 topology): C2–H becomes C2–CH3, or C4–H and C5–H become C–Cl.
public enum GlassLigandVariant: String, Sendable, CaseIterable {
    case imidazolate = "Im"
    case methylImidazolate = "mIm"
    case dichloroImidazolate = "dcIm"

    /// Parses "Im" / "mIm" / "dcIm" (any case).
    public init?(name: String) {
        guard let v = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = v
    }

    static let carbonMethyl = 1.49
    static let carbonChlorine = 1.71

    /// The atoms that replace ring H: `replaced` are indices into the ring's H list [H2, H4,
    /// H5]; `heavy` the new heavy atoms, `hydrogens` their H. `ring` holds N1, C2, N3, C4, C5,
    /// H2, H4, H5 (positions); `normal` is the ring normal.
    func substituents(ring p: [Vec3], normal: Vec3) -> (replaced: [Int], heavy: [(z: Int, position: Vec3)], hydrogens: [(z: Int, position: Vec3)]) {
        let along = { (c: Int, h: Int) in Geo3.unit(p[h] - p[c])! }
        switch self {
        case .imidazolate:
            return ([], [], [])
        case .methylImidazolate:
            let out = along(1, 5)
            let carbon = p[1] + Self.carbonMethyl * out
            let perpendicular = Geo3.unit(Geo3.perpendicular(normal, to: out)) ?? Geo3.anyPerpendicular(to: out)
            return ([0], [(6, carbon)], Methyl.hydrogens(carbon: carbon, axis: out, normal: perpendicular).map { (1, $0) })
        case .dichloroImidazolate:
            let cl4 = p[3] + Self.carbonChlorine * along(3, 6)
            let cl5 = p[4] + Self.carbonChlorine * along(4, 7)
            return ([1, 2], [(17, cl4), (17, cl5)], [])
        }
    }
}
