import Foundation
import Scheduler
import Store

/// Rank 0's side of a campaign (the `WorkSource` the scheduler's loops ask): composes the task
/// board (dispatch and task state), the recorder (store transactions, cache answers, failure rows),
/// the reaction former and the storage-failure policy.
///
/// Every result is committed as it arrives (results that arrive together, and the tasks handed
/// out together, in one transaction each); task rows carry the state a rerun resumes from (done
/// tasks are skipped, a task whose engine process crashed runs once more and is quarantined at its
/// second crash, tasks left running by a run that died as a whole run again, and results already in
/// the database are answered from it). Everything is set at `init`: nothing configures it later.
public final class CampaignCoordinator: WorkSource {
    public let plan: CampaignPlan
    /// Worker ranks computing for this run (for the predicted ETA before any task has finished).
    public let workers: Int
    /// The cost model calibrated to earlier runs (`CostModel.calibrated`): dispatch order and ETA.
    public let costs: CostModel
    /// Called after every finished task, and about once a second while tasks run (coordinator's thread).
    public let onProgress: ((CampaignProgress) -> Void)?
    private let board: TaskBoard
    private let recorder: TaskRecorder
    private let reactions: ReactionFormer
    private let storage: StorageFailurePolicy
    private let started = Date()
    private var finishedThisRun = 0
    private var lastHeartbeat = Date.distantPast

    /// Crashes of a task's own engine process after which it is quarantined (not retried).
    public static let quarantineAfterCrashes = TaskRecorder.quarantineAfterCrashes

    /// Reads the task rows, records invalid inputs, settles what the database already knows and
    /// forms the reactions it completes. `stop` is asked to stop the run when the database cannot be written.
    public init(plan: CampaignPlan, store: ResultsStore, runID: Int64, host: String, version: String,
                policy: Dispatcher.Policy = .longestFirst, verdicts: [VerdictSpec] = [],
                costs: CostModel = CostModel(), timeLimit: TaskTimeLimit? = nil, workers: Int = 1,
                stop: StopSignal? = nil, onProgress: ((CampaignProgress) -> Void)? = nil) throws {
        self.plan = plan
        self.costs = costs
        self.workers = max(1, workers)
        self.onProgress = onProgress
        recorder = TaskRecorder(plan: plan, store: store, runID: runID, host: host, version: version)
        board = TaskBoard(plan: plan, rows: try recorder.startingRows(), costs: costs, policy: policy, timeLimit: timeLimit)
        reactions = try ReactionFormer(plan: plan, store: store, verdicts: verdicts)
        storage = StorageFailurePolicy(stop: stop)
        try recorder.recordInvalidStructures()
        try settleKnownTasks()
        try reactions.formSettled(rows: board.rows)
    }

    /// When set, tasks not expected to finish before its deadline are deferred to the next run.
    public var timeLimit: TaskTimeLimit? { board.timeLimit }

    /// Why the database could not be written, once that happened: the run stops, and the tasks
    /// whose results were lost run again on resume (they are not failed).
    public var storeFailure: String? { storage.reason }

    // MARK: WorkSource

    public var isDrained: Bool { board.isDrained }

    /// Tasks held back because they would not finish before the deadline (`timeLimit`).
    public var deferredCount: Int { board.deferredCount }

    public func nextTasks(limit: Int) -> [(id: Int, payload: [UInt8])] {
        var orders: [(id: Int, payload: [UInt8])] = []
        var answered = false
        while orders.count < limit, let id = board.nextReady() {
            let task = plan.tasks[id]
            guard let (input, _) = board.input(of: id) else {
                fail(id, .internal, message: "\(task.key): input geometry unavailable")
                continue
            }
            board.noteInputHash(id)
            switch answerFromCache(id) {
            case .answered:
                answered = true   // its reactions may be complete now (the last task of a run often is)
                continue
            case .unwritable(let error):
                stopForStorage(error, unsent: orders.map(\.id) + [id])
                return []
            case .compute:
                break
            }
            let order = TaskOrder(task, input: input)
            let payload: [UInt8]
            do {
                payload = try order.encoded()
            } catch {
                fail(id, .internal, message: "\(task.key): the order could not be encoded: \(error)")
                continue
            }
            board.markRunning(id, runID: recorder.runID)
            orders.append((id, payload))
        }
        // Running before any worker has them: a run that dies now counts them as crashed.
        do {
            try recorder.write(orders.map { board.rows[$0.id] })
        } catch {
            stopForStorage(error, unsent: orders.map(\.id))
            return []
        }
        if answered { formReactionsSoFar() }
        return orders
    }

    /// Commits the results in one transaction, then releases their dependents and forms the
    /// reactions they complete. A result that cannot be used fails its own task; a database that
    /// cannot be written stops the run (`storeFailure`) and fails none.
    public func complete(_ finished: [FinishedTask]) {
        let settled: [SettledTask]
        do {
            settled = try recorder.commit(finished, board: board)
        } catch where ResultsStore.isStorageFailure(error) {
            stopForStorage(error, unsent: finished.map(\.id))
            return
        } catch {
            // Any other error of the commit itself: nothing of the batch is stored; its tasks fail.
            settled = finished.map {
                recorder.failure($0.id, rank: $0.rank, .internal,
                                 message: "\(plan.tasks[$0.id].key): the result could not be stored: \(error)", board: board)
            }
            storage.persist("recording the failed commit") { try recorder.record(failures: settled) }
        }
        for task in settled { apply(task) }
        finishedThisRun += finished.count
        formReactionsSoFar()
        onProgress?(progress)
    }

