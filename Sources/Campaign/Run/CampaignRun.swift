import Foundation
import Scheduler
import Store
import Work

/// Rank 0's run of a campaign (or the only process's): records the run and the campaign's
/// definition, dispatches every task through `CampaignCoordinator` to MPI ranks or to this
/// process, then forms the verdicts and closes the run with its exit status. `interscreen run`
/// parses, calls these steps and prints.
public final class CampaignRun {
    /// How the run ended, for the exit status and the closing message.
    public enum Outcome: Sendable, Equatable {
        /// Every task was tried, or the run stopped on a signal or at its deadline: `code` nil means success.
        case finished(end: RunEnd, code: Int32?)
        /// The database could not be written: nothing after that is stored (`storeFailureStatus`).
        case storeFailed(end: RunEnd, reason: String)
    }

    /// The exit status of a run stopped because the results database could not be written.
    public static let storeFailureStatus: Int32 = 6

    public let plan: CampaignPlan
    public let store: ResultsStore
    public let runID: Int64
    public let coordinator: CampaignCoordinator
    public let limit: TaskTimeLimit?

    /// Records the run (`command`, `version`, `host`, `isolation`) and the whole campaign's
    /// definition (also for a shard: a merge forms reactions and verdicts from it), calibrates the
    /// cost model on the database's history and asks `timeLimit` for the deadline it implies.
    public init(full: JobSpec, shard: CampaignShard?, store: ResultsStore, command: [String], version: String,
                host: String, isolation: EngineIsolation, policy: Dispatcher.Policy,
                timeLimit: (CostModel) throws -> TaskTimeLimit?, workers: Int, stop: StopSignal,
                onProgress: @escaping (CampaignProgress) -> Void) throws {
        let job = shard.map { $0.select(full) } ?? full
        plan = CampaignPlan(spec: job)
        self.store = store
        try CampaignDefinition(plan: shard == nil ? plan : CampaignPlan(spec: full), verdicts: full.verdicts).save(in: store)
        runID = try store.beginRun(command: command, version: version, host: host,
                                   engineIsolation: isolation.rawValue).id ?? 0
        let costs = CostModel.calibrated(from: try store.tasks())   // one read of the history: order, ETA, deadline
        limit = try timeLimit(costs)
        coordinator = try CampaignCoordinator(plan: plan, store: store, runID: runID, host: host, version: version,
                                              policy: policy, verdicts: job.verdicts, costs: costs, timeLimit: limit,
                                              workers: workers, stop: stop, onProgress: onProgress)
    }

    /// Hands every task out (to ranks 1…N−1 under mpirun, else to `engine()` in this process)
    /// until all are tried, `stop` fires, or the deadline's alarm does.
    public func dispatch(mpi: MPIContext?, stop: StopSignal, grace: Duration,
                         engine: () throws -> TaskRunner) throws -> RunEnd {
        let alarm = limit?.alarm(stop: stop)
        defer { withExtendedLifetime(alarm) {} }
        if let mpi, mpi.size > 1 {
            return try MPICoordinator.run(mpi: mpi, source: coordinator, stop: stop, grace: grace)
        }
        let runner = try engine()
        defer { runner.stop() }
        return LocalRunner.run(source: coordinator, stop: stop, execute: runner.execute)
    }

    /// Forms the verdicts and records the run's exit status (skipped, and the run closed with
    /// `storeFailureStatus`, when the database could not be written).
    public func finish(_ end: RunEnd) throws -> Outcome {
        if let reason = coordinator.storeFailure {
            // Best effort: the database just failed a write; the message to the user is what matters.
            try? store.finishRun(id: runID, exitStatus: Int(Self.storeFailureStatus))
            return .storeFailed(end: end, reason: reason)
        }
        try coordinator.evaluateVerdicts()
        let code = Self.exitCode(end, progress: coordinator.progress)
        try store.finishRun(id: runID, exitStatus: Int(code ?? 0))
        return .finished(end: end, code: code)
    }

    /// 1 some failed, 3 stopped by a signal, 4 deadline reached (resubmit), 5 nothing fitted before the
    /// deadline; `storeFailureStatus` (6) is decided before, from the coordinator's `storeFailure`.
    public static func exitCode(_ end: RunEnd, progress: CampaignProgress) -> Int32? {
        switch end {
        case .stopped(let signal, _) where signal == StopSignal.deadlineSignal:
            return progress.finishedThisRun > 0 ? 4 : 5
        case .stopped: return 3
        case .deadlineReached: return progress.finishedThisRun > 0 ? 4 : 5
        case .completed: return progress.failed + progress.invalidInputs > 0 ? 1 : nil
        }
    }
}
