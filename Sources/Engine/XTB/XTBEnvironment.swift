import CXTB
import Foundation

/// The one libxtb environment of this process, silenced, with its own scratch directory.
///
/// libxtb 6.5.1 leaks a file unit on every `xtb_setOutput`, so output is bound once, here.
/// GFN-FF ignores the verbosity, prints to standard output and writes topology files into the
/// working directory; `withQuietScratch` runs a call with both pointed away from the user.
final class XTBEnvironment {
    /// The process's environment, made on first use. libxtb 6.5.1 binds output units process-wide:
    /// a second environment's `xtb_setOutput` fails ("File already opened in another unit"), so
    /// every calculator of the process shares this one (and its scratch folder).
    static func shared(scratchParent: URL?) throws -> XTBEnvironment {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let environment = try XTBEnvironment(scratchParent: scratchParent)
        made = environment
        // The shared environment lives until the process ends: remove its scratch folder then.
        atexit { if let folder = XTBEnvironment.made?.scratch { try? FileManager.default.removeItem(at: folder) } }
        return environment
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: XTBEnvironment?

    let handle: xtb_TEnvironment
    /// Private directory for files libxtb writes (GFN-FF topology), removed on deinit.
    let scratch: URL

    private init(scratchParent: URL? = nil) throws {
        guard let env = xtb_newEnvironment() else {
            throw EngineError(.backend, "libxtb could not create an environment")
        }
        handle = env
        let parent = scratchParent ?? FileManager.default.temporaryDirectory
        scratch = parent.appendingPathComponent("interscreen-xtb-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        xtb_setOutput(handle, "/dev/null")
        xtb_setVerbosity(handle, 0)
    }

    deinit {
        var env: xtb_TEnvironment? = handle
        xtb_delEnvironment(&env)
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Throws the pending libxtb error, if any, and clears it (the environment stays usable).
    func check(_ context: String) throws {
        guard xtb_checkEnvironment(handle) != 0 else { return }
        var buffer = [CChar](repeating: 0, count: 4096)
        var size = Int32(buffer.count)
        xtb_getError(handle, &buffer, &size)
        let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        throw EngineError(Self.classify(message), "\(context): \(message)")
    }

    /// Runs `body` with the working directory in the scratch folder and fd 1 sent to /dev/null.
    func withQuietScratch<T>(_ body: () throws -> T) rethrows -> T {
        let fm = FileManager.default
        let previous = fm.currentDirectoryPath
        fflush(nil)
        let savedStdout = dup(STDOUT_FILENO)
        let devNull = open("/dev/null", O_WRONLY)
        dup2(devNull, STDOUT_FILENO)
        close(devNull)
        clearScratch()
        _ = fm.changeCurrentDirectoryPath(scratch.path)
        defer {
            _ = fm.changeCurrentDirectoryPath(previous)
            fflush(nil)
            dup2(savedStdout, STDOUT_FILENO)
            close(savedStdout)
        }
        return try body()
    }

    /// Removes files left by an earlier call: GFN-FF would otherwise read back a stale `gfnff_topo`.
    private func clearScratch() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: scratch.path)) ?? [] {
            try? fm.removeItem(at: scratch.appendingPathComponent(name))
        }
    }

    /// GFN0 has no built-in parameters: its file, given explicitly when XTBPATH is unset (Debian
    /// installs it in /usr/share/xtb). XTBPATH is not set for the process because GFN1/GFN2 would
    /// then read text files (3 ms slower per load) instead of their built-in parameters.
    static var gfn0ParameterFile: String? {
        guard getenv("XTBPATH") == nil else { return nil }
        let path = "/usr/share/xtb/param_gfn0-xtb.txt"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private static func classify(_ message: String) -> EngineError.Kind {
        let lower = message.lowercased()
        if lower.contains("scf not converged") || lower.contains("scc not converged")
            || lower.contains("not converge") {
            return .sccNotConverged
        }
        return .backend
    }
}
