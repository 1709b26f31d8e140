/// Row counts for `interscreen status`.
public struct StoreCounts: Sendable, Equatable {
    public var runs: Int
    /// Runs with no `finished_at` (still running, or killed).
    public var unfinishedRuns: Int
    public var structures: Int
    public var settings: Int
    public var calculations: Int
    /// Calculations whose SCC did not converge (stored anyway).
    public var unconvergedCalculations: Int
    public var failures: Int
    /// Failures per `failure_class`.
    public var failuresByClass: [String: Int]
}
