import Scheduler

/// What a run does when the database cannot be written: it stops (`StopSignal.storeFailureSignal`,
/// exit status 6) and keeps the first reason, instead of going on with rows that disagree with the
/// database. Tasks whose results were lost run again on resume; they are not failed.
final class StorageFailurePolicy {
    private let stop: StopSignal?
    /// Why the database could not be written, once that happened.
    private(set) var reason: String?

    init(stop: StopSignal?) {
        self.stop = stop
    }

    /// Keeps the first reason and asks the run to stop.
    func stopRun(because reason: String) {
        if self.reason == nil { self.reason = reason }
        stop?.request(StopSignal.storeFailureSignal)
    }

    /// A write the run's record depends on: if it fails, the run stops as for a failed commit.
    func persist(_ what: String, _ write: () throws -> Void) {
        do { try write() } catch { stopRun(because: "\(what): \(error)") }
    }
}
