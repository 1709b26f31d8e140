import Foundation

/// Temporary folders of the tests, removed when the test process exits (not when their owner goes
/// away: XCTest keeps test-case instances alive to the end of the run, so a `deinit` or a value's
/// release would leave them behind, or remove one before its last use). Set
/// INTERSCREEN_KEEP_TEST_DIRS to keep them for a look after a failure.
public enum TestFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [String] = []
    nonisolated(unsafe) private static var registered = false

    /// A new empty folder `<prefix>-<UUID>` in the temporary directory, removed at exit.
    public static func make(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeAtExit(folder.path)
        return folder
    }

    /// Removes `path` when the test process exits.
    private static func removeAtExit(_ path: String) {
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
