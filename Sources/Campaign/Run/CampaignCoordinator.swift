import Engine
import Foundation
import Scheduler
import Store
import Structures
import Work

/// Rank 0's side of a campaign: the plan, its task rows, the dispatcher and the reactions.
///
/// Every result is committed to the store as it arrives (results that arrive together, and the
/// tasks handed out together, in one transaction each); task rows carry the state a rerun
/// resumes from (done tasks are skipped, a task whose engine process crashed gets the crash counted
/// and runs once more, twice-crashed tasks are quarantined, tasks left running by a run that died
/// as a whole run again (`ResultsStore.recoverCrashedTasks`), and single points already in the
/// database for the same structure and settings are answered from it).
public final class CampaignCoordinator: WorkSource {
    public let plan: CampaignPlan
    let store: ResultsStore
    let runID: Int64
    let host: String
    let version: String
    private var dispatcher: Dispatcher
    private(set) var rows: [TaskRecord]
    /// The input geometry of each task that computes on an optimisation's output, once known.
    private var inputs: [Int: Structure] = [:]
    /// The content hash of each task's input, by task index, computed once (from the plan, or
    /// when an optimisation passes its output on); nil until known.
    private var inputHashes: [String?]
    private let reactions: ReactionEvaluator
    private let verdicts: VerdictEvaluator
    private let verdictSpecs: [VerdictSpec]
    private let started = Date()
    /// The engine identities of tasks, for cache lookups.
    private let engines = EngineIdentities()
    private var finishedThisRun = 0
    private var lastHeartbeat = Date.distantPast
    private var tally: TaskTally
    /// Reactions formed by earlier runs or settled (done, blocked, excluded, refused) in this one.
    private var settledReactions: Set<String> = []
    /// Each task's predicted seconds, calibrated (`costs`): dispatch order and the ETA's work left.
    private let calibratedSeconds: [Double]
    /// The tasks that compute on each optimisation's output.
    private let dependents: [Int: [Int]]
    /// Called after every finished task, and about once a second while tasks run (coordinator's thread).
    public let onProgress: ((CampaignProgress) -> Void)?
    /// Worker ranks computing for this run (for the predicted ETA before any task has finished).
    public let workers: Int
    /// The cost model calibrated to earlier runs (`CostModel.calibrated`): dispatch order and ETA.
    public let costs: CostModel
    /// When set, tasks not expected to finish before its deadline are deferred to the next run.
    public let timeLimit: TaskTimeLimit?
    /// Asked to stop the run (`StopSignal.storeFailureSignal`) when the database cannot be written.
    public let stop: StopSignal?
    /// Why the database could not be written, once that happened: the run stops, and the tasks
    /// whose results were lost run again on resume (they are not failed).
    public private(set) var storeFailure: String?

    /// Everything is set here: the coordinator is not configured after it exists.
    public init(plan: CampaignPlan, store: ResultsStore, runID: Int64, host: String, version: String,
                policy: Dispatcher.Policy = .longestFirst, verdicts: [VerdictSpec] = [],
                costs: CostModel = CostModel(), timeLimit: TaskTimeLimit? = nil, workers: Int = 1,
                stop: StopSignal? = nil, onProgress: ((CampaignProgress) -> Void)? = nil) throws {
        self.plan = plan
        self.costs = costs
        self.timeLimit = timeLimit
        self.workers = max(1, workers)
        self.stop = stop
        self.onProgress = onProgress
        self.store = store
        self.runID = runID
        self.host = host
        self.version = version
        reactions = ReactionEvaluator(campaign: plan.campaign, store: store)
        self.verdicts = VerdictEvaluator(campaign: plan.campaign, store: store)
        verdictSpecs = verdicts
        _ = try store.recoverCrashedTasks(campaign: plan.campaign)
        let planned = plan.tasks.map(Self.row(plan.campaign))
        inputHashes = planned.map(\.inputHash)
        rows = try store.syncTasks(campaign: plan.campaign, planned: planned)
        let seconds = plan.tasks.map { costs.seconds(kind: $0.kind.rawValue, model: $0.predictedSeconds) }
        calibratedSeconds = seconds
        tally = TaskTally(states: rows.map(\.state), weights: seconds)
        dependents = Dictionary(grouping: plan.tasks.filter { $0.dependsOn != nil }, by: { $0.dependsOn! })
            .mapValues { $0.map(\.index) }
        dispatcher = Dispatcher(nodes: plan.tasks.map {
            Dispatcher.Node(id: $0.index, predictedSeconds: seconds[$0.index], dependencies: $0.dependsOn.map { [$0] } ?? [])
        }, policy: policy)
        settledReactions = Set(try store.reactions(campaign: plan.campaign).filter { $0.status == .done }.map(\.name))
        try recordInvalidStructures()
        try settleKnownTasks()
        try evaluateReactions()
    }

