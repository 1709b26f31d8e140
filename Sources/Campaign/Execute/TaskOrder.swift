import Engine
import Store
import Foundation
import Optimization
import Structures

/// What the coordinator sends a worker: one task, self-contained (JSON over MPI).
public struct TaskOrder: Codable, Sendable {
    public var id: Int
    public var key: String
    public var kind: PlannedTask.Kind
    public var structure: Structure
    public var settings: Settings
    public var optimizationLevel: ConvergenceLevel?
    public var freeze: String?
    /// Which backend computes it.
    public var engine: EngineChoice

    public init(id: Int, key: String, kind: PlannedTask.Kind, structure: Structure, settings: Settings,
                optimizationLevel: ConvergenceLevel? = nil, freeze: String? = nil, engine: EngineChoice = .auto) {
        self.engine = engine
        self.id = id
        self.key = key
        self.kind = kind
        self.structure = structure
        self.settings = settings
        self.optimizationLevel = optimizationLevel
        self.freeze = freeze
    }

    public func encoded() -> [UInt8] { Array((try? JSONEncoder().encode(self)) ?? Data()) }

    public static func decode(_ bytes: [UInt8]) throws -> TaskOrder {
        try JSONDecoder().decode(TaskOrder.self, from: Data(bytes))
    }
}

/// What a worker sends back: the result, or a classified failure, with the settings actually used.
public struct TaskReport: Codable, Sendable {
    /// The optimisation part of a result: everything the store's optimisation row and its
    /// cycles need, so campaign optimisations are audited like `interscreen opt` ones.
    public struct Optimization: Codable, Sendable {
        public var outcome: OptimizationOutcome
        /// Input, options and constraints as hashed for the optimisations table.
        public var identity: OptimizationIdentity
        /// The freeze selection as written in the spec ("" when nothing is frozen).
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

    public var id: Int
    /// Settings of the successful attempt (may differ from the order's after an SCC retry).
    public var settingsUsed: Settings
    /// The single point (for an optimisation: at its final geometry).
    public var result: CalculationResult?
    public var optimization: Optimization?
    public var failureClass: String?
    public var message: String?
    /// Attempts made (1 unless an SCC failure was retried).
    public var attempts: Int
    /// Marks for every use of the result, e.g. a raised electronic temperature.
    public var flags: [TaskFlag]
    public var wallSeconds: Double
    public var host: String
    public var startedAt: Date

    public var succeeded: Bool { failureClass == nil }

    public init(id: Int, settingsUsed: Settings, result: CalculationResult? = nil, optimization: Optimization? = nil,
                failureClass: String? = nil, message: String? = nil, attempts: Int, flags: [TaskFlag],
                wallSeconds: Double, host: String, startedAt: Date) {
        self.id = id
        self.settingsUsed = settingsUsed
        self.result = result
        self.optimization = optimization
        self.failureClass = failureClass
        self.message = message
        self.attempts = attempts
        self.flags = flags
        self.wallSeconds = wallSeconds
        self.host = host
        self.startedAt = startedAt
    }

    public func encoded() -> [UInt8] { Array((try? JSONEncoder().encode(self)) ?? Data()) }

    public static func decode(_ bytes: [UInt8]) throws -> TaskReport {
        try JSONDecoder().decode(TaskReport.self, from: Data(bytes))
    }
}
