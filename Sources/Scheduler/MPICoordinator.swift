import Foundation

/// Rank 0 of an MPI run: hands tasks to ranks 1…N−1 as they ask, collects results, never computes.
///
/// Each turn takes every message already waiting, hands the results to the source in one call
/// (one commit), then hands out new tasks to the idle ranks (one commit marks them running).
///
/// Waits with `MPIContext.receive(timeout:)`, which sleeps between probes, so an idle coordinator
/// does not take a core from a worker (Open MPI's blocking receive would spin). Its pauses grow to
/// `pollPause` at most: a result waits for rank 0 about half of that on average.
public enum MPICoordinator {
    /// The longest pause between rank 0's probes. Measured on 2 cores with 3 ranks: 2 ms left
    /// 0.935–0.941 scheduling efficiency on 0.1-s tasks (a result waited 4–5 ms to be committed),
    /// 1 ms gives 0.957–0.962 for under 1 % of a core, 0.25 ms 0.965–0.969 but took 8 % of a
    /// core while idle (docs/hpc.md).
    static let pollPause: Duration = .milliseconds(1)

    public static func run(mpi: MPIContext, source: WorkSource, stop: StopSignal, grace: Duration) throws -> RunEnd {
        var idle: [Int] = []
        var busy: [Int: Int] = [:]
        var stopped = Set<Int>()
        var drainDeadline: ContinuousClock.Instant?
        let workers = mpi.size - 1

        func stopWorker(_ rank: Int) throws {
            try mpi.send([], to: rank, tag: .stop)
            stopped.insert(rank)
        }

        while true {
            let stopping = stop.isSet
            if stopping, drainDeadline == nil {
                drainDeadline = .now + grace
                source.stopRequested(running: Array(busy.values))
            }
            if !stopping, !idle.isEmpty {
                let orders = source.nextTasks(limit: idle.count)
                for (rank, order) in zip(idle, orders) {
                    busy[rank] = order.id
                    try mpi.send(order.payload, to: rank, tag: .task)
                }
                idle.removeFirst(orders.count)
            }
            let nothingLeft = busy.isEmpty && (stopping || source.isDrained)
            if stopping || nothingLeft {
                for rank in idle { try stopWorker(rank) }
                idle.removeAll()
            }
            if nothingLeft && stopped.count == workers { break }
            if let deadline = drainDeadline, ContinuousClock.now >= deadline, !busy.isEmpty {
                source.abandon(ids: Array(busy.values))
                return .stopped(signal: stop.signalNumber ?? SIGTERM, abandoned: busy.count)
            }
            guard let first = try mpi.receive(timeout: .milliseconds(200), idleSleep: pollPause) else {
                source.heartbeat()
                continue
            }
            // Every message already waiting is taken now, so results that arrived together are
            // committed together (one transaction for a burst, not one per result).
            var finished: [FinishedTask] = []
            var message: Message? = first
            while let current = message {
                switch MPITag(rawValue: current.tag) {
                case .ready:
                    idle.append(current.source)
                case .result:
                    if let id = busy.removeValue(forKey: current.source) {
                        finished.append(FinishedTask(id: id, result: current.bytes, rank: current.source))
                    }
                    idle.append(current.source)
                default:
                    break
                }
                message = finished.count < workers ? try mpi.receive(timeout: .zero) : nil
            }
            if !finished.isEmpty { source.complete(finished) }
        }
        if let signal = stop.signalNumber { return .stopped(signal: signal, abandoned: 0) }
        return .drained(source)
    }

    /// Sends every worker away without work (a dry run: rank 0 has nothing to hand out).
    public static func stopWorkers(mpi: MPIContext) throws {
        for rank in 1..<max(mpi.size, 1) { try mpi.send([], to: rank, tag: .stop) }
    }
}

/// Ranks 1…N−1: ask for work, run it, send the result back, until told to stop.
public enum MPIWorker {
    public static func run(mpi: MPIContext, execute: ([UInt8]) -> [UInt8]) throws {
        try mpi.send([], to: 0, tag: .ready)
        while true {
            let message = try mpi.receive(from: 0)
            guard message.tag == MPITag.task.rawValue else { return }
            try mpi.send(execute(message.bytes), to: 0, tag: .result)
        }
    }
}