    // MARK: WorkSource

    public var isDrained: Bool { dispatcher.isDrained }

    /// Tasks held back because they would not finish before the deadline (`timeLimit`).
    public var deferredCount: Int { dispatcher.deferred.count }

    public func nextTasks(limit: Int) -> [(id: Int, payload: [UInt8])] {
        var orders: [(id: Int, payload: [UInt8])] = []
        var answered = false
        while orders.count < limit, let id = nextReady() {
            let task = plan.tasks[id]
            guard let input = task.input ?? inputs[id], let hash = inputHashes[id] else {
                finishFailed(id, failureClass: "internal", message: "\(task.key): input geometry unavailable")
                continue
            }
            rows[id].inputHash = hash
            // A lookup that fails (the row unreadable, the tblite bridge down on rank 0) only means
            // the task is computed: nothing is lost, and a store that cannot be written stops the run
            // at the next commit.
            if (try? answerFromCache(id)) == true {
                answered = true   // its reactions may be complete now (the last task of a run often is)
                continue
            }
            setState(id, .running)
            rows[id].runID = runID
            rows[id].startedAt = Date()
            let order = TaskOrder(id: id, key: task.key, kind: task.kind, structure: input, settings: task.settings,
                                  optimizationLevel: task.optimizationLevel, freeze: task.freeze, engine: task.engine)
            orders.append((id, order.encoded()))
        }
        // Running before any worker has them: a run that dies now counts them as crashed.
        do {
            if !orders.isEmpty { try store.updateTasks(orders.map { rows[$0.id] }) }
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
            settled = try store.write { transaction in try finished.map { try write($0, transaction) } }
        } catch where ResultsStore.isStorageFailure(error) {
            stopForStorage(error, unsent: finished.map(\.id))
            return
        } catch {
            // Any other error of the commit itself: nothing of the batch is stored; its tasks fail.
            settled = finished.map {
                settledFailure($0.id, rank: $0.rank, failureClass: "internal",
                               message: "\(plan.tasks[$0.id].key): the result could not be stored: \(error)")
            }
            persist("recording the failed commit") { try store.write { transaction in
                for task in settled { try recordFailure(task, transaction) }
            } }
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
        markInterrupted(ids.filter { rows[$0].state != .pending })
    }

    /// The running tasks go back to pending in the database now: if the job is killed during the
    /// grace period they are not counted as crashes on resume; a result that still arrives is
    /// committed over it.
    public func stopRequested(running ids: [Int]) {
        markInterrupted(ids)
    }

    /// The database cannot be written: stop the run. `ids` (results that could not be committed, or
    /// tasks that could not be marked running) go back to pending, so the next run computes them.
    private func stopForStorage(_ error: any Error, unsent ids: [Int]) {
        stopRun(because: String(describing: error))
        for id in ids {
            setState(id, .pending)
            rows[id].message = "result not stored: the database could not be written; runs again on resume"
        }
        // Already stopping for this cause; if it has passed, the rows say so at once, and if not,
        // the next run finds these tasks pending or running and computes them: nothing to add.
        try? store.updateTasks(ids.map { rows[$0] })
    }

    /// The one place a task's state changes, so that the tally stays exact.
    private func setState(_ id: Int, _ state: TaskState) {
        tally.move(from: rows[id].state, to: state, weight: calibratedSeconds[id])
        rows[id].state = state
    }

    private func markInterrupted(_ ids: [Int]) {
        guard !ids.isEmpty else { return }
        for id in ids {
            setState(id, .pending)
            rows[id].message = "interrupted by a stop request; runs again on resume"
        }
        persist("marking interrupted tasks pending") { try store.updateTasks(ids.map { rows[$0] }) }
    }

    // MARK: state

    /// Counts for the progress line.
    public var progress: CampaignProgress {
        CampaignProgress(
            total: rows.count,
            done: tally[.done],
            failed: tally[.failed] + tally[.blocked] + tally[.quarantined],
            running: dispatcher.running.count, finishedThisRun: finishedThisRun,
            elapsedSeconds: Date().timeIntervalSince(started),
            predictedRemainingSeconds: max(0, tally.remainingSeconds), workers: workers,
            invalidInputs: plan.invalidStructures.count)
    }

    /// The task rows as they stand, in plan order.
    public var taskRows: [TaskRecord] { rows }

    // MARK: private

    /// The dispatcher's next task; with a time limit, only one expected to finish in time.
    private func nextReady() -> Int? {
        guard let limit = timeLimit else { return dispatcher.next() }
        let tasks = plan.tasks
        return dispatcher.next { id, _ in limit.fits(tasks[id]) }
    }

    private static func row(_ campaign: String) -> (PlannedTask) -> TaskRecord {
        { task in
            let inputHash = task.input?.contentHash
            return TaskRecord(campaign: campaign, key: task.key, kind: task.kind.rawValue, structureName: task.structureName,
                              inputHash: inputHash, definitionHash: task.definitionHash(inputHash: inputHash),
                              settingsHash: task.settings.hash, predictedSeconds: task.predictedSeconds)
        }
    }

    /// Invalid inputs become failures now: no engine call, reported once per run.
    private func recordInvalidStructures() throws {
        for invalid in plan.invalidStructures {
            try store.saveFailure(source: invalid.file, structureHash: nil, settingsHash: invalid.method.settings.hash,
                                  failureClass: invalid.error.kind.rawValue,
                                  message: "\(invalid.name): \(invalid.error.description)", runID: runID, host: host)
        }
    }

    /// Applies what the database already knows: finished tasks, failures, cache hits.
    private func settleKnownTasks() throws {
        for task in plan.tasks {
            let id = task.index
            switch rows[id].state {
            case .done:
                if task.kind == .optimization, let hash = rows[id].outputHash, let output = try store.structure(hash: hash) {
                    passOutput(of: id, structure: output, hash: hash)
                }
                dispatcher.skip(id, succeeded: true)
            case .failed, .quarantined, .blocked:
                markBlocked(dispatcher.skip(id, succeeded: false), cause: rows[id].key)
            case .pending, .running:
                if let hash = inputHashes[id] {
                    rows[id].inputHash = hash
                    _ = try answerFromCache(id)
                }
            }
        }
    }

    /// A single point whose (structure, settings, engine) is already stored is done without computing;
    /// so is an optimisation whose (input, settings, options, engine) is, with the single point at its end.
    private func answerFromCache(_ id: Int) throws -> Bool {
        let task = plan.tasks[id]
        if task.kind == .optimization { return try answerOptimizationFromCache(id) }
        guard let hash = rows[id].inputHash, let input = task.input ?? inputs[id],
              let cached = try store.cachedCalculation(structureHash: hash, settingsHash: task.settings.hash,
                                                       engine: try engine(of: task, input)) else {
            return false
        }
        setState(id, .done)
        rows[id].calculationID = cached.id
        rows[id].message = "answered from the database (calculation \(cached.id ?? 0))"
        rows[id].finishedAt = Date()
        try store.updateTask(rows[id])
        dispatcher.skip(id, succeeded: true)
        return true
    }

    /// The optimisation of task `id` as stored by any campaign or `interscreen opt`, flagged as
    /// a fresh one would be; false when the database lacks it or its final single point.
    private func answerOptimizationFromCache(_ id: Int) throws -> Bool {
        let task = plan.tasks[id]
        guard let input = task.input ?? inputs[id], let inputHash = inputHashes[id],
              // No identity (a freeze that does not apply to this input): not answerable, so computed.
              let identity = try? EngineOptimizer.identity(of: input, level: task.optimizationLevel, freeze: task.freeze),
              let cached = try store.cachedOptimization(inputHash: inputHash, settingsHash: task.settings.hash,
                                                        optionsHash: identity.hash, engine: try engine(of: task, input)),
              let calculation = try store.cachedCalculation(structureHash: cached.outputHash, settingsHash: task.settings.hash,
                                                            engine: EngineIdentity(text: cached.engine)),
              var output = try store.structure(hash: cached.outputHash) else { return false }
        output.name = "\(task.structureName)-opt"
        let flags: [TaskFlag] = (cached.converged ? [] : [.optimizationNotConverged])
            + TopologyFlags.between(start: input, end: output)
        setState(id, .done)
        rows[id].calculationID = calculation.id
        rows[id].outputHash = cached.outputHash
        rows[id].flags = flags
        rows[id].message = "answered from the database (optimisation \(cached.id ?? 0))"
        rows[id].finishedAt = Date()
        try store.updateTask(rows[id])
        passOutput(of: id, structure: output, hash: cached.outputHash)
        dispatcher.skip(id, succeeded: true)
        return true
    }

    /// The engine identity task `task`'s result will have (the tblite bridge is asked once, if any task needs it).
    private func engine(of task: PlannedTask, _ input: Structure) throws -> EngineIdentity {
        try engines.identity(task.engine, for: input, settings: task.settings)
    }

    /// A finished task as committed: its new row, and for an optimisation the geometry its
    /// dependents compute on.
    private struct SettledTask {
        var id: Int
        var row: TaskRecord
        var output: (structure: Structure, hash: String)?
        /// Its engine process crashed for the first time: it goes back to the ready tasks.
        var retry = false
    }

    /// Crashes of a task's own engine process after which it is quarantined (not retried).
    public static let quarantineAfterCrashes = 2

    /// Writes one finished task into `transaction`: its result, or its failure. A storage failure
    /// is thrown (it ends the whole batch); anything else undoes this task's writes and fails it alone.
    private func write(_ finished: FinishedTask, _ transaction: StoreTransaction) throws -> SettledTask {
        do {
            return try transaction.isolated { try writeReport(finished, transaction) }
        } catch where ResultsStore.isStorageFailure(error) {
            throw error
        } catch {
            let failure = settledFailure(finished.id, rank: finished.rank, failureClass: "internal",
                                         message: "\(plan.tasks[finished.id].key): \(error)")
            try recordFailure(failure, transaction)
            return failure
        }
    }

    /// The worker's report, decoded and written: a failure as reported, or the result.
    private func writeReport(_ finished: FinishedTask, _ transaction: StoreTransaction) throws -> SettledTask {
        let report = try TaskReport.decode(finished.result)
        if report.failureClass == .crashed {
            let crash = settledCrash(finished.id, rank: finished.rank, message: report.message ?? "")
            try recordFailure(crash, transaction)
            return crash
        }
        guard report.succeeded else {
            var failure = settledFailure(finished.id, rank: finished.rank,
                                         failureClass: (report.failureClass ?? .internal).rawValue, message: report.message ?? "")
            failure.row.attempts = report.attempts
            try recordFailure(failure, transaction)
            return failure
        }
        return try writeSuccess(finished, report: report, transaction)
    }

    private func writeSuccess(_ finished: FinishedTask, report: TaskReport,
                              _ transaction: StoreTransaction) throws -> SettledTask {
        let id = finished.id
        let task = plan.tasks[id]
        guard let input = task.input ?? inputs[id], let inputHash = inputHashes[id], let result = report.result else {
            throw StoreError.corruptRow(table: "tasks", key: task.key, "success without a result")
        }
        try transaction.saveStructure(input, hash: inputHash, sourceFile: "task:\(task.key)")
        var evaluated = (structure: input, hash: inputHash)
        var parent: String?
        var output: (structure: Structure, hash: String)?
        if let optimization = report.optimization {
            try transaction.saveOptimization(
                inputHash: inputHash, settings: report.settingsUsed, identity: optimization.identity,
                freezeSpec: optimization.freezeSpec, outcome: optimization.outcome, runID: runID,
                startedAt: report.startedAt, finishedAt: Date(), host: report.host, version: version)
            var structure = optimization.finalStructure
            structure.name = "\(task.structureName)-opt"
            evaluated = (structure, structure.contentHash)
            parent = inputHash
            output = evaluated
        }
        let calculation = try transaction.saveCalculation(
            of: evaluated.structure, hash: evaluated.hash, sourceFile: "task:\(task.key)", parentHash: parent,
            settings: report.settingsUsed, result: result, runID: runID,
            startedAt: report.startedAt, finishedAt: Date(), host: report.host, version: version)
        var row = rows[id]
        row.state = .done
        row.rank = finished.rank
        row.outputHash = output?.hash ?? row.outputHash
        row.calculationID = calculation.id
        row.attempts = report.attempts
        row.flags = report.flags
        row.wallSeconds = report.wallSeconds
        row.host = report.host
        row.finishedAt = Date()
        row.failureClass = nil
        row.message = nil
        try transaction.updateTasks([row])
        return SettledTask(id: id, row: row, output: output)
    }

    /// The failed row of a finished task (not yet written).
    private func settledFailure(_ id: Int, rank: Int?, failureClass: String, message: String) -> SettledTask {
        var row = rows[id]
        row.state = .failed
        row.rank = rank ?? row.rank
        row.failureClass = failureClass
        row.message = message
        row.finishedAt = Date()
        return SettledTask(id: id, row: row, output: nil)
    }

    /// The row of a task whose engine process died while computing it: a crash counted against
    /// it; pending to run once more, or quarantined at `quarantineAfterCrashes`.
    private func settledCrash(_ id: Int, rank: Int, message: String) -> SettledTask {
        var settled = settledFailure(id, rank: rank, failureClass: EngineHelperClient.crashedClass, message: message)
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
                                    settingsHash: task.settings.hash, failureClass: failed.row.failureClass ?? "internal",
                                    message: failed.row.message ?? "", runID: runID, host: host)
        try transaction.updateTasks([failed.row])
    }

