import Analysis
import Store

extension PairingPrediction {
    /// The prediction a verdict row makes, with our values of the paper's computed quantities.
    public init(_ verdict: VerdictRecord) {
        self.init(verdict, surfaces: [], slabThreshold: nil)
    }

    /// The same, with L* (in the glass, and bare) from the stored energies per area (VerdictCriticalSizes).
    public init(_ verdict: VerdictRecord, surfaces: [SurfaceEnergyRecord], slabThreshold: Double?) {
        var ours: [String: Double] = [:]
        ours["bulk_\(verdict.inactivePhase)_minus_\(verdict.activePhase)"] = verdict.bulkKJPerUnit
        ours["interface_reaction_energy_\(verdict.activePhase)"] = verdict.activeLowestKJ
        ours["interface_reaction_energy_\(verdict.inactivePhase)"] = verdict.inactiveLowestKJ
        self.init(verdictID: verdict.id ?? 0, campaign: verdict.campaign, name: verdict.name,
                  activePhase: verdict.activePhase, marginKJ: verdict.marginKJ, formulaUnits: verdict.formulaUnits,
                  computedValues: ours, protocolName: verdict.protocolName,
                  uncertaintyKJ: verdict.uncertaintyKJ ?? 0, computedAt: verdict.computedAt,
                  bulkConverged: verdict.bulkConverged, inactivePhase: verdict.inactivePhase)
        let sizes = VerdictCriticalSizes(verdict: verdict, surfaces: surfaces, slabThreshold: slabThreshold)
        criticalSizeUsesBulk = verdict.sizeModel == nil
        criticalSize = sizes.band("interface")
        criticalSizeBare = sizes.band("surface")
    }
}
