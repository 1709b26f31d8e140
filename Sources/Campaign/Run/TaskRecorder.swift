import Engine
import Foundation
import Scheduler
import Store
import Structures
import Work

/// Writes a run's tasks to the store: the rows a run starts from, each batch of finished tasks in
/// one transaction (a result — recorded through `WorkLedger`, as `sp` and `opt` record theirs —, a
/// classified failure or a counted crash per task, each in its own savepoint), and the failures
/// rows. Answers from the database (`WorkLedger.lookUp`): `TaskRecorder+Cache`.
struct TaskRecorder {
    let plan: CampaignPlan
    let store: ResultsStore
    let runID: Int64
    let host: String
    let version: String
    /// Looks up and records tasks' work; engines are named without a calculator (`EngineIdentities`:
    /// the tblite bridge is asked once, if any task needs it), so rank 0 computes nothing.
    let ledger: WorkLedger

    init(plan: CampaignPlan, store: ResultsStore, runID: Int64, host: String, version: String) {
        self.plan = plan
        self.store = store
        self.runID = runID
        self.host = host
        self.version = version
        ledger = WorkLedger(store: store, engines: EngineIdentities())
    }

    /// Crashes of a task's own engine process after which it is quarantined (not retried).
    static let quarantineAfterCrashes = 2

    /// The task rows the run starts from: tasks left running by a run that died as a whole go back
    /// to pending (`ResultsStore.recoverCrashedTasks`), the plan's tasks are added or updated.
    func startingRows() throws -> [TaskRecord] {
        _ = try store.recoverCrashedTasks(campaign: plan.campaign)
        let campaign = plan.campaign
        let planned = plan.tasks.map { task in
            let inputHash = task.input?.contentHash
            return TaskRecord(campaign: campaign, key: task.key, kind: task.kind.rawValue, structureName: task.structureName,
                              inputHash: inputHash, definitionHash: task.definitionHash(inputHash: inputHash),
                              settingsHash: task.settings.hash, predictedSeconds: task.predictedSeconds)
        }
        return try store.syncTasks(campaign: campaign, planned: planned)
    }

    /// Invalid inputs become failures now: no engine call, reported once per run.
    func recordInvalidStructures() throws {
        for invalid in plan.invalidStructures {
            try store.saveFailure(source: invalid.file, structureHash: nil, settingsHash: invalid.method.settings.hash,
                                  failureClass: invalid.error.kind.rawValue,
                                  message: "\(invalid.name): \(invalid.error.description)", runID: runID, host: host)
        }
    }

    /// The optimised geometry a done optimisation of an earlier run passes on, nil for other tasks.
    func earlierOutput(_ row: TaskRecord, of task: PlannedTask) throws -> Structure? {
        guard task.kind == .optimization, let hash = row.outputHash else { return nil }
        return try store.structure(hash: hash)
    }

    /// Writes task rows as they stand.
    func write(_ rows: [TaskRecord]) throws {
        if !rows.isEmpty { try store.updateTasks(rows) }
    }

    /// Commits finished tasks in one transaction. A storage failure is thrown (nothing of the batch
    /// is stored); any other error of one task undoes that task's writes and fails it alone.
    func commit(_ finished: [FinishedTask], board: TaskBoard) throws -> [SettledTask] {
        try store.write { transaction in try finished.map { try write($0, board: board, transaction) } }
    }

    /// Writes failed tasks (the failures rows and the task rows) in one transaction.
    func record(failures: [SettledTask]) throws {
        try store.write { transaction in
            for failure in failures { try recordFailure(failure, transaction) }
        }
    }

    /// The failed row of task `id` (not yet written).
    func failure(_ id: Int, rank: Int?, _ failureClass: FailureClass, message: String, board: TaskBoard) -> SettledTask {
        var row = board.rows[id]
        row.state = .failed
        row.rank = rank ?? row.rank
        row.failureClass = failureClass.rawValue
        row.message = message
        row.finishedAt = Date()
        return SettledTask(id: id, row: row, output: nil)
    }

