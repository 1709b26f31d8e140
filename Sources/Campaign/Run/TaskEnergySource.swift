import Models
import Optimization
import Store
import Structures

/// The energies of a campaign's finished tasks as a `BulkEnergySource`, so the surface and bulk
/// studies of Models (the code `interscreen surface` runs) form γ from stored rows: a structure is
/// found by content hash among the surface's planned items, then its task row, then its
/// calculation row. Remembers the calculation ids it answered with.
final class TaskEnergySource: BulkEnergySource {
    /// Why a planned energy is not there.
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    private let names: [String: String]
    private let finalTask: [String: Int]
    private let rows: [TaskRecord]
    private let store: ResultsStore
    private(set) var used: [Int64] = []

    init(items: [SurfaceStructures.Item], finalTask: [String: Int], rows: [TaskRecord], store: ResultsStore) {
        names = Dictionary(items.map { ($0.structure.contentHash, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.finalTask = finalTask
        self.rows = rows
        self.store = store
    }

    func validate(_ structure: Structure) throws {}

    func energy(of supercell: Structure, builtFrom cell: Structure) throws -> SupercellEnergy {
        guard let name = names[supercell.contentHash], let index = finalTask[name], rows.indices.contains(index) else {
            throw Missing(description: "\(supercell.name) (\(supercell.count) atoms) is not a task of this campaign")
        }
        let row = rows[index]
        guard row.state == .done, let id = row.calculationID else {
            throw Missing(description: "task \(row.key) is \(row.state.rawValue)\(row.message.map { ": \($0)" } ?? "")")
        }
        guard let calculation = try store.calculation(id: id) else {
            throw StoreError.corruptRow(table: "tasks", key: row.key, "done, but its calculation row is missing")
        }
        if !used.contains(id) { used.append(id) }
        return SupercellEnergy(energy: calculation.energyHartree, seconds: calculation.wallSeconds, cached: true,
                               calculationID: id)
    }

    func relax(_ supercell: Structure, options: OptimizationOptions) throws -> RelaxedEnergy {
        throw Missing(description: "campaign surfaces are bulk-cut: nothing is relaxed")
    }

    /// Starts a new list of used calculation ids.
    func resetUsed() { used = [] }
}
