/// The topology guard's verdict on an optimised structure against its start.
public struct TopologyReport: Sendable, Equatable {
    /// intact: same bond graph; rearranged: only metal–ligand bonds changed or pieces joined
    /// (flag it); broken: a proton migrated, a fragment dissociated or a non-metal bond changed
    /// (a different chemistry: exclude it from verdicts).
    public enum Verdict: String, Sendable, Codable {
        case intact, rearranged, broken
    }

    public var verdict: Verdict
    public var changes: [TopologyChange]
    /// One paragraph for people: the verdict and each change.
    public var message: String

    /// True when the result must not enter reaction energies or verdicts.
    public var excludesResult: Bool { verdict == .broken }

    init(changes: [TopologyChange], atomicNumbers: [Int]) {
        self.changes = changes
        if changes.isEmpty {
            verdict = .intact
        } else {
            verdict = changes.contains(where: \.isDisqualifying) ? .broken : .rearranged
        }
        let head: String
        switch verdict {
        case .intact: head = "topology intact: same bond graph as the start"
        case .rearranged: head = "topology rearranged (flagged): " + Self.rearrangements(changes)
        case .broken: head = "topology broken (excluded): a different chemistry from the start"
        }
        let shown = changes.prefix(12).map { "  - " + $0.describe(atomicNumbers) }
        let more = changes.count > 12 ? ["  - … \(changes.count - 12) more changes"] : []
        message = ([head] + shown + more).joined(separator: "\n")
    }

    /// What a rearrangement did, in words: metal bonds changed, pieces joined, or both.
    static func rearrangements(_ changes: [TopologyChange]) -> String {
        var kinds: [String] = []
        if changes.contains(where: \.isMetalBondChange) { kinds.append("metal coordination changed") }
        if changes.contains(where: \.isAssociation) { kinds.append("pieces that were apart are now in contact") }
        return kinds.joined(separator: "; ")
    }
}

extension TopologyChange {
    /// A metal–ligand bond formed or broken.
    var isMetalBondChange: Bool {
        switch self {
        case .metalBondFormed, .metalBondBroken: true
        default: false
        }
    }

    /// Pieces that were apart joined.
    var isAssociation: Bool {
        if case .associated = self { true } else { false }
    }
}