    private func write(_ finished: FinishedTask, board: TaskBoard, _ transaction: StoreTransaction) throws -> SettledTask {
        do {
            return try transaction.isolated { try writeReport(finished, board: board, transaction) }
        } catch where ResultsStore.isStorageFailure(error) {
            throw error
        } catch {
            let failed = failure(finished.id, rank: finished.rank, .internal,
                                 message: "\(plan.tasks[finished.id].key): \(error)", board: board)
            try recordFailure(failed, transaction)
            return failed
        }
    }

    /// The worker's report, decoded and written: a crash counted, a failure as reported, or the result.
    private func writeReport(_ finished: FinishedTask, board: TaskBoard, _ transaction: StoreTransaction) throws -> SettledTask {
        let task = try TaskReport.decode(finished.result)
        let report = task.report
        if report.failureClass == .crashed {
            let crash = crashed(finished.id, rank: finished.rank, message: report.message ?? "", board: board)
            try recordFailure(crash, transaction)
            return crash
        }
        guard report.succeeded else {
            var failed = failure(finished.id, rank: finished.rank, report.failureClass ?? .internal,
                                 message: report.message ?? "", board: board)
            failed.row.attempts = report.attempts
            try recordFailure(failed, transaction)
            return failed
        }
        return try writeSuccess(finished, task, board: board, transaction)
    }

    /// Records the result through `WorkLedger` (structure, optimisation, calculation, and the
    /// request row of a retried or flagged result) and the task row, in the batch's transaction.
    private func writeSuccess(_ finished: FinishedTask, _ reported: TaskReport, board: TaskBoard,
                              _ transaction: StoreTransaction) throws -> SettledTask {
        let id = finished.id
        let task = plan.tasks[id]
        let report = reported.report
        guard let (input, inputHash) = board.input(of: id), report.result != nil else {
            throw StoreError.corruptRow(table: "tasks", key: task.key, "success without a result")
        }
        let provenance = Provenance(runID: runID, host: reported.host, version: version, startedAt: reported.startedAt,
                                    finishedAt: Date(), sourceFile: "task:\(task.key)")
        let stored = try ledger.record(TaskOrder(task, input: input).work, report, provenance, structureHash: inputHash,
                                       in: transaction)
        if let block = nanocrystal(of: task, inputHash: inputHash) { try transaction.saveNanocrystal(block) }
        var output: (structure: Structure, hash: String)?
        if let optimization = report.optimization, let row = stored.optimization {
            var structure = optimization.finalStructure
            structure.name = "\(task.structureName)-opt"
            output = (structure, row.outputHash)
        }
        var row = board.rows[id]
        row.state = .done
        row.rank = finished.rank
        row.outputHash = output?.hash ?? row.outputHash
        row.calculationID = stored.calculation?.id
        row.attempts = report.attempts
        row.flags = task.withInputFlags(report.flags)
        row.wallSeconds = reported.wallSeconds
        row.host = reported.host
        row.finishedAt = Date()
        row.failureClass = nil
        row.message = nil
        try transaction.updateTasks([row])
        return SettledTask(id: id, row: row, output: output)
    }

    /// The row of a task whose engine process died while computing it: a crash counted against
    /// it; pending to run once more, or quarantined at `quarantineAfterCrashes`.
    private func crashed(_ id: Int, rank: Int, message: String, board: TaskBoard) -> SettledTask {
        var settled = failure(id, rank: rank, .crashed, message: message, board: board)
        settled.row.crashes += 1
        let crashes = settled.row.crashes
        if crashes >= Self.quarantineAfterCrashes {
            settled.row.state = .quarantined
            settled.row.message = "\(message); crashed the engine \(crashes) times: quarantined, not retried automatically"
        } else {
            settled.row.state = .pending
            settled.row.finishedAt = nil
            settled.row.message = "\(message); crash \(crashes) of \(Self.quarantineAfterCrashes), running it again"
            settled.retry = true
        }
        return settled
    }

    /// The failures-table row and the task row of a failed task.
    private func recordFailure(_ failed: SettledTask, _ transaction: StoreTransaction) throws {
        let task = plan.tasks[failed.id]
        try transaction.saveFailure(source: task.key, structureHash: failed.row.inputHash,
                                    settingsHash: task.settings.hash,
                                    failureClass: failed.row.failureClass ?? FailureClass.internal.rawValue,
                                    message: failed.row.message ?? "", runID: runID, host: host)
        try transaction.updateTasks([failed.row])
    }
}
