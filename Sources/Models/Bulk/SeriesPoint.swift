/// One supercell of a convergence series and its energy.
public struct SeriesPoint: Sendable, Codable, Equatable {
    /// The supercell, relative to the input cell.
    public var supercell: SupercellMatrix
    /// Cells in the supercell.
    public var cells: Int
    public var atoms: Int
    public var formulaUnits: Int
    /// Total energy, Eh.
    public var energy: Double
    /// Energy per formula unit, Eh.
    public var energyPerUnit: Double
    /// Change of the energy per formula unit from the previous size, kJ/mol; nil for the first.
    public var changeKJPerMol: Double?
    /// Wall time of the calculation, s (as first computed, when it came from a cache).
    public var seconds: Double
    /// True when the energy came from the results store instead of a new calculation.
    public var cached: Bool
    /// The stored calculation's row id, when there is a store.
    public var calculationID: Int64?
    /// Content hash of the supercell.
    public var structureHash: String
}
