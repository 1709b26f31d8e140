import Engine
import Optimization
import Structures

/// Fixed-cell relaxation of atomic positions in a periodic supercell, with the project's optimiser
/// (Engine's RS-RFO/BFGS `Optimizer`, which works with any `Calculator`).
///
/// The cell vectors never change. Atom 1 is held fixed: a crystal's energy does not change when
/// every atom moves by the same vector, and pinning one atom removes that freedom. (The
/// optimiser's own rigid-motion projection is made for molecules and also removes rotations,
/// which are not free in a crystal; with an atom frozen it is not used.)
public enum PositionRelaxation {
    /// What the reports say was relaxed.
    public static let description = "atomic positions relaxed at fixed cell (atom 1 held fixed)"

    /// Optimiser options for relaxing `supercell`'s positions.
    public static func options(for supercell: Structure, level: ConvergenceLevel = .normal,
                               maxCycles: Int? = nil) -> OptimizationOptions {
        OptimizationOptions(level: level, maxCycles: maxCycles, frozenAtoms: supercell.count > 1 ? [0] : [])
    }
}
