import Engine
import Foundation
import Optimization
import Store
import Structures
import Work

/// Cache answering: a task whose result the database already holds is settled from it, without computing.
extension TaskRecorder {
    /// The settled row of task `id` when the database holds its answer (not yet written), else nil.
    /// A single point whose (structure, settings, engine) is stored is done; so is an optimisation
    /// whose (input, settings, options, engine) is, with the single point at its end.
    func cachedAnswer(_ id: Int, board: TaskBoard) throws -> SettledTask? {
        let task = plan.tasks[id]
        guard let (input, inputHash) = board.input(of: id) else { return nil }
        let engine = try engines.identity(task.engine, for: input, settings: task.settings)
        if task.kind == .optimization {
            return try cachedOptimization(id, input: input, inputHash: inputHash, engine: engine, board: board)
        }
        guard let cached = try store.cachedCalculation(structureHash: inputHash, settingsHash: task.settings.hash,
                                                       engine: engine) else { return nil }
        var row = board.rows[id]
        row.inputHash = inputHash
        row.state = .done
        row.calculationID = cached.id
        row.message = "answered from the database (calculation \(cached.id ?? 0))"
        row.finishedAt = Date()
        return SettledTask(id: id, row: row, output: nil, answered: true)
    }

    /// Writes an answer from the database (its task row).
    func write(answer: SettledTask) throws {
        try store.updateTask(answer.row)
    }

    /// The optimisation as stored by any campaign or `interscreen opt`, flagged as a fresh one
    /// would be; nil when the database lacks it or its final single point.
    private func cachedOptimization(_ id: Int, input: Structure, inputHash: String, engine: EngineIdentity,
                                    board: TaskBoard) throws -> SettledTask? {
        let task = plan.tasks[id]
        let identity: OptimizationIdentity
        do {
            identity = try EngineOptimizer.identity(of: input, level: task.optimizationLevel, freeze: task.freeze)
        } catch {
            // A freeze that does not apply to this input has no identity: not answerable, so the task
            // is computed, and the worker reports the same error as the task's failure.
            return nil
        }
        guard let cached = try store.cachedOptimization(inputHash: inputHash, settingsHash: task.settings.hash,
                                                        optionsHash: identity.hash, engine: engine),
              let calculation = try store.cachedCalculation(structureHash: cached.outputHash, settingsHash: task.settings.hash,
                                                            engine: EngineIdentity(text: cached.engine)),
              var output = try store.structure(hash: cached.outputHash) else { return nil }
        output.name = "\(task.structureName)-opt"
        var row = board.rows[id]
        row.inputHash = inputHash
        row.state = .done
        row.calculationID = calculation.id
        row.outputHash = cached.outputHash
        row.flags = (cached.converged ? [] : [.optimizationNotConverged]) + TopologyFlags.between(start: input, end: output)
        row.message = "answered from the database (optimisation \(cached.id ?? 0))"
        row.finishedAt = Date()
        return SettledTask(id: id, row: row, output: (output, cached.outputHash), answered: true)
    }
}
