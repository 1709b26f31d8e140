import Foundation
import Processes
import XCTest

/// A program or Python module a test needs. Missing, it fails the test with what to install;
/// it skips only when the developer opted out by name for a partial local run:
/// `INTERSCREEN_TESTS_ALLOW_MISSING=xtb,slurm swift test` (or `=all`). `scripts/test` clears
/// that variable, so under the gate (and CI) a missing dependency is always a failure.
public enum RequiredTool {
    /// The absolute path of `name` found on PATH (as a shell would), or a failure / opted-out skip.
    public static func path(_ name: String, install: String, group: String? = nil) throws -> URL {
        if let found = lookUp(name) { return found }
        throw missing(group ?? name, "`\(name)` is not on PATH (\(searchPath.joined(separator: ":"))); \(install)")
    }

    /// `python` imports every module in `modules`, or a failure / opted-out skip naming them.
    public static func python(_ python: String, imports modules: [String], install: String) throws {
        let script = modules.map { "import \($0)" }.joined(separator: "; ")
        let executable = python.contains("/") ? URL(fileURLWithPath: python) : lookUp(python)
        guard let executable else {
            throw missing("python", "`\(python)` is not on PATH; \(install)")
        }
        var command = Command(executable.path, ["-c", script])
        command.standardOutput = .null
        command.standardError = .null
        let result = try ChildProcess.run(command, timeout: .seconds(120))
        guard result.termination == .exited(0) else {
            throw missing("python", "\(executable.path) cannot import \(modules.joined(separator: ", ")); \(install)")
        }
    }

    /// The directories of PATH, in order.
    public static var searchPath: [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":").map(String.init)
    }

    /// `name` in the first PATH directory that holds it as an executable file.
    public static func lookUp(_ name: String) -> URL? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil }
        for dir in searchPath {
            let candidate = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// A skip when `group` is opted out, otherwise a thrown failure.
    private static func missing(_ group: String, _ message: String) -> Error {
        let optedOut = (ProcessInfo.processInfo.environment["INTERSCREEN_TESTS_ALLOW_MISSING"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if optedOut.contains("all") || optedOut.contains(group) {
            return XCTSkip("\(message) (skipped: INTERSCREEN_TESTS_ALLOW_MISSING=\(optedOut.joined(separator: ",")))")
        }
        return MissingDependency(message: "missing dependency: \(message). Run scripts/setup, or opt out for a "
            + "partial local run with INTERSCREEN_TESTS_ALLOW_MISSING=\(group)")
    }
}

/// A dependency a test needs is not installed; thrown (a failure), never a skip.
public struct MissingDependency: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
