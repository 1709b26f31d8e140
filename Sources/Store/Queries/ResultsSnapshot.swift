/// Everything the exports show, read in one transaction (a consistent view).
public struct ResultsSnapshot: Sendable, Equatable {
    /// Calculations in insertion order.
    public var calculations: [CalculationRow]
    /// Failures in insertion order.
    public var failures: [FailureRow]
    /// Campaign tasks, in id order.
    public var tasks: [TaskRecord]
    /// Campaign reactions, in id order.
    public var reactions: [ReactionRecord]

    public init(calculations: [CalculationRow], failures: [FailureRow], tasks: [TaskRecord] = [],
                reactions: [ReactionRecord] = []) {
        self.calculations = calculations
        self.failures = failures
        self.tasks = tasks
        self.reactions = reactions
    }

    /// Energy (Eh) of each calculation, by row id, for task rows.
    public var energyByCalculationID: [Int64: Double] {
        Dictionary(calculations.compactMap { row in row.calculation.id.map { ($0, row.calculation.energyHartree) } },
                   uniquingKeysWith: { a, _ in a })
    }

    /// The rows of one campaign: its tasks and reactions, the calculations they refer to, and the
    /// failures of its tasks (by key) or of its runs.
    public func only(campaign: String) -> ResultsSnapshot {
        let tasks = tasks.filter { $0.campaign == campaign }
        let reactions = reactions.filter { $0.campaign == campaign }
        let ids = Set(tasks.compactMap(\.calculationID) + reactions.flatMap { $0.species.map(\.calculationID) })
        let keys = Set(tasks.map(\.key)), runs = Set(tasks.compactMap(\.runID))
        return ResultsSnapshot(
            calculations: calculations.filter { $0.calculation.id.map(ids.contains) ?? false },
            failures: failures.filter { keys.contains($0.failure.source) || ($0.failure.runID.map(runs.contains) ?? false) },
            tasks: tasks, reactions: reactions)
    }

    /// Campaign names of the task rows, sorted.
    public var campaigns: [String] { Array(Set(tasks.map(\.campaign))).sorted() }
}
