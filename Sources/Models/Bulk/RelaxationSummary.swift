import Structures

/// The positions-only relaxation at the end of a series, per formula unit.
public struct RelaxationSummary: Sendable, Codable, Equatable {
    /// The supercell that was relaxed.
    public var supercell: SupercellMatrix
    public var atoms: Int
    public var formulaUnits: Int
    /// What was relaxed, in words (`PositionRelaxation.description`).
    public var relaxed: String
    /// Energies per formula unit before and after, Eh.
    public var unrelaxedPerUnit: Double
    public var relaxedPerUnit: Double
    /// How the optimisation ended (`OptimizationStatus` raw value: converged, max_cycles, …).
    public var status: String
    public var cycles: Int
    public var gradientNorm: Double
    public var seconds: Double
    public var cached: Bool
    public var optimizationID: Int64?
    public var calculationID: Int64?
    /// Content hash of the relaxed supercell.
    public var structureHash: String

    public var converged: Bool { status == "converged" }

    /// Relaxation energy per formula unit, kJ/mol (negative: relaxing lowered the energy).
    public var relaxationKJPerMol: Double { (relaxedPerUnit - unrelaxedPerUnit) * Units.kJPerMolPerHartree }
}
