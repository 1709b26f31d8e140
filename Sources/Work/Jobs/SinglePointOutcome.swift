import Engine
import Store
import Structures

/// What `interscreen sp` did with one input file.
public struct SinglePointOutcome: Sendable {
    /// Computed now, answered from the store, or failed (classified).
    public enum Status: Sendable {
        case computed
        case cached
        case failed(failureClass: FailureClass, message: String)
    }

    public var file: String
    public var structure: Structure?
    public var structureHash: String?
    /// The settings asked for; the stored row holds the settings of the attempt that converged.
    public var settings: Settings
    public var record: CalculationRecord?
    public var status: Status
    /// Attempts the compute step made (0 when cached) and the marks of its result (SCC retries),
    /// also when the result was answered from the store.
    public var attempts = 0
    public var flags: [TaskFlag] = []

    public init(file: String, settings: Settings, status: Status) {
        self.file = file
        self.settings = settings
        self.status = status
    }
}
