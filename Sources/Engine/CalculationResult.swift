import Structures

/// What one single point produced.
public struct CalculationResult: Sendable, Codable, Equatable {
    /// Total energy in Eh.
    public var energy: Double
    /// Cartesian gradient in Eh/Bohr, one 3-vector per atom (input atom order).
    public var gradient: [[Double]]
    /// Partial charges in e (Mulliken for GFN1/2, EEQ for GFN0/GFN-FF), input atom order.
    public var charges: [Double]?
    /// HOMO–LUMO gap in eV, when the method has orbitals.
    public var gapEV: Double?
    /// SCC iterations when the backend reports them (libxtb's C API does not: nil).
    public var sccIterations: Int?
    /// Whether the self-consistent charges converged (always true for non-SCC methods).
    public var sccConverged: Bool
    /// Wall time of the calculation in seconds.
    public var wallSeconds: Double
    /// Backend and version that computed it, e.g. "libxtb 6.5.1".
    public var engine: String

    public init(energy: Double, gradient: [[Double]], charges: [Double]?, gapEV: Double?,
                sccIterations: Int?, sccConverged: Bool, wallSeconds: Double, engine: String) {
        self.energy = energy
        self.gradient = gradient
        self.charges = charges
        self.gapEV = gapEV
        self.sccIterations = sccIterations
        self.sccConverged = sccConverged
        self.wallSeconds = wallSeconds
        self.engine = engine
    }

    /// Euclidean norm of the whole gradient (xtb's |dE/xyz|), Eh/Bohr.
    public var gradientNorm: Double {
        gradient.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }.squareRoot()
    }
}
