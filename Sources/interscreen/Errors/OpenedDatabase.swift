import Foundation
import Store
import Work

/// Opens the results database of a command and remembers its path, so that an SQLite error about
/// the file met later (a page found damaged while reading) is reported naming it.
enum OpenedDatabase {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [String] = []

    /// `ResultsStore.open(path:access:)`, remembered for `diagnose`.
    static func open(_ path: String, _ access: ResultsStore.Access) throws -> ResultsStore {
        lock.withLock { paths.append(path) }
        return try ResultsStore.open(path: path, access: access)
    }

    /// Opens `path` for writing (creating it) and records this command line as a run of it.
    static func beginRun(_ path: String) throws -> (store: ResultsStore, runID: Int64) {
        let store = try open(path, .create)
        let run = try store.beginRun(command: CommandLine.arguments, version: InterscreenVersion.current, host: HostInfo.name)
        return (store, run.id ?? 0)
    }

    /// `error` as a problem of the last database opened, when it is one.
    static func diagnose(_ error: Error) -> StoreOpenError? {
        guard let path = lock.withLock({ paths.last }) else { return nil }
        return ResultsStore.diagnose(error, path: path)
    }
}
