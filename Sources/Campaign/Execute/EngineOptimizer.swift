import Engine
import Structures

/// The engine's optimiser (RFO with a model Hessian, xtb's levels, frozen atoms) for campaign tasks.
public struct EngineOptimizer: GeometryOptimizing {
    public init() {}

    public func optimize(_ structure: Structure, settings: Settings, level: String, freeze: String?,
                         calculator: Calculator) throws -> TaskReport.Optimization {
        guard let convergence = ConvergenceLevel(name: level) else {
            throw EngineError(.unsupported, "unknown optimisation level '\(level)'")
        }
        let frozen = try freeze.map { try FreezeSpec(parsing: $0).frozenAtoms(in: structure) } ?? []
        let optimizer = Optimizer(calculator: calculator, settings: settings,
                                  options: OptimizationOptions(level: convergence, frozenAtoms: frozen))
        let outcome = try optimizer.optimize(structure)
        return TaskReport.Optimization(
            finalStructure: outcome.structure, converged: outcome.converged, cycles: outcome.cycles,
            gradientEvaluations: outcome.gradientEvaluations, energies: outcome.steps.compactMap(\.energy),
            gradientNorms: outcome.steps.compactMap(\.gradientNorm), result: outcome.result)
    }
}
