import Foundation
import GRDB
import Optimization
import Structures

/// One cycle of a stored optimisation (row of `optimization_steps`): the optimiser's own
/// `OptimizationStep`, keyed by its optimisation, with the columns mapped here once.
public struct OptimizationStepRecord: Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "optimization_steps"

    public var optimizationID: Int64
    public var step: OptimizationStep

    public init(optimizationID: Int64, step: OptimizationStep) {
        self.optimizationID = optimizationID
        self.step = step
    }

    /// 1 for the start geometry.
    public var cycle: Int { step.cycle }
    /// Eh; nil when the calculation at this geometry failed.
    public var energyHartree: Double? { step.energy }
    /// Eh/Bohr.
    public var gradientNorm: Double? { step.gradientNorm }
    /// The positions as vectors (Å).
    public var vectors: [Vec3] { step.positions }

    public init(row: Row) throws {
        let positions: [[Double]] = try JSONDecoder().decode([[Double]].self, from: Data((row["positions"] as String).utf8))
        optimizationID = row["optimization_id"]
        step = OptimizationStep(
            cycle: row["cycle"], energy: row["energy_hartree"], gradientNorm: row["gradient_norm"],
            energyChange: row["energy_change"], predictedChange: row["predicted_change"],
            stepLength: row["step_length"], trustRadius: row["trust_radius"], accepted: row["accepted"],
            sccIterationLimit: row["scc_iteration_limit"], note: row["note"], wallSeconds: row["wall_seconds"],
            positions: positions.map { Vec3($0[0], $0[1], $0[2]) })
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["optimization_id"] = optimizationID
        container["cycle"] = step.cycle
        container["energy_hartree"] = step.energy
        container["gradient_norm"] = step.gradientNorm
        container["energy_change"] = step.energyChange
        container["predicted_change"] = step.predictedChange
        container["step_length"] = step.stepLength
        container["trust_radius"] = step.trustRadius
        container["accepted"] = step.accepted
        container["scc_iteration_limit"] = step.sccIterationLimit
        container["note"] = step.note
        container["wall_seconds"] = step.wallSeconds
        let positions = step.positions.map { [$0.x, $0.y, $0.z] }
        container["positions"] = String(decoding: try JSONEncoder().encode(positions), as: UTF8.self)
    }
}
