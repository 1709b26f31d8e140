import ArgumentParser
import Campaign
import Foundation
import Store

/// `interscreen verdict`: the phase-stabilisation verdicts stored by `run`, as a table or JSON.
struct VerdictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdict",
        abstract: "Print the phase-stabilisation verdicts (bulk preference, interface ΔΔE, margin) from the database."
    )

    @Option(help: "Results database (SQLite).")
    var db: String = "interscreen.sqlite"

    @Option(help: "Only this campaign.")
    var campaign: String?

    @Flag(help: "Print JSON (one object per protocol, in a list).")
    var json = false

    func run() throws {
        let store = try OpenedDatabase.open(db, .read)
        let verdicts = try store.verdicts(campaign: campaign)
        guard !verdicts.isEmpty else { throw CommandFailure.data("no verdicts in \(db): the spec needs [[verdicts]]") }
        if json {
            let surfaces = try store.surfaceEnergies()
            let objects = verdicts.map { Self.object($0).merging(VerdictCriticalSize.fields(for: $0, surfaces: surfaces)) { a, _ in a } }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
            printFlushed(String(decoding: data, as: UTF8.self))
        } else {
            try VerdictTable(store: store, campaign: campaign).print()
            if verdicts.count > 1 { PairingRanking(verdicts: verdicts).print() }
        }
    }

    static func object(_ v: VerdictRecord) -> [String: Any] {
        func value(_ x: Double?) -> Any { x.map { $0 as Any } ?? NSNull() }
        return [
            "campaign": v.campaign, "name": v.name, "protocol": v.protocolName ?? v.name,
            "pairing": ScreenNames.pairingAndSize(ofVerdict: v.name).pairing, "active_phase": v.activePhase, "inactive_phase": v.inactivePhase,
            // E(inactive) − E(active) per formula unit; the first key is the older name (it says δ − α for any pair).
            "bulk_delta_minus_alpha_kj_per_unit": value(v.bulkKJPerUnit),
            "bulk_inactive_minus_active_kj_per_unit": value(v.bulkKJPerUnit),
            "reaction_energy_kj": [
                v.activePhase: ["lowest": value(v.activeLowestKJ), "boltzmann": value(v.activeBoltzmannKJ)],
                v.inactivePhase: ["lowest": value(v.inactiveLowestKJ), "boltzmann": value(v.inactiveBoltzmannKJ)],
            ],
            "ddE_interface_kj": value(v.ddEBoltzmannKJ), "ddE_interface_lowest_kj": value(v.ddELowestKJ),
            "bulk_preference_kj": value(v.bulkPreferenceKJ), "margin_kj": value(v.marginKJ),
            "uncertainty_kj": value(v.uncertaintyKJ), "spread_known": v.spreadKnown,
            "bulk_converged": v.bulkConverged.map { $0 as Any } ?? NSNull(), "bulk_convergence": v.bulkConvergenceText,
            "formula_units": v.formulaUnits, "temperature_k": v.temperature,
            "margin_kj_per_unit": value(v.marginKJ.map { $0 / max(v.formulaUnits, 1) }),
            "verdict": v.verdict, "reaction_ids": v.reactionIDs,
            "reaction_roles": v.roles.map { ["bulk": $0.bulk.map { $0 as Any } ?? NSNull(), "active": $0.active,
                                             "inactive": $0.inactive] as [String: Any] } ?? NSNull(), "excluded": v.excluded, "verdict_id": v.id ?? 0,
        ]
    }
}
