import Engine
import Store
import Foundation
import Optimization
import Structures
import Work

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

    /// What the worker computes: this task, its messages prefixed by its key.
    public var work: WorkOrder {
        WorkOrder(label: key, structure: structure, settings: settings, kind: kind,
                  optimization: EngineOptimizer.options(level: optimizationLevel), freeze: freeze, engine: engine)
    }

    public func encoded() -> [UInt8] { Array((try? JSONEncoder().encode(self)) ?? Data()) }

    public static func decode(_ bytes: [UInt8]) throws -> TaskOrder {
        try JSONDecoder().decode(TaskOrder.self, from: Data(bytes))
    }
}

/// What a worker sends back: the result, or a classified failure, with the settings actually used.
public struct TaskReport: Codable, Sendable {
    /// The optimisation part of a result (see `WorkReport.Optimization`).
    public typealias Optimization = WorkReport.Optimization

    public var id: Int
    /// Settings of the successful attempt (may differ from the order's after an SCC retry).
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
    public var wallSeconds: Double
    public var host: String
    public var startedAt: Date

    public var succeeded: Bool { failureClass == nil }

    public init(id: Int, settingsUsed: Settings, result: CalculationResult? = nil, optimization: Optimization? = nil,
                failureClass: FailureClass? = nil, message: String? = nil, attempts: Int, flags: [TaskFlag],
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

    /// The report of task `id` from its compute step's.
    public init(id: Int, work: WorkReport, wallSeconds: Double, host: String, startedAt: Date) {
        self.init(id: id, settingsUsed: work.settingsUsed, result: work.result, optimization: work.optimization,
                  failureClass: work.failureClass, message: work.message, attempts: work.attempts, flags: work.flags,
                  wallSeconds: wallSeconds, host: host, startedAt: startedAt)
    }

    public func encoded() -> [UInt8] { Array((try? JSONEncoder().encode(self)) ?? Data()) }

    public static func decode(_ bytes: [UInt8]) throws -> TaskReport {
        try JSONDecoder().decode(TaskReport.self, from: Data(bytes))
    }
}
