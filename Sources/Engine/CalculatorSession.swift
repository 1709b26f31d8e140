import Structures

/// A calculator kept ready for a sequence of geometries of one structure (same atoms, charge,
/// multiplicity and cell): what a geometry optimiser needs. Opened with
/// `Calculator.makeSession(for:settings:reuseWavefunction:)`.
public protocol CalculatorSession: AnyObject {
    /// The structure the session was opened for; evaluations change only its positions.
    var structure: Structure { get }
    /// The settings every evaluation uses (except an explicit `maxIterations`).
    var settings: Settings { get }
    /// True when an evaluation may depend on the ones before it (an SCC started from the previous
    /// solution). False: every evaluation equals `singlePoint` of the same geometry, bit for bit.
    var carriesState: Bool { get }
    /// Energy and gradient with the atoms at `positions` (Å, one per atom of `structure`).
    /// `maxIterations`, when given, replaces `settings.maxIterations` for this evaluation (an SCC
    /// retried with more iterations).
    func evaluate(positions: [Vec3], maxIterations: Int?) throws -> CalculationResult
    /// Forgets whatever was carried between evaluations; the next one starts afresh.
    func reset()
}

extension CalculatorSession {
    /// `structure` with the atoms at `positions`.
    public func structure(at positions: [Vec3]) -> Structure {
        var moved = structure
        moved.positions = positions
        return moved
    }
}

/// The fallback session: one fresh `singlePoint` per geometry, nothing carried over.
public final class SinglePointSession: CalculatorSession {
    public let structure: Structure
    public let settings: Settings
    public var carriesState: Bool { false }
    private let calculator: any Calculator

    public init(calculator: any Calculator, structure: Structure, settings: Settings) throws {
        try calculator.validate(structure, settings: settings)
        self.calculator = calculator
        self.structure = structure
        self.settings = settings
    }

    public func evaluate(positions: [Vec3], maxIterations: Int?) throws -> CalculationResult {
        precondition(positions.count == structure.count, "one position per atom")
        var used = settings
        if let maxIterations { used.maxIterations = maxIterations }
        return try calculator.singlePoint(structure(at: positions), settings: used)
    }

    public func reset() {}
}
