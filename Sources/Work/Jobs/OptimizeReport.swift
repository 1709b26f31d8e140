import Engine
import Optimization
import Store
import Structures

/// What `interscreen opt` did with its input.
public struct OptimizeReport: Sendable {
    public var file: String
    /// The input structure (after charge/spin overrides).
    public var input: Structure
    public var inputHash: String
    /// The settings of the stored optimisation (those that converged after an SCC retry).
    public var settings: Settings
    public var identity: OptimizationIdentity
    public var freezeSpec: String
    public var record: OptimizationRecord
    public var steps: [OptimizationStepRecord]
    /// The optimised (or best, when not converged) structure.
    public var output: Structure
    /// True when the answer came from the store.
    public var cached: Bool
    /// Attempts the compute step made (0 when cached) and the marks of its result (SCC retries,
    /// topology), also when the result was answered from the store.
    public var attempts = 0
    public var flags: [TaskFlag] = []
}
