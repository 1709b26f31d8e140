import Foundation
import Processes
import Store
import XCTest

/// Shared pieces of the HPC tests: a campaign with one task too long for a short deadline,
/// outcome comparisons, and a stand-in `sbatch` that records how it was called.
struct HPCFixture {
    let cli: CLIHarness

    /// The campaign fixture's fragments (single points, milliseconds each) plus the Zn complex
    /// optimised first: the size model predicts ~15 s for that optimisation (it takes < 1 s),
    /// so a deadline leaving ~10 s defers it and its single point, whatever the machine's load.
    func deadlineSpec(name: String = "hpc") throws -> String {
        let zn = "[[structures]]\nname = \"zn\"\nfiles = \"\(CLIHarness.fragment("Zn-Im2-HIm2"))\"\ntask = \"opt+sp\"\n"
        return try CampaignFixture(cli: cli).writeSpec(name: name, extraStructures: [zn])
    }

    /// A folder with an executable `sbatch` (or `tool`) that appends its arguments to `<tool>.log`
    /// there and prints a job id: the chained resubmission, observed without a scheduler.
    func stubSbatch(_ tool: String = "sbatch") throws -> URL {
        let folder = cli.workdir.appendingPathComponent("stub-bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = "#!/bin/sh\necho \"$@\" >> \"\(folder.path)/\(tool).log\"\necho 4242\n"
        let path = folder.appendingPathComponent(tool).path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return folder
    }

    /// Runs a batch script under bash with `environment` added (and `path` first on PATH).
    func runScript(_ script: String, environment: [String: String], path: URL? = nil) throws -> CLIHarness.Result {
        var env = environment
        if let path { env["PATH"] = path.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") }
        var command = cli.command(executable: URL(fileURLWithPath: "/bin/bash"), arguments: [script], environment: env)
        let out = cli.workdir.appendingPathComponent("script-\(UUID().uuidString).log")
        command.standardOutput = .file(out.path)
        command.standardError = .file(out.path, append: true)
        let child = try ChildProcess(command)
        let ended = child.wait(timeout: .seconds(900)) ?? child.terminate()
        XCTAssertNotEqual(ended, nil, "\(script) did not end")
        let text = try String(contentsOf: out, encoding: .utf8)
        return CLIHarness.Result(status: ended?.status ?? -1, stdout: text, stderr: "")
    }

    /// Every task done once, no calculation missing or duplicated, results equal to `reference`'s.
    static func assertFinished(db: String, reference: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try ResultsStore(path: db)
        let tasks = try store.tasks()
        XCTAssertFalse(tasks.isEmpty, file: file, line: line)
        XCTAssertTrue(tasks.allSatisfy { $0.state == .done }, "\(tasks.map { "\($0.key) \($0.state)" })",
                      file: file, line: line)
        // No calculation row without a task and none twice (an optimisation's single point on its
        // converged geometry is the optimisation's own final calculation, so tasks may share one).
        let used = Set(tasks.compactMap(\.calculationID))
        XCTAssertEqual(try store.calculations().count, used.count, "duplicated or missing results", file: file, line: line)
        XCTAssertEqual(try store.calculations().count, try ResultsStore(path: reference).calculations().count,
                       "as many results as the reference run", file: file, line: line)
        try assertSameResults(db, reference, file: file, line: line)
        XCTAssertEqual(try store.integrityCheck(), "ok", file: file, line: line)
    }

    /// Same calculations by identity with the same energies, same task states, same reactions.
    static func assertSameResults(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let x = try ResultsStore(path: a), y = try ResultsStore(path: b)
        func energies(_ s: ResultsStore) throws -> [String: Double] {
            Dictionary(try s.calculations().map { ("\($0.structureHash) \($0.settingsHash) \($0.kind)", $0.energyHartree) },
                       uniquingKeysWith: { first, _ in first })
        }
        XCTAssertEqual(try energies(x), try energies(y), "calculations differ", file: file, line: line)
        func tasks(_ s: ResultsStore) throws -> [String: String] {
            Dictionary(try s.tasks().map { ("\($0.campaign) \($0.key)", "\($0.state) \($0.definitionHash)") },
                       uniquingKeysWith: { first, _ in first })
        }
        XCTAssertEqual(try tasks(x), try tasks(y), "tasks differ", file: file, line: line)
        func reactions(_ s: ResultsStore) throws -> [String: String] {
            Dictionary(try s.reactions().map { ("\($0.campaign) \($0.name)", "\($0.status) \($0.energyHartree ?? .nan)") },
                       uniquingKeysWith: { first, _ in first })
        }
        XCTAssertEqual(try reactions(x), try reactions(y), "reactions differ", file: file, line: line)
    }

    /// Runs python3's sqlite3 on `db` (to plant a conflict the program itself would never write).
    static func sql(_ db: String, _ statement: String) throws {
        let result = try ChildProcess.run(Command("python3", ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
            + "c.execute(sys.argv[2])\nc.commit()\nc.close()", db, statement]), timeout: .seconds(120))
        guard result.status == 0 else { throw CLIError("python3 sqlite3 failed on \(db)") }
    }
}
