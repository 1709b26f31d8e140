/// Names of everything a pairing matrix creates, in one place (reactions and verdicts find each
/// other by these names).
struct ScreenNames {
    let perovskite: String
    let phase: String
    let units: Int

    /// "CsPbI3-alpha-8fu": the bulk-cut fragment.
    var fragment: String { "\(perovskite)-\(phase)-\(units)fu" }
    /// "CsPbI3-alpha-bulk": the bulk supercell.
    var bulk: String { "\(perovskite)-\(phase)-bulk" }

    /// "CsPbI3/ZIF-62".
    static func pairing(_ p: ScreenSpec.Perovskite, _ g: ScreenSpec.Glass) -> String { "\(p.name)/\(g.name)" }

    /// "bulk CsPbI3 delta-alpha".
    static func bulkReaction(_ p: ScreenSpec.Perovskite) -> String {
        "bulk \(p.name) \(p.inactive.name)-\(p.active.name)"
    }

    /// "interface CsPbI3/ZIF-62 alpha <product>".
    static func reaction(_ pairing: String, phase: String, product: String) -> String {
        "interface \(pairing) \(phase) \(product)"
    }

    /// The glob matching every reaction of one phase of a pairing.
    static func reactionPattern(_ pairing: String, phase: String) -> String {
        "interface \(escaped(pairing)) \(escaped(phase)) *"
    }

    /// `text` with glob characters bracketed, so it matches itself only.
    static func escaped(_ text: String) -> String {
        String(text.flatMap { "*?[".contains($0) ? ["[", $0, "]"] : [$0] })
    }
}

/// What one pairing of a matrix expanded into (for `--dry-run` and reports).
public struct PairingSummary: Sendable, Equatable {
    /// "CsPbI3/ZIF-62".
    public var name: String
    public var perovskite: String
    public var glass: String
    /// Exchange products built for each phase (0 when a model could not be built).
    public var activeProducts: Int
    public var inactiveProducts: Int
    /// Candidate products the builder skipped, with its reason (e.g. a clash).
    public var skipped: [String] = []
}
