import Foundation
import Scheduler
import Store
import Structures

/// Dispatch and task state of a run: the task rows as they stand, the dispatcher (with the
/// deadline filter), the geometries optimisations pass on to their dependents, and the tally the
/// progress line reads. It never touches the store: what it changes, the caller writes.
final class TaskBoard {
    let plan: CampaignPlan
    /// When set, tasks not expected to finish before its deadline are deferred to the next run.
    let timeLimit: TaskTimeLimit?
    private var dispatcher: Dispatcher
    /// The task rows, in plan order.
    private(set) var rows: [TaskRecord]
    /// The input geometry of each task that computes on an optimisation's output, once known.
    private var inputs: [Int: Structure] = [:]
    /// The content hash of each task's input, by task index (from the plan, or when an
    /// optimisation passes its output on); nil until known.
    private var inputHashes: [String?]
    private var tally: TaskTally
    /// Each task's predicted seconds, calibrated: dispatch order and the ETA's work left.
    private let calibratedSeconds: [Double]
    /// The tasks that compute on each optimisation's output.
    private let dependents: [Int: [Int]]

    init(plan: CampaignPlan, rows: [TaskRecord], costs: CostModel, policy: Dispatcher.Policy, timeLimit: TaskTimeLimit?) {
        self.plan = plan
        self.rows = rows
        self.timeLimit = timeLimit
        inputHashes = plan.tasks.map { $0.input?.contentHash }
        let seconds = plan.tasks.map { costs.seconds(kind: $0.kind.rawValue, model: $0.predictedSeconds) }
        calibratedSeconds = seconds
        tally = TaskTally(states: rows.map(\.state), weights: seconds)
        dependents = Dictionary(grouping: plan.tasks.filter { $0.dependsOn != nil }, by: { $0.dependsOn! })
            .mapValues { $0.map(\.index) }
        dispatcher = Dispatcher(nodes: plan.tasks.map {
            Dispatcher.Node(id: $0.index, predictedSeconds: seconds[$0.index], dependencies: $0.dependsOn.map { [$0] } ?? [])
        }, policy: policy)
    }

    var isDrained: Bool { dispatcher.isDrained }
    var deferredCount: Int { dispatcher.deferred.count }
    var runningCount: Int { dispatcher.running.count }
    subscript(state: TaskState) -> Int { tally[state] }
    /// Predicted seconds of the tasks still pending or running.
    var remainingSeconds: Double { max(0, tally.remainingSeconds) }

    /// Task `id`'s input geometry and its content hash, once known (an optimisation's output
    /// becomes known when it finishes).
    func input(of id: Int) -> (structure: Structure, hash: String)? {
        guard let structure = plan.tasks[id].input ?? inputs[id], let hash = inputHashes[id] else { return nil }
        return (structure, hash)
    }

    /// The dispatcher's next task; with a time limit, only one expected to finish in time.
    func nextReady() -> Int? {
        guard let limit = timeLimit else { return dispatcher.next() }
        let tasks = plan.tasks
        return dispatcher.next { id, _ in limit.fits(tasks[id]) }
    }

    /// Records the input hash a pending task will be looked up and computed by.
    func noteInputHash(_ id: Int) {
        if let hash = inputHashes[id] { rows[id].inputHash = hash }
    }

    /// Marks task `id` running in run `runID`, from now.
    func markRunning(_ id: Int, runID: Int64) {
        setState(id, .running)
        rows[id].runID = runID
        rows[id].startedAt = Date()
    }

    /// Puts tasks back to pending with `message` (they run again on resume); their rows, to write.
    func markPending(_ ids: [Int], message: String) -> [TaskRecord] {
        for id in ids {
            setState(id, .pending)
            rows[id].message = message
        }
        return ids.map { rows[$0] }
    }

    /// Takes a settled task in: its row, the tally, the dispatcher, and the geometry (or the
    /// blocked state) of its dependents. Returns the rows of the tasks it blocked, to write.
    func apply(_ settled: SettledTask) -> [TaskRecord] {
        let id = settled.id
        setState(id, settled.row.state)
        rows[id] = settled.row
        if settled.retry {
            dispatcher.retry(id)
            return []
        }
        let succeeded = settled.row.state == .done
        if succeeded, let output = settled.output { passOutput(of: id, structure: output.structure, hash: output.hash) }
        let blocked = settled.answered ? dispatcher.skip(id, succeeded: succeeded) : dispatcher.finish(id, succeeded: succeeded)
        return markBlocked(blocked, cause: plan.tasks[id].key)
    }

    /// A task finished by an earlier run: done (with the geometry an optimisation passes on), or
    /// failed for good (its dependents blocked; their rows returned, to write).
    func applyEarlier(_ id: Int, output: Structure?) -> [TaskRecord] {
        if rows[id].state == .done {
            if let output, let hash = rows[id].outputHash { passOutput(of: id, structure: output, hash: hash) }
            dispatcher.skip(id, succeeded: true)
            return []
        }
        return markBlocked(dispatcher.skip(id, succeeded: false), cause: rows[id].key)
    }

    /// The one place a task's state changes, so that the tally stays exact.
    private func setState(_ id: Int, _ state: TaskState) {
        tally.move(from: rows[id].state, to: state, weight: calibratedSeconds[id])
        rows[id].state = state
    }

    /// Hands an optimised geometry (and its content hash) to the tasks that compute on it.
    private func passOutput(of id: Int, structure: Structure, hash: String) {
        for dependent in dependents[id] ?? [] {
            inputs[dependent] = structure
            inputHashes[dependent] = hash
        }
    }

    private func markBlocked(_ ids: [Int], cause: String) -> [TaskRecord] {
        for id in ids {
            setState(id, .blocked)
            rows[id].failureClass = FailureClass.blocked.rawValue
            rows[id].message = "not run: \(cause) did not succeed"
        }
        return ids.map { rows[$0] }
    }
}
