import CXTB
import Foundation
import Structures

/// GFN2-xTB, GFN1-xTB, GFN0-xTB and GFN-FF single points through libxtb's C API, in process.
///
/// A result depends only on (structure, settings), never on the calls made before it: every call
/// gets a fresh results object (no SCC state carries over), and the loaded model (parameters,
/// basis, solvation) is reused only when a GFN2/GFN1 structure differs from the last one in its
/// positions alone (`XTBLoadedModel`). Not thread-safe: GFN0 and GFN-FF share Fortran file units,
/// and GFN-FF calls move the working directory to a scratch folder; use one per process.
public final class XTBCalculator: Calculator {
    let environment: XTBEnvironment
    /// The model of the previous call, reused when the next structure differs only in positions.
    private var lastModel: XTBLoadedModel?

    /// Uses the process's libxtb environment (made by the first calculator; its scratch folder
    /// goes under that calculator's `scratchParent`).
    public init(scratchParent: URL? = nil) throws {
        environment = try XTBEnvironment.shared(scratchParent: scratchParent)
    }

    public var engineVersion: String { Self.engineVersion }

    /// "libxtb 6.5.1 (api 10000)": known without a calculator (the library is linked in).
    public static var engineVersion: String { "libxtb \(libraryVersion)" }

    /// libxtb's release, from its API version (10000 → 6.5.x in Debian bookworm's build).
    public static var libraryVersion: String {
        let api = xtb_getAPIVersion()
        return api == 10000 ? "6.5.1 (api \(api))" : "api \(api)"
    }

    public func validate(_ structure: Structure, settings: Settings) throws {
        try XTBInputPolicy.check(structure, settings: settings)
    }

    public func singlePoint(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        try validate(structure, settings: settings)
        try XTBProcessState.admit(settings.method)
        let clock = ContinuousClock.now
        let run = { try self.compute(structure, settings: settings) }
        var result = settings.method == .gfnff ? try environment.withQuietScratch(run) : try run()
        let elapsed = ContinuousClock.now - clock
        result.wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    private func compute(_ structure: Structure, settings: Settings) throws -> CalculationResult {
        let model = try loadedModel(for: structure, settings: settings)
        var results: xtb_TResults? = xtb_newResults()
        defer { xtb_delResults(&results) }
        xtb_singlepoint(environment.handle, model.molecule.handle, model.calculator, results)
        try environment.check("\(settings.method.displayName) single point")
        return try XTBResultReader(environment: environment, results: results, atoms: structure.count,
                                   method: settings.method, engine: engineVersion).read()
    }

    /// The parametrised model for this composition and settings: the last one again with new
    /// positions when only the geometry changed, otherwise a fresh one (see `XTBLoadedModel`).
    private func loadedModel(for structure: Structure, settings: Settings) throws -> XTBLoadedModel {
        let key = XTBLoadedModel.Key(structure, settings: settings)
        if let last = lastModel, last.key == key, key.reusable {
            try last.update(structure)
            return last
        }
        lastModel = nil
        let model = try XTBLoadedModel(structure, settings: settings, key: key, environment: environment)
        lastModel = model
        return model
    }
}
