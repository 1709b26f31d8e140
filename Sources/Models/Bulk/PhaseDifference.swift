import Structures

/// The energy of one bulk phase relative to another of the same composition, per formula unit.
public struct PhaseDifference: Sendable, Codable, Equatable {
    /// The reference phase (subtracted) and the other phase.
    public var reference: String
    public var phase: String
    /// Reduced formula both share.
    public var formula: String
    /// E(phase) − E(reference) per formula unit, kJ/mol, from the converged values (or, when a
    /// series did not converge, its largest supercell: see `bothConverged`).
    public var unrelaxedKJPerMol: Double
    public var bothConverged: Bool
    /// The same after positions-only relaxation (`BulkStudyResult.relaxedEnergyPerUnit`), when
    /// both phases were relaxed.
    public var relaxedKJPerMol: Double?
    public var bothRelaxationsConverged: Bool?

    /// `phase` − `reference`; nil when their compositions differ or either has no energy.
    public static func between(reference: BulkStudyResult, phase: BulkStudyResult) -> PhaseDifference? {
        guard reference.formula == phase.formula, let e0 = reference.bestEnergyPerUnit,
              let e1 = phase.bestEnergyPerUnit else { return nil }
        var difference = PhaseDifference(
            reference: reference.name, phase: phase.name, formula: phase.formula,
            unrelaxedKJPerMol: (e1 - e0) * Units.kJPerMolPerHartree,
            bothConverged: reference.converged && phase.converged, relaxedKJPerMol: nil,
            bothRelaxationsConverged: nil)
        if let r0 = reference.relaxation, let r1 = phase.relaxation, let e0 = reference.relaxedEnergyPerUnit,
           let e1 = phase.relaxedEnergyPerUnit {
            difference.relaxedKJPerMol = (e1 - e0) * Units.kJPerMolPerHartree
            difference.bothRelaxationsConverged = r0.converged && r1.converged
        }
        return difference
    }

    /// Every pair (i < j) of `results` with the same composition: results[j] − results[i].
    public static func allPairs(_ results: [BulkStudyResult]) -> [PhaseDifference] {
        results.indices.flatMap { i in
            results.indices.filter { $0 > i }.compactMap { j in between(reference: results[i], phase: results[j]) }
        }
    }
}
