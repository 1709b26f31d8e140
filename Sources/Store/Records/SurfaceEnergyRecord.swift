import Foundation
import GRDB

/// A converged (or best available) surface or interface energy per area of one phase (row of
/// `surface_energies`), with the slab that gave it and the reference it was measured from.
public struct SurfaceEnergyRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "surface_energies"

    public var id: Int64?
    /// "surface" (bare) or "interface" (with a glass).
    public var kind: String
    /// Phase label, matched against a verdict's active or inactive phase ("alpha", "delta").
    public var phase: String
    public var cellHash: String
    public var formula: String
    public var miller: String
    public var termination: String
    public var method: String
    public var surfaceEnergyJM2: Double?
    public var converged: Bool
    public var layers: Int
    public var supercell: String
    public var natoms: Int
    public var relaxed: Bool
    /// Excess composition over whole bulk units ("" when stoichiometric).
    public var excess: String
    /// How μ of the excess was fixed (nil for a stoichiometric slab).
    public var excessReference: String?
    /// Volume per formula unit of the bulk phase, Å³ (for the critical size).
    public var volumePerUnit: Double
    /// Why a loop stopped or what was not tested, joined by "; ".
    public var notes: String
    public var computedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, phase, formula, miller, termination, method, converged, layers, supercell, natoms, relaxed, excess, notes
        case cellHash = "cell_hash"
        case surfaceEnergyJM2 = "surface_energy_j_m2"
        case excessReference = "excess_reference"
        case volumePerUnit = "volume_per_unit_a3"
        case computedAt = "computed_at"
    }

    public init(kind: String, phase: String, cellHash: String, formula: String, miller: String, termination: String,
                method: String, surfaceEnergyJM2: Double?, converged: Bool, layers: Int, supercell: String, natoms: Int,
                relaxed: Bool, excess: String, excessReference: String?, volumePerUnit: Double, notes: String) {
        self.kind = kind
        self.phase = phase
        self.cellHash = cellHash
        self.formula = formula
        self.miller = miller
        self.termination = termination
        self.method = method
        self.surfaceEnergyJM2 = surfaceEnergyJM2
        self.converged = converged
        self.layers = layers
        self.supercell = supercell
        self.natoms = natoms
        self.relaxed = relaxed
        self.excess = excess
        self.excessReference = excessReference
        self.volumePerUnit = volumePerUnit
        self.notes = notes
        self.computedAt = Date()
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