    /// While every worker is busy: a progress report at most once a second, so that a log shows
    /// the run is alive during tasks of hours.
    public func heartbeat() {
        guard Date().timeIntervalSince(lastHeartbeat) >= 1 else { return }
        lastHeartbeat = Date()
        onProgress?(progress)
    }

    /// Tasks still running when the grace period ends go back to pending (those the stop request
    /// already put back are not written again).
    public func abandon(ids: [Int]) {
        markInterrupted(ids.filter { board.rows[$0].state != .pending })
    }

    /// The running tasks go back to pending in the database now: if the job is killed during the
    /// grace period they are not counted as crashes on resume; a result that still arrives is
    /// committed over it.
    public func stopRequested(running ids: [Int]) {
        markInterrupted(ids)
    }

    // MARK: state

    /// Counts for the progress line.
    public var progress: CampaignProgress {
        CampaignProgress(
            total: board.rows.count, done: board[.done],
            failed: board[.failed] + board[.blocked] + board[.quarantined],
            running: board.runningCount, finishedThisRun: finishedThisRun,
            elapsedSeconds: Date().timeIntervalSince(started),
            predictedRemainingSeconds: board.remainingSeconds, workers: workers,
            invalidInputs: plan.invalidStructures.count)
    }

    /// The task rows as they stand, in plan order.
    public var taskRows: [TaskRecord] { board.rows }

    /// Forms the reactions that are still open and then the verdicts (call when the run ends).
    public func evaluateVerdicts() throws {
        try reactions.formVerdicts(rows: board.rows)
    }

    // MARK: private

    /// Applies what the database already knows: finished tasks, failures, cache hits.
    private func settleKnownTasks() throws {
        for task in plan.tasks {
            let id = task.index
            let row = board.rows[id]
            switch row.state {
            case .done, .failed, .quarantined, .blocked:
                let output = row.state == .done ? try recorder.earlierOutput(row, of: task) : nil
                try recorder.write(board.applyEarlier(id, output: output))
            case .pending, .running:
                board.noteInputHash(id)
                if let answer = try recorder.cachedAnswer(id, board: board) {
                    try recorder.write(answer: answer)
                    try recorder.write(board.apply(answer))
                }
            }
        }
    }

    /// What the database holds for a task about to be handed out.
    private enum CacheAnswer {
        case answered
        case compute
        case unwritable(any Error)
    }

    /// Settles task `id` from the database when it holds the answer. A lookup that fails (a row
    /// unreadable, the tblite bridge down on rank 0) only means the task is computed: nothing is
    /// lost. Writing the answer is on the durability path: a failure there stops the run.
    private func answerFromCache(_ id: Int) -> CacheAnswer {
        let answer: SettledTask
        do {
            guard let found = try recorder.cachedAnswer(id, board: board) else { return .compute }
            answer = found
        } catch {
            return .compute
        }
        do {
            try recorder.write(answer: answer)
        } catch {
            return .unwritable(error)
        }
        apply(answer)
        return .answered
    }

    /// Takes a settled task into the board and writes the rows of the dependents it blocked.
    private func apply(_ settled: SettledTask) {
        let blocked = board.apply(settled)
        if !blocked.isEmpty {
            storage.persist("marking blocked tasks") { try recorder.write(blocked) }
        }
    }

    /// Fails a task the coordinator could not hand out (no worker ran it).
    private func fail(_ id: Int, _ failureClass: FailureClass, message: String) {
        let failed = recorder.failure(id, rank: nil, failureClass, message: message, board: board)
        storage.persist("recording the failure of \(plan.tasks[id].key)") { try recorder.record(failures: [failed]) }
        apply(failed)
    }

    private func markInterrupted(_ ids: [Int]) {
        guard !ids.isEmpty else { return }
        let rows = board.markPending(ids, message: "interrupted by a stop request; runs again on resume")
        storage.persist("marking interrupted tasks pending") { try recorder.write(rows) }
    }

    /// The database cannot be written: stop the run. `ids` (results that could not be committed, or
    /// tasks that could not be marked running) go back to pending, so the next run computes them.
    private func stopForStorage(_ error: any Error, unsent ids: [Int]) {
        storage.stopRun(because: String(describing: error))
        let rows = board.markPending(ids, message: "result not stored: the database could not be written; runs again on resume")
        // Already stopping for this cause; if it has passed, the rows say so at once, and if not,
        // the next run finds these tasks pending or running and computes them: nothing to add.
        try? recorder.write(rows)
    }

    /// Forms the reactions completed so far, during the run. One that cannot be formed now is
    /// formed again by `evaluateVerdicts` at the end, whose errors reach the caller; a store that
    /// cannot be written stops the run.
    private func formReactionsSoFar() {
        do { try reactions.formSettled(rows: board.rows) } catch where ResultsStore.isStorageFailure(error) {
            storage.stopRun(because: "forming reactions: \(error)")
        } catch {
            // Not a storage failure: the reaction stays open and is formed again at the end.
        }
    }
}
