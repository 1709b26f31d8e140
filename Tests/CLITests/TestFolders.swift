import Foundation

/// Temporary folders of the CLI tests, removed when the test process exits (not when a harness
/// goes away: a value can be released before its last use in the source). Set
/// INTERSCREEN_KEEP_TEST_DIRS to keep them for a look after a failure.
enum TestFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [String] = []
    nonisolated(unsafe) private static var registered = false

    static func removeAtExit(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.append(path)
        if !registered {
            registered = true
            atexit { TestFolders.removeAll() }
        }
    }

    private static func removeAll() {
        guard ProcessInfo.processInfo.environment["INTERSCREEN_KEEP_TEST_DIRS"] == nil else { return }
        lock.lock()
        defer { lock.unlock() }
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }
}
