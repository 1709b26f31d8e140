/// One ligand of a glass fragment: its kind, its atoms and the Zn it binds.
public struct GlassLigand: Sendable, Equatable {
    /// Im, bIm, mIm and dcIm are anionic (bridging or terminal); the capped ones are neutral.
    public enum Kind: String, Sendable, CaseIterable {
        case imidazolate = "Im"
        case benzimidazolate = "bIm"
        case imidazole = "HIm"
        case benzimidazole = "HbIm"
        case methylimidazole = "MeIm"
        case methylbenzimidazole = "MebIm"
        /// 2-methylimidazolate (ZIF-8), its N–H and N-methyl caps (1,2-dimethylimidazole).
        case twoMethylImidazolate = "mIm"
        case twoMethylImidazole = "HmIm"
        case dimethylImidazole = "MemIm"
        /// 4,5-dichloroimidazolate (ZIF-71), its N–H and N-methyl caps.
        case dichloroImidazolate = "dcIm"
        case dichloroImidazole = "HdcIm"
        case methylDichloroImidazole = "MedcIm"

        public var isAnionic: Bool {
            [.imidazolate, .benzimidazolate, .twoMethylImidazolate, .dichloroImidazolate].contains(self)
        }

        /// Whether the neutral ligand carries an N–H (the HIm-type caps); tells HmIm from MeIm,
        /// which share the formula C4H6N2.
        public var hasNitrogenHydrogen: Bool { [.imidazole, .benzimidazole, .twoMethylImidazole, .dichloroImidazole].contains(self) }

        /// The composition of the free ligand (Hill order), used to recognise it in a file.
        public var formula: String {
            switch self {
            case .imidazolate: "C3H3N2"
            case .benzimidazolate: "C7H5N2"
            case .imidazole: "C3H4N2"
            case .benzimidazole: "C7H6N2"
            case .methylimidazole: "C4H6N2"
            case .methylbenzimidazole: "C8H8N2"
            case .twoMethylImidazolate: "C4H5N2"
            case .twoMethylImidazole: "C4H6N2"
            case .dimethylImidazole: "C5H8N2"
            case .dichloroImidazolate: "C3HCl2N2"
            case .dichloroImidazole: "C3H2Cl2N2"
            case .methylDichloroImidazole: "C4H4Cl2N2"
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
