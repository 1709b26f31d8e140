import Engine
import Optimization
import Structures
import Work

/// How campaign tasks optimise: at their level (xtb's default when none), with their frozen atoms.
public enum EngineOptimizer {
    /// The options a campaign task optimises with (frozen atoms still to be selected: `WorkOrder`).
    public static func options(level: ConvergenceLevel?) -> OptimizationOptions {
        OptimizationOptions(level: level ?? .default)
    }

    /// The identity the optimisations table knows this task's optimisation by.
    public static func identity(of structure: Structure, level: ConvergenceLevel?,
                                freeze: String?) throws -> OptimizationIdentity {
        try WorkOrder(structure: structure, settings: Settings(), kind: .optimization, optimization: options(level: level),
                      freeze: freeze).optimizationIdentity()
    }
}
