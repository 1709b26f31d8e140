import CXTB
import Foundation
import Structures

extension XTBCalculator {
    /// Without `reuseWavefunction`: fresh single points (which already keep the loaded model).
    /// With it (GFN2/GFN1 only): one model and one results object for the whole session, so each
    /// SCC starts from the previous geometry's solution, as xtb's own optimiser does.
    public func makeSession(for structure: Structure, settings: Settings,
                            reuseWavefunction: Bool) throws -> any CalculatorSession {
        guard reuseWavefunction, settings.method.isSelfConsistent else {
            return try SinglePointSession(calculator: self, structure: structure, settings: settings)
        }
        return try XTBRestartSession(calculator: self, structure: structure, settings: settings)
    }
}

/// GFN2/GFN1 evaluations that restart each SCC from the previous solution (libxtb keeps the
/// wavefunction in the results object). Faster SCCs along an optimisation path, but the result at
/// a geometry depends on the path: small-gap clusters can drift into a spurious SCC solution
/// (measured on a Cs8Pb8I24 fragment: −115.37 Eh on a restart chain, −113.83 Eh from a fresh
/// start at the same geometry). A failed SCC drops the carried solution.
final class XTBRestartSession: CalculatorSession {
    let structure: Structure
    let settings: Settings
    var carriesState: Bool { true }
    private let calculator: XTBCalculator
    private var model: XTBLoadedModel
    private var results: xtb_TResults?
    private var maxIterations: Int

    init(calculator: XTBCalculator, structure: Structure, settings: Settings) throws {
        try calculator.validate(structure, settings: settings)
        self.calculator = calculator
        self.structure = structure
        self.settings = settings
        maxIterations = settings.maxIterations
        model = try XTBLoadedModel(structure, settings: settings, key: .init(structure, settings: settings),
                                   environment: calculator.environment)
        results = xtb_newResults()
    }

    deinit {
        xtb_delResults(&results)
    }

    func evaluate(positions: [Vec3], maxIterations limit: Int?) throws -> CalculationResult {
        precondition(positions.count == structure.count, "one position per atom")
        let moved = structure(at: positions)
        var used = settings
        if let limit { used.maxIterations = limit }
        try calculator.validate(moved, settings: used)
        try XTBProcessState.admit(settings.method)
        let environment = calculator.environment
        let clock = ContinuousClock.now
        if used.maxIterations != maxIterations {
            xtb_setMaxIter(environment.handle, model.calculator, Int32(used.maxIterations))
            try environment.check("setting SCC iterations")
            maxIterations = used.maxIterations
        }
        try model.update(moved)
        xtb_singlepoint(environment.handle, model.molecule.handle, model.calculator, results)
        do {
            try environment.check("\(settings.method.displayName) single point")
        } catch {
            reset()
            throw error
        }
        var result = try XTBResultReader(environment: environment, results: results, atoms: structure.count,
                                         method: settings.method, engine: calculator.engineVersion).read()
        let elapsed = ContinuousClock.now - clock
        result.wallSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return result
    }

    func reset() {
        xtb_delResults(&results)
        results = xtb_newResults()
    }
}
