import Engine
import Optimization
import Structures

/// A relaxation's end point: the structure, its energy and how the optimisation ended.
public struct RelaxedEnergy: Sendable {
    public var structure: Structure
    /// Energy of `structure`, Eh.
    public var energy: Double
    public var status: OptimizationStatus
    public var cycles: Int
    /// Final gradient norm (free atoms), Eh/Bohr.
    public var gradientNorm: Double
    public var seconds: Double
    public var cached: Bool
    /// Store rows, when stored: the optimisation and the relaxed structure's single point.
    public var optimizationID: Int64?
    public var calculationID: Int64?

    public init(structure: Structure, energy: Double, status: OptimizationStatus, cycles: Int, gradientNorm: Double,
                seconds: Double, cached: Bool = false, optimizationID: Int64? = nil, calculationID: Int64? = nil) {
        self.structure = structure
        self.energy = energy
        self.status = status
        self.cycles = cycles
        self.gradientNorm = gradientNorm
        self.seconds = seconds
        self.cached = cached
        self.optimizationID = optimizationID
        self.calculationID = calculationID
    }

    /// The end point of `outcome`.
    public init(_ outcome: OptimizationOutcome) {
        self.init(structure: outcome.structure, energy: outcome.result.energy, status: outcome.status,
                  cycles: outcome.cycles, gradientNorm: outcome.gradientNorm, seconds: outcome.wallSeconds)
    }
}
