import Engine
import Optimization
import Structures
import Work

/// How campaign tasks optimise: at their level (xtb's default when none), for at most their cycles
/// (xtb's default for the level and size when none), with their frozen atoms.
public enum EngineOptimizer {
    /// The options a campaign task optimises with (frozen atoms still to be selected: `WorkOrder`).
    public static func options(level: ConvergenceLevel?, maxCycles: Int? = nil) -> OptimizationOptions {
        OptimizationOptions(level: level ?? .default, maxCycles: maxCycles)
    }
}
