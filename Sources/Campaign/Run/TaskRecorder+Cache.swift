import Engine
import Foundation
import Optimization
import Store
import Structures
import Work

/// Cache answering: a task whose result the database already holds is settled from it, without
/// computing. The lookup is `WorkLedger.lookUp`, as for `sp` and `opt`: rows they computed answer
/// campaign tasks and the other way round, and a request that needed an SCC retry is answered by
/// the row computed under the settings that converged, with its flags.
extension TaskRecorder {
    /// The settled row of task `id` when the database holds its answer (not yet written), else nil.
    /// A single point whose (structure, settings, engine) is stored, or was requested before, is
    /// done; so is an optimisation whose (input, settings, options, engine) is, with the single
    /// point at its end.
    func cachedAnswer(_ id: Int, board: TaskBoard) throws -> SettledTask? {
        let task = plan.tasks[id]
        guard let (input, inputHash) = board.input(of: id) else { return nil }
        let order = TaskOrder(task, input: input).work
        if task.kind == .optimization {
            return try cachedOptimization(id, order: order, inputHash: inputHash, board: board)
        }
        guard let stored = try ledger.lookUp(order, structureHash: inputHash),
              let calculation = stored.calculation else { return nil }
        var row = board.rows[id]
        row.inputHash = inputHash
        row.state = .done
        row.calculationID = calculation.id
        row.flags = task.withInputFlags(stored.flags)
        row.message = "answered from the database (calculation \(calculation.id ?? 0))"
        row.finishedAt = Date()
        return SettledTask(id: id, row: row, output: nil, answered: true)
    }

    /// Writes an answer from the database (its task row).
    func write(answer: SettledTask) throws {
        try store.updateTask(answer.row)
        let task = plan.tasks[answer.id]
        if let hash = answer.row.inputHash, let block = nanocrystal(of: task, inputHash: hash) {
            try store.saveNanocrystal(block)
        }
    }

    /// The optimisation as stored by any campaign or `interscreen opt`, flagged as a fresh one
    /// would be; nil when the database lacks it or its final single point.
    private func cachedOptimization(_ id: Int, order: WorkOrder, inputHash: String,
                                    board: TaskBoard) throws -> SettledTask? {
        do {
            _ = try order.optimizationIdentity()
        } catch {
            // A freeze that does not apply to this input has no identity: not answerable, so the task
            // is computed, and the worker reports the same error as the task's failure.
            return nil
        }
        guard let stored = try ledger.lookUp(order, structureHash: inputHash),
              let optimization = stored.optimization, let calculation = stored.calculation,
              var output = try store.structure(hash: optimization.outputHash) else { return nil }
        output.name = "\(plan.tasks[id].structureName)-opt"
        var flags = stored.flags
        // Rows stored without a request row (no flags then, or written before v13) still get the guard's flags.
        for flag in TopologyFlags.between(start: order.structure, end: output) where !flags.contains(flag) {
            flags.append(flag)
        }
        var row = board.rows[id]
        row.inputHash = inputHash
        row.state = .done
        row.calculationID = calculation.id
        row.outputHash = optimization.outputHash
        row.flags = plan.tasks[id].withInputFlags(flags)
        row.message = "answered from the database (optimisation \(optimization.id ?? 0))"
        row.finishedAt = Date()
        return SettledTask(id: id, row: row, output: (output, optimization.outputHash), answered: true)
    }
}
