/// Where a worker runs the engine: in its own process, or in a helper process per worker.
public enum EngineIsolation: String, Sendable, CaseIterable {
    /// A helper process per worker computes; a segfault or abort in the engine kills the helper
    /// only, the task is reported `crashed` and the worker carries on with a new helper.
    case isolated
    /// The worker computes itself: a crash in the engine ends the whole job.
    case inProcess = "in-process"
}
