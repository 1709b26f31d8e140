import Foundation

/// One prediction per pairing, protocol and active phase: the stated rule for duplicates.
///
/// Rule: among verdict rows of the same pairing key (PairingMatcher.key), protocol and active phase
/// (α and γ verdicts of one pairing are both kept and both reported) (e.g. the
/// same pairing stored by two campaigns, or one per fragment size), keep a complete one (with a
/// margin) over an incomplete one, then the largest fragment (closest to a particle), then the
/// latest formed (`computedAt`), then the larger row id.
/// `compare --campaign NAME` narrows the rows to one campaign before the rule applies.
public struct PredictionSelection: Sendable {
    public static let rule = "one prediction per pairing, protocol and active phase: a complete verdict (with a margin), of the "
        + "largest fragment, latest formed, then larger row id; --campaign NAME limits to one campaign"

    public var kept: [PairingPrediction]
    /// Rows set aside, each with the row kept in its place.
    public var setAside: [(prediction: PairingPrediction, keptID: Int64)]

    public init(_ all: [PairingPrediction]) {
        var groups: [String: [PairingPrediction]] = [:]
        var order: [String] = []
        for p in all {
            let key = "\(PairingMatcher.key(p.pairing))|\(PairingMatcher.key(p.protocolName))|\(PairingMatcher.key(p.activePhase))"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(p)
        }
        kept = []
        setAside = []
        for key in order {
            let rows = groups[key] ?? []
            guard let best = rows.max(by: Self.earlier) else { continue }
            kept.append(best)
            setAside += rows.filter { $0.verdictID != best.verdictID }.map { ($0, best.verdictID) }
        }
        kept.sort { $0.verdictID < $1.verdictID }
    }

    /// Orders by (complete, formula units, computedAt, id): the maximum is the one kept.
    static func earlier(_ a: PairingPrediction, _ b: PairingPrediction) -> Bool {
        let ca = a.marginKJ != nil, cb = b.marginKJ != nil
        if ca != cb { return !ca }
        if a.formulaUnits != b.formulaUnits { return a.formulaUnits < b.formulaUnits }
        if a.computedAt != b.computedAt { return a.computedAt < b.computedAt }
        return a.verdictID < b.verdictID
    }
}
