import Foundation
import Store

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

    /// `error` as a problem of the last database opened, when it is one.
    static func diagnose(_ error: Error) -> StoreOpenError? {
        guard let path = lock.withLock({ paths.last }) else { return nil }
        return ResultsStore.diagnose(error, path: path)
    }
}
