import Engine
import Optimization
import Structures

/// The optimiser of the `Optimization` target (model Hessian, xtb's levels, frozen atoms) for campaign tasks.
public struct EngineOptimizer: GeometryOptimizing {
    public init() {}

    public func optimize(_ structure: Structure, settings: Settings, level: ConvergenceLevel, freeze: String?,
                         calculator: Calculator) throws -> TaskReport.Optimization {
        let options = try Self.options(for: structure, level: level, freeze: freeze)
        let outcome = try Optimizer(calculator: calculator, settings: settings, options: options).optimize(structure)
        return TaskReport.Optimization(outcome: outcome, identity: OptimizationIdentity(structure: structure, options: options),
                                       freezeSpec: freeze ?? "")
    }

    /// The options a campaign task optimises with: its level and its frozen atoms.
    public static func options(for structure: Structure, level: ConvergenceLevel,
                               freeze: String?) throws -> OptimizationOptions {
        let frozen = try freeze.map { try FreezeSpec(parsing: $0).frozenAtoms(in: structure) } ?? []
        return OptimizationOptions(level: level, frozenAtoms: frozen)
    }

    /// The identity the optimisations table knows this task's optimisation by (nil level: xtb's default).
    public static func identity(of structure: Structure, level: ConvergenceLevel?,
                                freeze: String?) throws -> OptimizationIdentity {
        OptimizationIdentity(structure: structure,
                             options: try options(for: structure, level: level ?? .default, freeze: freeze))
    }
}
