import Foundation
import GRDB
import Optimization
import Structures

/// One cycle of a stored optimisation (row of `optimization_steps`).
public struct OptimizationStepRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "optimization_steps"

    public var optimizationID: Int64
    /// 1 for the start geometry.
    public var cycle: Int
    /// nil when the calculation at this geometry failed.
    public var energyHartree: Double?
    public var gradientNorm: Double?
    public var energyChange: Double?
    public var predictedChange: Double?
    /// Bohr.
    public var stepLength: Double
    /// Bohr.
    public var trustRadius: Double
    public var accepted: Bool
    public var sccIterationLimit: Int?
    public var note: String?
    public var wallSeconds: Double
    /// The geometry, Å, one [x, y, z] per atom.
    public var positions: [[Double]]

    enum CodingKeys: String, CodingKey {
        case cycle, accepted, note, positions
        case optimizationID = "optimization_id"
        case energyHartree = "energy_hartree"
        case gradientNorm = "gradient_norm"
        case energyChange = "energy_change"
        case predictedChange = "predicted_change"
        case stepLength = "step_length"
        case trustRadius = "trust_radius"
        case sccIterationLimit = "scc_iteration_limit"
        case wallSeconds = "wall_seconds"
    }

    public init(optimizationID: Int64, cycle: Int, energyHartree: Double?, gradientNorm: Double?,
                energyChange: Double?, predictedChange: Double?, stepLength: Double, trustRadius: Double,
                accepted: Bool, sccIterationLimit: Int?, note: String?, wallSeconds: Double, positions: [[Double]]) {
        self.optimizationID = optimizationID
        self.cycle = cycle
        self.energyHartree = energyHartree
        self.gradientNorm = gradientNorm
        self.energyChange = energyChange
        self.predictedChange = predictedChange
        self.stepLength = stepLength
        self.trustRadius = trustRadius
        self.accepted = accepted
        self.sccIterationLimit = sccIterationLimit
        self.note = note
        self.wallSeconds = wallSeconds
        self.positions = positions
    }

    /// The positions as vectors (Å).
    public var vectors: [Vec3] { positions.map { Vec3($0[0], $0[1], $0[2]) } }
}
