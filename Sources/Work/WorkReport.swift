import Engine
import Foundation
import Optimization
import Store
import Structures

/// What `ComputeStep` made of a `WorkOrder`: the result with the settings that produced it, or a
/// classified failure; the attempts and the flags every use of the result must carry.
public struct WorkReport: Sendable {
    /// The optimisation part of a result: everything the store's optimisation row and its
    /// cycles need, so campaign optimisations are audited like `interscreen opt` ones.
    public struct Optimization: Codable, Sendable {
        public var outcome: OptimizationOutcome
        /// Input, options and constraints as hashed for the optimisations table.
        public var identity: OptimizationIdentity
        /// The freeze selection as written ("" when nothing is frozen).
        public var freezeSpec: String

        /// The optimised geometry, or the lowest reached when not converged.
        public var finalStructure: Structure { outcome.structure }
        public var converged: Bool { outcome.converged }
        /// Energy and gradient at `finalStructure` (the last evaluation of the optimiser).
        public var result: CalculationResult { outcome.result }

        public init(outcome: OptimizationOutcome, identity: OptimizationIdentity, freezeSpec: String) {
            self.outcome = outcome
            self.identity = identity
            self.freezeSpec = freezeSpec
        }
    }

    /// Settings of the last attempt: the successful one, which may differ from the order's after an SCC retry.
    public var settingsUsed: Settings
    /// The single point (for an optimisation: at its final geometry).
    public var result: CalculationResult?
    public var optimization: Optimization?
    public var failureClass: FailureClass?
    public var message: String?
    /// Attempts made (1 unless an SCC failure was retried).
    public var attempts: Int
    /// Marks for every use of the result, e.g. a raised electronic temperature.
    public var flags: [TaskFlag]

    public init(settingsUsed: Settings, result: CalculationResult? = nil, optimization: Optimization? = nil,
                failureClass: FailureClass? = nil, message: String? = nil, attempts: Int = 0, flags: [TaskFlag] = []) {
        self.settingsUsed = settingsUsed
        self.result = result
        self.optimization = optimization
        self.failureClass = failureClass
        self.message = message
        self.attempts = attempts
        self.flags = flags
    }

    public var succeeded: Bool { failureClass == nil }

    /// The failure as an error (for callers that throw), nil when it succeeded.
    public var failure: ClassifiedFailure? {
        failureClass.map { ClassifiedFailure($0, message ?? "") }
    }
}
