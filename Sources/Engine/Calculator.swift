import Structures

/// Something that turns a structure and settings into an energy and gradient.
///
/// Backends: `XTBCalculator` (libxtb in process), `TBLiteCalculator` (periodic GFN1/GFN2), and
/// `CalculatorRouter`, which picks between them per structure.
public protocol Calculator: AnyObject {
    /// Backend name and version, recorded with every result (e.g. "libxtb 6.5.1").
    var engineVersion: String { get }
    /// Checks that the backend can safely take this input; throws `EngineError` or `StructureError`.
    func validate(_ structure: Structure, settings: Settings) throws
    /// Computes a single point: energy, gradient, charges, gap.
    func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult
    /// Opens a session for many geometries of one structure (a geometry optimisation).
    ///
    /// Optional capability: the default implementation (`SinglePointSession`) runs a fresh
    /// `singlePoint` per geometry. A backend may keep its state between geometries; with
    /// `reuseWavefunction` it may also start each SCC from the previous solution (faster, but
    /// then results depend on the path — see `CalculatorSession.carriesState`).
    func makeSession(for structure: Structure, settings: Settings,
                     reuseWavefunction: Bool) throws -> any CalculatorSession
}

extension Calculator {
    public func makeSession(for structure: Structure, settings: Settings,
                            reuseWavefunction: Bool) throws -> any CalculatorSession {
        try SinglePointSession(calculator: self, structure: structure, settings: settings)
    }
}
