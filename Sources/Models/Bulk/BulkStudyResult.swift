/// A cell's convergence series, its converged energy per formula unit, and the relaxation.
public struct BulkStudyResult: Sendable, Codable, Equatable {
    /// The input cell's name (file stem).
    public var name: String
    /// Reduced formula, e.g. "CsI3Pb".
    public var formula: String
    public var atomsPerCell: Int
    public var formulaUnitsPerCell: Int
    /// `SupercellSeries.name`.
    public var series: String
    public var thresholdKJPerMol: Double
    public var points: [SeriesPoint]
    /// Index of the point whose change from the previous one is below the threshold.
    public var convergedIndex: Int?
    public var stop: SeriesStop
    public var relaxation: RelaxationSummary?
    /// Why the relaxation asked for did not happen, if it failed.
    public var relaxationFailure: String?

    public var converged: Bool { convergedIndex != nil }

    /// The converged energy per formula unit (Eh); nil when the series did not converge.
    public var energyPerUnit: Double? { convergedIndex.map { points[$0].energyPerUnit } }

    /// The converged value, or else the largest supercell's (Eh): the best estimate there is.
    public var bestEnergyPerUnit: Double? { energyPerUnit ?? points.last?.energyPerUnit }

    /// `bestEnergyPerUnit` plus the relaxation energy per formula unit (Eh). When the relaxation
    /// ran in the series' last supercell (the usual case) this is exactly its relaxed energy per
    /// formula unit; when a smaller supercell was relaxed (`relaxMaxAtoms`), its relaxation energy
    /// is carried over to the larger one.
    public var relaxedEnergyPerUnit: Double? {
        guard let r = relaxation, let best = bestEnergyPerUnit else { return nil }
        return best + (r.relaxedPerUnit - r.unrelaxedPerUnit)
    }

    /// True when the relaxation ran in a smaller supercell than the series' last.
    public var relaxationCarriedOver: Bool {
        guard let r = relaxation, let last = points.last else { return false }
        return r.supercell != last.supercell
    }
}
