import Foundation

/// A run's deadline: a task starts only if its prediction, scaled to measured history and padded
/// by a safety factor, ends before the deadline minus a margin kept for draining and committing.
public struct TaskTimeLimit: Sendable {
    /// When the batch job ends (walltime, Slurm's end time, or `run --deadline`).
    public var deadline: Date
    /// Seconds kept free before the deadline: no task may be predicted to run into them.
    public var margin: Double
    /// Predictions are multiplied by this (they are medians; half the tasks take longer).
    public var safety: Double
    /// The model calibrated to measured history per task kind; the model alone for other kinds.
    public var costs: CostModel
    /// What "now" is when deciding whether a task fits (the system clock unless frozen).
    public var clock: RunClock

    public init(deadline: Date, margin: Double, safety: Double = 1.5, costs: CostModel = CostModel(),
                clock: RunClock = .system) {
        self.deadline = deadline
        self.margin = margin
        self.safety = safety
        self.costs = costs
        self.clock = clock
    }

    /// The last moment a task may be predicted to finish; also when overrunning tasks are stopped.
    public var lastFinish: Date { deadline.addingTimeInterval(-margin) }

    /// Seconds the task is expected to take: the plan's (model) prediction scaled to history.
    public func expectedSeconds(_ task: PlannedTask) -> Double {
        costs.seconds(kind: task.kind.rawValue, model: task.predictedSeconds) * safety
    }

    /// True when `task`, started at `now` (by default the clock's), is expected to finish by `lastFinish`.
    public func fits(_ task: PlannedTask, now: Date? = nil) -> Bool {
        (now ?? clock.now()).addingTimeInterval(expectedSeconds(task)) <= lastFinish
    }
}
