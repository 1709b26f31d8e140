import Engine
import Structures

/// How an optimisation ended.
public enum OptimizationStatus: String, Sendable, Codable, CaseIterable {
    /// Energy change, gradient norm and energy decrease met the level's thresholds.
    case converged
    /// The cycle cap was reached first; the outcome holds the lowest-energy geometry reached.
    case maxCycles = "max_cycles"
    /// The SCC failed (even after a retry with more iterations) at three geometries in a row;
    /// the outcome holds the lowest-energy geometry reached.
    case sccFailure = "scc_failure"
    /// No downhill step could be found even with the smallest trust radius (noise-level energy
    /// differences); the outcome holds the lowest-energy geometry reached.
    case stalled

    public var isConverged: Bool { self == .converged }
}

/// One cycle of an optimisation: one geometry and its energy and gradient (or the failure).
public struct OptimizationStep: Sendable, Codable, Equatable {
    /// 1 for the start geometry, then one per geometry tried.
    public var cycle: Int
    /// Total energy, Eh; nil when the calculation at this geometry failed.
    public var energy: Double?
    /// The converged-on gradient norm (free atoms, rigid motions projected out), Eh/Bohr.
    public var gradientNorm: Double?
    /// Energy change relative to the geometry the step started from, Eh.
    public var energyChange: Double?
    /// The change the quadratic model predicted, Eh.
    public var predictedChange: Double?
    /// Length of the step that led here, Bohr (0 for the start).
    public var stepLength: Double
    /// Trust radius the step was taken with, Bohr.
    public var trustRadius: Double
    /// Whether the optimisation moved on from this geometry (false: energy rose, or it failed).
    public var accepted: Bool
    /// When the SCC had to be retried: the iteration limit of the retry that was used.
    public var sccIterationLimit: Int?
    /// What happened, for people ("scc retried with 1000 iterations", "energy rose: rejected").
    public var note: String?
    /// Wall time of the calculation(s) at this geometry, s.
    public var wallSeconds: Double
    /// The geometry, Å.
    public var positions: [Vec3]

    public init(cycle: Int, energy: Double?, gradientNorm: Double?, energyChange: Double?,
                predictedChange: Double?, stepLength: Double, trustRadius: Double, accepted: Bool,
                sccIterationLimit: Int?, note: String?, wallSeconds: Double, positions: [Vec3]) {
        self.cycle = cycle
        self.energy = energy
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
}

/// What an optimisation produced.
public struct OptimizationOutcome: Sendable, Codable {
    public var status: OptimizationStatus
    public var converged: Bool { status.isConverged }
    /// The optimised structure, or — when not converged — the lowest-energy geometry reached.
    /// Frozen atoms carry the input's coordinates, bit for bit.
    public var structure: Structure
    /// Energy, gradient, charges and gap at `structure`.
    public var result: CalculationResult
    /// The converged-on gradient norm at `structure`, Eh/Bohr (see `OptimizationStep.gradientNorm`).
    public var gradientNorm: Double
    /// Geometries tried, the start included (xtb counts its cycles the same way).
    public var cycles: Int
    /// Successful energy + gradient calculations.
    public var gradientEvaluations: Int
    /// Calculations that failed (SCC not converged and the like), retries included.
    public var failedEvaluations: Int
    /// The largest SCC iteration limit a retry needed, when one did (the settings' own otherwise nil).
    public var raisedMaxIterations: Int?
    /// Every cycle, in order.
    public var steps: [OptimizationStep]
    /// 0-based indices of the frozen atoms.
    public var frozenAtoms: [Int]
    public var level: ConvergenceLevel
    /// The cycle cap that applied.
    public var maxCycles: Int
    /// Wall time of the whole optimisation, s.
    public var wallSeconds: Double
    /// Anything a reader of the result should know (retries, changed settings).
    public var notes: [String]

    public init(status: OptimizationStatus, structure: Structure, result: CalculationResult, gradientNorm: Double,
                cycles: Int, gradientEvaluations: Int, failedEvaluations: Int, raisedMaxIterations: Int?,
                steps: [OptimizationStep], frozenAtoms: [Int], level: ConvergenceLevel, maxCycles: Int,
                wallSeconds: Double, notes: [String]) {
        self.status = status
        self.structure = structure
        self.result = result
        self.gradientNorm = gradientNorm
        self.cycles = cycles
        self.gradientEvaluations = gradientEvaluations
        self.failedEvaluations = failedEvaluations
        self.raisedMaxIterations = raisedMaxIterations
        self.steps = steps
        self.frozenAtoms = frozenAtoms
        self.level = level
        self.maxCycles = maxCycles
        self.wallSeconds = wallSeconds
        self.notes = notes
    }
}
