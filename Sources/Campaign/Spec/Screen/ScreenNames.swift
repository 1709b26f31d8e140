/// Names of everything a pairing matrix creates, in one place (reactions and verdicts find each
/// other by these names).
public struct ScreenNames {
    let perovskite: String
    let phase: String

    /// "CsPbI3-alpha-8fu": the bulk-cut fragment of `units` formula units.
    func fragment(units: Int) -> String { "\(perovskite)-\(phase)-\(units)fu" }
    /// "CsPbI3-alpha-bulk": the bulk supercell.
    var bulk: String { "\(perovskite)-\(phase)-bulk" }
    /// "CsPbI3-alpha-nc-2x2x2-gfn2": a molecular nanocrystal block, at one method.
    func nanocrystal(_ label: String, method: String) -> String { "\(perovskite)-\(phase)-nc-\(label)-\(method)" }
    /// "CsPbI3-gamma-nc": what a cell the blocks cannot be cut from is reported as.
    var nanocrystalCell: String { "\(perovskite)-\(phase)-nc" }
    /// The glob matching every nanocrystal block of this phase, at any method.
    var nanocrystalPattern: String { "\(escaped(perovskite))-\(escaped(phase))-nc-*" }

    /// "CsPbI3/ZIF-62".
    static func pairing(_ p: ScreenSpec.Perovskite, _ g: ScreenSpec.Glass) -> String { "\(p.name)/\(g.name)" }

    /// The verdict of one fragment size: "CsPbI3/ZIF-62" when the perovskite has one size,
    /// "CsPbI3/ZIF-62 8fu" per size when it has several.
    static func verdict(_ pairing: String, units: Int, sizes: Int) -> String {
        sizes > 1 ? "\(pairing) \(units)fu" : pairing
    }

    /// The pairing and fragment size a verdict name stands for ("CsPbI3/ZIF-62 8fu" → ("CsPbI3/ZIF-62", 8));
    /// names without a size suffix are their own pairing.
    public static func pairingAndSize(ofVerdict name: String) -> (pairing: String, units: Int?) {
        guard let space = name.lastIndex(of: " "), name.hasSuffix("fu"),
              let units = Int(name[name.index(after: space)...].dropLast(2)) else { return (name, nil) }
        return (String(name[..<space]), units)
    }

    /// "bulk CsPbI3 delta-alpha".
    /// "bulk CsPbI3 delta-gamma": the bulk reaction of one active phase.
    static func bulkReaction(_ p: ScreenSpec.Perovskite, active: ScreenSpec.Phase) -> String {
        "bulk \(p.name) \(p.inactive.name)-\(active.name)"
    }

    /// "interface CsPbI3/ZIF-62 alpha <product>".
    static func reaction(_ pairing: String, phase: String, product: String) -> String {
        "interface \(pairing) \(phase) \(product)"
    }

    /// The glob matching the reactions of one phase of a pairing whose products grew from `fragment`.
    static func reactionPattern(_ pairing: String, phase: String, fragment: String) -> String {
        "interface \(escaped(pairing)) \(escaped(phase)) \(escaped(fragment))_*"
    }

    /// `text` with glob characters bracketed, so it matches itself only.
    private func escaped(_ text: String) -> String { Self.escaped(text) }

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
