/// A Hamiltonian the engine can evaluate, spelled as xtb spells `--gfn`.
public enum Method: String, Sendable, Codable, CaseIterable, Hashable {
    case gfn2 = "gfn2"
    case gfn1 = "gfn1"
    case gfn0 = "gfn0"
    case gfnff = "gfnff"

    /// Parses xtb's `--gfn` argument: "2", "1", "0", "ff" (or the full names).
    public init?(gfnArgument: String) {
        switch gfnArgument.lowercased() {
        case "2", "gfn2", "gfn2-xtb": self = .gfn2
        case "1", "gfn1", "gfn1-xtb": self = .gfn1
        case "0", "gfn0", "gfn0-xtb": self = .gfn0
        case "ff", "gfnff", "gfn-ff": self = .gfnff
        default: return nil
        }
    }

    /// Display name, e.g. "GFN2-xTB".
    public var displayName: String {
        switch self {
        case .gfn2: "GFN2-xTB"
        case .gfn1: "GFN1-xTB"
        case .gfn0: "GFN0-xTB"
        case .gfnff: "GFN-FF"
        }
    }

    /// True for the self-consistent tight-binding methods (they have SCC iterations).
    public var isSelfConsistent: Bool { self == .gfn2 || self == .gfn1 }
}
