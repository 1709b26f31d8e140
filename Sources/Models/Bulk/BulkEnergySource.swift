import Engine
import Optimization
import Structures

/// Where a bulk study gets its numbers: computed directly (`DirectEnergySource`) or, in the CLI,
/// looked up in and saved to the results store.
public protocol BulkEnergySource {
    /// Checks that the backend accepts `structure` before a series starts.
    func validate(_ structure: Structure) throws
    /// Single-point energy of `supercell` (built from `cell`).
    func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy
    /// Positions-only relaxation of `supercell` (fixed cell) with `options`.
    func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy
}
