import Structures

/// Something that turns a structure and settings into an energy and gradient.
///
/// Backends: `XTBCalculator` (libxtb in process), `TBLiteCalculator` (periodic GFN1/GFN2, and
/// molecules when asked for), and `CalculatorRouter`, which picks between them by `EngineChoice`.
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
    /// The calculator that computes this calculation under `choice` (a router picks a backend;
    /// a single backend is itself when it is the one chosen, and refuses otherwise).
    func backend(_ choice: EngineChoice, for structure: Structure, settings: Settings) throws -> Calculator
    /// The engine part of the identity of this calculation (the store's cache key), known before
    /// computing; a router may start the backend it picks to learn it.
    func engineIdentity(for structure: Structure, settings: Settings) throws -> EngineIdentity
}

extension Calculator {
    public func makeSession(for structure: Structure, settings: Settings,
                            reuseWavefunction: Bool) throws -> any CalculatorSession {
        try SinglePointSession(calculator: self, structure: structure, settings: settings)
    }

    public func engineIdentity(for structure: Structure, settings: Settings) throws -> EngineIdentity {
        EngineIdentity(provenance: engineVersion)
    }

    public func backend(_ choice: EngineChoice, for structure: Structure, settings: Settings) throws -> Calculator {
        let wanted = choice.backend(for: structure, settings: settings)
        let mine = EngineIdentity(provenance: engineVersion).backend
        guard mine == nil || mine == wanted else {
            throw EngineError(.unsupported, "the \(wanted.rawValue) engine was asked for, but this process computes "
                + "with \(engineVersion) only")
        }
        return self
    }
}
