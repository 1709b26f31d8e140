import Engine
import Foundation
import Scheduler
import Store
import Structures

/// Rank 0's side of a campaign: the plan, its task rows, the dispatcher and the reactions.
///
/// Every result is committed to the store as it arrives; task rows carry the state a rerun
/// resumes from (done tasks are skipped, tasks that were running when a run died get a crash
/// counted, twice-crashed tasks are quarantined, and single points already in the database for
/// the same structure and settings are answered from it).
public final class CampaignCoordinator: WorkSource {
    public let plan: CampaignPlan
    let store: ResultsStore
    let runID: Int64
    let host: String
    let version: String
    private var dispatcher: Dispatcher
    private(set) var rows: [TaskRecord]
    private var inputs: [Int: Structure] = [:]
    private let reactions: ReactionEvaluator
    private let verdicts: VerdictEvaluator
    private let verdictSpecs: [VerdictSpec]
    private let started = Date()
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
    public var onProgress: ((CampaignProgress) -> Void)?
    /// Worker ranks computing for this run (for the predicted ETA before any task has finished).
    public var workers = 1
    /// The cost model calibrated to earlier runs (`CostModel.calibrated`): dispatch order and ETA.
    public let costs: CostModel
    /// When set, tasks not expected to finish before its deadline are deferred to the next run.
    public var timeLimit: TaskTimeLimit?

    public init(plan: CampaignPlan, store: ResultsStore, runID: Int64, host: String, version: String,
                policy: Dispatcher.Policy = .longestFirst, verdicts: [VerdictSpec] = [],
                costs: CostModel = CostModel()) throws {
        self.plan = plan
        self.costs = costs
        self.store = store
        self.runID = runID
        self.host = host
        self.version = version
        reactions = ReactionEvaluator(campaign: plan.campaign, store: store)
        self.verdicts = VerdictEvaluator(campaign: plan.campaign, store: store)
        verdictSpecs = verdicts
        _ = try store.recoverCrashedTasks(campaign: plan.campaign)
        rows = try store.syncTasks(campaign: plan.campaign, planned: plan.tasks.map(Self.row(plan.campaign)))
        let seconds = plan.tasks.map { costs.seconds(kind: $0.kind.rawValue, model: $0.predictedSeconds) }
        calibratedSeconds = seconds
        tally = TaskTally(states: rows.map(\.state), weights: seconds)
        dependents = Dictionary(grouping: plan.tasks.filter { $0.dependsOn != nil }, by: { $0.dependsOn! })
            .mapValues { $0.map(\.index) }
        dispatcher = Dispatcher(nodes: plan.tasks.map {
            Dispatcher.Node(id: $0.index, predictedSeconds: seconds[$0.index], dependencies: $0.dependsOn.map { [$0] } ?? [])
        }, policy: policy)
        settledReactions = Set(try store.reactions(campaign: plan.campaign).filter { $0.status == "done" }.map(\.name))
        try recordInvalidStructures()
        try settleKnownTasks()
        try evaluateReactions()
    }

    // MARK: WorkSource

    public var isDrained: Bool { dispatcher.isDrained }

    /// Tasks held back because they would not finish before the deadline (`timeLimit`).
    public var deferredCount: Int { dispatcher.deferred.count }

    public func nextTask() -> (id: Int, payload: [UInt8])? {
        var answered = false
        defer { if answered { try? evaluateReactions() } }
        while let id = nextReady() {
            let task = plan.tasks[id]
            guard let input = task.input ?? inputs[id] else {
                finishFailed(id, failureClass: "internal", message: "\(task.key): input geometry unavailable")
                continue
            }
            rows[id].inputHash = input.contentHash
            if (try? answerFromCache(id)) == true {
                answered = true   // its reactions may be complete now (the last task of a run often is)
                continue
            }
            setState(id, .running)
            rows[id].runID = runID
            rows[id].startedAt = Date()
            try? store.updateTask(rows[id])
            let order = TaskOrder(id: id, key: task.key, kind: task.kind, structure: input, settings: task.settings,
                                  optimizationLevel: task.optimizationLevel, freeze: task.freeze)
            return (id, order.encoded())
        }
        return nil
    }

    public func complete(id: Int, result: [UInt8], rank: Int) {
        do {
            let report = try TaskReport.decode(result)
            rows[id].rank = rank
            if report.succeeded {
                try commitSuccess(id, report: report)
            } else {
                rows[id].attempts = report.attempts
                finishFailed(id, failureClass: report.failureClass ?? "internal", message: report.message ?? "")
            }
        } catch {
            finishFailed(id, failureClass: "internal", message: "\(plan.tasks[id].key): \(error)")
        }
        finishedThisRun += 1
        try? evaluateReactions()
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
        try? store.updateTasks(ids.map { rows[$0] })
    }

    // MARK: state

