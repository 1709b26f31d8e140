import Structures

/// Something that turns a structure and settings into an energy and gradient.
///
/// Backends: `XTBCalculator` (libxtb in process). Later: tblite for periodic GFN1/GFN2.
public protocol Calculator: AnyObject {
    /// Backend name and version, recorded with every result (e.g. "libxtb 6.5.1").
    var engineVersion: String { get }
    /// Checks that the backend can safely take this input; throws `EngineError` or `StructureError`.
    func validate(_ structure: Structure, settings: Settings) throws
    /// Computes a single point: energy, gradient, charges, gap.
    func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult
}
