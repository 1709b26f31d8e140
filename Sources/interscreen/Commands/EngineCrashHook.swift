import Foundation

/// TEST ONLY: makes the engine helper die by SIGSEGV in the middle of one named task (after the
/// engine computed it, before the result leaves the helper), as a crash inside libxtb would.
///
/// Read only by `interscreen engine-helper`, never by the worker or the coordinator:
/// - `INTERSCREEN_TEST_ENGINE_SEGV=<task key>` — crash in that task, every time it runs;
/// - `INTERSCREEN_TEST_ENGINE_SEGV_ONCE=<file>` — only while `<file>` does not exist (the hook
///   creates it just before crashing): the task crashes once, then succeeds.
struct EngineCrashHook {
    var taskKey: String
    var onceMarker: String?

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self? {
        guard let key = environment["INTERSCREEN_TEST_ENGINE_SEGV"], !key.isEmpty else { return nil }
        return EngineCrashHook(taskKey: key, onceMarker: environment["INTERSCREEN_TEST_ENGINE_SEGV_ONCE"])
    }

    /// Crashes this process when `taskKey` is the named task (and the once-marker allows it).
    func strike(taskKey key: String) {
        guard key == taskKey else { return }
        if let marker = onceMarker {
            guard !FileManager.default.fileExists(atPath: marker) else { return }
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
        }
        signal(SIGSEGV, SIG_DFL)   // no handler in between: the kernel's default, a core-less death
        raise(SIGSEGV)
    }
}