    /// Counts for the progress line.
    public var progress: CampaignProgress {
        CampaignProgress(
            total: rows.count + plan.invalidStructures.count,
            done: tally[.done],
            failed: tally[.failed] + tally[.blocked] + tally[.quarantined] + plan.invalidStructures.count,
            running: dispatcher.running.count, finishedThisRun: finishedThisRun,
            elapsedSeconds: Date().timeIntervalSince(started),
            predictedRemainingSeconds: max(0, tally.remainingSeconds), workers: workers)
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
            TaskRecord(campaign: campaign, key: task.key, kind: task.kind.rawValue, structureName: task.structureName,
                       inputHash: task.input?.contentHash, definitionHash: task.definitionHash,
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
                if task.kind == .optimization, let hash = rows[id].outputHash {
                    try passOutput(of: id, structure: store.structure(hash: hash))
                }
                dispatcher.skip(id, succeeded: true)
            case .failed, .quarantined, .blocked:
                markBlocked(dispatcher.skip(id, succeeded: false), cause: rows[id].key)
            case .pending, .running:
                if let input = task.input ?? inputs[id] {
                    rows[id].inputHash = input.contentHash
                    _ = try answerFromCache(id)
                }
            }
        }
    }

    /// A single point whose (structure, settings) is already stored is done without computing;
    /// so is an optimisation whose (input, settings, options) is, with the single point at its end.
    private func answerFromCache(_ id: Int) throws -> Bool {
        let task = plan.tasks[id]
        if task.kind == .optimization { return try answerOptimizationFromCache(id) }
        guard let hash = rows[id].inputHash,
              let cached = try store.cachedCalculation(structureHash: hash, settingsHash: task.settings.hash) else {
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
        guard let input = task.input ?? inputs[id],
              let identity = try? EngineOptimizer.identity(of: input, level: task.optimizationLevel, freeze: task.freeze),
              let cached = try store.cachedOptimization(inputHash: input.contentHash, settingsHash: task.settings.hash,
                                                        optionsHash: identity.hash),
              let calculation = try store.cachedCalculation(structureHash: cached.outputHash, settingsHash: task.settings.hash),
              var output = try store.structure(hash: cached.outputHash) else { return false }
        output.name = "\(task.structureName)-opt"
        let flags = (cached.converged ? [] : ["optimization_not_converged"])
            + TaskExecutor.topologyFlags(start: input, end: output)
        setState(id, .done)
        rows[id].calculationID = calculation.id
        rows[id].outputHash = cached.outputHash
        rows[id].flags = flags.isEmpty ? nil : flags.joined(separator: ",")
        rows[id].message = "answered from the database (optimisation \(cached.id ?? 0))"
        rows[id].finishedAt = Date()
        try store.updateTask(rows[id])
        try passOutput(of: id, structure: output)
        dispatcher.skip(id, succeeded: true)
        return true
    }

    private func commitSuccess(_ id: Int, report: TaskReport) throws {
        let task = plan.tasks[id]
        guard let input = task.input ?? inputs[id], let result = report.result else {
            throw StoreError.corruptRow(table: "tasks", key: task.key, "success without a result")
        }
        try store.saveStructure(input, hash: input.contentHash, sourceFile: "task:\(task.key)")
        var evaluated = input
        var parent: String?
        if let optimization = report.optimization {
            try saveOptimization(optimization, input: input, report: report)
            evaluated = optimization.finalStructure
            evaluated.name = "\(task.structureName)-opt"
            parent = input.contentHash
            rows[id].outputHash = evaluated.contentHash
            try passOutput(of: id, structure: evaluated)
        }
        let calculation = try store.saveCalculation(
            of: evaluated, hash: evaluated.contentHash, sourceFile: "task:\(task.key)", parentHash: parent,
            settings: report.settingsUsed, result: result, runID: runID,
            startedAt: report.startedAt, finishedAt: Date(), host: report.host, version: version)
        setState(id, .done)
        rows[id].calculationID = calculation.id
        rows[id].attempts = report.attempts
        rows[id].flags = report.flags.isEmpty ? nil : report.flags.joined(separator: ",")
        rows[id].wallSeconds = report.wallSeconds
        rows[id].host = report.host
        rows[id].finishedAt = Date()
        rows[id].failureClass = nil
        rows[id].message = nil
        try store.updateTask(rows[id])
        dispatcher.finish(id, succeeded: true)
    }

    /// The optimisation row and its cycles, as `interscreen opt` stores them (first result wins).
    private func saveOptimization(_ optimization: TaskReport.Optimization, input: Structure,
                                  report: TaskReport) throws {
        try store.saveOptimization(
            inputHash: input.contentHash, settings: report.settingsUsed, identity: optimization.identity,
            freezeSpec: optimization.freezeSpec, outcome: optimization.outcome, runID: runID,
            startedAt: report.startedAt, finishedAt: Date(), host: report.host, version: version)
    }

    /// Hands an optimised geometry to the task that computes on it.
    private func passOutput(of id: Int, structure: Structure?) throws {
        guard let structure else { return }
        for dependent in dependents[id] ?? [] {
            inputs[dependent] = structure
        }
    }

    private func finishFailed(_ id: Int, failureClass: String, message: String) {
        setState(id, .failed)
        rows[id].failureClass = failureClass
        rows[id].message = message
        rows[id].finishedAt = Date()
        _ = try? store.saveFailure(source: plan.tasks[id].key, structureHash: rows[id].inputHash,
                               settingsHash: plan.tasks[id].settings.hash, failureClass: failureClass,
                               message: message, runID: runID, host: host)
        try? store.updateTask(rows[id])
        markBlocked(dispatcher.finish(id, succeeded: false), cause: plan.tasks[id].key)
    }

    private func markBlocked(_ ids: [Int], cause: String) {
        guard !ids.isEmpty else { return }
        for id in ids {
            setState(id, .blocked)
            rows[id].failureClass = "blocked"
            rows[id].message = "not run: \(cause) did not succeed"
        }
        try? store.updateTasks(ids.map { rows[$0] })
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
