import Foundation
import Processes
import TestSupport
import XCTest

/// Runs the built `interscreen` binary as a user would, in a temporary working directory.
struct CLIHarness {
    let workdir: URL

    /// The repository root (for clusters/).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `interscreen` executable built next to this test bundle.
    static var binary: URL {
        let besideBundle = Bundle.main.bundleURL.appendingPathComponent("interscreen")
        if FileManager.default.isExecutableFile(atPath: besideBundle.path) { return besideBundle }
        return repository.appendingPathComponent(".build/debug/interscreen")
    }

    static func fragment(_ name: String) -> String {
        repository.appendingPathComponent("clusters/fragments/\(name).extxyz").path
    }

    init() throws {
        workdir = try TestFolders.make("interscreen-cli")
    }

    func path(_ name: String) -> String { workdir.appendingPathComponent(name).path }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var jsonLines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    /// Runs `interscreen args…` (or `executable`) to completion, output captured through files.
    /// A run over `timeout` is killed (with what it started) and fails the test instead of hanging it.
    func run(_ arguments: [String], executable: URL = CLIHarness.binary, environment: [String: String] = [:],
             timeout: Duration = .seconds(900), file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let captured = try ChildProcess.run(command(executable: executable, arguments: arguments, environment: environment),
                                            timeout: timeout)
        if captured.timedOut {
            XCTFail("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) overran \(timeout) and was killed",
                    file: file, line: line)
        }
        return Result(status: captured.status, stdout: captured.standardOutput, stderr: captured.standardError)
    }

    /// The command line as a user would run it here: in the work folder, one thread per process,
    /// mpirun allowed as root; `environment` added on top.
    func command(executable: URL = CLIHarness.binary, arguments: [String], environment: [String: String] = [:]) -> Command {
        var env = Command.inheritedEnvironment()
        env["OMP_NUM_THREADS"] = "1"
        env["OPENBLAS_NUM_THREADS"] = "1"
        env["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        env["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
        for (key, value) in environment { env[key] = value }
        return Command(executable.path, arguments, environment: env, directory: workdir.path)
    }
}
