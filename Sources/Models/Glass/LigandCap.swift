import Structures

/// What closes a terminal ligand's free N so the fragment stays neutral: an H (imidazole,
/// HIm) or a methyl (1-methylimidazole, MeIm, which has no N–H proton to lose). On a ligand
/// variant the cap goes onto that ring: HIm on mIm gives 2-methylimidazole HmIm, MeIm on dcIm
/// gives MedcIm.
public enum LigandCap: String, Sendable, CaseIterable {
    case hIm = "HIm"
    case meIm = "MeIm"

    /// Parses "HIm" / "MeIm" (any case).
    public init?(name: String) {
        guard let cap = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = cap
    }

    static let nitrogenHydrogen = 1.01
    static let nitrogenCarbon = 1.46

    /// The cap atoms on nitrogen `n` whose ring neighbours are `a` and `b` (ring normal
    /// `normal`): heavy atom first, then its H.
    func atoms(n: Vec3, a: Vec3, b: Vec3, normal: Vec3) -> [(z: Int, position: Vec3)] {
        let out = Geo3.unit(n - (a + b) / 2)!
        switch self {
        case .hIm:
            return [(1, n + Self.nitrogenHydrogen * out)]
        case .meIm:
            let c = n + Self.nitrogenCarbon * out
            return [(6, c)] + Methyl.hydrogens(carbon: c, axis: out, normal: normal).map { (1, $0) }
        }
    }
}
