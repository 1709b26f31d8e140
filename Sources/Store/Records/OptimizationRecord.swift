import Foundation
import GRDB
import Optimization

/// One finished geometry optimisation (row of `optimizations`), unique per
/// (input structure, settings, optimisation options, engine) — see `OptimizationIdentity`.
public struct OptimizationRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "optimizations"

    public var id: Int64?
    /// The start structure.
    public var inputHash: String
    public var settingsHash: String
    /// `OptimizationIdentity.hash` and the text it digests.
    public var optionsHash: String
    public var optionsText: String
    /// `EngineIdentity.text`, e.g. "libxtb 6.5.1": the engine part of the identity.
    public var engine: String
    /// Stored as its name (`ConvergenceLevel.rawValue`).
    public var level: ConvergenceLevel
    public var maxCycles: Int
    /// The `--freeze` specification, normalised ("" when nothing is frozen).
    public var freezeSpec: String
    /// 0-based indices of the frozen atoms, in the input structure's atom order.
    public var frozenAtoms: [Int]
    public var constraintsKey: String
    /// The optimised structure, or the lowest-energy geometry reached when not converged
    /// (its `parent_hash` is `inputHash`).
    public var outputHash: String
    /// `OptimizationStatus.rawValue`.
    public var status: String
    public var converged: Bool
    /// Energy at `outputHash`, Eh.
    public var energyHartree: Double
    /// Converged-on gradient norm at `outputHash`, Eh/Bohr.
    public var gradientNorm: Double
    public var cycles: Int
    public var gradientEvaluations: Int
    public var failedEvaluations: Int
    public var raisedMaxIterations: Int?
    /// Notes, one per line.
    public var notes: String
    public var wallSeconds: Double
    public var engineVersion: String
    public var interscreenVersion: String
    public var host: String
    public var runID: Int64?
    public var startedAt: Date
    public var finishedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, level, status, converged, cycles, notes, host, engine
        case inputHash = "input_hash"
        case settingsHash = "settings_hash"
        case optionsHash = "options_hash"
        case optionsText = "options_text"
        case maxCycles = "max_cycles"
        case freezeSpec = "freeze_spec"
        case frozenAtoms = "frozen_atoms"
        case constraintsKey = "constraints_key"
        case outputHash = "output_hash"
        case energyHartree = "energy_hartree"
        case gradientNorm = "gradient_norm"
        case gradientEvaluations = "gradient_evaluations"
        case failedEvaluations = "failed_evaluations"
        case raisedMaxIterations = "raised_max_iterations"
        case wallSeconds = "wall_seconds"
        case engineVersion = "engine_version"
        case interscreenVersion = "interscreen_version"
        case runID = "run_id"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
