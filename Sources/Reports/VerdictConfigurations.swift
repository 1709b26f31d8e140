import Analysis
import Store

/// A verdict's reaction rows split into bulk, active and inactive configurations.
///
/// The verdict stores the ids in that order without the split points; the split is recovered as
/// the one whose ensembles reproduce the verdict's stored lowest and Boltzmann energies.
struct VerdictConfigurations {
    var bulk: ReactionRecord?
    var active: [ReactionRecord]
    var inactive: [ReactionRecord]

    /// nil when no split reproduces the stored energies (or a row is missing).
    init?(_ verdict: VerdictRecord, reactions: [ReactionRecord]) {
        let byID = Dictionary(reactions.compactMap { r in r.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        let rows = verdict.reactionIDs.compactMap { byID[$0] }
        guard rows.count == verdict.reactionIDs.count else { return nil }
        for bulkCount in Self.bulkCounts(verdict, rows) {
            let rest = Array(rows.dropFirst(bulkCount))
            for cut in 0...rest.count {
                let active = Array(rest[..<cut]), inactive = Array(rest[cut...])
                if Self.reproduces(verdict, active, inactive) {
                    self.bulk = bulkCount == 1 ? rows[0] : nil
                    self.active = active
                    self.inactive = inactive
                    return
                }
            }
        }
        return nil
    }

    /// Whether the first row can be the bulk reaction: try with it first when the verdict has a bulk value.
    static func bulkCounts(_ verdict: VerdictRecord, _ rows: [ReactionRecord]) -> [Int] {
        guard let first = rows.first else { return [0] }
        if let perUnit = verdict.bulkKJPerUnit { return first.normalizedKJMol == perUnit ? [1] : [] }
        return first.status == "done" ? [0, 1] : [1]
    }

    static func reproduces(_ v: VerdictRecord, _ active: [ReactionRecord], _ inactive: [ReactionRecord]) -> Bool {
        let a = ensemble(active), i = ensemble(inactive)
        return same(a.lowest?.kJMol, v.activeLowestKJ) && same(i.lowest?.kJMol, v.inactiveLowestKJ)
            && same(a.boltzmannAverage(kelvin: v.temperature), v.activeBoltzmannKJ)
            && same(i.boltzmannAverage(kelvin: v.temperature), v.inactiveBoltzmannKJ)
    }

    static func ensemble(_ rows: [ReactionRecord]) -> ConfigurationEnsemble {
        ConfigurationEnsemble(energies: rows.compactMap { r in r.energyKJMol.map { (r.name, $0) } })
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(y))
        default: false
        }
    }
}
