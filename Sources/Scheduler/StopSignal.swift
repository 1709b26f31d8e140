import Foundation

/// SIGTERM / SIGINT turned into a flag the coordinator polls between messages.
///
/// Batch schedulers send SIGTERM some time before the walltime kill; the campaign stops handing
/// out work, lets running tasks finish within a grace period, commits and exits resumably.
/// Workers install it too, so a signal delivered to every rank (as Slurm does) does not kill a
/// rank in the middle of a task: they wait for the coordinator's stop message instead.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// Starts catching SIGTERM and SIGINT.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.record(number) }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }

    /// The first signal received, if any.
    public var signalNumber: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// True once a stop was requested.
    public var isSet: Bool { signalNumber != nil }

    /// Requests a stop from inside the program (e.g. a deadline).
    public func request(_ number: Int32 = SIGTERM) { record(number) }

    /// The number a `DeadlineAlarm` records: a stop for the deadline, not a signal from outside.
    public static let deadlineSignal = SIGALRM

    /// The number recorded when the results database cannot be written (disk full, I/O error):
    /// a stop from inside, like the deadline's.
    public static let storeFailureSignal = SIGXFSZ

    private func record(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        if received == nil { received = number }
    }
}
