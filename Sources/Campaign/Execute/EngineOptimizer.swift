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
        let options = OptimizationOptions(level: convergence, frozenAtoms: frozen)
        let outcome = try Optimizer(calculator: calculator, settings: settings, options: options).optimize(structure)
        return TaskReport.Optimization(outcome: outcome, identity: OptimizationIdentity(structure: structure, options: options),
                                       freezeSpec: freeze ?? "")
    }
}