    /// Takes a committed task into the run's state: its row, the tally, the dispatcher, and the
    /// geometry (or the blocked state) of its dependents.
    private func apply(_ settled: SettledTask) {
        let id = settled.id
        setState(id, settled.row.state)
        rows[id] = settled.row
        if settled.retry {
            dispatcher.retry(id)
        } else if settled.row.state == .done {
            if let output = settled.output { passOutput(of: id, structure: output.structure, hash: output.hash) }
            dispatcher.finish(id, succeeded: true)
        } else {
            markBlocked(dispatcher.finish(id, succeeded: false), cause: plan.tasks[id].key)
        }
    }

    /// Hands an optimised geometry (and its content hash) to the tasks that compute on it.
    private func passOutput(of id: Int, structure: Structure, hash: String) {
        for dependent in dependents[id] ?? [] {
            inputs[dependent] = structure
            inputHashes[dependent] = hash
        }
    }

    /// Fails a task the coordinator could not hand out (no worker ran it).
    private func finishFailed(_ id: Int, failureClass: String, message: String) {
        let failed = settledFailure(id, rank: nil, failureClass: failureClass, message: message)
        persist("recording the failure of \(plan.tasks[id].key)") {
            try store.write { transaction in try recordFailure(failed, transaction) }
        }
        apply(failed)
    }

