import Foundation
import GRDB

/// A converged (or best available) surface or interface energy per area of one phase (row of
/// `surface_energies`), with the slab that gave it and the reference it was measured from; a
/// campaign's rows also name their campaign, `[[surfaces]]` table, vacuum, flags and calculation rows.
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
    /// A campaign row's campaign and `[[surfaces]]` table ("" for the rows of `interscreen surface`).
    public var campaign = ""
    public var surface = ""
    /// A campaign row's vacuum between the slab and its image, Å (nil for `interscreen surface`'s rows).
    public var vacuum: Double?
    /// A campaign row's convergence flags (nil: not recorded, or for the vacuum: not tested).
    public var thicknessConverged: Bool?
    public var inPlaneConverged: Bool?
    public var vacuumConverged: Bool?
    /// A campaign row's JSON array of the `calculations` ids its γ was formed from.
    public var calculationIDs: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, phase, formula, miller, termination, method, converged, layers, supercell, natoms, relaxed, excess, notes
        case campaign, surface
        case vacuum = "vacuum_a"
        case thicknessConverged = "thickness_converged"
        case inPlaneConverged = "in_plane_converged"
        case vacuumConverged = "vacuum_converged"
        case calculationIDs = "calculation_ids"
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

    /// A campaign's row for one `[[surfaces]]` table at one vacuum; `converged` when all three flags are.
    public init(campaign: String, surface: String, vacuum: Double, phase: String, cellHash: String, formula: String,
                miller: String, termination: String, method: String, surfaceEnergyJM2: Double?,
                thicknessConverged: Bool, inPlaneConverged: Bool, vacuumConverged: Bool?, layers: Int,
                supercell: String, natoms: Int, excess: String, excessReference: String?, volumePerUnit: Double,
                notes: String, calculationIDs: [Int64]) {
        self.init(kind: "surface", phase: phase, cellHash: cellHash, formula: formula, miller: miller,
                  termination: termination, method: method, surfaceEnergyJM2: surfaceEnergyJM2,
                  converged: thicknessConverged && inPlaneConverged && vacuumConverged == true, layers: layers,
                  supercell: supercell, natoms: natoms, relaxed: false, excess: excess,
                  excessReference: excessReference, volumePerUnit: volumePerUnit, notes: notes)
        self.campaign = campaign
        self.surface = surface
        self.vacuum = vacuum
        self.thicknessConverged = thicknessConverged
        self.inPlaneConverged = inPlaneConverged
        self.vacuumConverged = vacuumConverged
        self.calculationIDs = "[" + calculationIDs.map(String.init).joined(separator: ",") + "]"
    }

    /// The calculation row ids of `calculationIDs` (none for a row without them).
    public var calculationIDList: [Int64] {
        // An unreadable list names no rows; the γ itself is still the stored number.
        (try? JSONDecoder().decode([Int64].self, from: Data((calculationIDs ?? "[]").utf8))) ?? []
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
