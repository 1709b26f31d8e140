import Scheduler
import Store

/// Predicted work, makespan and core-hours of a campaign on N compute ranks: the cost model's
/// predictions (calibrated to measured history when there is some) replayed through the real
/// dispatch policy (`ReplaySimulator`).
public struct CampaignEstimate: Sendable {
    /// Tasks in the plan, and those still to run (not done in the database).
    public var tasks: Int
    public var remainingTasks: Int
    /// Σ predicted seconds of the remaining tasks (one rank each).
    public var workSeconds: Double
    /// Predicted wall time of the remaining tasks on `ranks` ranks, and the best any schedule could do.
    public var makespanSeconds: Double
    public var lowerBoundSeconds: Double
    public var ranks: Int
    public var threadsPerRank: Int
    /// The calibration per task kind, from the history used ([:] when uncalibrated):
    /// seconds = scale · model^exponent (exponent 1 where none was fitted).
    public var scale: [String: Double]
    public var exponent: [String: Double]
    /// Finished tasks the calibration used.
    public var historySamples: Int

    /// Core-hours the allocation is charged: ranks × threads × makespan.
    public var coreHours: Double { Double(ranks * threadsPerRank) * makespanSeconds / 3600 }
    /// Core-hours of engine work (one core per task; threads do not shorten the model's times).
    public var workCoreHours: Double { workSeconds / 3600 }
    /// Busy fraction of the ranks.
    public var efficiency: Double { makespanSeconds > 0 ? workSeconds / (Double(ranks) * makespanSeconds) : 1 }

    /// Estimates `plan` on `ranks` compute ranks; `history` are task rows of a results database:
    /// their measured times calibrate the model, and this campaign's done tasks are not counted.
    /// With `includeDone`, tasks already done count as if they were to run again.
    public init(plan: CampaignPlan, history: [TaskRecord], ranks: Int, threadsPerRank: Int = 1,
                includeDone: Bool = false, policy: Dispatcher.Policy = .longestFirst) {
        let costs = CostModel.calibrated(from: history)
        let done = includeDone ? [] : Set(history.filter { $0.campaign == plan.campaign && $0.state == .done }
            .map { "\($0.key)\n\($0.definitionHash)" })
        let remaining = plan.tasks.filter { !done.contains("\($0.key)\n\($0.definitionHash)") }
        let ids = Set(remaining.map(\.index))
        let replay = remaining.map { task in
            let seconds = costs.seconds(kind: task.kind.rawValue, model: task.predictedSeconds)
            let deps = task.dependsOn.flatMap { ids.contains($0) ? [$0] : nil } ?? []
            return ReplaySimulator.Task(node: .init(id: task.index, predictedSeconds: seconds, dependencies: deps),
                                        actualSeconds: seconds)
        }
        let outcome = ReplaySimulator.run(replay, workers: max(1, ranks), policy: policy)
        tasks = plan.tasks.count
        remainingTasks = remaining.count
        workSeconds = outcome.busySeconds
        makespanSeconds = outcome.makespanSeconds
        lowerBoundSeconds = outcome.lowerBoundSeconds
        self.ranks = max(1, ranks)
        self.threadsPerRank = max(1, threadsPerRank)
        scale = costs.scale
        exponent = costs.exponent
        historySamples = history.filter { $0.state == .done && $0.wallSeconds != nil }.count
    }
}