    private func markBlocked(_ ids: [Int], cause: String) {
        guard !ids.isEmpty else { return }
        for id in ids {
            setState(id, .blocked)
            rows[id].failureClass = "blocked"
            rows[id].message = "not run: \(cause) did not succeed"
        }
        persist("marking blocked tasks") { try store.updateTasks(ids.map { rows[$0] }) }
    }

    /// A write the run's record depends on: if it fails, the run stops as for a failed commit
    /// (`storeFailure`, exit 6) instead of going on with rows that disagree with the database.
    private func persist(_ what: String, _ write: () throws -> Void) {
        do { try write() } catch { stopRun(because: "\(what): \(error)") }
    }

    /// Keeps the first reason and asks the run to stop (it then exits 6).
    private func stopRun(because reason: String) {
        if storeFailure == nil { storeFailure = reason }
        stop?.request(StopSignal.storeFailureSignal)
    }

    /// Forms the reactions completed so far, during the run. One that cannot be formed now is
    /// formed again by `evaluateVerdicts` at the end, whose errors reach the caller; a store that
    /// cannot be written stops the run.
    private func formReactionsSoFar() {
        do { try evaluateReactions() } catch where ResultsStore.isStorageFailure(error) {
            stopRun(because: "forming reactions: \(error)")
        } catch {
            // Not a storage failure: the reaction stays open and is formed again at the end.
        }
    }

    /// Forms every reaction whose species are settled. A reaction stored as done by an earlier run
    /// is not formed again; one settled in this run (done, blocked, excluded, refused) is final for
    /// the run, since its species' states do not change back within it.
    private func evaluateReactions() throws {
        for reaction in plan.reactions where !settledReactions.contains(reaction.name) {
            if try reactions.evaluate(reaction, plan: plan, rows: rows) != nil {
                settledReactions.insert(reaction.name)
            }
        }
    }

    /// Forms the reactions that are still open and then the verdicts (call when the run ends).
    public func evaluateVerdicts() throws {
        try evaluateReactions()
        for spec in verdictSpecs { try verdicts.evaluate(spec) }
    }
}
