import Structures

/// One difference between the bond graph of a start structure and of its optimised end
/// (atom indices 0-based, as in the structures).
public enum TopologyChange: Sendable, Hashable {
    /// An H is bonded to a different atom (nil: to none).
    case protonMigrated(hydrogen: Int, from: Int?, to: Int?)
    /// More fragments (connected components) than at the start; the new pieces' atoms.
    case dissociated(fragmentsBefore: Int, fragmentsAfter: Int, detached: [[Int]])
    /// Fewer fragments than at the start (pieces that were apart are now bonded), and the new
    /// contacts that join them: a reviewer tells a Cs⁺ touching a ring from a new coordination bond.
    case associated(fragmentsBefore: Int, fragmentsAfter: Int, joinedBy: [BondGraph.Bond])
    /// A bond to a metal (not an alkali/alkaline-earth spectator) appeared.
    case metalBondFormed(metal: Int, partner: Int)
    /// A bond to a metal (not an alkali/alkaline-earth spectator) disappeared.
    case metalBondBroken(metal: Int, partner: Int)
    /// A bond between two non-metals (neither an H that migrated) appeared.
    case covalentBondFormed(Int, Int)
    /// A bond between two non-metals disappeared (a ring opened, a ligand fell apart).
    case covalentBondBroken(Int, Int)

    /// Whether the change makes the result a different chemistry (excluded from verdicts):
    /// proton migration, dissociation and broken/formed non-metal bonds. Metal–ligand bond
    /// changes and association only flag the result.
    public var isDisqualifying: Bool {
        switch self {
        case .protonMigrated, .dissociated, .covalentBondFormed, .covalentBondBroken: true
        case .associated, .metalBondFormed, .metalBondBroken: false
        }
    }

    /// One line for people, atoms 1-based with their element ("H 23").
    public func describe(_ z: [Int]) -> String {
        let name = { (i: Int) in "\(Element.symbol(z[i]) ?? "?") \(i + 1)" }
        switch self {
        case let .protonMigrated(h, from, to):
            return "proton migrated: \(name(h)) moved from \(from.map(name) ?? "nothing") to \(to.map(name) ?? "nothing")"
        case let .dissociated(before, after, detached):
            let pieces = detached.map { "\(TopologyChange.formula($0, z)) (atoms \(TopologyChange.ranges($0)))" }
            return "dissociated: \(before) → \(after) fragments; detached \(pieces.joined(separator: ", "))"
        case let .associated(before, after, joins):
            let shown = joins.prefix(Self.joinsShown).map { "\(name($0.i))–\(name($0.j))" }
            let more = joins.count > Self.joinsShown ? " and \(joins.count - Self.joinsShown) more" : ""
            return "associated: \(before) → \(after) fragments"
                + (shown.isEmpty ? "" : ", joined by \(shown.joined(separator: ", "))\(more)")
        case let .metalBondFormed(m, p): return "new metal bond \(name(m))–\(name(p))"
        case let .metalBondBroken(m, p): return "broken metal bond \(name(m))–\(name(p))"
        case let .covalentBondFormed(i, j): return "new bond \(name(i))–\(name(j))"
        case let .covalentBondBroken(i, j): return "broken bond \(name(i))–\(name(j))"
        }
    }

    /// How many joining contacts an association's line names.
    static let joinsShown = 4

    static func formula(_ atoms: [Int], _ z: [Int]) -> String {
        Structure(name: "", atomicNumbers: atoms.map { z[$0] }, positions: atoms.map { _ in .zero }).formula
    }

    /// "1-9, 12" for 0-based [0…8, 11].
    static func ranges(_ atoms: [Int]) -> String {
        var parts: [String] = []
        var start = atoms.first ?? 0
        var last = start
        for a in atoms.dropFirst() + [Int.max] {
            if a == last + 1 { last = a; continue }
            parts.append(start == last ? "\(start + 1)" : "\(start + 1)-\(last + 1)")
            (start, last) = (a, a)
        }
        return atoms.isEmpty ? "" : parts.joined(separator: ", ")
    }
}
