/// Runs every task in this process, in the dispatcher's order: the `run` command without mpirun.
public enum LocalRunner {
    /// Executes tasks one by one until drained or a stop is requested (checked between tasks).
    public static func run(source: WorkSource, stop: StopSignal, execute: ([UInt8]) -> [UInt8]) -> RunEnd {
        while !source.isDrained {
            if let signal = stop.signalNumber { return .stopped(signal: signal, abandoned: 0) }
            guard let (id, payload) = source.nextTask() else { break }
            source.complete(id: id, result: execute(payload), rank: 0)
        }
        // The source itself may have asked to stop (it could not record its work).
        if let signal = stop.signalNumber { return .stopped(signal: signal, abandoned: 0) }
        return .drained(source)
    }
}
