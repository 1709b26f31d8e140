/// Why a convergence series stopped.
public enum SeriesStop: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Two consecutive sizes agreed within the threshold.
    case converged
    /// The next size (label, atoms) exceeds the atom cap.
    case atomCap(next: String, atoms: Int, cap: Int)
    /// The next size's estimated time (s) would overrun the budget.
    case timeBudget(next: String, atoms: Int, estimatedSeconds: Double, remainingSeconds: Double)
    /// The series has no more sizes.
    case seriesExhausted
    /// A calculation failed (label of the supercell, message).
    case failed(supercell: String, message: String)

    public var isConverged: Bool { self == .converged }

    public var description: String {
        switch self {
        case .converged:
            "converged"
        case let .atomCap(next, atoms, cap):
            "the next size, \(next) (\(atoms) atoms), exceeds the cap of \(cap) atoms"
        case let .timeBudget(next, atoms, estimate, remaining):
            "the next size, \(next) (\(atoms) atoms), would take about \(Int(estimate.rounded())) s, "
                + "more than the \(Int(remaining.rounded())) s left of the time budget"
        case .seriesExhausted:
            "the series has no more sizes"
        case let .failed(supercell, message):
            "\(supercell) failed: \(message)"
        }
    }
}
