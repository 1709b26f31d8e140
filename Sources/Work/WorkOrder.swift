import Engine
import Optimization
import Structures

/// One calculation to compute: a structure, its settings, what to do with it and on which engine.
/// `sp`, `opt` and campaign workers all hand their work to `ComputeStep` as one of these.
public struct WorkOrder: Sendable {
    /// What the order computes.
    public enum Kind: String, Sendable, Codable {
        case singlePoint = "singlepoint"
        case optimization = "optimization"
    }

    /// Prefixes every failure message (a campaign task's key); nil: messages as the error says them.
    public var label: String?
    public var structure: Structure
    public var settings: Settings
    public var kind: Kind
    /// Level, cycle cap and tuning of an optimisation; its frozen atoms come from `freeze`.
    public var optimization: OptimizationOptions
    /// The frozen-atom selection as written (`FreezeSpec` syntax), nil when nothing is frozen.
    public var freeze: String?
    /// Which backend computes it.
    public var engine: EngineChoice

    public init(label: String? = nil, structure: Structure, settings: Settings, kind: Kind,
                optimization: OptimizationOptions = OptimizationOptions(), freeze: String? = nil,
                engine: EngineChoice = .auto) {
        self.label = label
        self.structure = structure
        self.settings = settings
        self.kind = kind
        self.optimization = optimization
        self.freeze = freeze
        self.engine = engine
    }

    /// The optimisation options with this structure's frozen atoms (throws on a bad selection).
    public func optimizationOptions() throws -> OptimizationOptions {
        var options = optimization
        options.frozenAtoms = try freeze.map { try FreezeSpec(parsing: $0).frozenAtoms(in: structure) } ?? []
        return options
    }

    /// The identity the optimisations table knows this order's optimisation by.
    public func optimizationIdentity() throws -> OptimizationIdentity {
        OptimizationIdentity(structure: structure, options: try optimizationOptions())
    }
}
