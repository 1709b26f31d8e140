import Engine
import Optimization
import Store
import Structures
import Work

/// One unit of work the campaign will run: an optimisation or a single point.
public struct PlannedTask: Sendable {
    /// What the task computes.
    public typealias Kind = WorkOrder.Kind

    /// Position in the plan, also the dispatcher's id.
    public var index: Int
    /// Stable name within the campaign: "<structure>/opt" or "<structure>/sp".
    public var key: String
    public var kind: Kind
    /// The spec's structure name.
    public var structureName: String
    /// The input geometry, nil when it is the output of `dependsOn`.
    public var input: Structure?
    public var settings: Settings
    /// Optimisation level and frozen atoms (optimisations only).
    public var optimizationLevel: ConvergenceLevel?
    public var freeze: String?
    /// Most optimisation cycles; nil for xtb's default at the level and size.
    public var maxCycles: Int?
    /// Index of the task whose output is this task's input.
    public var dependsOn: Int?
    /// Definition hash of `dependsOn` (a change upstream restarts this task too).
    public var upstreamDefinition: String?
    public var predictedSeconds: Double
    /// Which backend computes it (part of its result's identity).
    public var engine: EngineChoice
    /// Flags its input file carries (`InputFileFlags`), added to the task's own when it is recorded;
    /// not part of its definition (they describe the geometry's past, not the work).
    public var inputFlags: [TaskFlag] = []

    public init(index: Int, key: String, kind: Kind, structureName: String, input: Structure?, settings: Settings,
                optimizationLevel: ConvergenceLevel? = nil, freeze: String? = nil, dependsOn: Int? = nil,
                upstreamDefinition: String? = nil, predictedSeconds: Double, engine: EngineChoice = .auto,
                maxCycles: Int? = nil) {
        self.engine = engine
        self.maxCycles = maxCycles
        self.index = index
        self.key = key
        self.kind = kind
        self.structureName = structureName
        self.input = input
        self.settings = settings
        self.optimizationLevel = optimizationLevel
        self.freeze = freeze
        self.dependsOn = dependsOn
        self.upstreamDefinition = upstreamDefinition
        self.predictedSeconds = predictedSeconds
    }

    /// Hash of everything that defines the task; a change makes a rerun start it over.
    public var definitionHash: String { definitionHash(inputHash: input?.contentHash) }

    /// `definitionHash`, given the input's content hash (computed once by the caller).
    public func definitionHash(inputHash: String?) -> String {
        let source = inputHash.map { "input=\($0)" } ?? "after=\(upstreamDefinition ?? "-")"
        let text = ["task-v1", kind.rawValue, key, source, "settings=\(settings.hash)",
                    "level=\(optimizationLevel?.rawValue ?? "-")", "freeze=\(freeze ?? "-")"]
            + (engine == .auto ? [] : ["engine=\(engine.rawValue)"])  // auto: the hash of before engines
            + (maxCycles.map { ["cycles=\($0)"] } ?? [])  // unset: the hash of before the key
        return SHA256.hex(of: text.joined(separator: "\n"))
    }
}

extension PlannedTask {
    /// `flags` (the work's own) followed by the input file's flags it does not already hold.
    func withInputFlags(_ flags: [TaskFlag]) -> [TaskFlag] {
        flags + inputFlags.filter { !flags.contains($0) }
    }
}
