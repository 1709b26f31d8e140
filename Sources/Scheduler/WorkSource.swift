/// What a coordinator distributes: opaque task payloads out, result payloads back.
///
/// The campaign implements it (plan, store, reactions); the scheduler only moves bytes and keeps
/// workers busy. Called on the coordinator's thread only.
public protocol WorkSource: AnyObject {
    /// Up to `limit` tasks to run now (id and payload), fewer when fewer are ready; the source
    /// records them as running (in one commit) before it returns them.
    func nextTasks(limit: Int) -> [(id: Int, payload: [UInt8])]
    /// Workers finished these tasks. Results that reached the coordinator together come in one
    /// call, and the source commits them together.
    func complete(_ finished: [FinishedTask])
    /// Tasks handed out but not completed when the run stopped early (they will run next time).
    func abandon(ids: [Int])
    /// True when nothing is running or ready and nothing will become ready.
    var isDrained: Bool { get }
    /// Tasks held back in this run because they would not finish before the deadline.
    var deferredCount: Int { get }
    /// The coordinator waited and no message came (about every 200 ms while every worker is busy):
    /// a chance to report progress during long tasks.
    func heartbeat()
    /// A stop was requested while `ids` run: record them as interrupted at once, because the job
    /// may be killed before the grace period ends (mpirun kills its ranks about 1 s after its
    /// own SIGTERM). Results that still arrive are committed as usual.
    func stopRequested(running ids: [Int])
}

/// A task a worker finished: its id, the worker's encoded report and the worker's rank.
public struct FinishedTask: Sendable {
    public var id: Int
    public var result: [UInt8]
    public var rank: Int

    public init(id: Int, result: [UInt8], rank: Int) {
        self.id = id
        self.result = result
        self.rank = rank
    }
}

extension WorkSource {
    /// The next task to run, or nil when none is ready now.
    public func nextTask() -> (id: Int, payload: [UInt8])? { nextTasks(limit: 1).first }
    /// A worker finished `id` with `result`.
    public func complete(id: Int, result: [UInt8], rank: Int) {
        complete([FinishedTask(id: id, result: result, rank: rank)])
    }
    /// No deadline, nothing held back.
    public var deferredCount: Int { 0 }
    /// Nothing to do between messages.
    public func heartbeat() {}
    /// Nothing to record.
    public func stopRequested(running ids: [Int]) {}
}

/// How a coordinated run ended.
public enum RunEnd: Sendable, Equatable {
    /// Every task ran (succeeded or failed).
    case completed
    /// A stop was requested (signal or deadline); running tasks were drained or abandoned.
    case stopped(signal: Int32, abandoned: Int)
    /// Every task that fitted before the deadline ran; `deferred` were held back for the next run.
    case deadlineReached(deferred: Int)

    /// How a run that handed out everything it could ended: completed, or stopped short of a deadline.
    public static func drained(_ source: WorkSource) -> RunEnd {
        source.deferredCount > 0 ? .deadlineReached(deferred: source.deferredCount) : .completed
    }
}
