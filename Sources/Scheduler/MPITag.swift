/// Every MPI message tag interscreen sends, in one place (the ranks of one job must agree on them).
public enum MPITag: Int, Sendable, CaseIterable {
    /// Worker → rank 0: idle, send a task.
    case ready = 1
    /// Worker → rank 0: the result of the task it was sent.
    case result = 2
    /// Rank 0 → worker: one task to run.
    case task = 3
    /// Rank 0 → worker: no more work; leave the worker loop.
    case stop = 4
    /// Any rank → rank 0: the `mpi-info` line (host and pid).
    case info = 5
}
