import Foundation
import Processes
import XCTest

/// `run` into a log (not a terminal): a predicted ETA before anything finishes, and progress lines
/// while a long task runs, not only when tasks finish.
final class ProgressCLITests: XCTestCase {
    /// A 75-atom interface product, held at its start while the test watches for a heartbeat.
    static let product = CLIHarness.repository
        .appendingPathComponent("clusters/models/optimized/CsPbI3-delta-8fu-001_zn1_k1_pb5_im1_o0.extxyz").path

    func testALogShowsAPredictedETAAndHeartbeatsDuringALongTask() throws {
        let cli = try CLIHarness()
        let spec = try CampaignFixture(cli: cli).writeSpec(
            extraStructures: ["[[structures]]\nname = \"product\"\nfiles = \"\(Self.product)\"\n"])
        // One worker rank, so while it computes the product nothing else can finish.
        // The product is held at its start (the engine helper's test-only hook) until a heartbeat
        // line has appeared: the test waits for that event instead of hoping the task lasts long enough.
        let log = cli.path("run.log")
        let release = cli.path("release")
        var command = try cli.command(executable: CampaignCLITests.mpirun,
                                      arguments: ["-n", "2", "--oversubscribe", CLIHarness.binary.path, "run", spec,
                                                  "--db", cli.path("job.sqlite"), "--log-interval", "0.1"],
                                      environment: ["INTERSCREEN_TEST_ENGINE_HOLD": "product/sp",
                                                    "INTERSCREEN_TEST_ENGINE_RELEASE": release])
        command.standardOutput = .file(log)
        command.standardError = .file(log, append: true)
        let job = try ChildProcess(command)
        defer { _ = job.terminate() }
        var heartbeat = false
        for _ in 0..<60_000 where !heartbeat && job.isRunning {   // at most 600 s
            heartbeat = ChildProcess.readText(log).split(separator: "\n").contains { $0.contains(", 1 running,") }
            if !heartbeat { usleep(10_000) }
        }
        FileManager.default.createFile(atPath: release, contents: nil)
        let ended = job.wait(timeout: .seconds(600))
        let run = (status: ended?.status ?? -1, stdout: "", stderr: ChildProcess.readText(log))
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(" done, ") }
        let first = try XCTUnwrap(lines.first, run.stderr)
        XCTAssertTrue(first.contains("0/9 done") && first.contains("(predicted)"), String(first))
        // A finished task reports with its rank idle again ("0 running" on one worker), so a line
        // with a task running can only come from the coordinator's heartbeat.
        XCTAssertTrue(heartbeat, run.stderr)
        XCTAssertTrue(try XCTUnwrap(lines.last).hasPrefix("[") && lines.last!.contains("9/9 done"), run.stderr)
    }

    /// Two structures with invalid input are never planned: the plan, the progress line and the
    /// summary give the same task count, and the invalid inputs are counted apart.
    func testInvalidInputsAreCountedApartFromTasks() throws {
        let cli = try CLIHarness()
        let bad = ["francium.xyz": "2\ncharge=0\nFr 0 0 0\nI 0 0 3.0\n", "astatine.xyz": "1\ncharge=0\nAt 0 0 0\n"]
        let extra = ["francium", "astatine"].map { "[[structures]]\nname = \"\($0)\"\nfiles = \"\(cli.path("\($0).xyz"))\"\n" }
        let spec = try CampaignFixture(cli: cli).writeSpec(extraStructures: extra, extraFiles: bad)
        let run = try cli.run(["run", spec, "--db", cli.path("job.sqlite"), "--log-interval", "0.1"])
        XCTAssertEqual(run.status, 1, "invalid inputs still make the run exit 1")
        let planned = try XCTUnwrap(Self.firstNumber(after: "campaign job: ", in: run.stdout + run.stderr), run.stdout)
        let lines = run.stderr.split(separator: "\n").filter { $0.contains(" done, ") }
        XCTAssertFalse(lines.isEmpty, run.stderr)
        for line in lines {
            XCTAssertTrue(line.contains("/\(planned) done, "), "progress counts the \(planned) planned tasks: \(line)")
            XCTAssertTrue(line.contains("; 2 invalid input(s), not run"), String(line))
        }
        XCTAssertTrue(try XCTUnwrap(lines.last).contains("\(planned)/\(planned) done, 0 failed"), run.stderr)
    }

    /// The integer right after `prefix` in `text`.
    static func firstNumber(after prefix: String, in text: String) -> Int? {
        guard let r = text.range(of: prefix) else { return nil }
        return Int(text[r.upperBound...].prefix { $0.isNumber })
    }
}
