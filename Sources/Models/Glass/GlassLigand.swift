/// One ligand of a glass fragment: its kind, its atoms and the Zn it binds.
public struct GlassLigand: Sendable, Equatable {
    /// Im and bIm are anionic (bridging or terminal); the capped ones are neutral.
    public enum Kind: String, Sendable, CaseIterable {
        case imidazolate = "Im"
        case benzimidazolate = "bIm"
        case imidazole = "HIm"
        case benzimidazole = "HbIm"
        case methylimidazole = "MeIm"
        case methylbenzimidazole = "MebIm"

        public var isAnionic: Bool { self == .imidazolate || self == .benzimidazolate }

        /// The composition of the free ligand (Hill order), used to recognise it in a file.
        public var formula: String {
            switch self {
            case .imidazolate: "C3H3N2"
            case .benzimidazolate: "C7H5N2"
            case .imidazole: "C3H4N2"
            case .benzimidazole: "C7H6N2"
            case .methylimidazole: "C4H6N2"
            case .methylbenzimidazole: "C8H8N2"
            }
        }
    }

    public var kind: Kind
    /// 0-based atom indices in the fragment, in output order (N1, C2, N3, … then H).
    public var atoms: [Int]
    /// 0-based indices of the Zn it binds (two for a bridge).
    public var zincs: [Int]
    /// 0-based indices of its N bound to those Zn, in the same order.
    public var boundNitrogens: [Int]

    public init(kind: Kind, atoms: [Int], zincs: [Int], boundNitrogens: [Int]) {
        self.kind = kind
        self.atoms = atoms
        self.zincs = zincs
        self.boundNitrogens = boundNitrogens
    }

    public var isBridging: Bool { zincs.count > 1 }

    /// An anionic ligand on one Zn: what a ligand exchange can move to the perovskite.
    public var isExchangeable: Bool { kind.isAnionic && zincs.count == 1 }
}
