/// Everything the exports show, read in one transaction (a consistent view).
public struct ResultsSnapshot: Sendable, Equatable {
    /// Calculations in insertion order.
    public var calculations: [CalculationRow]
    /// Failures in insertion order.
    public var failures: [FailureRow]

    public init(calculations: [CalculationRow], failures: [FailureRow]) {
        self.calculations = calculations
        self.failures = failures
    }
}
