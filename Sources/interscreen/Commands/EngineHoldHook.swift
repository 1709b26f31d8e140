import Foundation

/// TEST ONLY: holds the engine helper at the start of named tasks until a file exists, so a test
/// can act (send a signal, kill the job) while those tasks are certainly running.
///
/// Read only by `interscreen engine-helper`:
/// - `INTERSCREEN_TEST_ENGINE_HOLD=<key>[,<key>…]` — the tasks to hold;
/// - `INTERSCREEN_TEST_ENGINE_RELEASE=<file>` — they go on once `<file>` exists.
struct EngineHoldHook {
    var taskKeys: Set<String>
    var releaseFile: String

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self? {
        guard let keys = environment["INTERSCREEN_TEST_ENGINE_HOLD"], !keys.isEmpty,
              let file = environment["INTERSCREEN_TEST_ENGINE_RELEASE"] else { return nil }
        return EngineHoldHook(taskKeys: Set(keys.split(separator: ",").map(String.init)), releaseFile: file)
    }

    /// Returns once the release file exists (at once for a task not held).
    func hold(taskKey key: String) {
        guard taskKeys.contains(key) else { return }
        while !FileManager.default.fileExists(atPath: releaseFile) { usleep(10_000) }
    }
}
