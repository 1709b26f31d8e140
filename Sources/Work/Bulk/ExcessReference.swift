import Engine
import Models
import Store
import Structures

/// The chemical potential of a non-stoichiometric slab's excess (`surface --excess-cell`): the
/// converged bulk energy per reduced unit of that compound, from the stored energy source.
public struct ExcessReference: Sendable {
    /// μ of one reduced unit, Eh.
    public var energy: Double
    /// How it was obtained, e.g. "CsI bulk 2x2x2 (converged), rich limit".
    public var label: String

    /// The converged (or best) bulk energy per unit of the cell in `file`; a file that cannot be
    /// read or a series without an energy throws a classified failure.
    public init(file: String, source: (String) -> StoredEnergySource) throws {
        let structure: Structure
        do { structure = try StructureFile.read(path: file) } catch {
            let failure = FailureClass.classify(error)
            throw ClassifiedFailure(failure.failureClass, failure.message)
        }
        let result = try BulkStudy(source: source(file)).run(structure)
        guard let energy = result.bestEnergyPerUnit else {
            throw ClassifiedFailure(.engine(.backend), "\(file): no bulk energy (\(result.stop))")
        }
        let state = result.converged ? "converged" : "NOT converged"
        self.energy = energy
        self.label = "\(result.formula) bulk \(result.points.last?.supercell.label ?? "") (\(state)), rich limit"
    }
}
