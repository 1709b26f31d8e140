import Foundation
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
        workdir = FileManager.default.temporaryDirectory.appendingPathComponent("interscreen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workdir, withIntermediateDirectories: true)
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

    /// Runs `interscreen args…` to completion; output goes through files (no pipe deadlock).
    func run(_ arguments: [String], executable: URL = CLIHarness.binary) throws -> Result {
        let process = configuredProcess(executable: executable, arguments: arguments)
        let id = UUID().uuidString
        let outURL = workdir.appendingPathComponent("stdout-\(id)")
        let errURL = workdir.appendingPathComponent("stderr-\(id)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: outURL, encoding: .utf8),
                      stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    func configuredProcess(executable: URL, arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = workdir
        var env = ProcessInfo.processInfo.environment
        env["OMP_NUM_THREADS"] = "1"
        env["OPENBLAS_NUM_THREADS"] = "1"
        env["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        env["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
        process.environment = env
        return process
    }
}
