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
}
