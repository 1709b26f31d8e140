import Analysis
import Store

extension PairingPrediction {
    /// The prediction a verdict row makes, with our values of the paper's computed quantities.
    public init(_ verdict: VerdictRecord) {
        var ours: [String: Double] = [:]
        ours["bulk_\(verdict.inactivePhase)_minus_\(verdict.activePhase)"] = verdict.bulkKJPerUnit
        ours["interface_reaction_energy_\(verdict.activePhase)"] = verdict.activeLowestKJ
        ours["interface_reaction_energy_\(verdict.inactivePhase)"] = verdict.inactiveLowestKJ
        self.init(verdictID: verdict.id ?? 0, campaign: verdict.campaign, name: verdict.name,
                  activePhase: verdict.activePhase, marginKJ: verdict.marginKJ, formulaUnits: verdict.formulaUnits,
                  computedValues: ours, protocolName: verdict.protocolName,
                  uncertaintyKJ: verdict.uncertaintyKJ ?? 0, computedAt: verdict.computedAt,
                  bulkConverged: verdict.bulkConverged)
    }
}
