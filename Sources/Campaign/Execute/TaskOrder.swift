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
    /// Most optimisation cycles; nil for xtb's default at the level and size.
    public var maxCycles: Int?
    /// Which backend computes it.
    public var engine: EngineChoice

    public init(id: Int, key: String, kind: PlannedTask.Kind, structure: Structure, settings: Settings,
                optimizationLevel: ConvergenceLevel? = nil, freeze: String? = nil, engine: EngineChoice = .auto,
                maxCycles: Int? = nil) {
        self.engine = engine
        self.maxCycles = maxCycles
        self.id = id
        self.key = key
        self.kind = kind
        self.structure = structure
        self.settings = settings
        self.optimizationLevel = optimizationLevel
        self.freeze = freeze
    }

    /// The order of planned `task` on `input` (its planned input, or the geometry it waited for).
    public init(_ task: PlannedTask, input: Structure) {
        self.init(id: task.index, key: task.key, kind: task.kind, structure: input, settings: task.settings,
                  optimizationLevel: task.optimizationLevel, freeze: task.freeze, engine: task.engine,
                  maxCycles: task.maxCycles)
    }

    /// What the worker computes: this task, its messages prefixed by its key.
    public var work: WorkOrder {
        WorkOrder(label: key, structure: structure, settings: settings, kind: kind,
                  optimization: EngineOptimizer.options(level: optimizationLevel, maxCycles: maxCycles),
                  freeze: freeze, engine: engine)
    }

    /// The order as sent (JSON); an order that cannot be encoded (a non-finite number) throws.
    public func encoded() throws -> [UInt8] { Array(try JSONEncoder().encode(self)) }

    public static func decode(_ bytes: [UInt8]) throws -> TaskOrder {
        try JSONDecoder().decode(TaskOrder.self, from: Data(bytes))
    }
}
