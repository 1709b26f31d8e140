import Foundation
import GRDB

/// A campaign's surface energy for one `[[surfaces]]` table at one vacuum (row of `surface_energies`
/// with `campaign` set): γ with its three convergence flags and the calculation rows it came from.
public struct CampaignSurfaceEnergyRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "surface_energies"

    public var id: Int64?
    public var campaign: String
    /// The `[[surfaces]]` table's name.
    public var surface: String
    /// Vacuum between the slab and its image, Å.
    public var vacuum: Double
    public var kind = "surface"
    public var phase: String
    public var cellHash: String
    public var formula: String
    public var miller: String
    public var termination: String
    public var method: String
    /// γ of the last slab the series reached, J/m² (nil: not computable, see `notes`).
    public var surfaceEnergyJM2: Double?
    /// Thickness, in-plane and vacuum all converged.
    public var converged: Bool
    public var thicknessConverged: Bool
    public var inPlaneConverged: Bool
    /// nil: not tested (the first, or only, vacuum of the series).
    public var vacuumConverged: Bool?
    public var layers: Int
    public var supercell: String
    public var natoms: Int
    public var relaxed = false
    public var excess: String
    public var excessReference: String?
    public var volumePerUnit: Double
    public var notes: String
    /// JSON array of the `calculations` ids the number was formed from.
    public var calculationIDs: String
    public var computedAt = Date()

    enum CodingKeys: String, CodingKey {
        case id, campaign, surface, kind, phase, formula, miller, termination, method, converged, layers, supercell
        case natoms, relaxed, excess, notes
        case vacuum = "vacuum_a"
        case cellHash = "cell_hash"
        case surfaceEnergyJM2 = "surface_energy_j_m2"
        case thicknessConverged = "thickness_converged"
        case inPlaneConverged = "in_plane_converged"
        case vacuumConverged = "vacuum_converged"
        case excessReference = "excess_reference"
        case volumePerUnit = "volume_per_unit_a3"
        case calculationIDs = "calculation_ids"
        case computedAt = "computed_at"
    }

    public init(campaign: String, surface: String, vacuum: Double, phase: String, cellHash: String, formula: String,
                miller: String, termination: String, method: String, surfaceEnergyJM2: Double?,
                thicknessConverged: Bool, inPlaneConverged: Bool, vacuumConverged: Bool?, layers: Int,
                supercell: String, natoms: Int, excess: String, excessReference: String?, volumePerUnit: Double,
                notes: String, calculationIDs: [Int64]) {
        self.campaign = campaign
        self.surface = surface
        self.vacuum = vacuum
        self.phase = phase
        self.cellHash = cellHash
        self.formula = formula
        self.miller = miller
        self.termination = termination
        self.method = method
        self.surfaceEnergyJM2 = surfaceEnergyJM2
        self.thicknessConverged = thicknessConverged
        self.inPlaneConverged = inPlaneConverged
        self.vacuumConverged = vacuumConverged
        converged = thicknessConverged && inPlaneConverged && vacuumConverged == true
        self.layers = layers
        self.supercell = supercell
        self.natoms = natoms
        self.excess = excess
        self.excessReference = excessReference
        self.volumePerUnit = volumePerUnit
        self.notes = notes
        self.calculationIDs = "[" + calculationIDs.map(String.init).joined(separator: ",") + "]"
    }

    /// The calculation row ids of `calculationIDs`.
    public var calculationIDList: [Int64] {
        (try? JSONDecoder().decode([Int64].self, from: Data(calculationIDs.utf8))) ?? []
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
