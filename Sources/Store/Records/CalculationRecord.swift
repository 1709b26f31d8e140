import Foundation
import GRDB
import Engine

/// What a calculation row computes; part of its identity (structure, settings, engine, kind).
public enum CalculationKind: String, Codable, Sendable, CaseIterable {
    case singlepoint
}

/// One finished calculation (row of `calculations`), unique per (structure, settings, engine, kind).
public struct CalculationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "calculations"

    /// Row id, nil before insertion.
    public var id: Int64?
    public var structureHash: String
    public var settingsHash: String
    public var kind: CalculationKind
    /// `EngineIdentity.text`, e.g. "libxtb 6.5.1": the engine part of the identity.
    public var engine: String
    /// `Method.rawValue` (denormalised from the settings for easy filtering).
    public var method: String
    /// Total energy, Eh (SQLite REAL: bit-exact).
    public var energyHartree: Double
    /// Gradient, Eh/Bohr, one [gx, gy, gz] per atom.
    public var gradient: [[Double]]
    public var gradientNorm: Double
    /// Partial charges, e.
    public var charges: [Double]?
    public var gapEV: Double?
    /// nil when the backend does not report it.
    public var sccIterations: Int?
    public var sccConverged: Bool
    public var wallSeconds: Double
    /// Backend and version, e.g. "libxtb 6.5.1".
    public var engineVersion: String
    public var interscreenVersion: String
    public var host: String
    public var runID: Int64?
    public var startedAt: Date
    public var finishedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, kind, engine, method, gradient, charges, host
        case structureHash = "structure_hash"
        case settingsHash = "settings_hash"
        case energyHartree = "energy_hartree"
        case gradientNorm = "gradient_norm"
        case gapEV = "gap_ev"
        case sccIterations = "scc_iterations"
        case sccConverged = "scc_converged"
        case wallSeconds = "wall_seconds"
        case engineVersion = "engine_version"
        case interscreenVersion = "interscreen_version"
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    static let structure = belongsTo(StructureRecord.self, key: "structure", using: ForeignKey(["structure_hash"]))
    static let settings = belongsTo(SettingsRecord.self, key: "settings", using: ForeignKey(["settings_hash"]))

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The stored result, as the engine returned it.
    public var result: CalculationResult {
        CalculationResult(energy: energyHartree, gradient: gradient, charges: charges, gapEV: gapEV,
                          sccIterations: sccIterations, sccConverged: sccConverged,
                          wallSeconds: wallSeconds, engine: engineVersion)
    }
}
