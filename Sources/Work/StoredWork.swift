import Engine
import Store

/// A work order's answer as the store holds it: the rows, the settings they were computed under
/// (after an SCC retry not those requested) and the flags every use of them must carry.
public struct StoredWork: Sendable {
    /// Settings of the stored rows.
    public var settingsUsed: Settings
    /// The single point (for an optimisation: at its final geometry; nil for rows written before
    /// optimisations recorded one).
    public var calculation: CalculationRecord?
    public var optimization: OptimizationRecord?
    public var flags: [TaskFlag]
    /// Attempts the compute step made when it computed these rows.
    public var attempts: Int

    public init(settingsUsed: Settings, calculation: CalculationRecord?, optimization: OptimizationRecord? = nil,
                flags: [TaskFlag] = [], attempts: Int = 1) {
        self.settingsUsed = settingsUsed
        self.calculation = calculation
        self.optimization = optimization
        self.flags = flags
        self.attempts = attempts
    }
}
