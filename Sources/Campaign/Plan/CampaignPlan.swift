import Engine
import Models
import Structures

/// The task graph of a job spec: optimise → single point per structure, and the reactions.
public struct CampaignPlan: Sendable {
    public var campaign: String
    public var tasks: [PlannedTask]
    public var reactions: [ReactionSpec]
    /// The task whose energy stands for each structure (its final single point).
    public var finalTask: [String: Int]
    /// Structures that could not be read or validated: failed before any engine call.
    public var invalidStructures: [InvalidStructure]
    /// The `[[surfaces]]` whose γ are formed from the tasks' energies (`SurfaceFormer`).
    public var surfaces: [SurfaceSpec] = []
    /// The structures built from a `nanocrystal` key, by structure name: the cell file and the block.
    public var nanocrystals: [String: (file: String, block: Nanocrystal)] = [:]

    /// A plan built without a job spec (benchmarks, tests): each task's final single point is
    /// found by its structure name.
    public init(campaign: String, tasks: [PlannedTask], reactions: [ReactionSpec] = []) {
        self.campaign = campaign
        self.tasks = tasks
        self.reactions = reactions
        invalidStructures = []
        finalTask = [:]
        for task in tasks where task.kind == .singlePoint { finalTask[task.structureName] = task.index }
    }

    /// Plans every structure of `spec` in declaration order.
    public init(spec: JobSpec, costs: CostModel = CostModel()) {
        campaign = spec.name
        reactions = spec.reactions
        invalidStructures = spec.invalidStructures
        surfaces = spec.surfaces
        tasks = []
        finalTask = [:]
        for entry in spec.structures {
            if let block = entry.nanocrystal { nanocrystals[entry.name] = (entry.file, block) }
            let method = entry.method
            var optimization: Int?
            if method.recipe == .optimizeThenSinglePoint {
                optimization = append(.optimization, entry: entry, input: entry.structure, after: nil, costs: costs)
            }
            let sp = append(.singlePoint, entry: entry, input: optimization == nil ? entry.structure : nil,
                            after: optimization, costs: costs)
            finalTask[entry.name] = sp
        }
    }

    private mutating func append(_ kind: PlannedTask.Kind, entry: StructureEntry, input: Structure?, after: Int?,
                                 costs: CostModel) -> Int {
        let suffix = kind == .optimization ? "opt" : "sp"
        let isOpt = kind == .optimization
        let maxCycles = isOpt ? entry.method.maxCycles : nil
        var task = PlannedTask(
            index: tasks.count, key: "\(entry.name)/\(suffix)", kind: kind, structureName: entry.name, input: input,
            settings: entry.method.settings, optimizationLevel: isOpt ? entry.method.optimizationLevel : nil,
            freeze: isOpt ? entry.method.freeze : nil, dependsOn: after,
            upstreamDefinition: after.map { tasks[$0].definitionHash },
            predictedSeconds: costs.predict(kind: kind.rawValue, structure: entry.structure,
                                            method: entry.method.settings.method,
                                            maxCycles: maxCycles),
            engine: entry.method.engine, maxCycles: maxCycles)
        task.inputFlags = input == nil ? [] : entry.inputFlags
        tasks.append(task)
        return task.index
    }

    /// Task counts by kind, for the dry-run summary.
    public var countsByKind: [PlannedTask.Kind: Int] {
        Dictionary(grouping: tasks, by: \.kind).mapValues(\.count)
    }
}
