/// A calculation that the engine refused or that failed inside the backend.
public struct EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Failure classes, stored as text in the results database.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Input the method cannot handle (element, periodicity, solvent name).
        case unsupported = "unsupported"
        /// The SCC did not converge within the iteration limit.
        case sccNotConverged = "scc_not_converged"
        /// Any other error reported by the backend.
        case backend = "backend_error"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
