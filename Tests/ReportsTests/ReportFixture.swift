import Foundation
@testable import Store

/// Records for report tests, with the verdict's numbers computed here from their definitions.
enum ReportFixture {
    static func reaction(_ id: Int64, _ name: String, _ kj: Double, normalized: Double? = nil) -> ReactionRecord {
        var r = ReactionRecord(campaign: "c<&>", name: name, status: .done, energyKJMol: kj, normalizedKJMol: normalized,
                               species: [])
        r.id = id
        return r
    }

    static func reactions() -> [ReactionRecord] {
        [reaction(1, "bulk", -36, normalized: -18), reaction(2, "iface alpha o0", -100), reaction(3, "iface alpha o1", -90),
         reaction(4, "iface delta o0", -80)]
    }

    /// At 300 K the active ensemble (−100, −90) averages Σ E·e^(−(E−Emin)/RT) / Σ e^(−(E−Emin)/RT).
    static func verdict() -> VerdictRecord {
        let rt = 8.314462618e-3 * 300
        let w = exp(-10 / rt)
        let activeAverage = (-100 + -90 * w) / (1 + w)
        var v = VerdictRecord(campaign: "c<&>", name: "frozen \"framework\"", activePhase: "alpha", inactivePhase: "delta",
                              formulaUnits: 8, temperature: 300, verdict: "interface stabilises alpha")
        v.id = 5
        v.reactionIDs = [1, 2, 3, 4]
        v.roles = VerdictRoles(bulk: 1, active: [2, 3], inactive: [4])
        v.protocolName = "frozen \"framework\""
        v.bulkKJPerUnit = -18
        v.activeLowestKJ = -100
        v.activeBoltzmannKJ = activeAverage
        v.inactiveLowestKJ = -80
        v.inactiveBoltzmannKJ = -80
        v.bulkPreferenceKJ = 144
        v.ddEBoltzmannKJ = -80 - activeAverage
        v.ddELowestKJ = 20
        v.marginKJ = v.ddEBoltzmannKJ! - 144
        return v
    }
}
